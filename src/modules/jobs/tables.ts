// Tables owned by the jobs module: background jobs every module enqueues, and what became of them.
import type { Generated } from 'kysely';

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface JobsTable {
  id: Generated<number>;
  /** `module.action`, the JobHandler that runs it. */
  kind: string;
  /** JSON text: what the handler needs (ids, not personal data). */
  payload_json: string;
  status: JobStatus;
  /** ISO-8601 UTC: not run before this moment. */
  run_at: string;
  /** Attempts started so far (a claim counts one). */
  attempts: number;
  /** Null: the handler's maxAttempts (default 5). */
  max_attempts: number | null;
  /** The idempotency key given at enqueue, kept for display and retry. */
  job_key: string | null;
  /** Equals job_key while the job is unfinished (queued or running), null after: unique. */
  active_key: string | null;
  /** `kind@periodStart` for recurring jobs: one job per period, unique. */
  schedule_key: string | null;
  /** Id of the runner holding the claim, and until when the claim holds (the lease). */
  locked_by: string | null;
  locked_until: string | null;
  progress_done: number | null;
  progress_total: number | null;
  /** Message of the last failed attempt (never a stack trace). */
  last_error: string | null;
  /** 1 when cancellation was asked while the job was running. */
  cancel_requested: number;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface JobsTables {
  jobs: JobsTable;
}

declare module '../../db/types.ts' {
  interface Database extends JobsTables {}
}
