// Registration without an account on a real database (SQLite, and PostgreSQL with
// TEST_DATABASE_URL): confirmation with the calendar file (parsed back by ical.js), double
// registrations, the waiting list and promotion with a deadline, cancellation, the per-email limit.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ICAL from 'ical.js';
import type { TestApp } from '../../../test/helpers/app.ts';
import { csrfFrom, formBody, publicForm, updateCookies } from '../../../test/helpers/auth.ts';
import { runDueJobs } from '../jobs/index.ts';
import { eventJobs } from './jobs.ts';
import { countByStatus, selectRegistrations } from './registrations.queries.ts';
import { getEvent } from './service.ts';
import { allEmails, clockAt, emailsTo, eventsTestApp, makeEvent, manageLinkIn, registerPerson } from './testing/kit.ts';

const clock = clockAt('2019-10-01T10:00:00Z');
let t: TestApp;

before(async () => {
  t = await eventsTestApp(clock);
});
after(async () => {
  await t?.close();
});

/** A personal link's page, with its CSRF cookie and token. */
async function openForm(path: string, remoteAddress = '10.1.0.1') {
  const jar: Record<string, string> = {};
  const page = await t.app.inject({ url: path, remoteAddress });
  updateCookies(jar, page);
  return { jar, page, csrf: csrfFrom(page.body), remoteAddress };
}

/** The public event page: the same for everyone, kept by the public cache, with no token (ADR 0020). */
async function eventPage(path: string, remoteAddress = '10.1.0.1') {
  const page = await t.app.inject({ url: path, remoteAddress });
  assert.doesNotMatch(page.body, /name="_csrf"/);
  assert.equal(page.cookies.length, 0, 'no cookie');
  return { page, remoteAddress };
}

test('a person registers on the event page and gets the confirmation with a calendar file that parses', async () => {
  clock.set('2019-10-01T10:00:00Z');
  const id = await makeEvent(t);
  const form = await eventPage(`/bijeenkomsten/${id}`);
  assert.equal(form.page.statusCode, 200);
  assert.match(form.page.body, /<script type="application\/ld\+json">/);
  const ld = JSON.parse(form.page.body.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)![1]);
  assert.equal(ld['@type'], 'Event');
  assert.equal(ld.startDate, '2019-10-31T13:30:00+01:00');
  assert.ok(!form.page.body.includes('meet.example.org'), 'the online link is not on the public page');

  // Bad input: 400 with the Dutch message beside the field, and what was typed stays.
  const bad = await t.app.inject({
    method: 'POST',
    url: `/bijeenkomsten/${id}/aanmelden`,
    remoteAddress: form.remoteAddress,
    ...publicForm({ name: 'Ans de Vries', email: 'geen-adres', organisation: 'Gemeente Amsterdam', municipality: '' }),
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Vul een geldig e-mailadres in, zoals naam@gemeente\.nl\./);
  assert.match(bad.body, /Kies uw gemeente, of “Andere organisatie”\./);
  assert.match(bad.body, /value="Ans de Vries"/);

  const ok = await t.app.inject({
    method: 'POST',
    url: `/bijeenkomsten/${id}/aanmelden`,
    remoteAddress: form.remoteAddress,
    ...publicForm({
      name: 'Ans de Vries',
      email: 'Ans@Example.org',
      organisation: 'Gemeente Amsterdam',
      municipality: 'GM0363',
      q1: 'vegetarisch',
    }),
  });
  assert.equal(ok.statusCode, 303);
  assert.equal(ok.headers.location, `/bijeenkomsten/${id}/aangemeld`);

  const [mail] = await emailsTo(t, 'Ans@Example.org');
  assert.match(mail.subject, /Aanmelding bevestigd/);
  assert.equal(mail.attachments.length, 1);
  const cal = new ICAL.Component(ICAL.parse(mail.attachments[0].content.toString('utf8')));
  const vevent = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
  assert.equal(vevent.summary, 'Workshop op het congres');
  assert.equal(vevent.startDate.toJSDate().toISOString(), '2019-10-31T12:30:00.000Z');
  assert.equal(vevent.endDate.toJSDate().toISOString(), '2019-10-31T14:00:00.000Z');
  assert.match(vevent.description, /meet\.example\.org\/workshop/, 'the registered person’s own file has the online link');

  // The personal link shows the registration with the online link.
  const mine = await t.app.inject({ url: manageLinkIn(mail.text) });
  assert.equal(mine.statusCode, 200);
  assert.match(mine.body, /data-status="registered"/);
  assert.match(mine.body, /meet\.example\.org\/workshop/);
  const forged = await t.app.inject({ url: manageLinkIn(mail.text).replace(/-[\w-]{32}$/, '-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA') });
  assert.equal(forged.statusCode, 404);
});

test('the same email twice is recognised: no second registration, the link is sent again', async () => {
  const id = await makeEvent(t);
  const first = await registerPerson(t, id, { email: 'dubbel@example.org' });
  const second = await registerPerson(t, id, { email: ' DUBBEL@example.org ' });
  assert.equal(first.outcome, 'registered');
  assert.equal(second.outcome, 'duplicate');
  assert.equal(second.id, first.id);
  assert.equal((await countByStatus(t.deps.db, id)).registered, 1);
  const mails = await allEmails(t);
  assert.ok(mails.some((m) => /U bent al aangemeld/.test(m.subject)));
});

test('full: the waiting list; a cancellation offers the place to the first waiting, with a deadline', async () => {
  clock.set('2019-10-01T10:00:00Z');
  const id = await makeEvent(t, { capacity: 2 });
  const a = await registerPerson(t, id, { email: 'a@example.org' });
  await registerPerson(t, id, { email: 'b@example.org' });
  const c = await registerPerson(t, id, { email: 'c@example.org' });
  const d = await registerPerson(t, id, { email: 'd@example.org' });
  assert.deepEqual([c.outcome, d.outcome], ['waiting', 'waiting']);
  assert.match((await emailsTo(t, 'd@example.org'))[0].text, /plaats 2/);

  // A cancels with the personal link: C is offered the place.
  const link = manageLinkIn((await emailsTo(t, 'a@example.org'))[0].text);
  const page = await openForm(link);
  const cancel = await t.app.inject({ method: 'POST', url: `${link}/annuleren`, cookies: page.jar, ...formBody({ _csrf: page.csrf }) });
  assert.equal(cancel.statusCode, 303);
  const regs = await selectRegistrations(t.deps.db, id);
  assert.equal(regs.find((r) => r.id === a.id)?.status, 'cancelled');
  assert.equal(regs.find((r) => r.id === c.id)?.status, 'offered');
  assert.equal((await getEvent(t.deps.db, id))?.taken, 2, 'the place is held for C');
  const offer = (await emailsTo(t, 'c@example.org')).find((m) => /Er is een plaats vrij/.test(m.subject))!;
  assert.match(offer.text, /Bevestig vóór/);

  // C lets the deadline (48 hours) pass: the job expires the offer and offers it to D.
  clock.set('2019-10-03T10:00:01Z');
  await runDueJobs(t.deps, { handlers: eventJobs });
  const after = await selectRegistrations(t.deps.db, id);
  assert.equal(after.find((r) => r.id === c.id)?.status, 'expired');
  assert.equal(after.find((r) => r.id === d.id)?.status, 'offered');

  // D confirms in time: registered, with the confirmation and calendar file.
  const dLink = manageLinkIn((await emailsTo(t, 'd@example.org')).find((m) => /plaats vrij/.test(m.subject))!.text);
  const dPage = await openForm(dLink);
  assert.match(dPage.page.body, /bevestig mijn plaats/);
  const confirm = await t.app.inject({
    method: 'POST',
    url: `${dLink}/bevestigen`,
    cookies: dPage.jar,
    ...formBody({ _csrf: dPage.csrf }),
  });
  assert.equal(confirm.statusCode, 303);
  assert.equal((await selectRegistrations(t.deps.db, id)).find((r) => r.id === d.id)?.status, 'registered');
  const confirmation = (await emailsTo(t, 'd@example.org')).find((m) => /bevestigd/.test(m.subject))!;
  assert.equal(confirmation.attachments[0].filename, `bijeenkomst-${id}.ics`);
  assert.equal((await getEvent(t.deps.db, id))?.taken, 2);
});

test('registration closes after its window; a robot filling the honeypot stores nothing', async () => {
  clock.set('2019-10-01T10:00:00Z');
  const id = await makeEvent(t);
  const form = await eventPage(`/bijeenkomsten/${id}`, '10.1.0.9');
  const robot = await t.app.inject({
    method: 'POST',
    url: `/bijeenkomsten/${id}/aanmelden`,
    remoteAddress: form.remoteAddress,
    ...publicForm({
      name: 'Bot',
      email: 'bot@example.org',
      organisation: 'x',
      municipality: 'other',
      website: 'http://spam.example',
    }),
  });
  assert.equal(robot.statusCode, 303);
  assert.equal((await selectRegistrations(t.deps.db, id)).length, 0);

  clock.set('2019-10-30T23:30:00Z');
  const closed = await t.app.inject({ url: `/bijeenkomsten/${id}` });
  assert.match(closed.body, /De aanmelding is gesloten\./);
  await assert.rejects(registerPerson(t, id), /closed/);
});

test('at most five attempts per email address per hour: then a 429 with a Dutch message', async () => {
  clock.set('2019-10-01T11:00:00Z');
  const id = await makeEvent(t);
  for (let i = 0; i < 5; i++) await registerPerson(t, id, { email: 'veel@example.org' });
  await assert.rejects(registerPerson(t, id, { email: 'veel@example.org' }), (err: { status?: number; detail?: { nl: string } }) => {
    assert.equal(err.status, 429);
    assert.match(err.detail!.nl, /te vaak/);
    return true;
  });
  clock.set('2019-10-01T12:00:01Z');
  assert.equal((await registerPerson(t, id, { email: 'veel@example.org' })).outcome, 'duplicate');
});
