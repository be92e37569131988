// buildApp(deps) returns the configured Fastify instance; src/main.ts only reads config and listens.
// A request passes: request id → locale → user (session/token) → permission → CSRF → handler.
import { createServer } from 'node:http';
import { constants as zlibConstants } from 'node:zlib';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify';
import type { AppDeps } from './deps.ts';
import { type AssetManifest, loadAssets } from './http/assets.ts';
import { EdgeCache } from './http/edge-cache.ts';
import { installErrorHandlers } from './http/error-handler.tsx';
import { errors } from './http/errors.ts';
import { preferredEncoding } from './http/http-cache.ts';
import { completedLine, lazyChildLogger, requestIdOf } from './http/logging.ts';
import { registerOpenApi } from './http/openapi.ts';
import { mayHold, type PermissionName, ROLES_REQUIRING_TOTP, type RouteScope } from './http/permissions.ts';
import type { RequestUser } from './http/request-user.ts';
import { scopeAllows } from './http/route-kit.ts';
import { securityHeaderSets } from './http/security-headers.ts';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from './i18n.ts';

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    user: RequestUser | null;
  }
  interface FastifyInstance {
    deps: AppDeps;
    assets: AssetManifest;
    /** Complete responses of anonymous public GETs, answered before the pipeline (src/http/edge-cache.ts). */
    edgeCache: EdgeCache;
    /** Every route registered, with its declared permission and ownership scope (read by the permission test). */
    routeTable: { method: string; url: string; permission: PermissionName; scope?: RouteScope }[];
  }
}

/** Routes registered by official plugins, which cannot carry our config: their permission. */
const PLUGIN_ROUTE_PERMISSIONS: { prefix: string; permission: PermissionName }[] = [{ prefix: '/api/docs', permission: 'public' }];

export async function buildApp(
  deps: AppDeps,
  options: { logger?: FastifyServerOptions['logger']; logStream?: { write: (line: string) => void } } = {},
): Promise<FastifyInstance> {
  const { config } = deps;
  const edgeCache = new EdgeCache(requestIdOf);
  const app = Fastify({
    logger: options.logger ?? {
      level: config.logLevel,
      // No personal data in logs: no IP addresses, no query strings (they may carry tokens or names).
      serializers: {
        req: (req) => ({ method: req.method, url: String(req.url).split('?')[0], id: req.id }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    genReqId: requestIdOf,
    // The edge cache answers what it can before Fastify sees the request; the rest goes on as usual.
    // The server gets the timeouts Fastify would give its own.
    serverFactory: (handler, opts) => {
      const server = createServer((req, res) => {
        if (!edgeCache.handle(req, res)) handler(req, res);
      });
      const timeouts = opts as { keepAliveTimeout?: number; requestTimeout?: number; connectionTimeout?: number };
      server.keepAliveTimeout = timeouts.keepAliveTimeout ?? 72_000;
      server.requestTimeout = timeouts.requestTimeout ?? 0;
      server.setTimeout(timeouts.connectionTimeout ?? 0);
      return server;
    },
    trustProxy: config.trustProxy,
    // One log line per request (written in onResponse below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    childLoggerFactory: (logger, bindings, opts) => lazyChildLogger(logger, bindings, opts),
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    forceCloseConnections: true,
  });

  app.decorate('deps', deps);
  app.decorate('assets', await loadAssets());
  app.decorate('edgeCache', edgeCache);
  app.decorate('routeTable', []);
  app.decorateRequest('locale', DEFAULT_LOCALE);
  app.decorateRequest('user', null);
  const securityHeaders = securityHeaderSets({ https: config.env === 'production' });
  const authenticate = deps.modules.authenticator();

  // Every route must declare its permission; an undeclared route fails at start-up, not in production.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    let permission = route.config?.permission;
    if (!permission) {
      const plugin = PLUGIN_ROUTE_PERMISSIONS.find((p) => route.url.startsWith(p.prefix));
      if (plugin) {
        permission = plugin.permission;
        route.config = { ...(route.config ?? {}), permission };
      }
    }
    if (permission === undefined || !deps.modules.permission(permission)) {
      throw new Error(`Route ${methods.join(',')} ${route.url} declares no known permission (config.permission).`);
    }
    const scope = route.config?.scope;
    if (scope && typeof scope === 'object' && !route.url.includes(`:${scope.ownMunicipality}`)) {
      throw new Error(
        `Route ${route.url}: scope ownMunicipality names the parameter "${scope.ownMunicipality}", which the route does not have.`,
      );
    }
    for (const method of methods) app.routeTable.push({ method, url: route.url, permission, ...(scope ? { scope } : {}) });
    const isApi = route.url.startsWith('/api/') && !route.url.startsWith('/api/docs');
    const readOnly = methods.every((m) => m === 'GET' || m === 'HEAD');
    route.config = {
      ...(route.config ?? {}),
      securityHeaders: !isApi
        ? securityHeaders.page
        : permission === 'public' && readOnly
          ? securityHeaders.publicApi
          : securityHeaders.api,
    };
    if (route.config.edgeCache) {
      if (permission !== 'public' || !readOnly) throw new Error(`Route ${route.url}: only public GET routes may use the edge cache.`);
      // Its responses are final when they leave the handler: they compress themselves, so
      // @fastify/compress stays out, and the capture hook runs after every instance-level onSend.
      Object.assign(route, { compress: false, decompress: false });
      const own = route.onSend === undefined ? [] : Array.isArray(route.onSend) ? route.onSend : [route.onSend];
      route.onSend = [...own, edgeCache.capture];
    }
  });

  installErrorHandlers(app);

  app.addHook('onSend', (req, reply, payload, done) => {
    reply.header('x-request-id', req.id);
    done(null, payload);
  });
  const logRequests = (app.log as { isLevelEnabled?: (level: string) => boolean }).isLevelEnabled?.('info') ?? true;
  app.addHook('onResponse', (req, reply, done) => {
    if (!logRequests) return done();
    req.log.info(completedLine(req.method, req.url, req.routeOptions.url, reply.statusCode, reply.elapsedTime), 'request completed');
    done();
  });

  if (logRequests) {
    edgeCache.onServed((s) =>
      app.log.info(
        { reqId: s.requestId, ...completedLine(s.method, s.url, s.route, s.status, s.seconds * 1000), edge: true },
        'request completed',
      ),
    );
  }

  await app.register(cookie, { secret: config.sessionSecret });
  await app.register(formbody, { bodyLimit: 256 * 1024 });
  // Brotli at quality 4 compresses HTML nearly as well as gzip -9 at a fraction of the CPU of the
  // default (11); static assets are precompressed at 11 once (src/http/assets.ts).
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) => {
      const err = errors.tooManyRequests({
        nl: `Te veel pogingen. Wacht ${Math.ceil(context.ttl / 1000)} seconden en probeer het dan opnieuw.`,
        en: `Too many attempts. Wait ${Math.ceil(context.ttl / 1000)} seconds and try again.`,
      });
      return Object.assign(err, { statusCode: 429 });
    },
  });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'gaz_csrf',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: config.env === 'production', signed: true },
    getToken: (req) => (req.body as Record<string, string> | undefined)?._csrf ?? (req.headers['x-csrf-token'] as string | undefined),
  });

  // One hook for what every request needs before its handler (one hook costs less than three):
  // its security headers; its locale (?lang=, remembered in a cookie, then the cookie, then Dutch);
  // its user (only a request with a cookie or an Authorization header can carry one).
  app.addHook('onRequest', (req, reply, done) => {
    reply.headers(req.routeOptions.config?.securityHeaders ?? securityHeaders.page);
    const asked = (req.query as Record<string, unknown> | undefined)?.lang;
    if (isLocale(asked)) {
      req.locale = asked;
      if (req.cookies[LOCALE_COOKIE] !== asked) {
        reply.setCookie(LOCALE_COOKIE, asked, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: true });
      }
    } else if (isLocale(req.cookies[LOCALE_COOKIE])) {
      req.locale = req.cookies[LOCALE_COOKIE] as Locale;
    }
    if (!req.headers.cookie && !req.headers.authorization) return done();
    if (!authenticate) return done();
    authenticate(req, reply, deps).then((user) => {
      req.user = user;
      done();
    }, done);
  });

  // Permission, ownership scope, then CSRF: a hook per request, not per route, so no route can skip it.
  app.addHook('preHandler', (req, reply, done) => {
    const permission = req.routeOptions.config?.permission;
    if (!permission) return done(); // 404 handler
    const spec = deps.modules.permission(permission);
    if (!spec || !mayHold(spec, req.user?.role ?? null, req.user?.grants)) {
      return done(req.user ? errors.forbidden() : errors.unauthorized());
    }
    const scope = req.routeOptions.config?.scope;
    if (scope && !scopeAllows(scope, req.user, req.params)) return done(req.user ? errors.forbidden() : errors.unauthorized());
    if (req.user?.mustEnrolTotp && spec.roles !== 'anyone' && permission !== 'signedIn' && ROLES_REQUIRING_TOTP.includes(req.user.role)) {
      if (req.url.startsWith('/api/')) return done(errors.forbidden());
      reply.redirect('/account/tweestapsverificatie', 303);
      return;
    }
    const unsafe = req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS';
    if (unsafe && req.routeOptions.config?.csrf !== false && req.user?.via !== 'token') {
      // On a bad token the plugin sends the error itself (our error handler renders it).
      return app.csrfProtection(req, reply, done);
    }
    done();
  });

  app.get('/assets/:file', { config: { permission: 'public' } }, async (req, reply) => {
    const asset = app.assets.byPath.get(req.url.split('?')[0]);
    if (!asset) throw errors.notFound();
    const encoding = preferredEncoding(req.headers['accept-encoding']);
    reply
      .type(asset.contentType)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', asset.etag)
      .header('vary', 'accept-encoding');
    if (req.headers['if-none-match'] === asset.etag) return reply.code(304).send();
    if (encoding === 'br') return reply.header('content-encoding', 'br').send(asset.brotli);
    if (encoding === 'gzip') return reply.header('content-encoding', 'gzip').send(asset.gzip);
    return reply.send(asset.body);
  });

  await registerOpenApi(app, deps);
  for (const module of deps.modules.modules) await module.routes?.(app, deps);
  return app;
}
