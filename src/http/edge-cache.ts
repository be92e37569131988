// The edge cache: complete responses of anonymous public GET requests, answered in front of the
// Fastify pipeline, as a caching reverse proxy would. Routes opt in two ways:
//   - `config.publicCache: <data version>` (src/http/public-cache.ts): the declarative way, for any
//     page or API route; the app stores and compresses the answers itself (public-cache-route.ts);
//   - `config.edgeCache: true` with `allowEdgeCache(reply, stillValid)` per response (the atlas API),
//     for handlers that compress and tag their bodies themselves.
// See docs/adr/0007-edge-cache.md and docs/adr/0016-public-cache.md.
//
// A request is answered here only when all of these hold, otherwise Fastify handles it as usual:
//   GET; no Authorization header; no Cookie header, or one holding only the language cookie
//   (`gaz_lang=nl|en`: no user, no CSRF secret — the answer is keyed by that language);
//   this exact URL was answered 200 by an opted-in route, for the same preferred encoding and
//   language, without setting a cookie; and the answer is still valid. When its validity is merely
//   unknown (the data version must be read again), the pipeline reads it and answers from the same
//   copy if it still holds (public-cache-route.ts), so nothing is rendered again.
// The answer carries the headers the pipeline sent (security headers included) with a fresh request
// id, honours If-None-Match with a 304, and is counted and logged like any other request. Before
// each answer a gate may add headers or send the request on to the pipeline (the API rate limit:
// a cached answer counts against the client's quota like any other, and over it Fastify answers 429).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify';
import { LOCALE_COOKIE, LOCALES } from '../i18n.ts';
import { BoundedCache } from './bounded-cache.ts';
import { isFreshTag, preferredEncoding } from './http-cache.ts';

/** valid: answer from the copy; unknown: let the pipeline check (keep the copy); stale: drop it. */
export type Validity = 'valid' | 'unknown' | 'stale';

/** What a public-cache copy was made from: the pipeline compares it with the version it reads. */
export interface MadeFrom {
  version: string;
  day: string;
}

export interface EdgeEntry {
  /**
   * Flat [name, value, …] list of the 200 response's headers, Content-Length included, ending with
   * 'x-request-id', '' — the last slot is filled in just before each (synchronous) writeHead.
   */
  headers: string[];
  /** The same for a 304, as the pipeline sends one: without Content-Type, -Encoding and -Length. */
  notModifiedHeaders: string[];
  /** As the route sent it: a string goes out in one write with the headers, a Buffer in a second. */
  body: string | Buffer;
  bytes: number;
  etag: string | undefined;
  route: string;
  check: () => Validity;
  made?: MadeFrom;
}

/**
 * Asked before every answer from the cache: the headers to add to it (the API's rate-limit
 * headers, say), or null when the cache must not answer and the pipeline should (a 429).
 */
export type EdgeGate = (req: IncomingMessage) => readonly string[] | null;

export interface EdgeServed {
  method: string;
  url: string;
  route: string;
  status: number;
  requestId: string;
  seconds: number;
}

const VALIDITY = Symbol('edgeCacheValidity');
type ReplyWithValidity = FastifyReply & { [VALIDITY]?: () => boolean };

/** Marks this response as reusable by the edge cache for as long as `stillValid()` returns true. */
export function allowEdgeCache(reply: FastifyReply, stillValid: () => boolean): void {
  (reply as ReplyWithValidity)[VALIDITY] = stillValid;
}

/** Headers that belong to one response only, never to a cached copy. */
const NOT_STORED = new Set([
  'x-request-id',
  'content-length',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  // Per client and moment: the gate adds fresh ones to every answer.
  'ratelimit',
  'ratelimit-policy',
  'retry-after',
]);

const LANGUAGE_ONLY = new RegExp(`^\\s*${LOCALE_COOKIE}=(${LOCALES.join('|')})\\s*;?\\s*$`);

/**
 * The cache key of a request that the cache may answer — encoding, language, exact URL — or null
 * when only the pipeline may (not a GET, an Authorization header, a cookie other than the language).
 */
export function edgeKeyOf(req: IncomingMessage): string | null {
  if (req.method !== 'GET' || req.headers.authorization !== undefined) return null;
  const cookie = req.headers.cookie;
  let language = '-';
  if (cookie !== undefined) {
    const match = LANGUAGE_ONLY.exec(cookie);
    if (match === null) return null;
    language = match[1];
  }
  return `${preferredEncoding(req.headers['accept-encoding'])} ${language} ${req.url ?? ''}`;
}

export class EdgeCache {
  private readonly entries: BoundedCache<EdgeEntry>;
  private readonly listeners: ((served: EdgeServed) => void)[] = [];
  private gate: EdgeGate | null = null;

  constructor(
    private readonly requestIdOf: (req: IncomingMessage) => string,
    limits = { maxEntries: 5000, maxBytes: 48 * 1024 * 1024 },
  ) {
    this.entries = new BoundedCache((e) => e.bytes, limits);
  }

  /** Called for every request the edge answers (metrics, logging). */
  onServed(listener: (served: EdgeServed) => void): void {
    this.listeners.push(listener);
  }

  /** Every answer from the cache passes this gate first (the app's API rate limit). */
  guardWith(gate: EdgeGate): void {
    this.gate = gate;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }

  /** The copy kept under `key`, whatever its validity. */
  peek(key: string): EdgeEntry | undefined {
    return this.entries.get(key);
  }

  /** Answers the request from the cache and returns true, or returns false for Fastify to handle it. */
  handle(req: IncomingMessage, res: ServerResponse): boolean {
    if (this.entries.size === 0) return false;
    const key = edgeKeyOf(req);
    if (key === null) return false;
    const entry = this.entries.get(key);
    if (entry === undefined) return false;
    const validity = entry.check();
    if (validity !== 'valid') {
      if (validity === 'stale') this.entries.delete(key);
      return false;
    }
    return this.answer(req, res, entry, true);
  }

  /**
   * Writes `entry` as the answer (a 304 when If-None-Match names its ETag), after the gate; false
   * when the gate refuses. `report`: tell the listeners (the pipeline reports its own answers).
   */
  answer(req: IncomingMessage, res: ServerResponse, entry: EdgeEntry, report: boolean): boolean {
    const extra = this.gate === null ? NONE : this.gate(req);
    if (extra === null) return false;
    const started = performance.now();
    const requestId = this.requestIdOf(req);
    const ifNoneMatch = req.headers['if-none-match'];
    let status = 200;
    if (ifNoneMatch !== undefined && entry.etag !== undefined && isFreshTag(ifNoneMatch, entry.etag)) {
      status = 304;
      entry.notModifiedHeaders[entry.notModifiedHeaders.length - 1] = requestId;
      res.writeHead(304, extra.length === 0 ? entry.notModifiedHeaders : entry.notModifiedHeaders.concat(extra));
      res.end();
    } else {
      entry.headers[entry.headers.length - 1] = requestId;
      res.writeHead(200, extra.length === 0 ? entry.headers : entry.headers.concat(extra));
      res.end(entry.body);
    }
    if (report && this.listeners.length > 0) {
      const served: EdgeServed = {
        method: 'GET',
        url: req.url ?? '',
        route: entry.route,
        status,
        requestId,
        seconds: (performance.now() - started) / 1000,
      };
      for (const listener of this.listeners) listener(served);
    }
    return true;
  }

  /**
   * Route-level onSend hook for `edgeCache: true` routes (added by the app's onRoute hook, so it runs
   * after every instance-level onSend hook and sees the final headers and payload).
   */
  readonly capture: onSendHookHandler = (req, reply, payload, done) => {
    const stillValid = (reply as ReplyWithValidity)[VALIDITY];
    const key = edgeKeyOf(req.raw);
    if (stillValid !== undefined && key !== null && reply.statusCode === 200 && (typeof payload === 'string' || Buffer.isBuffer(payload))) {
      this.store(key, req, reply, payload, () => (stillValid() ? 'valid' : 'stale'));
    }
    done(null, payload);
  };

  /**
   * Keeps the response about to be sent as the copy for `key`: never one that sets a cookie or
   * answers a signed-in user.
   */
  store(key: string, req: FastifyRequest, reply: FastifyReply, payload: string | Buffer, check: () => Validity, made?: MadeFrom): void {
    const sent = reply.getHeaders();
    if (sent['set-cookie'] !== undefined || req.user) return;
    const bytes = Buffer.byteLength(payload);
    const headers: string[] = [];
    const notModifiedHeaders: string[] = [];
    for (const [name, value] of Object.entries(sent)) {
      if (value === undefined || NOT_STORED.has(name)) continue;
      const text = Array.isArray(value) ? value.join(', ') : String(value);
      headers.push(name, text);
      if (name !== 'content-type' && name !== 'content-encoding') notModifiedHeaders.push(name, text);
    }
    headers.push('content-length', String(bytes), 'x-request-id', '');
    notModifiedHeaders.push('x-request-id', '');
    const etag = sent.etag === undefined ? undefined : String(sent.etag);
    const route = req.routeOptions.url ?? req.url;
    this.entries.set(key, { headers, notModifiedHeaders, body: payload, bytes, etag, route, check, made });
  }
}

const NONE: readonly string[] = [];
