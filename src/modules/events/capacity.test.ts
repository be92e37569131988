// The capacity race at small scale (the bench runs 500 for 100): concurrent registrations never
// give more places than there are, on SQLite (one writer) and PostgreSQL (conditional update);
// the retention job erases registrants but keeps the counts; the advice module's extension points.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TestApp } from '../../../test/helpers/app.ts';
import { SYSTEM_ACTOR } from '../../http/request-user.ts';
import type { JobRunContext } from '../../module.ts';
import { eventReport, setAttended } from './attendance.service.ts';
import { eraseExpiredRegistrants } from './jobs.ts';
import { countByStatus, selectRegistrations } from './registrations.queries.ts';
import { getEvent } from './service.ts';
import { clockAt, eventsTestApp, makeEvent, registerPerson } from './testing/kit.ts';

const clock = clockAt('2019-10-01T10:00:00Z');
let t: TestApp;

before(async () => {
  t = await eventsTestApp(clock);
});
after(async () => {
  await t?.close();
});

function jobCtx(): JobRunContext {
  const log = { info: () => {}, warn: () => {}, error: () => {} } as unknown as JobRunContext['log'];
  return { deps: t.deps, log, progress: async () => {} };
}

test('50 concurrent registrations for 10 places: exactly 10 registered and 40 on the waiting list', async () => {
  const id = await makeEvent(t, { capacity: 10 });
  const results = await Promise.all(Array.from({ length: 50 }, (_, i) => registerPerson(t, id, { email: `race-${i}@example.org` })));
  assert.equal(results.filter((r) => r.outcome === 'registered').length, 10);
  assert.equal(results.filter((r) => r.outcome === 'waiting').length, 40);
  const counts = await countByStatus(t.deps.db, id);
  assert.equal(counts.registered, 10);
  assert.equal(counts.waiting, 40);
  assert.equal((await getEvent(t.deps.db, id))?.taken, 10);
});

test('the same email sent concurrently makes one registration', async () => {
  const id = await makeEvent(t, { capacity: 10 });
  const results = await Promise.all(Array.from({ length: 4 }, () => registerPerson(t, id, { email: 'tegelijk@example.org' })));
  assert.equal(new Set(results.map((r) => r.id)).size, 1);
  assert.equal((await selectRegistrations(t.deps.db, id)).length, 1);
  assert.equal((await getEvent(t.deps.db, id))?.taken, 1);
});

test('the retention job erases registrants after the term and keeps the counts; running it again changes nothing', async () => {
  clock.set('2019-10-01T10:00:00Z');
  const id = await makeEvent(t, { capacity: 5 });
  for (const code of ['GM0363', 'GM0363', 'GM0014']) await registerPerson(t, id, { municipality: code });
  const ctx = { db: t.deps.db, actor: SYSTEM_ACTOR, now: new Date('2019-10-31T12:40:00Z') };
  for (const r of (await selectRegistrations(t.deps.db, id)).slice(0, 2)) await setAttended(ctx, id, r.id, true);
  const before = await eventReport(t.deps.db, id);

  clock.set('2020-10-30T12:00:00Z'); // 365 days after the end: not yet
  await eraseExpiredRegistrants(jobCtx());
  assert.ok((await selectRegistrations(t.deps.db, id)).every((r) => r.email !== null));

  clock.set('2020-11-01T12:00:00Z');
  assert.ok((await eraseExpiredRegistrants(jobCtx())) >= 1);
  const rows = await selectRegistrations(t.deps.db, id);
  assert.ok(rows.every((r) => r.name === null && r.email === null && r.organisation === null && r.answers_json === null));
  const afterwards = await eventReport(t.deps.db, id);
  assert.deepEqual(
    [afterwards.registered, afterwards.attended, afterwards.byMunicipality.get('GM0363')],
    [before.registered, before.attended, before.byMunicipality.get('GM0363')],
  );
  assert.equal(await eraseExpiredRegistrants(jobCtx()), 0);
});

test('events attended show in the advice interaction feed and as evidence for front-line staff trained', async () => {
  clock.set('2019-10-01T10:00:00Z');
  const id = await makeEvent(t, { capacity: 5, title: 'Workshop frontlijn Groningen' });
  await registerPerson(t, id, { municipality: 'GM0014' });
  const r = (await selectRegistrations(t.deps.db, id))[0];
  await setAttended({ db: t.deps.db, actor: SYSTEM_ACTOR, now: new Date('2019-10-31T12:40:00Z') }, id, r.id, true);

  const [feed] = t.deps.modules.extensions('interactionFeed').filter((f) => f.source === 'events');
  const items = await feed.list(t.deps.db, { from: '2019-10-01', to: '2019-11-30', codes: ['GM0014'] });
  const item = items.find((i) => i.sourceId === String(id));
  assert.ok(item, 'the event is in the feed');
  assert.equal(item.date, '2019-10-31');
  assert.equal(item.type, 'workshop');
  assert.deepEqual(item.municipalityCodes, ['GM0014']);

  const [evidence] = t.deps.modules.extensions('policyEvidence').filter((p) => p.id === 'events.frontline-attendance');
  assert.equal(evidence.block, 'frontline-trained');
  const found = await evidence.evidenceOn(t.deps.db, 'GM0014', '2019-12-31');
  assert.equal(found?.count, 1);
  assert.match(found!.summary.nl, /1 persoon uit deze gemeente was bij 1 bijeenkomst/);
  assert.equal(await evidence.evidenceOn(t.deps.db, 'GM0014', '2019-10-30'), null, 'not before the event');
});
