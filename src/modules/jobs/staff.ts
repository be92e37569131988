// What admins do with jobs on /beheer/taken: see them by state, retry a failed job now, cancel a
// waiting or running one. Each action is one transaction with its audit entry.

import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/database.ts';
import type { ServiceCtx } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { cancelWaiting, isUniqueViolation, requestCancel, requeueFailed, selectJob, selectJobs } from './queries.ts';
import { type JobView, jobCounts, presentJob, wakeRunners } from './service.ts';
import type { JobStatus } from './tables.ts';

export const LIST_LIMIT = 100;
export const FINISHED_LIMIT = 50;

export interface JobOverview {
  counts: Record<JobStatus, number>;
  running: JobView[];
  queued: JobView[];
  failed: JobView[];
  finished: JobView[];
}

export async function jobOverview(db: Db): Promise<JobOverview> {
  const list = async (statuses: JobStatus[], limit: number) => (await selectJobs(db, statuses, limit)).map(presentJob);
  return {
    counts: await jobCounts(db),
    running: await list(['running'], LIST_LIMIT),
    queued: await list(['queued'], LIST_LIMIT),
    failed: await list(['failed'], LIST_LIMIT),
    finished: await list(['done', 'cancelled'], FINISHED_LIMIT),
  };
}

const NOT_FAILED = {
  nl: 'Deze taak is niet (meer) mislukt. Alleen een mislukte taak kan opnieuw worden geprobeerd; vernieuw de pagina.',
  en: 'This job has not failed (any more). Only a failed job can be retried; reload the page.',
};
const KEY_TAKEN = {
  nl: 'Er wacht of loopt al een andere taak voor hetzelfde werk. Wacht tot die klaar is, of annuleer die eerst.',
  en: 'Another job for the same work is waiting or running. Wait until it has finished, or cancel it first.',
};
const FINISHED = {
  nl: 'Deze taak is al afgerond en kan niet meer worden geannuleerd; vernieuw de pagina.',
  en: 'This job has already finished and can no longer be cancelled; reload the page.',
};

/** Queues a failed job again to run at once, with fresh attempts (audited). */
export async function retryJob(ctx: ServiceCtx, id: number): Promise<void> {
  try {
    await inTransaction(ctx.db, async (trx) => {
      const job = await selectJob(trx, id);
      if (!job) throw errors.notFound();
      if (!(await requeueFailed(trx, id, ctx.now.toISOString()))) throw errors.conflict(NOT_FAILED);
      await recordAudit(trx, {
        at: ctx.now,
        actor: ctx.actor,
        action: 'retry',
        entity: 'job',
        entityId: id,
        before: { kind: job.kind, status: job.status, attempts: Number(job.attempts) },
        after: { kind: job.kind, status: 'queued', attempts: 0 },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw errors.conflict(KEY_TAKEN);
    throw err;
  }
  wakeRunners(ctx.db);
}

/** Cancels a waiting or failed job, or asks a running one to stop (audited). */
export async function cancelJobAsStaff(ctx: ServiceCtx, id: number): Promise<'cancelled' | 'cancelling'> {
  return inTransaction(ctx.db, async (trx) => {
    const job = await selectJob(trx, id);
    if (!job) throw errors.notFound();
    const outcome = (await cancelWaiting(trx, id, ctx.now.toISOString()))
      ? 'cancelled'
      : (await requestCancel(trx, id))
        ? 'cancelling'
        : null;
    if (outcome === null) throw errors.conflict(FINISHED);
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'cancel',
      entity: 'job',
      entityId: id,
      before: { kind: job.kind, status: job.status },
      after: { kind: job.kind, status: outcome === 'cancelled' ? 'cancelled' : 'running', cancelRequested: outcome === 'cancelling' },
    });
    return outcome;
  });
}
