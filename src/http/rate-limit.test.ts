// The public API's rate limit (issue 12, point 1): per client address, IETF draft headers, a 429
// problem+json with Retry-After over the limit, /healthz and /readyz exempt, and answers from the
// edge cache counted and limited like the pipeline's (over real HTTP: app.inject skips the edge).
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { listenForHttp } from '../../test/helpers/http.ts';
import { loadConfig } from '../config.ts';
// biome-ignore lint/style/noRestrictedImports: a test of the shared layer builds the real app, with every module.
import { MODULES } from '../modules/index.ts';
import { probeModule } from './probe.fixture.ts';
import { RateLimiter } from './rate-limit.ts';

const LIMIT = 5;
let t: TestApp;

before(async () => {
  t = await createTestApp({ modules: [...MODULES, probeModule], config: { apiRateLimitPerMinute: LIMIT } });
});
after(async () => t?.close());

const from = (remoteAddress: string, url: string) => t.app.inject({ url, remoteAddress });

test('the default limit is generous (600 a minute) and can be switched off', () => {
  assert.equal(
    loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32), PUBLIC_BASE_URL: 'https://a.nl' }).apiRateLimitPerMinute,
    600,
  );
  assert.equal(loadConfig({ API_RATE_LIMIT: '0' }).apiRateLimitPerMinute, 0);
});

test('every /api/ answer carries RateLimit-Policy and RateLimit; past the limit a 429 problem+json with Retry-After', async () => {
  const address = '198.51.100.1';
  for (let i = 1; i <= LIMIT; i++) {
    const res = await from(address, '/api/v1/probe');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['ratelimit-policy'], `"api";q=${LIMIT};w=60`);
    assert.match(String(res.headers.ratelimit), new RegExp(`^"api";r=${LIMIT - i};t=\\d+$`));
  }
  const over = await from(address, '/api/v1/probe');
  assert.equal(over.statusCode, 429);
  assert.match(String(over.headers['content-type']), /application\/problem\+json/);
  const wait = Number(over.headers['retry-after']);
  assert.ok(wait >= 1 && wait <= 60, `retry-after ${over.headers['retry-after']}`);
  assert.match(String(over.headers.ratelimit), /^"api";r=0;t=\d+$/);
  assert.match(over.json().detail, /^Te veel verzoeken aan de API vanaf uw adres\. Wacht \d+ seconden/);
  // Unknown API paths and the OpenAPI document count too: the whole of /api/.
  assert.equal((await from(address, '/api/v1/bestaat-niet')).statusCode, 429);
  assert.equal((await from(address, '/api/openapi.json')).statusCode, 429);
});

test('the limit is per client address, and never touches /healthz, /readyz or pages', async () => {
  const address = '198.51.100.2';
  for (let i = 0; i <= LIMIT; i++) await from(address, '/api/v1/probe');
  assert.equal((await from(address, '/api/v1/probe')).statusCode, 429);
  assert.equal((await from('198.51.100.3', '/api/v1/probe')).statusCode, 200);
  for (const url of ['/healthz', '/readyz', '/']) {
    const res = await from(address, url);
    assert.equal(res.statusCode, 200, url);
    assert.equal(res.headers.ratelimit, undefined, url);
  }
});

test('answers from the edge cache are counted and limited too (real HTTP)', async () => {
  const get = await listenForHttp(t.app);
  const first = await get('/api/v1/probe?edge=1');
  assert.equal(first.status, 200);
  const edgeBefore = t.app.edgeCache.size;
  assert.ok(edgeBefore > 0, 'the answer was stored by the edge cache');
  const seen: string[] = [];
  for (let i = 2; i <= LIMIT; i++) {
    const res = await get('/api/v1/probe?edge=1');
    assert.equal(res.status, 200);
    seen.push(String(res.headers.ratelimit));
    assert.equal(res.headers['ratelimit-policy'], `"api";q=${LIMIT};w=60`);
  }
  // Fresh numbers on each cached answer, not the stored copy's.
  assert.deepEqual(
    seen.map((h) => h.replace(/;t=\d+$/, '')),
    Array.from({ length: LIMIT - 1 }, (_, i) => `"api";r=${LIMIT - i - 2}`),
  );
  const over = await get('/api/v1/probe?edge=1');
  assert.equal(over.status, 429);
  assert.ok(Number(over.headers['retry-after']) >= 1);
  assert.match(String(over.headers['content-type']), /application\/problem\+json/);
  const health = await get('/healthz');
  assert.equal(health.status, 200);
});

test('a window starts again after its length; old windows are swept', () => {
  let now = 1_000_000;
  const limiter = new RateLimiter({ name: 'api', limit: 2, windowSeconds: 60 }, () => now);
  const req = () => ({}) as IncomingMessage;
  assert.equal(limiter.hit(req(), 'a').allowed, true);
  const second = limiter.hit(req(), 'a');
  assert.deepEqual(second, { allowed: true, remaining: 0, resetSeconds: 60 });
  now += 30_000;
  assert.deepEqual(limiter.hit(req(), 'a'), { allowed: false, remaining: 0, resetSeconds: 30 });
  // The same request object is counted once, however often it is asked (edge cache, then pipeline).
  const one = req();
  limiter.hit(one, 'b');
  limiter.hit(one, 'b');
  assert.equal(limiter.hit(req(), 'b').remaining, 0);
  now += 30_000;
  assert.deepEqual(limiter.hit(req(), 'a'), { allowed: true, remaining: 1, resetSeconds: 60 });
  now += 120_000;
  limiter.hit(req(), 'c');
  assert.equal(limiter.size, 1);
});
