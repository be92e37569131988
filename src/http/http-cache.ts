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
  return header ? isFreshTag(header, etag) : false;
}

/** True when an If-None-Match header value names `etag` (or is `*`). */
export function isFreshTag(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === '*') return true;
  const bare = etag.startsWith('W/') ? etag.slice(2) : etag;
  for (const tag of ifNoneMatch.split(',')) {
    const t = tag.trim();
    if ((t.startsWith('W/') ? t.slice(2) : t) === bare) return true;
  }
  return false;
}

export type Encoding = 'br' | 'gzip' | 'identity';

/** The encoding we answer with for an Accept-Encoding header: brotli, else gzip, else none. */
export function preferredEncoding(acceptEncoding: string | string[] | undefined): Encoding {
  if (acceptEncoding === undefined) return 'identity';
  const value = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : acceptEncoding;
  if (/\bbr\b/.test(value)) return 'br';
  if (/\bgzip\b/.test(value)) return 'gzip';
  return 'identity';
}

export interface CacheOptions {
  /** Seconds a client/proxy may reuse the response without asking (default 300). */
  maxAge?: number;
  /** Seconds a stale response may be served while revalidating (default 86400). */
  staleWhileRevalidate?: number;
  /**
   * Whether the body may be sent compressed, so that caches must key on Accept-Encoding (default true).
   * False for bodies too small to compress: the same bytes go to every client.
   */
  varyEncoding?: boolean;
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
  if (options.varyEncoding !== false) reply.header('vary', 'accept-encoding');
  if (isFresh(req, etag)) {
    reply.code(304);
    return true;
  }
  return false;
}
