// Login (email + password, then a TOTP or recovery code where enrolled) and logout.
// Chain per POST: rate limit (per instance) → same-site and CSRF → Zod → throttle (database, all
// instances) → check. Wrong codes count per account on their own counter (throttle.ts), so entering
// the password again never buys new guesses.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { inTransaction } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import type { Role } from '../../http/permissions.ts';
import { sendPage } from '../../http/render.tsx';
import { parseInput } from '../../http/validate.ts';
import { defineMessages, tr } from '../../i18n.ts';
import { type AuthCtx, authCtx } from './context.ts';
import { checkCredentials } from './passwords.ts';
import { recordAudit } from './ports.ts';
import { loginCodeInput, loginInput } from './schema.ts';
import { clearSessionCookie, destroySession, replaceSession, SESSION_COOKIE, sessionOfRequest } from './sessions.ts';
import {
  checkThrottle,
  clearAccountFailures,
  recordFailure,
  secondFactorKeys,
  type ThrottleState,
  throttleKeys,
  throttleMessage,
} from './throttle.ts';
import { verifySecondFactor } from './two-step.ts';
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

/** Control characters and backslashes: never in a return path. */
const UNSAFE_IN_PATH = /[\\\p{Cc}]/u;

/**
 * A path on this site to return to after login, or null. Only local paths: no scheme, no host,
 * no protocol-relative `//evil.example` or `/\evil.example`, no control characters.
 */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 1000) return null;
  if (!value.startsWith('/') || value.startsWith('//') || UNSAFE_IN_PATH.test(value)) return null;
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

type Blocked = Extract<ThrottleState, { blocked: true }>;

function sendLoginPage(req: FastifyRequest, reply: FastifyReply, status: number, props: Parameters<typeof LoginPage>[0]) {
  return sendPage(req, reply, { title: loginTitle(req.locale), status }, <LoginPage {...props} />);
}

function sendCodePage(req: FastifyRequest, reply: FastifyReply, status: number, props: Parameters<typeof LoginCodePage>[0]) {
  return sendPage(req, reply, { title: loginCodeTitle(req.locale), status }, <LoginCodePage {...props} />);
}

function throttled(req: FastifyRequest, reply: FastifyReply, state: Blocked): string {
  reply.header('retry-after', String(state.retryAfterSeconds));
  return tr(throttleMessage(state.retryAfterSeconds), req.locale);
}

/** Notes a completed login on the account and in the audit trail. */
export async function recordLogin(ctx: AuthCtx, userId: number, method: 'password' | 'totp' | 'recovery_code'): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    await trx.updateTable('users').set({ last_login_at: ctx.now.toISOString() }).where('id', '=', userId).execute();
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'login',
      entity: 'user',
      entityId: userId,
      after: { method },
      subjectUserIds: [userId],
    });
  });
}

function showLogin(req: FastifyRequest, reply: FastifyReply) {
  const query = req.query as Record<string, unknown>;
  const returnTo = safeReturnPath(query.terug);
  if (req.user && req.user.via === 'session') return reply.redirect(returnTo ?? landingFor(req.user.role), 303);
  const notice = typeof query.melding === 'string' ? LOGIN_NOTICE_SLUGS[query.melding] : undefined;
  return sendLoginPage(req, reply, 200, { notice, returnTo: returnTo ?? undefined });
}

async function postLogin(req: FastifyRequest, reply: FastifyReply, deps: AppDeps) {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const returnTo = safeReturnPath(body.terug) ?? undefined;
  const email = typeof body.email === 'string' ? body.email.slice(0, 254) : '';
  const parsed = parseInput(loginInput, body);
  if (!parsed.ok) return sendLoginPage(req, reply, 400, { email, errors: parsed.errors, returnTo });
  const keys = throttleKeys(deps, parsed.data.email, req.ip);
  const state = await checkThrottle(deps, keys);
  if (state.blocked) return sendLoginPage(req, reply, 429, { email, problem: throttled(req, reply, state), returnTo });

  const user = await checkCredentials(authCtx(req, deps), parsed.data.email, parsed.data.password);
  if (!user) {
    await recordFailure(deps, keys);
    return sendLoginPage(req, reply, 400, { email, problem: m(req.locale).wrongCredentials, returnTo });
  }
  // The password's failures start again; wrong codes (the second-factor counter) do not.
  await clearAccountFailures(deps, keys);
  if (user.totpEnabled) {
    await replaceSession(req, reply, deps, user.id, 'password');
    return reply.redirect(withReturn('/inloggen/code', returnTo ?? null), 303);
  }
  await replaceSession(req, reply, deps, user.id, 'full');
  await recordLogin({ ...authCtx(req, deps), actor: { userId: user.id, label: user.email, requestId: req.id } }, user.id, 'password');
  return reply.redirect(returnTo ?? landingFor(user.role), 303);
}

async function showCodeStep(req: FastifyRequest, reply: FastifyReply, deps: AppDeps) {
  const returnTo = safeReturnPath((req.query as Record<string, unknown>).terug);
  const session = await sessionOfRequest(req, deps);
  if (session?.stage !== 'password') return reply.redirect(withReturn('/inloggen', returnTo), 303);
  return sendCodePage(req, reply, 200, { returnTo: returnTo ?? undefined });
}

async function postCodeStep(req: FastifyRequest, reply: FastifyReply, deps: AppDeps) {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const returnTo = safeReturnPath(body.terug) ?? undefined;
  const session = await sessionOfRequest(req, deps);
  if (session?.stage !== 'password') {
    return reply.redirect(`/inloggen?melding=verlopen${returnTo ? `&terug=${encodeURIComponent(returnTo)}` : ''}`, 303);
  }
  const parsed = parseInput(loginCodeInput, body);
  if (!parsed.ok) return sendCodePage(req, reply, 400, { errors: parsed.errors, returnTo });
  const { user } = session;
  const keys = secondFactorKeys(deps, user.id, req.ip);
  const state = await checkThrottle(deps, keys);
  if (state.blocked) return sendCodePage(req, reply, 429, { problem: throttled(req, reply, state), returnTo });

  const ctx = { ...authCtx(req, deps), actor: { userId: user.id, label: user.email, requestId: req.id } };
  const method = await verifySecondFactor(ctx, { userId: user.id, code: parsed.data.code });
  if (!method) {
    await recordFailure(deps, keys);
    return sendCodePage(req, reply, 400, { problem: m(req.locale).wrongCode, returnTo });
  }
  await clearAccountFailures(deps, keys);
  await replaceSession(req, reply, deps, user.id, 'full');
  await recordLogin(ctx, user.id, method === 'totp' ? 'totp' : 'recovery_code');
  return reply.redirect(returnTo ?? landingFor(user.role), 303);
}

export async function registerLoginRoutes(app: FastifyInstance, deps: AppDeps) {
  const open = { config: { permission: 'public' as const } };
  const limited = { config: { permission: 'public' as const, rateLimit: LOGIN_RATE_LIMIT } };
  app.get('/inloggen', open, async (req, reply) => showLogin(req, reply));
  app.post('/inloggen', limited, async (req, reply) => postLogin(req, reply, deps));
  app.get('/inloggen/code', open, async (req, reply) => showCodeStep(req, reply, deps));
  app.post('/inloggen/code', limited, async (req, reply) => postCodeStep(req, reply, deps));
  app.post('/uitloggen', open, async (req, reply) => {
    const value = req.cookies[SESSION_COOKIE];
    if (value) await destroySession(deps.db, value);
    clearSessionCookie(reply, deps);
    return reply.redirect('/', 303);
  });
}
