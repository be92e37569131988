// The edge cache: complete responses of anonymous public GET requests, answered in front of the
// Fastify pipeline, as a caching reverse proxy would. A route opts in with `config.edgeCache: true`
// and, per response, says how long the response stays true with `allowEdgeCache(reply, stillValid)`
// (the atlas API: while the reference-data version and, for date-less URLs, the day are unchanged).
// See docs/adr/0007-edge-cache.md.
//
// A request is answered here only when all of these hold, otherwise Fastify handles it as usual:
//   GET; no Cookie and no Authorization header (nobody is signed in and no locale is remembered);
//   this exact URL was answered 200 by an opted-in route, for the same preferred encoding, without
//   setting a cookie; and that route's `stillValid()` still says yes.
// The answer carries the headers the pipeline sent (security headers included) with a fresh request
// id, honours If-None-Match with a 304, and is counted and logged like any other request. Before
// each answer a gate may add headers or send the request on to the pipeline (the API rate limit:
// a cached answer counts against the client's quota like any other, and over it Fastify answers 429).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify';
import { BoundedCache } from './bounded-cache.ts';
import { type Encoding, isFreshTag, preferredEncoding } from './http-cache.ts';

interface Entry {
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
  stillValid: () => boolean;
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

export class EdgeCache {
  private readonly entries: BoundedCache<Entry>;
  private readonly listeners: ((served: EdgeServed) => void)[] = [];
  private gate: EdgeGate | null = null;

  constructor(
    private readonly requestIdOf: (req: IncomingMessage) => string,
    limits = { maxEntries: 5000, maxBytes: 32 * 1024 * 1024 },
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

  /** Answers the request from the cache and returns true, or returns false for Fastify to handle it. */
  handle(req: IncomingMessage, res: ServerResponse): boolean {
    if (this.entries.size === 0 || !isAnonymousGet(req)) return false;
    const headers = req.headers;
    const key = keyOf(req.url ?? '', preferredEncoding(headers['accept-encoding']));
    const entry = this.entries.get(key);
    if (entry === undefined) return false;
    if (!entry.stillValid()) {
      this.entries.delete(key);
      return false;
    }
    const extra = this.gate === null ? NONE : this.gate(req);
    if (extra === null) return false;
    const started = performance.now();
    const requestId = this.requestIdOf(req);
    const ifNoneMatch = headers['if-none-match'];
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
    if (this.listeners.length > 0) {
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
   * Route-level onSend hook for opted-in routes (added by the app's onRoute hook, so it runs after
   * every instance-level onSend hook and sees the final headers and payload).
   */
  readonly capture: onSendHookHandler = (req, reply, payload, done) => {
    const stillValid = (reply as ReplyWithValidity)[VALIDITY];
    if (
      stillValid !== undefined &&
      reply.statusCode === 200 &&
      isAnonymousGet(req.raw) &&
      (typeof payload === 'string' || Buffer.isBuffer(payload))
    ) {
      this.store(req, reply, payload, stillValid);
    }
    done(null, payload);
  };

  private store(req: FastifyRequest, reply: FastifyReply, payload: string | Buffer, stillValid: () => boolean) {
    const sent = reply.getHeaders();
    if (sent['set-cookie'] !== undefined) return;
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
    const key = keyOf(req.url, preferredEncoding(req.headers['accept-encoding']));
    this.entries.set(key, { headers, notModifiedHeaders, body: payload, bytes, etag, route: req.routeOptions.url ?? req.url, stillValid });
  }
}

const NONE: readonly string[] = [];

function keyOf(url: string, encoding: Encoding): string {
  return `${encoding} ${url}`;
}

/** A GET that can carry no user and no remembered locale: no Cookie and no Authorization header. */
function isAnonymousGet(req: IncomingMessage): boolean {
  return req.method === 'GET' && req.headers.cookie === undefined && req.headers.authorization === undefined;
}
