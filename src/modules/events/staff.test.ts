// Staff flows on a real database: 401 → 400 (the exact message) → 403 → 303 for creating an event;
// check-in on the day and walk-ins; attendance figures; the evaluation email; reach; the events API.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TestApp } from '../../../test/helpers/app.ts';
import { loginAs, postForm } from '../../../test/helpers/auth.ts';
import { factoriesFor } from '../../../test/helpers/factories.ts';
import { runDueJobs } from '../jobs/index.ts';
import { eventReport } from './attendance.service.ts';
import { eventJobs } from './jobs.ts';
import { selectRegistrations } from './registrations.queries.ts';
import { allEmails, clockAt, eventsTestApp, makeEvent, registerPerson } from './testing/kit.ts';

const clock = clockAt('2019-10-01T10:00:00Z');
let t: TestApp;

before(async () => {
  t = await eventsTestApp(clock);
});
after(async () => {
  await t?.close();
});

const FORM = {
  title: 'Regionale bijeenkomst Alkmaar',
  type: 'regional-meeting',
  audiences: 'policy-officers',
  description: 'Voor gemeenten in Noord-Holland Noord.',
  date: '2019-11-12',
  startTime: '13:00',
  endTime: '16:00',
  place: 'Alkmaar',
  organisers: 'Gemeenten aan zet',
  capacity: '30',
  registrationOpens: '2019-10-01',
  registrationCloses: '2019-11-10',
  access: 'public',
  questions: '',
  targetProvince: '',
  targetCodes: 'GM0361 GM0400',
  status: 'published',
};

test('creating an event: 401 anonymous, 400 with the message beside the field, 403 for a municipality, 303 for staff', async () => {
  const anon = await t.app.inject({ method: 'POST', url: '/beheer/bijeenkomsten/nieuw', payload: FORM });
  assert.equal(anon.statusCode, 401);
  const adviser = await loginAs(t, 'adviser');
  const bad = await postForm(t, adviser, '/beheer/bijeenkomsten/nieuw', { ...FORM, endTime: '12:00', targetCodes: 'GM9999' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /De eindtijd moet na de begintijd liggen\./);
  assert.match(bad.body, /value="Regionale bijeenkomst Alkmaar"/);
  const unknownCode = await postForm(t, adviser, '/beheer/bijeenkomsten/nieuw', { ...FORM, targetCodes: 'GM9999' });
  assert.equal(unknownCode.statusCode, 400);
  assert.match(unknownCode.body, /Deze codes bestonden niet op 2019-11-12: GM9999/);
  const muni = await loginAs(t, await factoriesFor(t.deps).municipalityUser('GM0361'));
  assert.equal((await postForm(t, muni, '/beheer/bijeenkomsten/nieuw', FORM)).statusCode, 403);
  const ok = await postForm(t, adviser, '/beheer/bijeenkomsten/nieuw', FORM);
  assert.equal(ok.statusCode, 303);
  const id = Number(String(ok.headers.location).split('/').pop());
  const page = await t.app.inject({ url: `/bijeenkomsten/${id}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Regionale bijeenkomst Alkmaar/);
  const list = await t.app.inject({ url: '/bijeenkomsten?province=PV27' });
  assert.match(list.body, /Regionale bijeenkomst Alkmaar/, 'aimed at municipalities in Noord-Holland');
  const other = await t.app.inject({ url: '/bijeenkomsten?province=PV20' });
  assert.doesNotMatch(other.body, /Regionale bijeenkomst Alkmaar/);
  const badFilter = await t.app.inject({ url: '/bijeenkomsten?type=feest' });
  assert.equal(badFilter.statusCode, 400);
});

test('on the day: search, tick attended, add a walk-in; afterwards the no-show rate and the evaluation email', async () => {
  clock.set('2019-10-01T10:00:00Z');
  const id = await makeEvent(t, { capacity: 10 });
  await registerPerson(t, id, { name: 'Fenna Visser', email: 'fenna@example.org', municipality: 'GM0361' });
  await registerPerson(t, id, { name: 'Gert Bos', email: 'gert@example.org', municipality: 'GM0400' });
  await registerPerson(t, id, { name: 'Hanna Smit', email: 'hanna@example.org', municipality: 'GM0363' });
  await registerPerson(t, id, { name: 'Ilias Amrani', email: 'ilias@example.org', municipality: 'other' });
  clock.set('2019-10-31T12:00:00Z');
  const adviser = await loginAs(t, 'adviser');
  const search = await t.app.inject({ url: `/beheer/bijeenkomsten/${id}/aanwezigheid?q=fenn`, cookies: adviser.cookies });
  assert.equal(search.statusCode, 200);
  assert.match(search.body, /Fenna Visser/);
  assert.doesNotMatch(search.body, /Gert Bos/);
  const regs = await selectRegistrations(t.deps.db, id);
  for (const name of ['Fenna Visser', 'Gert Bos']) {
    const r = regs.find((x) => x.name === name)!;
    const tick = await postForm(t, adviser, `/beheer/bijeenkomsten/${id}/aanwezigheid/${r.id}?q=fenn`, { attended: '1' });
    assert.equal(tick.statusCode, 303);
    assert.equal(tick.headers.location, `/beheer/bijeenkomsten/${id}/aanwezigheid?q=fenn`);
  }
  const badWalkIn = await postForm(t, adviser, `/beheer/bijeenkomsten/${id}/inloop`, { name: '', municipality: 'other' });
  assert.equal(badWalkIn.statusCode, 400);
  assert.match(badWalkIn.body, /Vul dit veld in\./);
  assert.equal(
    (await postForm(t, adviser, `/beheer/bijeenkomsten/${id}/inloop`, { name: 'Jan Inloop', municipality: 'GM0361' })).statusCode,
    303,
  );
  const report = await eventReport(t.deps.db, id);
  assert.deepEqual(
    { registered: report.registered, attended: report.attended, walkIns: report.walkIns, noShows: report.noShows, rate: report.noShowRate },
    { registered: 4, attended: 3, walkIns: 1, noShows: 2, rate: 0.5 },
  );
  assert.equal(report.byMunicipality.get('GM0361'), 2);
  const print = await t.app.inject({ url: `/beheer/bijeenkomsten/${id}/presentielijst`, cookies: adviser.cookies });
  assert.match(print.body, /Handtekening/);
  assert.match(print.body, /Jan Inloop/);

  // Before the end the evaluation cannot be sent; afterwards every attendee with an email gets it once.
  assert.equal((await postForm(t, adviser, `/beheer/bijeenkomsten/${id}/evaluatie`, {})).statusCode, 400);
  clock.set('2019-10-31T15:00:00Z');
  const later = await loginAs(t, adviser.user);
  assert.equal((await postForm(t, later, `/beheer/bijeenkomsten/${id}/evaluatie`, {})).statusCode, 303);
  await runDueJobs(t.deps, { handlers: eventJobs });
  await runDueJobs(t.deps, { handlers: eventJobs });
  const evaluations = (await allEmails(t)).filter((m) => /^Hoe was/.test(m.subject));
  assert.deepEqual(evaluations.map((m) => m.to).sort(), ['fenna@example.org', 'gert@example.org']);
  const link = evaluations[0].text.match(/\/bijeenkomsten\/evaluatie\/[\w-]+/)![0];
  const form = await t.app.inject({ url: link });
  assert.equal(form.statusCode, 200);
});

test('the events API lists public fields in a period; a bad date is a 400 problem in Dutch', async () => {
  const res = await t.app.inject({ url: '/api/v1/events?from=2019-10-31&to=2019-10-31' });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.ok(body.data.length >= 1);
  const e = body.data[0];
  assert.equal(e.startsAt, '2019-10-31T13:30:00+01:00');
  assert.equal(e.timeZone, 'Europe/Amsterdam');
  assert.equal(e.online, true);
  assert.ok(!JSON.stringify(body).includes('meet.example.org'), 'the online link is not public');
  const bad = await t.app.inject({ url: '/api/v1/events?from=31-10-2019' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.headers['content-type'] as string, /problem\+json/);
  assert.match(bad.body, /JJJJ-MM-DD/);
  const doc = await t.app.inject({ url: '/api/openapi.json' });
  assert.ok(doc.json().paths['/api/v1/events'].get.responses['200']);
});

test('the calendar feed lists public events and each event has its own file', async () => {
  const feed = await t.app.inject({ url: '/bijeenkomsten/agenda.ics' });
  assert.equal(feed.statusCode, 200);
  assert.match(feed.headers['content-type'] as string, /text\/calendar/);
  assert.match(feed.body, /BEGIN:VCALENDAR/);
  assert.match(feed.body, /X-WR-CALNAME:Gemeenten aan zet/);
  assert.ok(!feed.body.includes('meet.example.org'));
});
