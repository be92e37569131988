// "Forgot password" without telling who has an account. The form's request does exactly the same
// work for every address: it stores the request (one insert) and answers. Whether the address has
// an account — and so whether a link is made and an email queued — is decided later, by a worker,
// out of sight of the answer's timing. Several instances may run the worker: each request is
// claimed by deleting its row in the transaction that queues the email, so it is handled once.
import type { FastifyBaseLogger } from 'fastify';
import { inTransaction } from '../../db/database.ts';
import type { ServiceCtx } from '../../deps.ts';
import { SYSTEM_ACTOR } from '../../http/request-user.ts';
import type { BackgroundWorker, WorkerStarter } from '../../module.ts';
import { type AuthCtx, authCtxFor, within } from './context.ts';
import { issuePasswordLink, linksIssuedSince, resetEmail } from './one-time-links.ts';
import { queueEmail } from './ports.ts';
import { selectUserByEmail } from './users.queries.ts';

/** At most this many reset emails per account per hour, whoever asks. */
export const RESET_EMAILS_PER_HOUR = 3;
/** A request the worker has not reached within this time is dropped (the person will have asked again). */
const REQUEST_TTL_MS = 3600_000;
const POLL_MS = 2000;

const wakers = new Set<() => void>();

/** Stores a request for a reset link: the only work the form does, the same for every address. */
export async function requestPasswordReset(ctx: ServiceCtx, email: string): Promise<void> {
  await ctx.db
    .insertInto('password_reset_requests')
    .values({ email: email.trim().toLowerCase(), requested_at: ctx.now.toISOString(), request_id: ctx.actor.requestId ?? null })
    .execute();
  if (wakers.size > 0) setTimeout(() => wakers.forEach((wake) => void wake()), 20).unref();
}

/** Handles one request; false when another worker claimed it first. */
async function handleRequest(ctx: AuthCtx, request: { id: number; email: string; requested_at: string }): Promise<boolean> {
  return inTransaction(ctx.db, async (trx) => {
    const claimed = await trx.deleteFrom('password_reset_requests').where('id', '=', request.id).executeTakeFirst();
    if (Number(claimed.numDeletedRows) !== 1) return false;
    if (ctx.now.getTime() - Date.parse(request.requested_at) > REQUEST_TTL_MS) return true;
    const user = await selectUserByEmail(trx, request.email);
    if (!user || user.status === 'deactivated') return true;
    const recent = await linksIssuedSince(trx, Number(user.id), 'reset', new Date(ctx.now.getTime() - 3600_000));
    if (recent >= RESET_EMAILS_PER_HOUR) return true;
    const link = await issuePasswordLink(within(ctx, trx), Number(user.id), 'reset');
    await queueEmail(trx, { to: user.email, at: ctx.now, ...resetEmail(link) });
    return true;
  });
}

/** Turns waiting requests into emails (for accounts that exist); returns how many it handled. */
export async function processResetRequests(ctx: AuthCtx, batch = 50): Promise<number> {
  const waiting = await ctx.db
    .selectFrom('password_reset_requests')
    .select(['id', 'email', 'requested_at'])
    .orderBy('id')
    .limit(batch)
    .execute();
  let handled = 0;
  for (const request of waiting) if (await handleRequest(ctx, { ...request, id: Number(request.id) })) handled += 1;
  return handled;
}

/** The worker beside the web server (RESET_WORKER): polls every 2 s, and at once after a request here. */
export const startResetWorker: WorkerStarter = (deps, log: FastifyBaseLogger): BackgroundWorker => {
  if (!deps.config.runResetWorker) return { stop: async () => {} };
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    clearTimeout(timer);
    running = running
      .then(async () => {
        let handled = 1;
        while (!stopped && handled > 0) handled = await processResetRequests(authCtxFor(deps, SYSTEM_ACTOR));
      })
      .catch((err: unknown) => log.error({ err }, 'password reset requests failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, POLL_MS).unref();
      });
  };
  wakers.add(tick);
  tick();
  return {
    stop: async () => {
      stopped = true;
      wakers.delete(tick);
      clearTimeout(timer);
      await running;
    },
  };
};
