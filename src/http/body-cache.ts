// Rendered response bodies (API JSON/CSV/GeoJSON, anonymous pages) kept per key — the caller puts the
// data version and whatever else the body depends on into it — with their ETag and their compressed
// forms, each compressed once: a cached request does no rendering and no compression. Concurrent
// requests for a key that is not cached yet share one build. Entries for an old data version are
// simply never asked for again and age out (bounded by entries and bytes).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BoundedCache } from './bounded-cache.ts';
import { conditionalGet, etagFor, preferredEncoding } from './http-cache.ts';

interface Entry {
  type: string;
  etag: string;
  identity: string | Buffer;
  bytes: number;
  br?: Buffer;
  gzip?: Buffer;
}

/** Bodies below this size are sent as they are: compressing them gains next to nothing. */
const COMPRESS_FROM_BYTES = 1024;

export class BodyCache {
  private readonly entries: BoundedCache<Entry>;
  /** Builds in flight, so that a burst of requests for a new key builds its body once. */
  private readonly building = new BoundedCache<Promise<Entry>>({ maxEntries: 1000 });

  constructor(limits = { maxEntries: 2000, maxBytes: 64 * 1024 * 1024 }) {
    // Counted by the uncompressed body (its compressed forms are smaller and come later).
    this.entries = new BoundedCache((e) => e.bytes, limits);
  }

  /** Sends the body for `key` (built once by `build`), answering 304 when the client has it. */
  async send(
    req: FastifyRequest,
    reply: FastifyReply,
    key: string,
    type: string,
    build: () => Promise<string | Buffer>,
    options: { maxAge?: number } = {},
  ) {
    let entry = this.entries.get(key);
    if (entry === undefined) {
      try {
        entry = await this.building.memo(key, async () => {
          const identity = await build();
          const built: Entry = { type, etag: etagFor(key), identity, bytes: Buffer.byteLength(identity) };
          this.entries.set(key, built);
          return built;
        });
      } finally {
        this.building.delete(key);
      }
    }
    const compressible = entry.bytes >= COMPRESS_FROM_BYTES;
    if (conditionalGet(req, reply, entry.etag, { maxAge: options.maxAge, varyEncoding: compressible })) return reply.send();
    reply.type(entry.type);
    const encoding = compressible ? preferredEncoding(req.headers['accept-encoding']) : 'identity';
    if (encoding === 'br') {
      entry.br ??= brotliCompressSync(entry.identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } });
      return reply.header('content-encoding', 'br').send(entry.br);
    }
    if (encoding === 'gzip') {
      entry.gzip ??= gzipSync(entry.identity, { level: 6 });
      return reply.header('content-encoding', 'gzip').send(entry.gzip);
    }
    return reply.send(entry.identity);
  }
}
