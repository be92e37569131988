// The events' public pages, calendar feeds and API in the public cache (ADR 0016), over real HTTP
// with two app instances on one database (SQLite, or PostgreSQL with TEST_DATABASE_URL): kept (the
// second answer from the edge cache, ETag and 304); a change through the staff service and a
// registration are seen at once on the writing instance and within the 2 s trust on the other; the
// registration window closes at Dutch midnight and an event that ends moves from upcoming to past,
// at that moment by the app's clock, without a write; a page with an open registration form is kept
// too (the form carries no per-visitor CSRF token, ADR 0020), and loses the form when the event starts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestApp } from '../../../test/helpers/app.ts';
import { assertKept, bodyText, type TwoInstances, twoInstances, until } from '../../../test/helpers/two-instances.ts';
import { SYSTEM_ACTOR } from '../../http/request-user.ts';
import { changeEvent } from './service.ts';
import { CONGRESS, clockAt, eventsTestApp, makeEvent, registerPerson } from './testing/kit.ts';

const clock = clockAt('2019-10-01T10:00:00Z');
let t: TestApp;
let two: TwoInstances;
let id: number;

before(async () => {
  t = await eventsTestApp(clock);
  two = await twoInstances(t);
  id = await makeEvent(t);
});
after(async () => {
  await two?.close();
  await t?.close();
});

const apiEvent = (body: string) =>
  (JSON.parse(body) as { data: { id: number; title: string; placesLeft: number; registration: { state: string } }[] }).data.find(
    (e) => e.id === id,
  )!;
const upcomingPart = (html: string) => html.slice(html.indexOf('id="upcoming-heading"'), html.indexOf('id="past-heading"'));
const pastPart = (html: string) => html.slice(html.indexOf('id="past-heading"'));

describe('events in the public cache, on two instances', () => {
  test('the list, the feeds and the API are kept; a change is seen at once here and within seconds there', async () => {
    const routes = ['/bijeenkomsten', '/bijeenkomsten/agenda.ics', `/bijeenkomsten/${id}/agenda.ics`, '/api/v1/events'];
    for (const path of routes) assert.match(await assertKept(two, path, { 'accept-encoding': 'br' }), /Workshop op het congres/);

    await changeEvent({ db: t.deps.db, actor: SYSTEM_ACTOR, now: clock.now() }, id, { ...CONGRESS, title: 'Workshop verplaatst' });
    for (const path of routes)
      assert.match(bodyText(await two.getA(path, { 'accept-encoding': 'br' })), /Workshop verplaatst/, `${path} at once on A`);
    for (const path of routes) {
      assert.ok(
        (await until(
          () => two.getB(path),
          (a) => /Workshop verplaatst/.test(bodyText(a)),
        )) > 0,
        `${path} on B`,
      );
    }
  });

  test('a registration changes the places left at once on the writing instance', async () => {
    assert.equal(apiEvent(await assertKept(two, '/api/v1/events')).placesLeft, 3);
    await registerPerson(t, id);
    assert.equal(apiEvent(bodyText(await two.getA('/api/v1/events'))).placesLeft, 2);
    assert.ok(
      (await until(
        () => two.getB('/api/v1/events'),
        (a) => apiEvent(bodyText(a)).placesLeft === 2,
      )) > 0,
    );
  });
});

describe('events in the public cache as time passes', () => {
  test('the registration closes at Dutch midnight, while the UTC day is still the same', async () => {
    clock.set('2019-10-30T12:00:00Z');
    for (const get of [two.getA, two.getB]) {
      assert.ok(
        (await until(
          () => get('/api/v1/events'),
          (a) => apiEvent(bodyText(a)).registration.state === 'open',
        )) > 0,
      );
    }
    assert.equal(apiEvent(await assertKept(two, '/api/v1/events')).registration.state, 'open');
    // Registration closes after 30 October (a Dutch date): 23:30 UTC is 00:30 on the 31st in Amsterdam.
    clock.set('2019-10-30T23:30:00Z');
    for (const get of [two.getA, two.getB]) {
      assert.ok(
        (await until(
          () => get('/api/v1/events'),
          (a) => apiEvent(bodyText(a)).registration.state === 'closed',
        )) > 0,
      );
    }
  });

  test('a page with an open registration form is kept, without a token; after the start it has no form', async () => {
    clock.set('2019-10-01T10:00:00Z');
    const page = await two.getA(`/bijeenkomsten/${id}`);
    assert.equal(page.status, 200);
    assert.equal(page.headers['set-cookie'], undefined, 'no CSRF cookie');
    const open = await assertKept(two, `/bijeenkomsten/${id}`);
    assert.match(open, new RegExp(`action="/bijeenkomsten/${id}/aanmelden"`));
    assert.doesNotMatch(open, /name="_csrf"/);
    assert.match(upcomingPart(await assertKept(two, '/bijeenkomsten')), /Workshop verplaatst/);
    assert.equal(apiEvent(await assertKept(two, '/api/v1/events')).registration.state, 'open');

    // 2019-10-31 15:00 in Amsterdam is 14:00 UTC: the event has ended.
    clock.set('2019-10-31T14:00:01Z');
    for (const get of [two.getA, two.getB]) {
      assert.ok(
        (await until(
          () => get('/bijeenkomsten'),
          (a) => /Workshop verplaatst/.test(pastPart(bodyText(a))),
        )) > 0,
      );
      assert.doesNotMatch(upcomingPart(bodyText(await get('/bijeenkomsten'))), /Workshop verplaatst/);
      assert.ok(
        (await until(
          () => get('/api/v1/events'),
          (a) => apiEvent(bodyText(a)).registration.state === 'past',
        )) > 0,
      );
    }
    const closed = await assertKept(two, `/bijeenkomsten/${id}`);
    assert.doesNotMatch(closed, /\/aanmelden"/, 'the form is gone');
  });
});
