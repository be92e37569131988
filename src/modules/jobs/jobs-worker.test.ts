// The runner as a background worker on a real database: concurrency, early wake-up, clean stop
// (release, finish, or leave to the lease), cancelling a running job, and the manifest's wiring.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { startBackgroundWork } from '../../background.ts';
import { MODULES } from '../index.ts';
import { cancelJob, createJobRunner, enqueueJob, getJob, type JobRunnerOptions, jobCounts } from './index.ts';
import { claimNext } from './queries.ts';
import { SILENT_LOG } from './runner.ts';
import { applyProbeMigrations, Gate, gates, probeModule, probeRuns, TEST_HANDLERS } from './testing/probe.ts';

let now = new Date('2026-12-01T12:00:00.000Z');
const clock = () => now;
let t: TestApp;

before(async () => {
  t = await createTestApp({ modules: [...MODULES, probeModule], now: clock });
  await applyProbeMigrations(t.deps.db, t.deps.modules);
});
after(async () => t.close());

/** Waits until `check` holds (polling every 10 ms, at most 10 s). */
async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`Timed out waiting until ${what}`);
}
const statusOf = async (id: number) => (await getJob(t.deps.db, id))?.status;
const gated = (gate: string, extra: Record<string, unknown> = {}) => {
  gates.set(gate, new Gate());
  return enqueueJob({ db: t.deps.db, now: clock() }, { kind: 'probe.gated', payload: { gate, ...extra } });
};
const worker = (extra: Partial<JobRunnerOptions> = {}) =>
  createJobRunner({ deps: t.deps, pollMs: 20, scheduleMs: 3600_000, handlers: TEST_HANDLERS, ...extra });

describe('running in the background', () => {
  test('runs at most `concurrency` jobs at once, then the rest', async () => {
    const ids = [await gated('c1', { ignoreSignal: true }), await gated('c2', { ignoreSignal: true }), await gated('c3')];
    const r = worker({ concurrency: 2 });
    r.start();
    await until('two jobs run', async () => (await jobCounts(t.deps.db)).running === 2);
    assert.equal(await statusOf(ids[2]), 'queued', 'the third waits for a free slot');
    gates.get('c1')!.open();
    gates.get('c2')!.open();
    await until('the third runs', async () => (await statusOf(ids[2])) === 'running');
    gates.get('c3')!.open();
    await until('all are done', async () => (await Promise.all(ids.map(statusOf))).every((s) => s === 'done'));
    await r.stop();
  });

  test('wakes at once when this process enqueues a job, without waiting for the next poll', async () => {
    const r = worker({ pollMs: 600_000 });
    r.start();
    // The first poll found nothing; the next one is ten minutes away.
    await new Promise((res) => setTimeout(res, 50));
    const id = await enqueueJob({ db: t.deps.db, now: clock() }, { kind: 'probe.record', payload: { wake: true } });
    await until('the job is done', async () => (await statusOf(id)) === 'done');
    await r.stop();
  });

  test('a running job can be cancelled: its signal aborts and it ends as cancelled', async () => {
    const id = await gated('cancel-me');
    const r = worker({ leaseMs: 1000 });
    r.start();
    await gates.get('cancel-me')!.reached;
    assert.equal(await cancelJob({ db: t.deps.db, now: clock() }, id), 'cancelling');
    await until('the job is cancelled', async () => (await statusOf(id)) === 'cancelled');
    assert.equal((await getJob(t.deps.db, id))?.finishedAt, now.toISOString());
    await r.stop();
  });
});

describe('the lease', () => {
  test('ctx.progress renews it: a job past its first lease is not taken over while it reports progress', async () => {
    gates.set('p2', new Gate());
    const id = await gated('p1', { progressAfter: true, thenGate: 'p2' });
    const holder = createJobRunner({ deps: t.deps, runnerId: 'holder', leaseMs: 60_000, handlers: TEST_HANDLERS });
    const held = holder.runOnce();
    await gates.get('p1')!.reached;
    now = new Date(now.getTime() + 50_000);
    gates.get('p1')!.open(); // the handler reports progress now: the lease runs until 50 s + 60 s
    await gates.get('p2')!.reached;
    now = new Date(now.getTime() + 20_000); // 70 s after the claim: the first lease would have expired
    const later = new Date(now.getTime() + 60_000).toISOString();
    assert.equal(await claimNext(t.deps.db, 'other', ['probe.gated'], now.toISOString(), later), null, 'the lease still holds');
    gates.get('p2')!.open();
    assert.equal(await held, true);
    const job = await getJob(t.deps.db, id);
    assert.equal(job?.status, 'done');
    assert.equal(job?.attempts, 1);
  });
});

describe('stopping', () => {
  test('a handler that stops at the signal is released to the queue as if it never started', async () => {
    const id = await gated('s1');
    const r = worker();
    r.start();
    await gates.get('s1')!.reached;
    await r.stop();
    const job = await getJob(t.deps.db, id);
    assert.equal(job?.status, 'queued');
    assert.equal(job?.attempts, 0);
    assert.equal(job?.lastError, null);
    // The next start (another instance) runs it.
    gates.set('s1', new Gate());
    gates.get('s1')!.open();
    assert.equal(await createJobRunner({ deps: t.deps, handlers: TEST_HANDLERS }).drain(), 1);
    assert.equal(await statusOf(id), 'done');
  });

  test('a handler that finishes during the grace period is recorded as done', async () => {
    const id = await gated('s2', { ignoreSignal: true });
    const r = worker();
    r.start();
    await gates.get('s2')!.reached;
    const stopping = r.stop();
    gates.get('s2')!.open();
    await stopping;
    assert.equal(await statusOf(id), 'done');
  });

  test('a handler still running after the grace period keeps its lease until it expires; then another runner recovers it', async () => {
    const id = await gated('s3', { ignoreSignal: true, progressAfter: true });
    const r = worker({ graceMs: 20, leaseMs: 60_000 });
    r.start();
    await gates.get('s3')!.reached;
    await r.stop();
    assert.equal(await statusOf(id), 'running');
    const next = createJobRunner({ deps: t.deps, runnerId: 'next', handlers: TEST_HANDLERS });
    assert.equal(await next.runOnce(), false, 'the lease still holds');
    now = new Date(now.getTime() + 61_000);
    gates.set('s3', new Gate());
    gates.get('s3')!.open();
    assert.equal(await next.runOnce(), true);
    const job = await getJob(t.deps.db, id);
    assert.equal(job?.status, 'done');
    assert.equal(job?.attempts, 2);
    assert.deepEqual(
      (await probeRuns(t.deps.db, 'probe.gated')).filter((x) => x.jobId === id).map((x) => x.attempt),
      [1, 2],
    );
  });
});

describe('the manifest wiring', () => {
  test('the worker runs jobs when JOB_RUNNER is on and stops on request; off, it does nothing', async () => {
    const off = startBackgroundWork({ ...t.deps, config: { ...t.deps.config, runOutboxSender: false, runJobRunner: false } }, SILENT_LOG);
    const idle = await enqueueJob({ db: t.deps.db, now: clock() }, { kind: 'probe.record', payload: { wired: false } });
    await new Promise((res) => setTimeout(res, 100));
    assert.equal(await statusOf(idle), 'queued');
    await off.stop();
    const on = startBackgroundWork({ ...t.deps, config: { ...t.deps.config, runOutboxSender: false, runJobRunner: true } }, SILENT_LOG);
    const id = await enqueueJob({ db: t.deps.db, now: clock() }, { kind: 'probe.record', payload: { wired: true } });
    await until('both jobs are done', async () => (await statusOf(id)) === 'done' && (await statusOf(idle)) === 'done');
    await on.stop();
  });
});
