// View models of the staff jobs page: what a row shows of a job (never its payload, which may hold
// ids of people; the last error is shown to admins only, as stored: a message, no stack).
import type { Localized } from '../../i18n.ts';
import type { JobHandler } from '../../module.ts';
import { DEFAULT_MAX_ATTEMPTS } from './jobs.logic.ts';
import type { JobView } from './service.ts';
import type { JobOverview } from './staff.ts';
import type { JobStatus } from './tables.ts';

export interface JobRowView {
  id: number;
  kind: string;
  /** The handler's description; null when no module declares this kind (any more). */
  description: Localized | null;
  status: JobStatus;
  runAt: string;
  attempts: number;
  maxAttempts: number;
  progress: { done: number; total: number; percent: number | null } | null;
  lastError: string | null;
  cancelRequested: boolean;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface JobsPageView {
  counts: Record<JobStatus, number>;
  running: JobRowView[];
  queued: JobRowView[];
  failed: JobRowView[];
  finished: JobRowView[];
}

export function presentJobRow(job: JobView, handlers: ReadonlyMap<string, JobHandler>): JobRowView {
  const handler = handlers.get(job.kind);
  return {
    id: job.id,
    kind: job.kind,
    description: handler?.description ?? null,
    status: job.status,
    runAt: job.runAt,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts ?? handler?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    progress: job.progress,
    lastError: job.lastError,
    cancelRequested: job.cancelRequested,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}

export function presentJobsPage(overview: JobOverview, handlers: readonly JobHandler[]): JobsPageView {
  const byKind = new Map(handlers.map((h) => [h.kind, h]));
  const rows = (jobs: JobView[]) => jobs.map((j) => presentJobRow(j, byKind));
  return {
    counts: overview.counts,
    running: rows(overview.running),
    queued: rows(overview.queued),
    failed: rows(overview.failed),
    finished: rows(overview.finished),
  };
}
