// Conditional GET for public responses: a weak ETag, Cache-Control, and 304 on If-None-Match.
// Any module can use it: compute a key that changes when the body changes (e.g. data version + URL).
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A weak ETag (weak because compression changes the bytes, not the meaning). */
export function etagFor(...parts: (string | number)[]): string {
  return `W/"${createHash('sha1').update(parts.join('\u0000')).digest('base64url').slice(0, 22)}"`;
}

/** True when the request's If-None-Match names `etag` (weak comparison, RFC 9110 §13.1.2). */
export function isFresh(req: FastifyRequest, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

export interface CacheOptions {
  /** Seconds a client/proxy may reuse the response without asking (default 300). */
  maxAge?: number;
  /** Seconds a stale response may be served while revalidating (default 86400). */
  staleWhileRevalidate?: number;
}

/**
 * Sets ETag, Cache-Control and Vary. Returns true when it answered 304 (the caller returns the
 * reply without a body), false when the caller should send the full body.
 */
export function conditionalGet(req: FastifyRequest, reply: FastifyReply, etag: string, options: CacheOptions = {}): boolean {
  const maxAge = options.maxAge ?? 300;
  const swr = options.staleWhileRevalidate ?? 86400;
  reply.header('etag', etag);
  reply.header('cache-control', `public, max-age=${maxAge}, stale-while-revalidate=${swr}`);
  reply.header('vary', 'accept-encoding');
  if (isFresh(req, etag)) {
    reply.code(304);
    return true;
  }
  return false;
}

/**
 * The security headers @fastify/helmet sets, captured once so hot public GET routes can skip
 * helmet's per-request work (it rebuilds its middleware on every request, which halves the
 * throughput of a small JSON route) and still send byte-identical headers.
 * Usage: `const secure = captureSecurityHeaders(app)`; route options `{ helmet: false, onRequest: secure }`.
 */
const HELMET_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'cross-origin-embedder-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

export function captureSecurityHeaders(app: import('fastify').FastifyInstance) {
  let headers: Record<string, string> | null = null;
  let probing: Promise<Record<string, string>> | null = null;
  // A request to an unknown path passes helmet's global hooks like any other; done once, on the
  // first request (inject cannot run before the app is ready).
  const probe = async () => {
    const res = await app.inject({ method: 'GET', url: '/__security-headers-probe__' });
    const found: Record<string, string> = {};
    for (const name of HELMET_HEADERS) {
      const value = res.headers[name];
      if (typeof value === 'string') found[name] = value;
    }
    return found;
  };
  return async function applySecurityHeaders(_req: FastifyRequest, reply: FastifyReply) {
    if (!headers) {
      probing ??= probe();
      headers = await probing;
    }
    reply.headers(headers);
  };
}
