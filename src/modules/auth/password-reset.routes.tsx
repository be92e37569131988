// Forgot password (ask for an emailed link) and set a password from a link (reset or invitation).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { inTransaction } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import { sendPage } from '../../http/render.tsx';
import { parseInput } from '../../http/validate.ts';
import { checkPasswordLink, issuePasswordLink, linksIssuedSince, resetEmail, setPasswordWithLink } from './one-time-links.ts';
import { queueEmail } from './ports.ts';
import { forgotPasswordInput, setPasswordInput } from './schema.ts';
import { ForgotPasswordPage, forgotPasswordTitle } from './views/password-forgot.tsx';
import { InvalidLinkPage, invalidLinkTitle, SetPasswordPage, setPasswordTitle } from './views/password-set.tsx';

/** Per instance and IP; the per-account limit on emails is below. */
export const RESET_RATE_LIMIT = { max: 10, timeWindow: '15 minutes' } as const;
/** At most this many reset emails per account per hour, whoever asks. */
export const RESET_EMAILS_PER_HOUR = 3;

function sendInvalidLink(req: FastifyRequest, reply: FastifyReply, reason: 'unknown' | 'expired' | 'used') {
  // 400 for a link that never worked; 410 Gone for one that did and no longer does.
  const status = reason === 'unknown' ? 400 : 410;
  return sendPage(req, reply, { title: invalidLinkTitle(req.locale), status }, <InvalidLinkPage reason={reason} />);
}

export async function registerPasswordResetRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/wachtwoord/vergeten', { config: { permission: 'public' } }, async (req, reply) => {
    const sent = (req.query as Record<string, unknown>).verstuurd === '1';
    return sendPage(req, reply, { title: forgotPasswordTitle(req.locale) }, <ForgotPasswordPage sent={sent} />);
  });

  app.post('/wachtwoord/vergeten', { config: { permission: 'public', rateLimit: RESET_RATE_LIMIT } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const parsed = parseInput(forgotPasswordInput, body);
    if (!parsed.ok) {
      const typed = typeof body.email === 'string' ? body.email.slice(0, 254) : '';
      return sendPage(
        req,
        reply,
        { title: forgotPasswordTitle(req.locale), status: 400 },
        <ForgotPasswordPage email={typed} errors={parsed.errors} />,
      );
    }
    const user = await deps.db
      .selectFrom('users')
      .select(['id', 'email', 'status'])
      .where('email', '=', parsed.data.email)
      .executeTakeFirst();
    // The answer is the same whether or not the address has an account (no account enumeration).
    if (user && user.status !== 'deactivated') {
      const now = deps.now();
      const recent = await linksIssuedSince(deps.db, Number(user.id), 'reset', new Date(now.getTime() - 3600_000));
      if (recent < RESET_EMAILS_PER_HOUR) {
        await inTransaction(deps.db, async (trx) => {
          const link = await issuePasswordLink(deps, trx, Number(user.id), 'reset');
          await queueEmail(trx, { to: user.email, at: now, ...resetEmail(link) });
        });
      }
    }
    return reply.redirect('/wachtwoord/vergeten?verstuurd=1', 303);
  });

  app.get('/wachtwoord/instellen', { config: { permission: 'public' } }, async (req, reply) => {
    const token = (req.query as Record<string, unknown>).token;
    reply.header('referrer-policy', 'no-referrer');
    const check = await checkPasswordLink(deps.db, token, deps.now());
    if (check.status !== 'valid') return sendInvalidLink(req, reply, check.status);
    return sendPage(req, reply, { title: setPasswordTitle(req.locale) }, <SetPasswordPage token={token as string} email={check.email} />);
  });

  app.post('/wachtwoord/instellen', { config: { permission: 'public', rateLimit: RESET_RATE_LIMIT } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    reply.header('referrer-policy', 'no-referrer');
    const check = await checkPasswordLink(deps.db, body.token, deps.now());
    if (check.status !== 'valid') return sendInvalidLink(req, reply, check.status);
    const parsed = parseInput(setPasswordInput, body);
    if (!parsed.ok) {
      return sendPage(
        req,
        reply,
        { title: setPasswordTitle(req.locale), status: 400 },
        <SetPasswordPage token={body.token as string} email={check.email} errors={parsed.errors} />,
      );
    }
    const result = await setPasswordWithLink(deps, { token: body.token, newPassword: parsed.data.new_password, requestId: req.id });
    if (!result.ok) return sendInvalidLink(req, reply, result.status);
    return reply.redirect('/inloggen?melding=wachtwoord-ingesteld', 303);
  });
}
