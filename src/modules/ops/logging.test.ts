// Request logging: one JSON line per request with its request id, without query strings or IP
// addresses; no request lines when info is off, while warnings still carry the request id; answers of
// the edge cache (over real HTTP) are logged like the others.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTestApp } from '../../../test/helpers/app.ts';
import { createAtlasTestApp } from '../../../test/helpers/atlas.ts';
import { listenForHttp } from '../../../test/helpers/http.ts';

describe('request logging', () => {
  test('at info: one line per request, with the request id, route and status, no query string or IP', async () => {
    const lines: Record<string, unknown>[] = [];
    const t = await createTestApp({ config: { logLevel: 'info' }, logLines: lines });
    try {
      const res = await t.app.inject({
        url: '/healthz?token=secret-value',
        headers: { 'x-request-id': 'log-test-0001', 'x-forwarded-for': '203.0.113.9' },
      });
      assert.equal(res.headers['x-request-id'], 'log-test-0001');
      const done = lines.filter((l) => l.msg === 'request completed');
      assert.equal(done.length, 1);
      assert.equal(done[0].reqId, 'log-test-0001');
      assert.equal(done[0].url, '/healthz');
      assert.equal(done[0].route, '/healthz');
      assert.equal(done[0].status, 200);
      assert.equal(typeof done[0].ms, 'number');
      const text = JSON.stringify(lines);
      assert.doesNotMatch(text, /secret-value/);
      assert.doesNotMatch(text, /203\.0\.113\.9/);
    } finally {
      await t.close();
    }
  });

  test('at warn: no request lines; a warning from a handler carries its request id', async () => {
    const lines: Record<string, unknown>[] = [];
    const t = await createTestApp({
      config: { logLevel: 'warn' },
      logLines: lines,
      beforeReady: (app) =>
        app.get('/__probe', { config: { permission: 'public' } }, async (req) => {
          req.log.info('not written at warn');
          req.log.warn({ probe: true }, 'probe warning');
          return { ok: true };
        }),
    });
    try {
      await t.app.inject({ url: '/healthz' });
      assert.equal(lines.length, 0);
      await t.app.inject({ url: '/__probe', headers: { 'x-request-id': 'log-test-0002' } });
      assert.equal(lines.length, 1);
      assert.equal(lines[0].msg, 'probe warning');
      assert.equal(lines[0].reqId, 'log-test-0002');
      assert.equal(lines[0].probe, true);
    } finally {
      await t.close();
    }
  });

  test('edge-cache answers are logged with their route and request id', async () => {
    const lines: Record<string, unknown>[] = [];
    const t = await createAtlasTestApp(new Date('2026-11-28T12:00:00Z'), { config: { logLevel: 'info' }, logLines: lines });
    try {
      const get = await listenForHttp(t.app);
      const url = '/api/v1/regions/VR13?date=2025-01-01';
      assert.equal((await get(url, { 'x-request-id': 'log-edge-0001' })).status, 200);
      assert.equal((await get(url, { 'x-request-id': 'log-edge-0002' })).status, 200);
      const done = lines.filter((l) => l.msg === 'request completed');
      assert.deepEqual(
        done.map((l) => [l.reqId, l.route, l.url, l.status, l.edge ?? false]),
        [
          ['log-edge-0001', '/api/v1/regions/:code', '/api/v1/regions/VR13', 200, false],
          ['log-edge-0002', '/api/v1/regions/:code', '/api/v1/regions/VR13', 200, true],
        ],
      );
    } finally {
      await t.close();
    }
  });
});
