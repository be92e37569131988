// On a real database (SQLite, and PostgreSQL with TEST_DATABASE_URL): staff raising the capacity
// offers the new places to the waiting list in order, in the same transaction as the change; the
// reminder job emails each registered person once, two days (the setting) before the start, with
// the online link and the personal link, and nobody on the waiting list or who cancelled.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TestApp } from '../../../test/helpers/app.ts';
import { SYSTEM_ACTOR } from '../../http/request-user.ts';
import { createJobRunner } from '../jobs/index.ts';
import { eventJobs } from './jobs.ts';
import { linksOf } from './links.ts';
import { selectRegistrations } from './registrations.queries.ts';
import { cancelRegistration } from './registrations.service.ts';
import { changeEvent, getEvent } from './service.ts';
import { CONGRESS, clockAt, emailsTo, eventsTestApp, makeEvent, manageLinkIn, registerPerson } from './testing/kit.ts';

const clock = clockAt('2019-10-01T10:00:00Z');
let t: TestApp;
const ctx = () => ({ db: t.deps.db, actor: SYSTEM_ACTOR, now: clock.now() });

before(async () => {
  t = await eventsTestApp(clock);
});
after(async () => {
  await t?.close();
});

async function statuses(eventId: number): Promise<Record<string, string>> {
  return Object.fromEntries((await selectRegistrations(t.deps.db, eventId)).map((r) => [r.email ?? '', r.status]));
}

test('a higher capacity offers the new places to the first on the waiting list; places beyond the list stay open', async () => {
  const id = await makeEvent(t, { capacity: 1 });
  for (const who of ['a', 'b', 'c', 'd']) await registerPerson(t, id, { email: `${who}@example.org` });
  assert.deepEqual(await statuses(id), {
    'a@example.org': 'registered',
    'b@example.org': 'waiting',
    'c@example.org': 'waiting',
    'd@example.org': 'waiting',
  });
  await changeEvent(ctx(), id, { ...CONGRESS, capacity: 3 }, linksOf(t.deps));
  assert.deepEqual(await statuses(id), {
    'a@example.org': 'registered',
    'b@example.org': 'offered',
    'c@example.org': 'offered',
    'd@example.org': 'waiting',
  });
  assert.equal((await getEvent(t.deps.db, id))?.taken, 3, 'the offered places are held');
  const offer = (await emailsTo(t, 'b@example.org')).find((m) => /Er is een plaats vrij/.test(m.subject));
  assert.ok(offer, 'B is told by email');
  assert.match(offer.text, /Bevestig vóór/);

  // Two more places than people waiting: D is offered one, the other is open for anyone.
  await changeEvent(ctx(), id, { ...CONGRESS, capacity: 5 }, linksOf(t.deps));
  assert.equal((await statuses(id))['d@example.org'], 'offered');
  assert.equal((await getEvent(t.deps.db, id))?.taken, 4);
  assert.equal((await registerPerson(t, id, { email: 'e@example.org' })).outcome, 'registered');
  assert.equal((await registerPerson(t, id, { email: 'f@example.org' })).outcome, 'waiting');
});

test('a lower capacity than the places taken is refused with the message beside the field', async () => {
  const id = await makeEvent(t, { capacity: 2 });
  await registerPerson(t, id);
  await registerPerson(t, id);
  await assert.rejects(
    changeEvent(ctx(), id, { ...CONGRESS, capacity: 1 }, linksOf(t.deps)),
    (err: { status: number; fields: { field: string; message: { nl: string } }[] }) =>
      err.status === 400 && err.fields[0].field === 'capacity' && /Kies minstens 2 plaatsen/.test(err.fields[0].message.nl),
  );
});

test('the reminder job emails each registered person once, two days before; not the waiting list or who cancelled', async () => {
  clock.set('2019-10-20T09:00:00Z');
  const id = await makeEvent(t, { capacity: 2, title: 'Regionale bijeenkomst Alkmaar', date: '2019-10-24' });
  const kept = await registerPerson(t, id, { email: 'blijft@example.org' });
  const gone = await registerPerson(t, id, { email: 'annuleert@example.org' });
  await registerPerson(t, id, { email: 'wacht@example.org' });
  await cancelRegistration(ctx(), linksOf(t.deps), gone.id);
  assert.equal((await statuses(id))['wacht@example.org'], 'offered', 'the cancelled place was offered on');
  const reminders = async () => {
    const runner = createJobRunner({ deps: t.deps, handlers: eventJobs });
    await runner.offerRecurring();
    await runner.drain();
    const subjects = async (to: string) =>
      (await emailsTo(t, to)).filter((m) => m.subject === 'Herinnering: Regionale bijeenkomst Alkmaar');
    return {
      kept: await subjects('blijft@example.org'),
      gone: await subjects('annuleert@example.org'),
      waiting: await subjects('wacht@example.org'),
    };
  };

  // Four days before: too early.
  assert.deepEqual((await reminders()).kept, []);
  // Within two days of the start: one reminder, with the online link (registered people only) and the personal link.
  clock.set('2019-10-22T12:00:00Z');
  const first = await reminders();
  assert.equal(first.kept.length, 1);
  assert.match(first.kept[0].text, /https:\/\/meet\.example\.org\/workshop/);
  assert.equal(manageLinkIn(first.kept[0].text), `/bijeenkomsten/aanmelding/${linksOf(t.deps).manage(kept.id).split('/').pop()}`);
  assert.deepEqual([first.gone.length, first.waiting.length], [0, 0]);
  // The job runs again later: nothing twice.
  clock.set('2019-10-23T12:00:00Z');
  assert.equal((await reminders()).kept.length, 1);
});
