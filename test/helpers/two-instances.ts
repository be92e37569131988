// Two instances of the app on one database (SQLite file, or PostgreSQL with TEST_DATABASE_URL), each
// with its own connection pool and caches, spoken to over real HTTP — the edge cache sits in front of
// Fastify, so app.inject() would not see it. For the public-cache tests of the modules (ADR 0016).
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { createDatabase, type Db } from '../../src/db/database.ts';
import type { TestApp } from './app.ts';
import { type HttpAnswer, listenForHttp } from './http.ts';

export type Get = (path: string, headers?: Record<string, string>) => Promise<HttpAnswer>;

export interface TwoInstances {
  /** Instance A: the test app itself, whose services the test calls (the writing instance). */
  getA: Get;
  /** Instance B: a second app on the same database. */
  getB: Get;
  /** The URLs instance A's edge cache answered (before Fastify). */
  servedA: string[];
  close: () => Promise<void>;
}

export async function twoInstances(t: TestApp): Promise<TwoInstances> {
  const otherDb: Db = createDatabase(t.database.url, { poolSize: 2 });
  const other = await buildApp({ ...t.deps, db: otherDb }, { logger: false });
  await other.ready();
  const servedA: string[] = [];
  t.app.edgeCache.onServed((s) => servedA.push(s.url));
  const getA = await listenForHttp(t.app);
  const getB = await listenForHttp(other as FastifyInstance);
  return {
    getA,
    getB,
    servedA,
    close: async () => {
      await other.close();
      await otherDb.destroy();
    },
  };
}

/** The body as text, whatever the encoding it came in. */
export function bodyText(a: HttpAnswer): string {
  const encoding = a.headers['content-encoding'];
  return (encoding === 'br' ? brotliDecompressSync(a.body) : encoding === 'gzip' ? gunzipSync(a.body) : a.body).toString();
}

/** Asks until `seen` holds, at most `tries` times 100 ms apart; how many asks it took, or -1. */
export async function until(ask: () => Promise<HttpAnswer>, seen: (a: HttpAnswer) => boolean, tries = 100): Promise<number> {
  for (let i = 1; i <= tries; i++) {
    if (seen(await ask())) return i;
    await new Promise((r) => setTimeout(r, 100));
  }
  return -1;
}

/**
 * Asserts the public cache keeps `path`: asked again, an answer comes from A's edge cache (at once, or
 * once a write made here is no longer pending: for up to 5 s after an unnamed change every request
 * reads the version again and is answered from the copy by the pipeline), the same bytes, and its
 * ETag gives a 304. Returns the body.
 */
export async function assertKept(two: TwoInstances, path: string, headers: Record<string, string> = {}): Promise<string> {
  const first = await two.getA(path, headers);
  if (first.status !== 200) throw new Error(`${path}: ${first.status}`);
  for (let i = 0; i < 80; i++) {
    const before = two.servedA.length;
    const again = await two.getA(path, headers);
    if (again.status !== 200) throw new Error(`${path}: ${again.status} when asked again`);
    if (bodyText(again) !== bodyText(first)) throw new Error(`${path}: the kept copy differs from the first answer`);
    if (two.servedA.slice(before).includes(path)) {
      const etag = again.headers.etag;
      if (typeof etag !== 'string') throw new Error(`${path}: no ETag`);
      const revalidated = await two.getA(path, { ...headers, 'if-none-match': etag });
      if (revalidated.status !== 304) throw new Error(`${path}: ${revalidated.status} for If-None-Match of its ETag`);
      return bodyText(again);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${path}: never answered from the edge cache`);
}
