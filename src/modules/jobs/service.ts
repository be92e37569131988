// The jobs module's service: enqueueJob() stores a job in the caller's transaction (so it exists if
// and only if the caller's write commits); the runner in runner.ts claims and runs it. Reads take
// (db, …); staff actions take (ctx, …) and are audited in the same transaction.
import type { Db } from '../../db/database.ts';
import type { ServiceCtx } from '../../deps.ts';
import { checkJobInput, percentOf } from './jobs.logic.ts';
import {
  cancelWaiting,
  countByStatus,
  insertJob,
  type JobRow,
  newJobValues,
  requestCancel,
  selectIdByActiveKey,
  selectJob,
} from './queries.ts';
import type { JobStatus } from './tables.ts';

export type { JobStatus };

export interface JobInput {
  /** `module.action`; a handler of this kind must be declared in some module's manifest. */
  kind: string;
  /** JSON-serialisable; ids rather than personal data. */
  payload?: unknown;
  /** Not before this moment (default: now). */
  runAt?: Date;
  /** Idempotency: while a job with this key is queued or running, enqueueing it again returns that job's id. */
  key?: string;
  /** Overrides the handler's maxAttempts for this job. */
  maxAttempts?: number;
}

/** The database or transaction to write in, or a ServiceCtx (whose `db` may be a transaction and whose clock is used). */
export type JobWriter = Db | Pick<ServiceCtx, 'db' | 'now'>;

function writerOf(target: JobWriter): { db: Db; now: Date } {
  return 'selectFrom' in target ? { db: target, now: new Date() } : { db: target.db, now: target.now };
}

const wakers = new Set<() => void>();

/** Runners in this process register here so a new job is picked up without waiting a poll. */
export function onJobEnqueued(wake: () => void): () => void {
  wakers.add(wake);
  return () => wakers.delete(wake);
}

/** Wakes this process's runners (after an enqueue or a retry). */
export function wakeRunners(db: Db): void {
  if (wakers.size === 0) return;
  // Inside a transaction the job is visible only after the commit: wake a moment later; if that is
  // too early, the next poll (about a second) finds it.
  setTimeout(
    () => {
      for (const wake of wakers) wake();
    },
    db.isTransaction ? 25 : 0,
  ).unref();
}

/**
 * Enqueues a job in `target`'s transaction and returns its id. With a `key`, an unfinished job with
 * the same key is not enqueued twice: its id is returned instead.
 */
export async function enqueueJob(target: JobWriter, input: JobInput): Promise<number> {
  const { db, now } = writerOf(target);
  const payloadJson = JSON.stringify(input.payload ?? null);
  checkJobInput(input, payloadJson);
  const at = now.toISOString();
  for (let tries = 0; tries < 3; tries++) {
    const id = await insertJob(
      db,
      newJobValues({
        kind: input.kind,
        payloadJson,
        runAt: (input.runAt ?? now).toISOString(),
        createdAt: at,
        maxAttempts: input.maxAttempts,
        key: input.key,
      }),
    );
    if (id !== null) {
      wakeRunners(db);
      return id;
    }
    const existing = input.key === undefined ? null : await selectIdByActiveKey(db, input.key);
    if (existing !== null) return existing;
    // The job holding the key finished between our insert and our read: try again.
  }
  throw new Error(`Could not enqueue job ${input.kind}: its key stays taken.`);
}

export type CancelOutcome = 'cancelled' | 'cancelling' | 'finished' | 'not-found';

/**
 * Cancels a job by id, or the unfinished job with a key. A queued or failed job is cancelled at
 * once; a running one is asked to stop (`ctx.signal` aborts, `ctx.progress` throws) and ends as
 * cancelled unless it completes first.
 */
export async function cancelJob(target: JobWriter, job: number | { key: string }): Promise<CancelOutcome> {
  const { db, now } = writerOf(target);
  const id = typeof job === 'number' ? job : await selectIdByActiveKey(db, job.key);
  if (id === null) return 'not-found';
  if (await cancelWaiting(db, id, now.toISOString())) return 'cancelled';
  if (await requestCancel(db, id)) return 'cancelling';
  return (await selectJob(db, id)) ? 'finished' : 'not-found';
}

export interface JobView {
  id: number;
  kind: string;
  status: JobStatus;
  payload: unknown;
  key: string | null;
  runAt: string;
  attempts: number;
  /** Null: the handler's own maxAttempts applies. */
  maxAttempts: number | null;
  progress: JobProgress['progress'];
  lastError: string | null;
  cancelRequested: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export function presentJob(r: JobRow): JobView {
  return {
    id: Number(r.id),
    kind: r.kind,
    status: r.status,
    payload: JSON.parse(r.payload_json),
    key: r.job_key,
    runAt: r.run_at,
    attempts: Number(r.attempts),
    maxAttempts: r.max_attempts === null ? null : Number(r.max_attempts),
    progress: progressOf(r),
    lastError: r.last_error,
    cancelRequested: Number(r.cancel_requested) === 1,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

function progressOf(r: JobRow): JobProgress['progress'] {
  if (r.progress_done === null || r.progress_total === null) return null;
  const done = Number(r.progress_done);
  const total = Number(r.progress_total);
  return { done, total, percent: percentOf(done, total) };
}

export async function getJob(db: Db, id: number): Promise<JobView | null> {
  const r = await selectJob(db, id);
  return r ? presentJob(r) : null;
}

export interface JobProgress {
  id: number;
  status: JobStatus;
  /** What the handler last reported with ctx.progress(done, total); null before it did. */
  progress: { done: number; total: number; percent: number | null } | null;
  lastError: string | null;
}

/** How far a batch is, for a module's own staff page ("120 of 342 reports"). */
export async function jobProgress(db: Db, id: number): Promise<JobProgress | null> {
  const r = await selectJob(db, id);
  return r ? { id: Number(r.id), status: r.status, progress: progressOf(r), lastError: r.last_error } : null;
}

/** Jobs per status, for /metrics and the staff page. */
export async function jobCounts(db: Db): Promise<Record<JobStatus, number>> {
  const c = await countByStatus(db);
  return { queued: c.queued ?? 0, running: c.running ?? 0, done: c.done ?? 0, failed: c.failed ?? 0, cancelled: c.cancelled ?? 0 };
}
