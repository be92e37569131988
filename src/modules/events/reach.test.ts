// Reach on a real database: attendance (checked in, walk-ins included; registered no-shows and
// "other organisation" not) per municipality over a period, with the number of distinct events;
// the staff page draws it on the map with a table per municipality and per province; a
// municipality account may not see it; a bad period is a 400 beside the field.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TestApp } from '../../../test/helpers/app.ts';
import { loginAs } from '../../../test/helpers/auth.ts';
import { factoriesFor } from '../../../test/helpers/factories.ts';
import { SYSTEM_ACTOR } from '../../http/request-user.ts';
import { addWalkIn, attendanceByMunicipality, setAttended } from './attendance.service.ts';
import { clockAt, eventsTestApp, makeEvent, registerPerson } from './testing/kit.ts';

const clock = clockAt('2019-10-01T10:00:00Z');
let t: TestApp;
const ctx = () => ({ db: t.deps.db, actor: SYSTEM_ACTOR, now: clock.now() });

before(async () => {
  t = await eventsTestApp(clock);
  const october = await makeEvent(t, { title: 'Workshop oktober', date: '2019-10-31', capacity: 10 });
  const november = await makeEvent(t, { title: 'Workshop november', date: '2019-11-21', capacity: 10 });
  const people = [
    [october, 'GM0363', true],
    [october, 'GM0363', true],
    [october, 'GM0599', true],
    [october, 'GM0599', false], // registered, did not come
    [october, 'other', true],
    [november, 'GM0363', true],
  ] as const;
  const ids: [number, number, boolean][] = [];
  for (const [eventId, municipality, came] of people) ids.push([eventId, (await registerPerson(t, eventId, { municipality })).id, came]);
  clock.set('2019-11-21T13:00:00Z');
  for (const [eventId, id, came] of ids) if (came) await setAttended(ctx(), eventId, id, true);
  await addWalkIn(ctx(), november, { name: 'Inloper', municipality: 'GM0361' });
});
after(async () => {
  await t?.close();
});

test('attendance per municipality over a period, with distinct events; no-shows and other organisations not counted', async () => {
  const all = await attendanceByMunicipality(t.deps.db, '2019-10-01', '2019-11-30');
  assert.deepEqual(Object.fromEntries(all), {
    GM0361: { people: 1, events: 1 },
    GM0363: { people: 3, events: 2 },
    GM0599: { people: 1, events: 1 },
  });
  const october = await attendanceByMunicipality(t.deps.db, '2019-10-01', '2019-10-31');
  assert.deepEqual(Object.fromEntries(october), { GM0363: { people: 2, events: 1 }, GM0599: { people: 1, events: 1 } });
  assert.equal((await attendanceByMunicipality(t.deps.db, '2019-12-01', '2019-12-31')).size, 0);
});

test('the reach page: the map and the tables for staff; 403 for a municipality; a bad period is a 400', async () => {
  const adviser = await loginAs(t, 'adviser');
  const page = await t.app.inject({ url: '/beheer/bijeenkomsten/bereik?from=2019-10-01&to=2019-11-30', cookies: adviser.cookies });
  assert.equal(page.statusCode, 200);
  assert.ok((page.body.match(/<path/g) ?? []).length > 300, 'the choropleth of all municipalities');
  assert.match(
    page.body,
    /<div class="gaz-reach-map"><div class="gaz-map-wrap"><svg[\s\S]*id="events-reach-legend"/,
    'the map with its legend beside it',
  );
  assert.match(page.body, /Amsterdam/);
  assert.match(page.body, /Noord-Holland/);
  assert.match(page.body, /Zuid-Holland/);
  const muni = await loginAs(t, await factoriesFor(t.deps).municipalityUser('GM0363'));
  assert.equal((await t.app.inject({ url: '/beheer/bijeenkomsten/bereik', cookies: muni.cookies })).statusCode, 403);
  const bad = await t.app.inject({ url: '/beheer/bijeenkomsten/bereik?from=2019-13-01&to=2019-11-30', cookies: adviser.cookies });
  assert.equal(bad.statusCode, 400);
});
