// Forgot password (ask for an emailed link) and set a password from a link (reset or invitation).
// "Forgot password" does the same work whatever the address: it stores the request and answers;
// the worker in reset-requests.ts decides whether an email goes out.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { sendPage } from '../../http/render.tsx';
import { serviceCtx } from '../../http/route-kit.ts';
import { parseInput } from '../../http/validate.ts';
import { authCtx } from './context.ts';
import { checkPasswordLink, setPasswordWithLink } from './one-time-links.ts';
import { requestPasswordReset } from './reset-requests.ts';
import { forgotPasswordInput, setPasswordInput } from './schema.ts';
import { ForgotPasswordPage, forgotPasswordTitle } from './views/password-forgot.tsx';
import { InvalidLinkPage, invalidLinkTitle, SetPasswordPage, setPasswordTitle } from './views/password-set.tsx';

export { RESET_EMAILS_PER_HOUR } from './reset-requests.ts';

/** Per instance and IP; the per-account limit on emails is in reset-requests.ts. */
export const RESET_RATE_LIMIT = { max: 10, timeWindow: '15 minutes' } as const;

function sendInvalidLink(req: FastifyRequest, reply: FastifyReply, reason: 'unknown' | 'expired' | 'used') {
  // 400 for a link that never worked; 410 Gone for one that did and no longer does.
  const status = reason === 'unknown' ? 400 : 410;
  return sendPage(req, reply, { title: invalidLinkTitle(req.locale), status }, <InvalidLinkPage reason={reason} />);
}

async function postForgot(req: FastifyRequest, reply: FastifyReply, deps: AppDeps) {
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
  // The same for every address (no account enumeration, not even by timing).
  await requestPasswordReset(serviceCtx(req, deps), parsed.data.email);
  return reply.redirect('/wachtwoord/vergeten?verstuurd=1', 303);
}

async function postSetPassword(req: FastifyRequest, reply: FastifyReply, deps: AppDeps) {
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
      <SetPasswordPage token={String(body.token)} email={check.email} errors={parsed.errors} />,
    );
  }
  const result = await setPasswordWithLink(authCtx(req, deps), { token: body.token, newPassword: parsed.data.new_password });
  if (!result.ok) return sendInvalidLink(req, reply, result.status);
  return reply.redirect('/inloggen?melding=wachtwoord-ingesteld', 303);
}

export async function registerPasswordResetRoutes(app: FastifyInstance, deps: AppDeps) {
  const open = { config: { permission: 'public' as const } };
  const limited = { config: { permission: 'public' as const, rateLimit: RESET_RATE_LIMIT } };
  app.get('/wachtwoord/vergeten', open, async (req, reply) => {
    const sent = (req.query as Record<string, unknown>).verstuurd === '1';
    return sendPage(req, reply, { title: forgotPasswordTitle(req.locale) }, <ForgotPasswordPage sent={sent} />);
  });
  app.post('/wachtwoord/vergeten', limited, async (req, reply) => postForgot(req, reply, deps));
  app.get('/wachtwoord/instellen', open, async (req, reply) => {
    const token = (req.query as Record<string, unknown>).token;
    reply.header('referrer-policy', 'no-referrer');
    const check = await checkPasswordLink(deps.db, token, deps.now());
    if (check.status !== 'valid') return sendInvalidLink(req, reply, check.status);
    return sendPage(req, reply, { title: setPasswordTitle(req.locale) }, <SetPasswordPage token={String(token)} email={check.email} />);
  });
  app.post('/wachtwoord/instellen', limited, async (req, reply) => postSetPassword(req, reply, deps));
}
