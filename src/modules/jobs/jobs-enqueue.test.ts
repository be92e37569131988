// Enqueueing on a real database (SQLite, and PostgreSQL when TEST_DATABASE_URL is set): the job
// exists if and only if the caller's transaction commits, keys are idempotent while a job is
// unfinished, run-at is respected, cancellation, and progress as a module reads it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { MODULES } from '../index.ts';
import { cleanupJobs } from './cleanup.ts';
import { cancelJob, createJobRunner, enqueueJob, getJob, jobCounts, jobProgress } from './index.ts';
import { applyProbeMigrations, probeItems, probeModule, probeRuns, TEST_HANDLERS } from './testing/probe.ts';

let now = new Date('2026-12-01T09:00:00.000Z');
const clock = () => now;
let t: TestApp;

before(async () => {
  t = await createTestApp({ modules: [...MODULES, probeModule], now: clock });
  await applyProbeMigrations(t.deps.db, t.deps.modules);
});
after(async () => t.close());

const runner = (id = 'r1') => createJobRunner({ deps: t.deps, runnerId: id, handlers: TEST_HANDLERS });

describe('enqueueJob', () => {
  test('inside a rolled-back transaction leaves no job; inside a committed one the job stays and runs once', async () => {
    const before = await jobCounts(t.deps.db);
    await assert.rejects(
      t.deps.db.transaction().execute(async (trx) => {
        await enqueueJob({ db: trx, now: clock() }, { kind: 'probe.record', payload: { n: 1 } });
        throw new Error('roll back');
      }),
      /roll back/,
    );
    assert.deepEqual(await jobCounts(t.deps.db), before);

    const id = await t.deps.db
      .transaction()
      .execute((trx) => enqueueJob({ db: trx, now: clock() }, { kind: 'probe.record', payload: { n: 2 } }));
    const job = await getJob(t.deps.db, id);
    assert.equal(job?.status, 'queued');
    assert.deepEqual(job?.payload, { n: 2 });
    assert.equal(job?.runAt, clock().toISOString());

    assert.equal(await runner().drain(), 1);
    assert.equal((await getJob(t.deps.db, id))?.status, 'done');
    assert.deepEqual(
      (await probeRuns(t.deps.db, 'probe.record')).map((r) => r.jobId),
      [id],
    );
  });

  test('a key is idempotent while the job is unfinished, and free again once it is done', async () => {
    const first = await enqueueJob({ db: t.deps.db, now: clock() }, { kind: 'probe.record', key: 'probe:42' });
    const again = await enqueueJob({ db: t.deps.db, now: clock() }, { kind: 'probe.record', key: 'probe:42' });
    assert.equal(again, first);
    assert.equal(await runner().drain(), 1);
    const later = await enqueueJob({ db: t.deps.db, now: clock() }, { kind: 'probe.record', key: 'probe:42' });
    assert.notEqual(later, first);
    assert.equal((await getJob(t.deps.db, later))?.key, 'probe:42');
    await runner().drain();
  });

  test('a job waits for its run-at moment', async () => {
    const id = await enqueueJob({ db: t.deps.db, now: clock() }, { kind: 'probe.record', runAt: new Date(now.getTime() + 3600_000) });
    assert.equal(await runner().drain(), 0);
    now = new Date(now.getTime() + 3600_000);
    assert.equal(await runner().drain(), 1);
    assert.equal((await getJob(t.deps.db, id))?.status, 'done');
  });

  test('bad input is a programming error, refused before anything is stored', async () => {
    await assert.rejects(enqueueJob(t.deps.db, { kind: 'NoDot' }), /module\.action/);
    await assert.rejects(enqueueJob(t.deps.db, { kind: 'probe.record', maxAttempts: 0 }), /maxAttempts/);
    await assert.rejects(enqueueJob(t.deps.db, { kind: 'probe.record', runAt: new Date('nope') }), /runAt/);
    await assert.rejects(enqueueJob(t.deps.db, { kind: 'probe.record', payload: 'x'.repeat(70_000) }), /payload/);
  });
});

describe('cancelJob', () => {
  test('a queued job is cancelled at once, by id or by key; a finished one stays as it was', async () => {
    const a = await enqueueJob({ db: t.deps.db, now: clock() }, { kind: 'probe.record' });
    const b = await enqueueJob({ db: t.deps.db, now: clock() }, { kind: 'probe.record', key: 'probe:cancel-me' });
    assert.equal(await cancelJob({ db: t.deps.db, now: clock() }, a), 'cancelled');
    assert.equal(await cancelJob({ db: t.deps.db, now: clock() }, { key: 'probe:cancel-me' }), 'cancelled');
    assert.equal((await getJob(t.deps.db, b))?.status, 'cancelled');
    assert.equal(await runner().drain(), 0);
    assert.equal(await cancelJob(t.deps.db, a), 'finished');
    assert.equal(await cancelJob(t.deps.db, 999_999), 'not-found');
    assert.equal(await cancelJob(t.deps.db, { key: 'probe:cancel-me' }), 'not-found');
    // The key is free again after cancellation.
    assert.notEqual(await enqueueJob(t.deps.db, { kind: 'probe.record', key: 'probe:cancel-me' }), b);
  });
});

describe('progress', () => {
  test('ctx.progress stores done and total; jobProgress reads them', async () => {
    const id = await enqueueJob({ db: t.deps.db, now: clock() }, { kind: 'probe.batch', payload: { total: 7 } });
    assert.deepEqual(await jobProgress(t.deps.db, id), { id, status: 'queued', progress: null, lastError: null });
    await runner().drain();
    assert.deepEqual(await jobProgress(t.deps.db, id), {
      id,
      status: 'done',
      progress: { done: 7, total: 7, percent: 100 },
      lastError: null,
    });
    assert.deepEqual(await probeItems(t.deps.db, id), [1, 2, 3, 4, 5, 6, 7]);
    assert.equal(await jobProgress(t.deps.db, 999_999), null);
  });
});

describe('cleanup (jobs.cleanup, daily)', () => {
  test('deletes finished jobs after 30 days and failed ones after 90, but keeps the newest job of each recurring kind', async () => {
    now = new Date('2027-01-01T08:00:00.000Z');
    const w = () => ({ db: t.deps.db, now: clock() });
    const done = await enqueueJob(w(), { kind: 'probe.record' });
    const failed = await enqueueJob(w(), { kind: 'probe.flaky', payload: { message: 'mis' }, maxAttempts: 1 });
    await runner().offerRecurring();
    await runner().drain();
    const hourly = (await probeRuns(t.deps.db, 'probe.hourly')).at(-1)!.jobId;
    const cleanOnly = () => createJobRunner({ deps: t.deps, handlers: [cleanupJobs] });

    now = new Date('2027-02-15T08:00:00.000Z');
    await enqueueJob(w(), { kind: 'jobs.cleanup' });
    assert.equal(await cleanOnly().drain(), 1);
    assert.equal(await getJob(t.deps.db, done), null, 'done 45 days ago: deleted');
    assert.equal((await getJob(t.deps.db, failed))?.status, 'failed', 'failed 45 days ago: kept');
    assert.equal((await getJob(t.deps.db, hourly))?.status, 'done', 'the newest hourly job marks its period: kept');

    now = new Date('2027-04-15T08:00:00.000Z');
    await enqueueJob(w(), { kind: 'jobs.cleanup' });
    await cleanOnly().drain();
    assert.equal(await getJob(t.deps.db, failed), null, 'failed 104 days ago: deleted');
    assert.equal((await getJob(t.deps.db, hourly))?.status, 'done');
  });
});
