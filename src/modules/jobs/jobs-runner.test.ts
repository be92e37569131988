// The runner on a real database (SQLite, and PostgreSQL when TEST_DATABASE_URL is set): exactly one
// run when runners race (separate connections, as separate instances would have), recovery of a
// crashed runner's job after its lease, backoff and final failure, and one recurring job per period.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createDatabase, type Db } from '../../db/database.ts';
import { MODULES } from '../index.ts';
import { createJobRunner, enqueueJob, getJob, type JobRunner } from './index.ts';
import { claimNext, endAttempt } from './queries.ts';
import { applyProbeMigrations, probeItems, probeModule, probeRuns, TEST_HANDLERS } from './testing/probe.ts';

let now = new Date('2026-12-01T10:05:00.000Z');
const clock = () => now;
const advance = (ms: number) => (now = new Date(now.getTime() + ms));
let t: TestApp;
let other: Db;

before(async () => {
  t = await createTestApp({ modules: [...MODULES, probeModule], now: clock });
  await applyProbeMigrations(t.deps.db, t.deps.modules);
  other = createDatabase(t.database.url, { poolSize: 3 });
});
after(async () => {
  await other.destroy();
  await t.close();
});

const runner = (runnerId: string, db: Db = t.deps.db) =>
  createJobRunner({ deps: t.deps, db, runnerId, leaseMs: 60_000, handlers: TEST_HANDLERS });
const enqueue = (kind: string, payload: unknown = null, extra: { maxAttempts?: number } = {}) =>
  enqueueJob({ db: t.deps.db, now: clock() }, { kind, payload, ...extra });

describe('claiming', () => {
  test('runners on separate connections racing over many jobs run each exactly once', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 30; i++) ids.push(await enqueue('probe.record', { i }));
    const runners = [runner('a'), runner('b', other), runner('c', other)];
    const counts = await Promise.all(runners.map((r) => r.drain()));
    assert.equal(
      counts.reduce((x, y) => x + y, 0),
      30,
    );
    const runs = (await probeRuns(t.deps.db, 'probe.record')).map((r) => r.jobId).sort((x, y) => x - y);
    assert.deepEqual(runs, ids);
    for (const id of ids) assert.equal((await getJob(t.deps.db, id))?.status, 'done');
  });

  test('two runners claiming one job at the same moment: one gets it, one run', async () => {
    const id = await enqueue('probe.record', { single: true });
    const results = await Promise.all([runner('x').runOnce(), runner('y', other).runOnce()]);
    assert.deepEqual(results.sort(), [false, true]);
    assert.equal((await probeRuns(t.deps.db, 'probe.record')).filter((r) => r.jobId === id).length, 1);
  });

  test('a runner that crashed after claiming: the lease expires and another runner runs the job once', async () => {
    const id = await enqueue('probe.record', { crash: true });
    const lease = new Date(now.getTime() + 60_000).toISOString();
    const claimed = await claimNext(t.deps.db, 'dead-runner', ['probe.record'], now.toISOString(), lease);
    assert.equal(Number(claimed?.id), id);
    // While the dead runner's lease holds, nobody else takes the job.
    assert.equal(await runner('b').runOnce(), false);
    advance(61_000);
    assert.equal(await runner('b').drain(), 1);
    const job = await getJob(t.deps.db, id);
    assert.equal(job?.status, 'done');
    assert.equal(job?.attempts, 2);
    assert.deepEqual(
      (await probeRuns(t.deps.db, 'probe.record')).filter((r) => r.jobId === id).map((r) => r.attempt),
      [2],
    );
    // The dead runner, should it wake up, can no longer change the job.
    assert.equal(await endAttempt(t.deps.db, id, 'dead-runner', { status: 'failed', at: now.toISOString(), error: 'late' }), false);
    assert.equal((await getJob(t.deps.db, id))?.status, 'done');
  });

  test('a job whose runners keep dying fails once its attempts are used up, naming the lost lease', async () => {
    const id = await enqueue('probe.record', { crash: 'always' }, { maxAttempts: 1 });
    await claimNext(t.deps.db, 'dead-runner', ['probe.record'], now.toISOString(), new Date(now.getTime() + 60_000).toISOString());
    advance(61_000);
    assert.equal(await runner('b').runOnce(), true);
    const job = await getJob(t.deps.db, id);
    assert.equal(job?.status, 'failed');
    assert.match(job?.lastError ?? '', /lease expired/);
    assert.equal((await probeRuns(t.deps.db, 'probe.record')).filter((r) => r.jobId === id).length, 0);
  });

  test('a runner refuses to start with a wrongly declared handler', () => {
    const bad = { kind: 'probe.bad', description: { nl: 'x', en: 'x' }, every: { minutes: 0 }, run: async () => {} };
    assert.throws(() => createJobRunner({ deps: t.deps, handlers: [bad] }), /probe\.bad.*every\.minutes/);
  });

  test('a runner claims only kinds it has a handler for', async () => {
    const id = await enqueueJob(t.deps.db, { kind: 'unknown.kind' });
    assert.equal(await runner('a').runOnce(), false);
    assert.equal((await getJob(t.deps.db, id))?.status, 'queued');
  });
});

describe('failures', () => {
  test('a failing job is retried after 30 s, 1 min, then failed with its last message and no stack', async () => {
    const id = await enqueue('probe.flaky', { message: 'Verbinding\n  geweigerd' });
    const r = runner('a');
    const start = now.getTime();
    assert.equal(await r.runOnce(), true);
    let job = await getJob(t.deps.db, id);
    assert.equal(job?.status, 'queued');
    assert.equal(job?.attempts, 1);
    assert.equal(job?.runAt, new Date(start + 30_000).toISOString());
    assert.equal(job?.lastError, 'Verbinding geweigerd');
    assert.equal(await r.runOnce(), false, 'not due before its backoff');
    advance(30_000);
    assert.equal(await r.runOnce(), true);
    job = await getJob(t.deps.db, id);
    assert.equal(job?.runAt, new Date(now.getTime() + 60_000).toISOString());
    advance(60_000);
    assert.equal(await r.runOnce(), true);
    job = await getJob(t.deps.db, id);
    assert.equal(job?.status, 'failed');
    assert.equal(job?.attempts, 3);
    assert.equal(job?.lastError, 'Verbinding geweigerd');
    assert.equal(job?.finishedAt, now.toISOString());
    advance(3600_000);
    assert.equal(await r.runOnce(), false, 'a failed job is not tried again by itself');
  });

  test('a job that succeeds on a later attempt is done; maxAttempts at enqueue overrides the handler', async () => {
    const later = await enqueue('probe.flaky', { message: 'nog niet', succeedOnAttempt: 2 });
    const once = await enqueue('probe.flaky', { message: 'meteen mis' }, { maxAttempts: 1 });
    const r = runner('a');
    assert.equal(await r.drain(), 2);
    assert.equal((await getJob(t.deps.db, once))?.status, 'failed');
    advance(30_000);
    assert.equal(await r.drain(), 1);
    assert.equal((await getJob(t.deps.db, later))?.status, 'done');
    assert.equal((await getJob(t.deps.db, later))?.attempts, 2);
  });

  test('a batch that failed halfway resumes where it stopped: every item once', async () => {
    const id = await enqueue('probe.batch', { total: 6, failAt: 3 });
    const r = runner('a');
    assert.equal(await r.runOnce(), true);
    const job = await getJob(t.deps.db, id);
    assert.equal(job?.status, 'queued');
    assert.deepEqual(job?.progress, { done: 3, total: 6, percent: 50 });
    advance(30_000);
    assert.equal(await r.runOnce(), true);
    assert.equal((await getJob(t.deps.db, id))?.status, 'done');
    assert.deepEqual(await probeItems(t.deps.db, id), [1, 2, 3, 4, 5, 6]);
  });

  test('a batch that paces itself with continueAt keeps its progress and fresh attempts', async () => {
    const id = await enqueue('probe.batch', { total: 5, perRun: 2 });
    const r = runner('a');
    assert.equal(await r.runOnce(), true);
    let job = await getJob(t.deps.db, id);
    assert.equal(job?.status, 'queued');
    assert.equal(job?.attempts, 0);
    assert.deepEqual(job?.progress, { done: 2, total: 5, percent: 40 });
    assert.equal(await r.runOnce(), false);
    for (let i = 0; i < 2; i++) {
      advance(60_000);
      assert.equal(await r.runOnce(), true);
    }
    job = await getJob(t.deps.db, id);
    assert.equal(job?.status, 'done');
    assert.deepEqual(await probeItems(t.deps.db, id), [1, 2, 3, 4, 5]);
  });
});

describe('recurring jobs', () => {
  test('two runners offering the same period enqueue one job per period; an unfinished one delays the next', async () => {
    now = new Date('2026-12-05T10:05:00.000Z');
    // The probe's handlers only (its hourly job among them), whatever other modules declare.
    const probeRunner = (id: string, db: Db = t.deps.db) => createJobRunner({ deps: t.deps, db, runnerId: id, handlers: probeModule.jobs });
    const a = probeRunner('a');
    const b = probeRunner('b', other);
    const offered = async (...runners: JobRunner[]) =>
      (await Promise.all(runners.map((r) => r.offerRecurring()))).reduce((x, y) => x + y, 0);
    assert.equal(await offered(a, b), 1);
    assert.equal(await offered(probeRunner('c')), 0, 'a fresh runner finds the period taken');
    await Promise.all([a.drain(), b.drain()]);
    assert.equal(await offered(a, b), 0, 'the same period again: nothing');
    advance(3600_000);
    assert.equal(await offered(a, b), 1);
    advance(3600_000);
    // The 11:00 job has not run yet: the 12:00 period waits for it instead of running beside it.
    assert.equal(await offered(a), 0);
    await a.drain();
    assert.equal(await offered(b), 1);
    await b.drain();
    const periods = (await probeRuns(t.deps.db, 'probe.hourly')).map((r) => r.periodStart);
    assert.deepEqual(periods, ['2026-12-05T10:00:00.000Z', '2026-12-05T11:00:00.000Z', '2026-12-05T12:00:00.000Z']);
  });
});
