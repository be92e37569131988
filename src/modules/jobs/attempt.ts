// One attempt at one claimed job: runs its handler with a context (progress, signal), keeps the
// lease alive with a heartbeat, and records how the attempt ended. Every write is conditional on
// still holding the lease, so a runner that lost its claim never overwrites the new holder's work.
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import type { JobHandler, JobRunContext } from '../../module.ts';
import { afterFailure, DEFAULT_MAX_ATTEMPTS, errorMessage } from './jobs.logic.ts';
import { type AttemptEnd, endAttempt, type JobRow, renewLease } from './queries.ts';

export type StopReason = 'shutdown' | 'cancelled' | 'lease-lost';

/** The reason `ctx.signal` carries and `ctx.progress` throws once a job is asked to stop. */
export class JobStoppedError extends Error {
  constructor(readonly reason: StopReason) {
    super(`Job stopped: ${reason}`);
    this.name = 'JobStoppedError';
  }
}

export interface AttemptSettings {
  db: Db;
  deps: AppDeps;
  log: FastifyBaseLogger;
  runnerId: string;
  now: () => Date;
  leaseMs: number;
}

export interface RunningAttempt {
  jobId: number;
  /** Settles when the attempt has ended and its end is recorded (never rejects). */
  done: Promise<void>;
  /** Asks the handler to stop (ctx.signal aborts); the attempt is then released or cancelled. */
  stop(reason: StopReason): void;
  /** Stops renewing the lease (shutdown gave up waiting): the lease expires and the job is recovered. */
  abandon(): void;
}

function checkedProgress(done: number, total: number): { done: number; total: number } {
  if (!Number.isInteger(done) || !Number.isInteger(total) || done < 0 || total < 0)
    throw new TypeError('ctx.progress(done, total) takes whole numbers of at least 0.');
  return { done: Math.min(done, total), total };
}

export function startAttempt(s: AttemptSettings, handler: JobHandler, row: JobRow): RunningAttempt {
  const id = Number(row.id);
  const attempt = Number(row.attempts);
  const controller = new AbortController();
  let stopReason: StopReason | null = null;
  const stop = (reason: StopReason) => {
    if (stopReason !== null) return;
    stopReason = reason;
    controller.abort(new JobStoppedError(reason));
  };
  const leaseUntil = () => new Date(s.now().getTime() + s.leaseMs).toISOString();
  const renew = async (progress?: { done: number; total: number }) => {
    const held = await renewLease(s.db, id, s.runnerId, leaseUntil(), progress);
    if (held === null) stop('lease-lost');
    else if (held.cancelRequested) stop('cancelled');
  };
  const heartbeat = setInterval(() => void renew().catch(() => {}), Math.max(250, Math.floor(s.leaseMs / 4)));
  heartbeat.unref();

  const ctx: JobRunContext = {
    deps: s.db === s.deps.db ? s.deps : { ...s.deps, db: s.db },
    log: s.log,
    signal: controller.signal,
    progress: async (done, total) => {
      await renew(checkedProgress(done, total));
      if (stopReason !== null) throw controller.signal.reason;
    },
  };
  const end = async (how: AttemptEnd) => {
    if (!(await endAttempt(s.db, id, s.runnerId, how)))
      s.log.warn({ jobId: id, kind: row.kind }, 'jobs: lease lost before the attempt was recorded (the job may run again)');
  };

  const run = async () => {
    const maxAttempts = row.max_attempts ?? handler.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    const at = () => s.now().toISOString();
    if (Number(row.cancel_requested) === 1) return end({ status: 'cancelled', at: at() });
    // Earlier attempts ended with their runner (lease expired) until none were left.
    if (attempt > maxAttempts) return end({ status: 'failed', at: at(), error: row.last_error ?? 'No attempts left.' });
    let result: Awaited<ReturnType<JobHandler['run']>>;
    try {
      result = await handler.run({ id, kind: row.kind, payload: JSON.parse(row.payload_json), attempt }, ctx);
    } catch (err) {
      if (stopReason === 'shutdown') return end({ status: 'released', runAt: at() });
      if (stopReason === 'cancelled') return end({ status: 'cancelled', at: at() });
      if (stopReason === 'lease-lost') return s.log.warn({ jobId: id, kind: row.kind }, 'jobs: stopped after losing the lease');
      const next = afterFailure(attempt, maxAttempts, s.now());
      // Ids only: the message may name people; it is stored for admins, not logged.
      s.log.warn({ jobId: id, kind: row.kind, attempt, status: next.status }, 'jobs: attempt failed');
      const error = errorMessage(err);
      return end(
        next.status === 'failed' ? { status: 'failed', at: at(), error } : { status: 'queued', runAt: next.runAt.toISOString(), error },
      );
    }
    if (stopReason === 'cancelled' && result?.continueAt) return end({ status: 'cancelled', at: at() });
    if (result?.continueAt) return end({ status: 'queued', runAt: result.continueAt.toISOString(), error: null, resetAttempts: true });
    return end({ status: 'done', at: at() });
  };

  const done = run()
    .catch((err) => s.log.error({ jobId: id, kind: row.kind, err: errorMessage(err) }, 'jobs: could not record the attempt'))
    .finally(() => clearInterval(heartbeat));
  return { jobId: id, done, stop, abandon: () => clearInterval(heartbeat) };
}
