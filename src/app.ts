// buildApp(deps) returns the configured Fastify instance; src/main.ts only reads config and listens.
// A request passes: edge cache → request id → security headers → API rate limit → locale → user
// (session/token) → permission → same-site check → CSRF → input guard → handler (src/http/pipeline.ts).
import { createServer } from 'node:http';
import { constants as zlibConstants } from 'node:zlib';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController, type RouteOptions } from 'fastify';
import type { AppDeps } from './deps.ts';
import { type AssetManifest, loadAssets } from './http/assets.ts';
import { CSRF_COOKIE, csrfCookieOptions } from './http/csrf.ts';
import { EdgeCache } from './http/edge-cache.ts';
import { installErrorHandlers } from './http/error-handler.tsx';
import { errors } from './http/errors.ts';
import { preferredEncoding } from './http/http-cache.ts';
import { completedLine, lazyChildLogger, requestIdOf } from './http/logging.ts';
import { registerOpenApi } from './http/openapi.ts';
import type { PermissionName, RouteScope } from './http/permissions.ts';
import { accessHook, apiRateLimiter, inputHook, onRequestHook } from './http/pipeline.ts';
import { attachPublicCache } from './http/public-cache-route.ts';
import { edgeGateFor } from './http/rate-limit.ts';
import type { RequestUser } from './http/request-user.ts';
import { type SecurityHeaderSets, securityHeaderSets } from './http/security-headers.ts';
import { DEFAULT_LOCALE, type Locale } from './i18n.ts';

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
    /**
     * Every route registered, with its declared permission and ownership scope, its CSRF rule when it
     * sets one, and whether the public cache may keep its answers (read by the route walks in test/).
     */
    routeTable: {
      method: string;
      url: string;
      permission: PermissionName;
      scope?: RouteScope;
      csrf?: boolean | 'signed-in';
      publicCache?: true;
    }[];
  }
}

/** Routes registered by official plugins, which cannot carry our config: their permission. */
const PLUGIN_ROUTE_PERMISSIONS: { prefix: string; permission: PermissionName }[] = [{ prefix: '/api/docs', permission: 'public' }];

type BuildOptions = { logger?: FastifyServerOptions['logger']; logStream?: { write: (line: string) => void } };

export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const edgeCache = new EdgeCache(requestIdOf);
  const app = Fastify(serverOptions(deps, edgeCache, options));
  app.decorate('deps', deps);
  app.decorate('assets', await loadAssets());
  app.decorate('edgeCache', edgeCache);
  app.decorate('routeTable', []);
  app.decorateRequest('locale', DEFAULT_LOCALE);
  app.decorateRequest('user', null);
  const securityHeaders = securityHeaderSets({ https: deps.config.env === 'production' });
  const limiter = apiRateLimiter(deps);
  // Answers from the edge cache count against the same quota as the pipeline's.
  if (limiter) edgeCache.guardWith(edgeGateFor(limiter, deps.config.trustProxy));

  // Every route must declare its permission; an undeclared route fails at start-up, not in production.
  app.addHook('onRoute', (route) => prepareRoute(app, deps, securityHeaders, route));
  installErrorHandlers(app);
  installResponseHooks(app);
  await registerPlugins(app, deps);
  app.addHook('onRequest', onRequestHook(deps, securityHeaders.page, limiter, deps.modules.authenticator()));
  // Permission, ownership scope, then CSRF: a hook per request, not per route, so no route can skip it.
  app.addHook('preHandler', accessHook(app, deps));
  app.addHook('preHandler', inputHook);
  registerAssetRoute(app);
  await registerOpenApi(app, deps);
  for (const module of deps.modules.modules) await module.routes?.(app, deps);
  return app;
}

function serverOptions(deps: AppDeps, edgeCache: EdgeCache, options: BuildOptions): FastifyServerOptions {
  const { config } = deps;
  return {
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
  };
}

/** Checks a route as it is registered and gives it its security headers (and the edge or public cache, if it opts in). */
function prepareRoute(app: FastifyInstance, deps: AppDeps, securityHeaders: SecurityHeaderSets, route: RouteOptions) {
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
  const csrf = route.config?.csrf;
  const listed = {
    ...(scope ? { scope } : {}),
    ...(csrf !== undefined ? { csrf } : {}),
    ...(route.config?.publicCache ? { publicCache: true as const } : {}),
  };
  for (const method of methods) app.routeTable.push({ method, url: route.url, permission, ...listed });
  const isApi = route.url.startsWith('/api/') && !route.url.startsWith('/api/docs');
  const readOnly = methods.every((m) => m === 'GET' || m === 'HEAD');
  route.config = {
    ...(route.config ?? {}),
    securityHeaders: !isApi ? securityHeaders.page : permission === 'public' && readOnly ? securityHeaders.publicApi : securityHeaders.api,
  };
  if (route.config.edgeCache) {
    if (permission !== 'public' || !readOnly) throw new Error(`Route ${route.url}: only public GET routes may use the edge cache.`);
    // Its responses are final when they leave the handler: they compress themselves, so
    // @fastify/compress stays out, and the capture hook runs after every instance-level onSend.
    Object.assign(route, { compress: false, decompress: false });
    const own = route.onSend === undefined ? [] : Array.isArray(route.onSend) ? route.onSend : [route.onSend];
    route.onSend = [...own, app.edgeCache.capture];
  }
  // `config.publicCache`: answers kept compressed while their data version holds (src/http/public-cache.ts).
  attachPublicCache(app, deps, route, permission, readOnly);
}

/** The request id on every response, and one log line per request (edge answers included). */
function installResponseHooks(app: FastifyInstance) {
  app.addHook('onSend', (req, reply, payload, done) => {
    reply.header('x-request-id', req.id);
    done(null, payload);
  });
  const logRequests = (app.log as { isLevelEnabled?: (level: string) => boolean }).isLevelEnabled?.('info') ?? true;
  if (!logRequests) return;
  app.addHook('onResponse', (req, reply, done) => {
    req.log.info(completedLine(req.method, req.url, req.routeOptions.url, reply.statusCode, reply.elapsedTime), 'request completed');
    done();
  });
  app.edgeCache.onServed((s) =>
    app.log.info(
      { reqId: s.requestId, ...completedLine(s.method, s.url, s.route, s.status, s.seconds * 1000), edge: true },
      'request completed',
    ),
  );
}

async function registerPlugins(app: FastifyInstance, deps: AppDeps) {
  const { config } = deps;
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
  // Per-route limits (`config.rateLimit`, e.g. the login form); the API's limit is src/http/rate-limit.ts.
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
    cookieKey: CSRF_COOKIE,
    cookieOpts: csrfCookieOptions(config),
    getToken: (req) => (req.body as Record<string, string> | undefined)?._csrf ?? (req.headers['x-csrf-token'] as string | undefined),
  });
}

function registerAssetRoute(app: FastifyInstance) {
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
}
