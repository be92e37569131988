// The staff page /beheer/taken on a real database: who may see it (401/403/200), what it shows of
// each state, "retry now" and cancel (audited, 303, then a notice), and the refusals (404/409).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { type LoggedIn, loginAs, postForm } from '../../../test/helpers/auth.ts';
import { listAudit } from '../audit/index.ts';
import { MODULES } from '../index.ts';
import { createJobRunner, enqueueJob, getJob, type JobRunner } from './index.ts';
import { applyProbeMigrations, Gate, gates, probeModule, TEST_HANDLERS } from './testing/probe.ts';

const now = new Date('2026-12-01T14:00:00.000Z');
const clock = () => now;
let t: TestApp;
let admin: LoggedIn;
let failedId: number;
let queuedId: number;
let doneId: number;
let runningId: number;
let holder: JobRunner;

before(async () => {
  t = await createTestApp({ modules: [...MODULES, probeModule], now: clock, config: { metricsToken: 'jobs-metrics-token' } });
  await applyProbeMigrations(t.deps.db, t.deps.modules);
  admin = await loginAs(t, 'admin');
  const w = { db: t.deps.db, now: clock() };
  doneId = await enqueueJob(w, { kind: 'probe.batch', payload: { total: 4 } });
  failedId = await enqueueJob(w, { kind: 'probe.flaky', payload: { message: 'Server antwoordde 503' }, maxAttempts: 1 });
  await createJobRunner({ deps: t.deps, handlers: TEST_HANDLERS }).drain();
  queuedId = await enqueueJob(w, { kind: 'probe.record', runAt: new Date('2026-12-24T08:00:00Z') });
  // A running job that reported 3 of 10 and waits at a gate, held by a runner in the background.
  gates.set('hold', new Gate());
  runningId = await enqueueJob(w, { kind: 'probe.gated', payload: { gate: 'hold', progressBefore: [3, 10] } });
  holder = createJobRunner({ deps: t.deps, pollMs: 20, handlers: TEST_HANDLERS.filter((h) => h.kind === 'probe.gated') });
  holder.start();
  await gates.get('hold')!.reached;
});
after(async () => {
  await holder.stop();
  await t.close();
});

const page = (s?: LoggedIn, url = '/beheer/taken') => t.app.inject({ method: 'GET', url, cookies: s?.cookies });

describe('who may see the jobs page', () => {
  test('anonymous 401, an adviser 403, an admin 200; the staff start page links to it for admins only', async () => {
    assert.equal((await page()).statusCode, 401);
    const adviser = await loginAs(t, 'adviser');
    assert.equal((await page(adviser)).statusCode, 403);
    assert.equal((await postForm(t, adviser, `/beheer/taken/${failedId}/opnieuw`, {})).statusCode, 403);
    assert.equal((await page(admin)).statusCode, 200);
    assert.match((await page(admin, '/beheer')).body, /href="\/beheer\/taken"/);
    assert.doesNotMatch((await page(adviser, '/beheer')).body, /href="\/beheer\/taken"/);
  });
});

describe('what the page shows', () => {
  test('running with progress, failed with its last error and a retry button, queued, and finished', async () => {
    const res = await page(admin);
    assert.equal(res.statusCode, 200);
    const html = res.body;
    assert.match(html, /<h1[^>]*>Achtergrondtaken<\/h1>/);
    assert.match(html, /1 bezig, 1 in de wachtrij, 1 mislukt\./);
    assert.match(html, /<h2[^>]*>Bezig \(1\)<\/h2>/);
    assert.match(html, /Server antwoordde 503/);
    assert.match(html, new RegExp(`action="/beheer/taken/${failedId}/opnieuw"`));
    assert.match(html, /Nu opnieuw proberen <span class="gaz-visually-hidden">taak \d+<\/span>/);
    assert.match(html, new RegExp(`action="/beheer/taken/${queuedId}/annuleren"`));
    assert.match(html, /<progress max="10" value="3"[^>]*>3 van 10 \(30%\)<\/progress>/);
    assert.match(html, /<code>probe\.gated<\/code>/);
    assert.match(html, /Onlangs afgerond \(1\)/);
    assert.match(html, /4 van 4 \(100%\)/);
    assert.doesNotMatch(html, /\bat \w+ \(/, 'no stack trace');
    const en = await page(admin, '/beheer/taken?lang=en');
    assert.match(en.body, /<h1[^>]*>Background jobs<\/h1>/);
    assert.match(en.body, /Retry now/);
  });
});

describe('/metrics', () => {
  test('has a gauge of jobs by status', async () => {
    const res = await t.app.inject({ url: '/metrics', headers: { authorization: 'Bearer jobs-metrics-token' } });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /^# TYPE jobs gauge$/m);
    assert.match(res.body, /^jobs\{status="queued"\} 1$/m);
    assert.match(res.body, /^jobs\{status="running"\} 1$/m);
    assert.match(res.body, /^jobs\{status="failed"\} 1$/m);
  });
});

describe('retry now', () => {
  test('queues the failed job again at once with fresh attempts, audited; the page then says so', async () => {
    const res = await postForm(t, admin, `/beheer/taken/${failedId}/opnieuw`, {});
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/beheer/taken?opnieuw=${failedId}`);
    const job = await getJob(t.deps.db, failedId);
    assert.equal(job?.status, 'queued');
    assert.equal(job?.attempts, 0);
    assert.equal(job?.runAt, now.toISOString());
    const { entries } = await listAudit(t.deps.db, { entity: 'job' });
    const entry = entries.find((e) => e.entityId === String(failedId) && e.action === 'retry');
    assert.ok(entry, 'the retry is in the audit trail');
    assert.equal(entry.actorLabel, admin.user.email);
    assert.deepEqual(entry.after, { kind: 'probe.flaky', status: 'queued', attempts: 0 });
    const notice = await page(admin, String(res.headers.location));
    assert.match(notice.body, new RegExp(`Taak ${failedId} staat weer in de wachtrij`));
  });

  test('a job that has not failed: 409 with a Dutch message; an unknown job 404; no CSRF token 403', async () => {
    const res = await postForm(t, admin, `/beheer/taken/${doneId}/opnieuw`, {});
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /Alleen een mislukte taak kan opnieuw worden geprobeerd/);
    assert.equal((await postForm(t, admin, '/beheer/taken/999999/opnieuw', {})).statusCode, 404);
    assert.equal((await postForm(t, admin, '/beheer/taken/abc/opnieuw', {})).statusCode, 404);
    const noCsrf = await t.app.inject({ method: 'POST', url: `/beheer/taken/${doneId}/opnieuw`, cookies: admin.cookies });
    assert.equal(noCsrf.statusCode, 403);
  });

  test('refused while another unfinished job holds the same key', async () => {
    const w = { db: t.deps.db, now: clock() };
    const failed = await enqueueJob(w, { kind: 'probe.flaky', key: 'probe:same-work', payload: { message: 'mis' }, maxAttempts: 1 });
    await createJobRunner({ deps: t.deps, handlers: TEST_HANDLERS.filter((h) => h.kind === 'probe.flaky') }).drain();
    assert.equal((await getJob(t.deps.db, failed))?.status, 'failed');
    await enqueueJob(w, { kind: 'probe.record', key: 'probe:same-work', runAt: new Date('2026-12-31T00:00:00Z') });
    const res = await postForm(t, admin, `/beheer/taken/${failed}/opnieuw`, {});
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /Er wacht of loopt al een andere taak voor hetzelfde werk/);
    assert.equal((await getJob(t.deps.db, failed))?.status, 'failed');
  });
});

describe('cancel', () => {
  test('a queued job is cancelled; a running one is asked to stop; both audited', async () => {
    const res = await postForm(t, admin, `/beheer/taken/${queuedId}/annuleren`, {});
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/beheer/taken?geannuleerd=${queuedId}`);
    assert.equal((await getJob(t.deps.db, queuedId))?.status, 'cancelled');
    const running = await postForm(t, admin, `/beheer/taken/${runningId}/annuleren`, {});
    assert.equal(running.headers.location, `/beheer/taken?gestopt=${runningId}`);
    assert.equal((await getJob(t.deps.db, runningId))?.cancelRequested, true);
    assert.match((await page(admin)).body, /wordt gestopt/);
    const { entries } = await listAudit(t.deps.db, { entity: 'job', action: 'cancel' });
    assert.deepEqual(entries.map((e) => e.entityId).sort(), [String(queuedId), String(runningId)].sort());
    assert.equal((await postForm(t, admin, `/beheer/taken/${queuedId}/annuleren`, {})).statusCode, 409);
  });
});
