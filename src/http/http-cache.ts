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
