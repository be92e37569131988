// Background jobs of the news module: the resumable send, and the hourly expiry of unconfirmed sign-ups.
import type { JobHandler } from '../../module.ts';
import { sendEditionJob } from './send.ts';
import { expireUnconfirmed } from './subscribers.service.ts';

export const expireSignupsJob: JobHandler = {
  kind: 'news.expire-signups',
  description: { nl: 'Onbevestigde aanmeldingen voor de nieuwsbrief verwijderen', en: 'Delete unconfirmed newsletter sign-ups' },
  every: { minutes: 60 },
  run: async (_job, ctx) => {
    const n = await expireUnconfirmed(ctx.deps.db, ctx.deps.now());
    if (n > 0) ctx.log.info({ expired: n }, 'news: unconfirmed sign-ups expired');
  },
};

export const newsJobs: JobHandler[] = [sendEditionJob, expireSignupsJob];
