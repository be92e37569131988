// The request pipeline's hooks, in the order a request meets them (wired by buildApp, src/app.ts):
//   onRequest   security headers → API rate limit → locale → user (session cookie or API token)
//   preHandler  permission → ownership scope → two-step enrolment → same-site check → CSRF
//   preHandler  input guard (control characters, impossible ids)
// Every rule here holds for every route of every module: none can opt out by forgetting it.
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from '../i18n.ts';
import type { Authenticator } from '../module.ts';
import { errors } from './errors.ts';
import { guardInput } from './input-guard.ts';
import { mayHold, ROLES_REQUIRING_TOTP } from './permissions.ts';
import { clientAddress, isLimitedPath, RateLimiter } from './rate-limit.ts';
import type { RequestUser } from './request-user.ts';
import { scopeAllows } from './route-kit.ts';
import { isCrossSite, isSameOrigin } from './same-site.ts';

/** API tokens act only here (README: "a token works on /api/v1"); anywhere else they are ignored. */
export const TOKEN_PATH_PREFIX = '/api/v1/';

export function isTokenPath(url: string): boolean {
  return url.startsWith(TOKEN_PATH_PREFIX);
}

/** The API's rate limiter for this app, or null when the limit is off (API_RATE_LIMIT=0). */
export function apiRateLimiter(deps: AppDeps): RateLimiter | null {
  const limit = deps.config.apiRateLimitPerMinute;
  return limit > 0 ? new RateLimiter({ name: 'api', limit, windowSeconds: 60 }) : null;
}

function rateLimited(seconds: number) {
  return errors.tooManyRequests({
    nl: `Te veel verzoeken aan de API vanaf uw adres. Wacht ${seconds} seconden en probeer het dan opnieuw.`,
    en: `Too many requests to the API from your address. Wait ${seconds} seconds and try again.`,
  });
}

/** Counts an /api/ request against its client's quota and sets the headers; an error when it is over. */
export function applyRateLimit(limiter: RateLimiter, trustProxy: boolean, req: FastifyRequest, reply: FastifyReply) {
  const state = limiter.hit(req.raw, clientAddress(req.raw, trustProxy));
  reply.header('ratelimit-policy', limiter.policyHeader).header('ratelimit', limiter.header(state));
  if (state.allowed) return null;
  reply.header('retry-after', String(state.resetSeconds));
  return rateLimited(state.resetSeconds);
}

/** The locale: ?lang= (remembered in a cookie), then the cookie, then Dutch. */
function applyLocale(req: FastifyRequest, reply: FastifyReply) {
  const asked = (req.query as Record<string, unknown> | undefined)?.lang;
  if (isLocale(asked)) {
    req.locale = asked;
    if (req.cookies[LOCALE_COOKIE] !== asked) {
      reply.setCookie(LOCALE_COOKIE, asked, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: true });
    }
  } else if (isLocale(req.cookies[LOCALE_COOKIE])) {
    req.locale = req.cookies[LOCALE_COOKIE] as Locale;
  } else {
    req.locale = DEFAULT_LOCALE;
  }
}

/** The user a request acts for; a token user only on /api/v1, whatever the authenticator said. */
export function acceptedUser(req: FastifyRequest, user: RequestUser | null): RequestUser | null {
  if (user?.via === 'token' && (!isTokenPath(req.url) || user.mustEnrolTotp)) return null;
  return user;
}

/** One onRequest hook for what every request needs before its handler (one hook costs less than four). */
export function onRequestHook(
  deps: AppDeps,
  headers: Record<string, string>,
  limiter: RateLimiter | null,
  authenticate: Authenticator | null,
) {
  const trustProxy = deps.config.trustProxy;
  return (req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    reply.headers(req.routeOptions.config?.securityHeaders ?? headers);
    if (limiter !== null && isLimitedPath(req.url)) {
      const refused = applyRateLimit(limiter, trustProxy, req, reply);
      if (refused) return done(refused);
    }
    applyLocale(req, reply);
    // Only a request with a cookie or an Authorization header can carry a user.
    if ((!req.headers.cookie && !req.headers.authorization) || !authenticate) return done();
    authenticate(req, reply, deps).then((user) => {
      req.user = acceptedUser(req, user);
      done();
    }, done);
  };
}

function isUnsafe(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
}

/** Permission, ownership scope, two-step enrolment, then (state-changing requests) same-site and CSRF. */
export function accessHook(app: FastifyInstance, deps: AppDeps) {
  const publicOrigin = new URL(deps.config.publicBaseUrl).origin;
  return (req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const config = req.routeOptions.config;
    const permission = config?.permission;
    if (!permission) return done(); // the 404 handler
    const spec = deps.modules.permission(permission);
    if (!spec || !mayHold(spec, req.user?.role ?? null, req.user?.grants)) {
      return done(req.user ? errors.forbidden() : errors.unauthorized());
    }
    if (config.scope && !scopeAllows(config.scope, req.user, req.params))
      return done(req.user ? errors.forbidden() : errors.unauthorized());
    if (req.user?.mustEnrolTotp && spec.roles !== 'anyone' && permission !== 'signedIn' && ROLES_REQUIRING_TOTP.includes(req.user.role)) {
      if (req.url.startsWith('/api/')) return done(errors.forbidden());
      reply.redirect('/account/tweestapsverificatie', 303);
      return;
    }
    // A token in an Authorization header is never sent by a browser on its own: no CSRF to fear.
    if (!isUnsafe(req.method) || config.csrf === false || req.user?.via === 'token') return done();
    if (isCrossSite(req, publicOrigin)) return done(errors.crossSite());
    // A public form sent by an anonymous visitor from a page of this site needs no token (ADR 0020).
    if (config.csrf === 'signed-in' && !req.user && isSameOrigin(req, publicOrigin)) return done();
    // On a bad token the plugin sends the error itself (our error handler renders it).
    return app.csrfProtection(req, reply, done);
  };
}

/** The input guard (src/http/input-guard.ts) as a hook: after the permission, before the handler. */
export function inputHook(req: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) {
  const problem = guardInput(req);
  return problem ? done(problem) : done();
}
