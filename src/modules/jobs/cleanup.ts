// The jobs module's own recurring job: finished jobs are kept for a while (the staff page shows
// recent ones; a failed one can be retried), then deleted so the table stays small.
import type { JobHandler } from '../../module.ts';
import { deleteFinished } from './queries.ts';

const DAY_MS = 86_400_000;
export const KEEP_DONE_DAYS = 30;
export const KEEP_FAILED_DAYS = 90;

export const cleanupJobs: JobHandler = {
  kind: 'jobs.cleanup',
  description: {
    nl: 'Ruimt afgeronde taken op (na 30 dagen; mislukte na 90 dagen).',
    en: 'Deletes finished jobs (after 30 days; failed ones after 90 days).',
  },
  every: { minutes: 24 * 60 },
  async run(_job, ctx) {
    const now = ctx.deps.now().getTime();
    const deleted = await deleteFinished(ctx.deps.db, {
      doneBefore: new Date(now - KEEP_DONE_DAYS * DAY_MS).toISOString(),
      failedBefore: new Date(now - KEEP_FAILED_DAYS * DAY_MS).toISOString(),
    });
    ctx.log.info({ deleted }, 'jobs: old finished jobs deleted');
  },
};
