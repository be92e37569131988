// Background jobs of the news module: the resumable send, the hourly expiry of unconfirmed sign-ups,
// and reading the bounce mailbox (a Maildir under DATA_DIR) every five minutes.
import { join } from 'node:path';
import { SYSTEM_ACTOR } from '../../http/request-user.ts';
import type { JobHandler } from '../../module.ts';
import { BOUNCE_MAILDIR, readBounceMaildir } from './maildir.ts';
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

export const bounceMailboxJob: JobHandler = {
  kind: 'news.bounce-mailbox',
  description: { nl: 'Bounces en klachten uit de bounce-mailbox verwerken', en: 'Process bounces and complaints from the bounce mailbox' },
  every: { minutes: 5 },
  run: async (_job, ctx) => {
    const dir = join(ctx.deps.config.dataDir, BOUNCE_MAILDIR);
    const out = await readBounceMaildir({ db: ctx.deps.db, actor: SYSTEM_ACTOR, now: ctx.deps.now() }, dir);
    if (out.messages > 0) ctx.log.info(out, 'news: bounce mailbox read');
  },
};

export const newsJobs: JobHandler[] = [sendEditionJob, expireSignupsJob, bounceMailboxJob];
