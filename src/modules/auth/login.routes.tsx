// Login (email + password, then a TOTP or recovery code where enrolled) and logout.
// Chain per POST: rate limit (per instance) → CSRF → Zod → throttle (database, all instances) → check.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { inTransaction } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import type { Role } from '../../http/permissions.ts';
import { sendPage } from '../../http/render.tsx';
import type { Actor } from '../../http/request-user.ts';
import { parseInput } from '../../http/validate.ts';
import { defineMessages, tr } from '../../i18n.ts';
import { checkCredentials } from './passwords.ts';
import { recordAudit } from './ports.ts';
import { loginCodeInput, loginInput } from './schema.ts';
import { clearSessionCookie, destroySession, replaceSession, SESSION_COOKIE, sessionOfRequest } from './sessions.ts';
import { checkThrottle, clearAccountFailures, recordFailure, type ThrottleState, throttleKeys, throttleMessage } from './throttle.ts';
import { verifySecondFactor } from './totp.ts';
import { type LoginNotice, LoginPage, loginTitle } from './views/login.tsx';
import { LoginCodePage, loginCodeTitle } from './views/login-code.tsx';

const m = defineMessages({
  wrongCredentials: {
    nl: 'Het e-mailadres of het wachtwoord klopt niet. Controleer uw invoer en probeer het opnieuw.',
    en: 'The email address or the password is not correct. Check what you entered and try again.',
  },
  wrongCode: {
    nl: 'Deze code klopt niet of is al gebruikt. Vul de code in die de app nu toont, of een ongebruikte herstelcode.',
    en: 'This code is not correct or has already been used. Enter the code the app shows now, or an unused recovery code.',
  },
});

/** Rate limits per instance and IP, on top of the database throttle (which counts failures only). */
export const LOGIN_RATE_LIMIT = { max: 30, timeWindow: '1 minute' } as const;

/** `?melding=` values on the login page (Dutch slugs in the address bar). */
const LOGIN_NOTICE_SLUGS: Record<string, LoginNotice> = {
  'wachtwoord-ingesteld': 'password-set',
  uitgelogd: 'logged-out',
  verlopen: 'expired',
};

/**
 * A path on this site to return to after login, or null. Only local paths: no scheme, no host,
 * no protocol-relative `//evil.example` or `/\evil.example`, no control characters.
 */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 1000) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, 'http://gaz.invalid');
  } catch {
    return null;
  }
  if (url.origin !== 'http://gaz.invalid') return null;
  if (url.pathname === '/inloggen' || url.pathname.startsWith('/inloggen/') || url.pathname === '/uitloggen') return null;
  return url.pathname + url.search + url.hash;
}

/** Where a user lands after login when no return path was given. */
export function landingFor(role: Role): string {
  return role === 'admin' || role === 'adviser' ? '/beheer' : '/account';
}

function withReturn(path: string, returnTo: string | null): string {
  return returnTo ? `${path}?terug=${encodeURIComponent(returnTo)}` : path;
}

function sendThrottled(
  req: FastifyRequest,
  reply: FastifyReply,
  state: Extract<ThrottleState, { blocked: true }>,
  page: 'login' | 'code',
  extra: { email?: string; returnTo?: string },
) {
  reply.header('retry-after', String(state.retryAfterSeconds));
  const problem = tr(throttleMessage(state.retryAfterSeconds), req.locale);
  return page === 'login'
    ? sendPage(
        req,
        reply,
        { title: loginTitle(req.locale), status: 429 },
        <LoginPage email={extra.email} problem={problem} returnTo={extra.returnTo} />,
      )
    : sendPage(
        req,
        reply,
        { title: loginCodeTitle(req.locale), status: 429 },
        <LoginCodePage problem={problem} returnTo={extra.returnTo} />,
      );
}

/** Notes a completed login on the account and in the audit trail. */
export async function recordLogin(
  deps: AppDeps,
  userId: number,
  actor: Actor,
  method: 'password' | 'totp' | 'recovery_code',
): Promise<void> {
  const now = deps.now();
  await inTransaction(deps.db, async (trx) => {
    await trx.updateTable('users').set({ last_login_at: now.toISOString() }).where('id', '=', userId).execute();
    await recordAudit(trx, {
      at: now,
      actor,
      action: 'login',
      entity: 'user',
      entityId: userId,
      after: { method },
      subjectUserIds: [userId],
    });
  });
}

export async function registerLoginRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/inloggen', { config: { permission: 'public' } }, async (req, reply) => {
    const query = req.query as Record<string, unknown>;
    const returnTo = safeReturnPath(query.terug);
    if (req.user && req.user.via === 'session') return reply.redirect(returnTo ?? landingFor(req.user.role), 303);
    const notice = typeof query.melding === 'string' ? LOGIN_NOTICE_SLUGS[query.melding] : undefined;
    return sendPage(req, reply, { title: loginTitle(req.locale) }, <LoginPage notice={notice} returnTo={returnTo ?? undefined} />);
  });

  app.post('/inloggen', { config: { permission: 'public', rateLimit: LOGIN_RATE_LIMIT } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const returnTo = safeReturnPath(body.terug);
    const typedEmail = typeof body.email === 'string' ? body.email.slice(0, 254) : '';
    const parsed = parseInput(loginInput, body);
    if (!parsed.ok) {
      return sendPage(
        req,
        reply,
        { title: loginTitle(req.locale), status: 400 },
        <LoginPage email={typedEmail} errors={parsed.errors} returnTo={returnTo ?? undefined} />,
      );
    }
    const { email, password } = parsed.data;
    const keys = throttleKeys(deps, email, req.ip);
    const state = await checkThrottle(deps, keys);
    if (state.blocked) return sendThrottled(req, reply, state, 'login', { email: typedEmail, returnTo: returnTo ?? undefined });

    const user = await checkCredentials(deps, email, password);
    if (!user) {
      await recordFailure(deps, keys);
      return sendPage(
        req,
        reply,
        { title: loginTitle(req.locale), status: 400 },
        <LoginPage email={typedEmail} problem={m(req.locale).wrongCredentials} returnTo={returnTo ?? undefined} />,
      );
    }
    await clearAccountFailures(deps, keys);
    if (user.totpEnabled) {
      await replaceSession(req, reply, deps, user.id, 'password');
      return reply.redirect(withReturn('/inloggen/code', returnTo), 303);
    }
    await replaceSession(req, reply, deps, user.id, 'full');
    await recordLogin(deps, user.id, { userId: user.id, label: user.email, requestId: req.id }, 'password');
    return reply.redirect(returnTo ?? landingFor(user.role), 303);
  });

  app.get('/inloggen/code', { config: { permission: 'public' } }, async (req, reply) => {
    const returnTo = safeReturnPath((req.query as Record<string, unknown>).terug);
    const session = await sessionOfRequest(req, deps);
    if (!session || session.stage !== 'password') return reply.redirect(withReturn('/inloggen', returnTo), 303);
    return sendPage(req, reply, { title: loginCodeTitle(req.locale) }, <LoginCodePage returnTo={returnTo ?? undefined} />);
  });

  app.post('/inloggen/code', { config: { permission: 'public', rateLimit: LOGIN_RATE_LIMIT } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const returnTo = safeReturnPath(body.terug);
    const session = await sessionOfRequest(req, deps);
    if (!session || session.stage !== 'password') {
      return reply.redirect(`/inloggen?melding=verlopen${returnTo ? `&terug=${encodeURIComponent(returnTo)}` : ''}`, 303);
    }
    const parsed = parseInput(loginCodeInput, body);
    if (!parsed.ok) {
      return sendPage(
        req,
        reply,
        { title: loginCodeTitle(req.locale), status: 400 },
        <LoginCodePage errors={parsed.errors} returnTo={returnTo ?? undefined} />,
      );
    }
    const { user } = session;
    const keys = throttleKeys(deps, user.email, req.ip);
    const state = await checkThrottle(deps, keys);
    if (state.blocked) return sendThrottled(req, reply, state, 'code', { returnTo: returnTo ?? undefined });

    const actor = { userId: user.id, label: user.email, requestId: req.id };
    const method = await verifySecondFactor(deps, { userId: user.id, code: parsed.data.code, actor });
    if (!method) {
      await recordFailure(deps, keys);
      return sendPage(
        req,
        reply,
        { title: loginCodeTitle(req.locale), status: 400 },
        <LoginCodePage problem={m(req.locale).wrongCode} returnTo={returnTo ?? undefined} />,
      );
    }
    await clearAccountFailures(deps, keys);
    await replaceSession(req, reply, deps, user.id, 'full');
    await recordLogin(deps, user.id, actor, method === 'totp' ? 'totp' : 'recovery_code');
    return reply.redirect(returnTo ?? landingFor(user.role), 303);
  });

  app.post('/uitloggen', { config: { permission: 'public' } }, async (req, reply) => {
    const value = req.cookies[SESSION_COOKIE];
    if (value) await destroySession(deps.db, value);
    clearSessionCookie(reply, deps);
    return reply.redirect('/', 303);
  });
}
