// The edge cache in front of the pipeline (src/http/edge-cache.ts), over real HTTP: it must answer
// exactly what the pipeline answered, only for anonymous GETs of opted-in routes, and never after the
// data or the day changed. app.inject() bypasses the HTTP server, so these tests listen on a port.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { brotliDecompressSync } from 'node:zlib';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createAtlasTestApp } from '../../../test/helpers/atlas.ts';
import { type HttpAnswer, listenForHttp } from '../../../test/helpers/http.ts';
import type { EdgeServed } from '../../http/edge-cache.ts';
import { invalidateAtlasCache } from './snapshot.ts';

let t: TestApp;
let get: (path: string, headers?: Record<string, string>, method?: string) => Promise<HttpAnswer>;
let clock = new Date('2026-11-28T12:00:00Z');
const served: EdgeServed[] = [];

before(async () => {
  t = await createAtlasTestApp(() => clock, { config: { metricsToken: 'edge-metrics-token' } });
  t.app.edgeCache.onServed((s) => served.push(s));
  get = await listenForHttp(t.app);
});
after(async () => {
  await t.close();
});
beforeEach(() => {
  t.app.edgeCache.clear();
  served.length = 0;
  clock = new Date('2026-11-28T12:00:00Z');
});

/** Headers that differ per response by nature (the rate limit's remaining count too). */
const stable = (h: HttpAnswer['headers']) => {
  const { date: _d, 'x-request-id': _id, ratelimit: _r, ...rest } = h;
  return rest;
};

describe('edge cache: what it answers', () => {
  it('answers a repeated anonymous GET from the edge with the same status, headers and body', async () => {
    const url = '/api/v1/municipalities/GM0363';
    const first = await get(url);
    assert.equal(first.status, 200);
    assert.equal(served.length, 0, 'the first request goes through the pipeline');
    assert.equal(t.app.edgeCache.size, 1);
    const second = await get(url);
    assert.equal(served.length, 1, 'the second is answered by the edge');
    assert.equal(served[0].route, '/api/v1/municipalities/:code');
    assert.equal(second.status, 200);
    assert.deepEqual(stable(second.headers), stable(first.headers));
    assert.deepEqual(second.body, first.body);
    assert.equal(JSON.parse(second.body.toString()).data.name, 'Amsterdam');
    assert.match(String(second.headers['x-request-id']), /^[0-9a-f-]{36}$/);
    assert.notEqual(second.headers['x-request-id'], first.headers['x-request-id']);
    const named = await get(url, { 'x-request-id': 'trace-abc-12345' });
    assert.equal(named.headers['x-request-id'], 'trace-abc-12345');
  });

  it('answers If-None-Match with a 304 carrying the ETag and no body', async () => {
    const url = '/api/v1/regions/VR13';
    const first = await get(url);
    const etag = String(first.headers.etag);
    const viaPipeline = await get(`${url}?date=2026-11-28`, { 'if-none-match': etag });
    assert.equal(viaPipeline.status, 304, 'same data, same ETag, via the pipeline');
    const fromEdge = await get(url, { 'if-none-match': `"other", ${etag}` });
    assert.equal(served.at(-1)?.status, 304);
    assert.equal(fromEdge.status, 304);
    assert.equal(fromEdge.body.length, 0);
    assert.equal(fromEdge.headers.etag, etag);
    assert.equal(fromEdge.headers['content-type'], undefined);
    assert.equal(fromEdge.headers['cache-control'], first.headers['cache-control']);
  });

  it('leaves requests with a cookie other than the language, an Authorization header, and HEAD to the pipeline', async () => {
    const url = '/api/v1/municipalities/GM0014';
    const plain = await get(url);
    const bypassing: Record<string, string>[] = [
      { cookie: 'gaz_session=whatever' },
      { cookie: 'gaz_lang=en; _csrf=abc' },
      { cookie: 'gaz_lang=xx' },
      { authorization: 'Bearer whatever' },
    ];
    for (const headers of bypassing) {
      for (let i = 0; i < 2; i++) {
        const res = await get(url, headers);
        assert.equal(res.status, 200);
        assert.deepEqual(res.body, plain.body);
      }
    }
    assert.equal((await get(url, {}, 'HEAD')).status, 200);
    assert.equal(served.length, 0);
    assert.equal(t.app.edgeCache.size, 1);
  });

  it('answers a request with only the language cookie from a copy kept for that language', async () => {
    const url = '/api/v1/municipalities/GM0014';
    await get(url);
    await get(url, { cookie: 'gaz_lang=en' });
    assert.equal(served.length, 0, 'the first English request goes through the pipeline');
    const english = await get(url, { cookie: 'gaz_lang=en' });
    assert.equal(english.status, 200);
    assert.equal(served.length, 1);
    assert.equal(t.app.edgeCache.size, 2, 'one copy per language');
  });

  it('keeps nothing that sets a cookie, an error or a 304', async () => {
    await get('/api/v1/municipalities/GM0363?lang=en');
    await get('/api/v1/municipalities/GM9999');
    await get('/api/v1/municipalities?date=nope');
    assert.equal(t.app.edgeCache.size, 0);
    const withLang = await get('/api/v1/municipalities/GM0363?lang=en');
    assert.match(String(withLang.headers['set-cookie']), /gaz_lang=en/);
    assert.equal(served.length, 0);
  });
});

describe('edge cache: encodings and validity', () => {
  it('keeps one copy per encoding: brotli for a client that accepts it, plain for one that does not', async () => {
    const url = '/api/v1/municipalities?date=2019-06-01';
    const plain = await get(url);
    const br1 = await get(url, { 'accept-encoding': 'gzip, br' });
    const br2 = await get(url, { 'accept-encoding': 'br' });
    const plain2 = await get(url);
    assert.equal(served.length, 2);
    assert.equal(br2.headers['content-encoding'], 'br');
    assert.equal(brotliDecompressSync(br2.body).toString(), plain.body.toString());
    assert.deepEqual(br2.body, br1.body);
    assert.equal(plain2.headers['content-encoding'], undefined);
    assert.deepEqual(plain2.body, plain.body);
    const notModified = await get(url, { 'accept-encoding': 'br', 'if-none-match': String(br2.headers.etag) });
    assert.equal(served.at(-1)?.status, 304);
    assert.equal(notModified.status, 304);
    assert.equal(notModified.headers['content-encoding'], undefined);
    assert.equal(notModified.headers.vary, 'accept-encoding');
  });

  it('stops answering when the data version must be checked again, or the day changes', async () => {
    const url = '/api/v1/municipalities/GM0363';
    await get(url);
    await get(url);
    assert.equal(served.length, 1);
    // An import in this process forgets the version; the next request goes to the pipeline and refills.
    invalidateAtlasCache(t.deps.db);
    await get(url);
    assert.equal(served.length, 1);
    await get(url);
    assert.equal(served.length, 2);
    // Without ?date= the answer is today's: tomorrow it must be rebuilt.
    clock = new Date('2026-11-29T08:00:00Z');
    const tomorrow = await get(url);
    assert.equal(served.length, 2);
    assert.equal(JSON.parse(tomorrow.body.toString()).meta.date, '2026-11-29');
    // With an explicit past date the answer stays valid across days.
    const dated = '/api/v1/municipalities/GM0363?date=2020-01-01';
    await get(dated);
    clock = new Date('2026-11-30T08:00:00Z');
    await get(dated);
    assert.equal(served.at(-1)?.url, dated);
  });
});

describe('edge cache: metrics and server', () => {
  it('counts edge answers in /metrics under their route', async () => {
    await get('/api/v1/regions?type=province');
    await get('/api/v1/regions?type=province');
    await get('/api/v1/regions?type=province');
    const metrics = await get('/metrics', { authorization: 'Bearer edge-metrics-token' });
    const line = metrics.body
      .toString()
      .split('\n')
      .find((l) => l.startsWith('http_requests_total{method="GET",route="/api/v1/regions",status="200"}'));
    assert.ok(line, 'the route is counted');
    assert.ok(Number(line.split(' ').at(-1)) >= 3);
  });

  it('runs on a server with the timeouts Fastify would set, and refuses to opt in a non-public route', async () => {
    assert.equal(t.app.server.keepAliveTimeout, 72_000);
    let refused = 0;
    const other = await createTestApp({
      beforeReady: (app) => {
        for (const register of [
          () => app.get('/__staff-cached', { config: { permission: 'staff', edgeCache: true } }, async () => 'x'),
          () => app.post('/__post-cached', { config: { permission: 'public', edgeCache: true } }, async () => 'x'),
        ]) {
          assert.throws(register, /only public GET routes may use the edge cache/);
          refused += 1;
        }
      },
    });
    await other.close();
    assert.equal(refused, 2);
  });
});
