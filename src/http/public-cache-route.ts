// How a route with `config.publicCache` is served (wired by the app's onRoute hook, src/app.ts):
//   preHandler (route level, after permission and input checks): for a request the edge may answer
//     (edgeKeyOf), read the data version (trusted 2 s), and answer from the edge cache's copy when it
//     was made from that version on this day — the edge could not tell, it only knows trusted
//     versions — or wait for a rendering of the same key already under way and answer from it.
//   onSend (route level, before @fastify/compress): a 200 that says `Cache-Control: public…`, sets no
//     cookie and was made for nobody signed in is compressed for the asked encoding (brotli 11 /
//     gzip 9, once per version off the main thread), given a content ETag and kept.
// Everything else — signed-in users, other cookies, errors, private answers — passes untouched.
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onSendAsyncHookHandler,
  preHandlerAsyncHookHandler,
  RouteOptions,
} from 'fastify';
import { type AppDeps, todayOf } from '../deps.ts';
import { type EdgeCache, edgeKeyOf, type MadeFrom } from './edge-cache.ts';
import { preferredEncoding } from './http-cache.ts';
import type { PublicCacheVersion } from './public-cache.ts';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Bodies below this size are sent as they are (as @fastify/compress does). */
const COMPRESS_FROM_BYTES = 1024;
/** Above this, brotli's best quality costs more than it saves. */
const BEST_QUALITY_UP_TO_BYTES = 512 * 1024;
/** The longest a request waits for another's rendering of the same page before rendering it itself. */
const WAIT_FOR_RENDERING_MS = 10_000;
const COMPRESSIBLE = /^(text\/|application\/(json|[\w.-]+\+json|xml|[\w.-]+\+xml|javascript)|image\/svg\+xml)/;

const MADE = Symbol('publicCacheMade');
type Marked = FastifyRequest & { [MADE]?: MadeFrom & { key: string } };

/** This answer is not to be kept (say, a part of the page failed and was left out): the next request renders again. */
export function keepOutOfPublicCache(req: FastifyRequest): void {
  delete (req as Marked)[MADE];
}

function stringListOf(value: ReturnType<FastifyReply['getHeader']>): string {
  return value === undefined ? '' : Array.isArray(value) ? value.join(', ') : String(value);
}

function withVary(current: string, names: string[]): string {
  const have = current
    .split(',')
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);
  for (const n of names) if (!have.includes(n)) have.push(n);
  return have.join(', ');
}

async function compressed(body: Buffer, encoding: 'br' | 'gzip'): Promise<Buffer> {
  if (encoding === 'gzip') return gzipAsync(body, { level: 9 });
  const quality = body.length <= BEST_QUALITY_UP_TO_BYTES ? 11 : 6;
  return brotliAsync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
}

/** Checks the route may use the public cache and gives it the two hooks. */
export function attachPublicCache(app: FastifyInstance, deps: AppDeps, route: RouteOptions, permission: string, readOnly: boolean) {
  const version = route.config?.publicCache;
  if (!version) return;
  if (permission !== 'public' || !readOnly) throw new Error(`Route ${route.url}: only public GET routes may use the public cache.`);
  if ((route.config as { rateLimit?: unknown }).rateLimit !== undefined || route.config?.edgeCache) {
    // Cached answers would never reach the route's own limit, and edgeCache routes keep their own copies.
    throw new Error(`Route ${route.url}: the public cache cannot be combined with a route rate limit or edgeCache.`);
  }
  const hooks = publicCacheHooks(app.edgeCache, deps, version);
  const listOf = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  route.preHandler = [...listOf(route.preHandler), hooks.preHandler] as RouteOptions['preHandler'];
  route.onSend = [...listOf(route.onSend), hooks.onSend] as RouteOptions['onSend'];
}

export function publicCacheHooks(edge: EdgeCache, deps: AppDeps, source: PublicCacheVersion) {
  const db = deps.db;
  /** Renderings under way, per key: later requests for the key wait for the first. */
  const rendering = new Map<string, Promise<void>>();

  const currentCopy = (key: string, made: MadeFrom) => {
    const entry = edge.peek(key);
    return entry?.made !== undefined && entry.made.version === made.version && entry.made.day === made.day ? entry : undefined;
  };

  const preHandler: preHandlerAsyncHookHandler = async (req, reply) => {
    if (req.user) return;
    const key = edgeKeyOf(req.raw);
    if (key === null) return;
    const made = { version: await source.current(db, deps.now()), day: todayOf(deps), key };
    (req as Marked)[MADE] = made;
    let entry = currentCopy(key, made);
    const underWay = entry === undefined ? rendering.get(key) : undefined;
    if (underWay !== undefined) {
      await Promise.race([underWay, sleep(WAIT_FOR_RENDERING_MS, undefined, { ref: false })]);
      entry = currentCopy(key, made);
    }
    if (entry !== undefined) {
      if (edge.answer(req.raw, reply.raw, entry, false)) reply.hijack();
      return;
    }
    if (!rendering.has(key)) {
      const done = new Promise<void>((resolve) => reply.raw.once('close', resolve));
      rendering.set(key, done);
      void done.then(() => rendering.delete(key));
    }
  };

  const onSend: onSendAsyncHookHandler<unknown> = async (req, reply, payload) => {
    const made = (req as Marked)[MADE];
    if (made === undefined || req.user || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (reply.getHeader('set-cookie') !== undefined || !/^public\b/.test(stringListOf(reply.getHeader('cache-control')))) return payload;
    let body: string | Buffer = payload;
    const type = stringListOf(reply.getHeader('content-type'));
    if (reply.getHeader('content-encoding') === undefined) {
      const identity = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
      if (reply.getHeader('etag') === undefined) {
        reply.header('etag', `W/"${createHash('sha1').update(identity).digest('base64url').slice(0, 22)}"`);
      }
      const vary: string[] = type.startsWith('text/html') ? ['cookie'] : [];
      if (identity.length >= COMPRESS_FROM_BYTES && COMPRESSIBLE.test(type)) {
        vary.unshift('accept-encoding');
        const encoding = preferredEncoding(req.headers['accept-encoding']);
        if (encoding !== 'identity') {
          body = await compressed(identity, encoding);
          reply.header('content-encoding', encoding);
        }
      }
      if (vary.length > 0) reply.header('vary', withVary(stringListOf(reply.getHeader('vary')), vary));
    }
    const { version, day, key } = made;
    edge.store(
      key,
      req,
      reply,
      body,
      () => {
        const now = source.fresh(db);
        if (now === null) return 'unknown';
        return now === version && todayOf(deps) === day ? 'valid' : 'stale';
      },
      { version, day },
    );
    return body;
  };

  return { preHandler, onSend };
}
