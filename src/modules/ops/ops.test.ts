// Operations endpoints and the staff start page on a real database.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { loginAs } from '../../../test/helpers/auth.ts';
import { queueEmail } from '../outbox/index.ts';
import { HttpMetrics, labels } from './metrics.ts';

describe('ops endpoints', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ config: { metricsToken: 'geheim-metrics-token' } });
  });
  after(async () => {
    await t.close();
  });

  test('GET /healthz answers ok', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok' });
  });

  test('GET /readyz is 200 when migrated and 503 when a migration is pending', async () => {
    assert.deepEqual((await t.app.inject({ url: '/readyz' })).json(), { status: 'ok' });
    // kysely_migration is Kysely's own table, outside the typed schema.
    const db = t.deps.db as unknown as Kysely<{ kysely_migration: { name: string; timestamp: string } }>;
    const last = await db.selectFrom('kysely_migration').selectAll().orderBy('name', 'desc').executeTakeFirstOrThrow();
    await db.deleteFrom('kysely_migration').where('name', '=', last.name).execute();
    try {
      const res = await t.app.inject({ url: '/readyz' });
      assert.equal(res.statusCode, 503);
      assert.deepEqual(res.json(), { status: 'unavailable', reason: 'database migrations pending' });
    } finally {
      await db.insertInto('kysely_migration').values(last).execute();
    }
    assert.equal((await t.app.inject({ url: '/readyz' })).statusCode, 200);
  });

  test('GET /metrics needs the bearer token: 401 without or with a wrong one', async () => {
    assert.equal((await t.app.inject({ url: '/metrics' })).statusCode, 401);
    const wrong = await t.app.inject({ url: '/metrics', headers: { authorization: 'Bearer nope' } });
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.headers['www-authenticate'], 'Bearer realm="metrics"');
  });

  test('GET /metrics exposes request counts, durations, outbox gauges and process figures', async () => {
    await queueEmail(t.deps.db, { to: 'x@example.org', subject: 's', text: 't', at: new Date() });
    await t.app.inject({ url: '/healthz' });
    await t.app.inject({ url: '/bestaat-niet' });
    const res = await t.app.inject({ url: '/metrics', headers: { authorization: 'Bearer geheim-metrics-token' } });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/plain; version=0\.0\.4/);
    const body = res.body;
    assert.match(body, /^# TYPE http_requests_total counter$/m);
    assert.match(body, /^http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+$/m);
    assert.match(body, /^http_requests_total\{method="GET",route="unmatched",status="404"\} 1$/m);
    assert.match(body, /^http_request_duration_seconds_bucket\{method="GET",route="\/healthz",le="\+Inf"\} \d+$/m);
    assert.match(body, /^outbox_messages\{status="pending"\} 1$/m);
    assert.match(body, /^outbox_messages\{status="failed"\} 0$/m);
    assert.match(body, /^process_resident_memory_bytes \d+$/m);
    assert.match(body, /^process_uptime_seconds \d+$/m);
  });

  test('label values are escaped', () => {
    assert.equal(labels({ a: 'x"y\\z\n' }), '{a="x\\"y\\\\z\\n"}');
  });

  test('/beheer: 401 anonymous, 403 municipality, adviser sees staff cards, admin also admin cards', async () => {
    assert.equal((await t.app.inject({ url: '/beheer' })).statusCode, 401);
    const muni = await loginAs(t, 'municipality');
    assert.equal((await t.app.inject({ url: '/beheer', cookies: muni.cookies })).statusCode, 403);
    const adviser = await loginAs(t, 'adviser');
    const a = await t.app.inject({ url: '/beheer', cookies: adviser.cookies });
    assert.equal(a.statusCode, 200);
    assert.match(a.body, /<h1 class="utrecht-heading-1">Beheer<\/h1>/);
    assert.match(a.body, /href="\/account\/tokens"/);
    assert.doesNotMatch(a.body, /href="\/beheer\/audit"/);
    const admin = await loginAs(t, 'admin');
    const b = await t.app.inject({ url: '/beheer', cookies: admin.cookies });
    assert.match(b.body, /href="\/beheer\/audit"/);
    assert.match(b.body, /href="\/beheer\/gebruikers"/);
  });
});

describe('metrics without a configured token', () => {
  test('GET /metrics is 404 when METRICS_TOKEN is not set', async () => {
    const t = await createTestApp();
    try {
      const res = await t.app.inject({ url: '/metrics', headers: { authorization: 'Bearer anything' } });
      assert.equal(res.statusCode, 404);
    } finally {
      await t.close();
    }
  });

  test('HttpMetrics: cumulative histogram buckets and counts per status', () => {
    const m = new HttpMetrics();
    m.observe('GET', '/a', 200, 0.001);
    m.observe('GET', '/a', 200, 0.02);
    m.observe('GET', '/a', 404, 20);
    m.observe('POST', '/a', 303, 0.3);
    const text = m.render().join('\n');
    const value = (line: string) =>
      Number(
        text
          .split('\n')
          .find((l) => l.startsWith(`${line} `))
          ?.split(' ')
          .at(-1),
      );
    assert.equal(value('http_requests_total{method="GET",route="/a",status="200"}'), 2);
    assert.equal(value('http_requests_total{method="GET",route="/a",status="404"}'), 1);
    assert.equal(value('http_requests_total{method="POST",route="/a",status="303"}'), 1);
    assert.equal(value('http_request_duration_seconds_bucket{method="GET",route="/a",le="0.005"}'), 1);
    assert.equal(value('http_request_duration_seconds_bucket{method="GET",route="/a",le="0.01"}'), 1);
    assert.equal(value('http_request_duration_seconds_bucket{method="GET",route="/a",le="0.025"}'), 2);
    assert.equal(value('http_request_duration_seconds_bucket{method="GET",route="/a",le="10"}'), 2);
    assert.equal(value('http_request_duration_seconds_bucket{method="GET",route="/a",le="+Inf"}'), 3);
    assert.equal(value('http_request_duration_seconds_count{method="GET",route="/a"}'), 3);
    assert.equal(value('http_request_duration_seconds_sum{method="GET",route="/a"}'), 20.021);
    assert.equal(value('http_request_duration_seconds_bucket{method="POST",route="/a",le="0.25"}'), 0);
    assert.equal(value('http_request_duration_seconds_bucket{method="POST",route="/a",le="0.5"}'), 1);
  });
});
