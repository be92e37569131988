// Rendered bodies (API JSON, the /netwerk page) kept per (url, data version) with their ETag and
// their compressed forms, each compressed once: a cached request does no rendering and no
// compression. Entries for an old data version are simply never asked for again (bounded map).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { conditionalGet, etagFor, preferredEncoding } from '../../http/http-cache.ts';

interface Entry {
  type: string;
  etag: string;
  identity: Buffer;
  br?: Buffer;
  gzip?: Buffer;
}

const MAX = 300;
const entries = new Map<string, Entry>();

export function clearBodyCache() {
  entries.clear();
}

/** Sends a cached body for `key` (built once by `build`), answering 304 when the client has it. */
export async function sendCachedBody(
  req: FastifyRequest,
  reply: FastifyReply,
  key: string,
  type: string,
  build: () => Promise<string | Buffer>,
  options: { maxAge?: number } = {},
) {
  let entry = entries.get(key);
  if (!entry) {
    const body = await build();
    const identity = Buffer.isBuffer(body) ? body : Buffer.from(body);
    entry = { type, etag: etagFor(key), identity };
    if (entries.size >= MAX) entries.delete(entries.keys().next().value!);
    entries.set(key, entry);
  }
  if (conditionalGet(req, reply, entry.etag, { maxAge: options.maxAge })) return reply.send();
  reply.type(entry.type);
  const encoding = entry.identity.length > 1024 ? preferredEncoding(req.headers['accept-encoding']) : 'identity';
  if (encoding === 'br') {
    entry.br ??= brotliCompressSync(entry.identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } });
    return reply.header('content-encoding', 'br').header('vary', 'accept-encoding').send(entry.br);
  }
  if (encoding === 'gzip') {
    entry.gzip ??= gzipSync(entry.identity, { level: 6 });
    return reply.header('content-encoding', 'gzip').header('vary', 'accept-encoding').send(entry.gzip);
  }
  return reply.send(entry.identity);
}
