// /bijeenkomsten on a real database: upcoming and past events in their own sections, and the
// filters by type and audience (the province filter: staff.test.ts), each combined with the others;
// an event by invitation; the per-address limit of the registration form; municipalities of the
// event’s date.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TestApp } from '../../../test/helpers/app.ts';
import { publicForm } from '../../../test/helpers/auth.ts';
import { SYSTEM_ACTOR } from '../../http/request-user.ts';
import { linksOf } from './links.ts';
import { register } from './registrations.service.ts';
import { getEvent } from './service.ts';
import { clockAt, eventsTestApp, makeEvent } from './testing/kit.ts';

const clock = clockAt('2019-10-15T10:00:00Z');
let t: TestApp;

before(async () => {
  t = await eventsTestApp(clock);
  await makeEvent(t, { title: 'Webinar voor de politie', type: 'webinar', audiences: ['police'], date: '2019-11-05' });
  await makeEvent(t, { title: 'Workshop beleid', type: 'workshop', audiences: ['policy-officers', 'police'], date: '2019-11-12' });
  await makeEvent(t, {
    title: 'Sessie hoofden OOV',
    type: 'information-session',
    audiences: ['heads-of-safety'],
    date: '2019-03-14',
    registrationOpens: '2019-02-01',
    registrationCloses: '2019-03-13',
  });
});
after(async () => {
  await t?.close();
});

/** The event titles under each heading of the list page. */
async function listed(query: string): Promise<{ upcoming: string[]; past: string[] }> {
  const res = await t.app.inject({ url: `/bijeenkomsten${query}` });
  assert.equal(res.statusCode, 200, res.body);
  const [, afterUpcoming = ''] = res.body.split('Komende bijeenkomsten');
  const [upcomingPart, pastPart = ''] = afterUpcoming.split('Eerdere bijeenkomsten');
  const titles = (html: string) =>
    ['Webinar voor de politie', 'Workshop beleid', 'Sessie hoofden OOV'].filter((title) => html.includes(title));
  return { upcoming: titles(upcomingPart), past: titles(pastPart) };
}

test('upcoming and past events each under their own heading', async () => {
  assert.deepEqual(await listed(''), { upcoming: ['Webinar voor de politie', 'Workshop beleid'], past: ['Sessie hoofden OOV'] });
});

test('filter by type, by audience, and both', async () => {
  assert.deepEqual(await listed('?type=webinar'), { upcoming: ['Webinar voor de politie'], past: [] });
  assert.deepEqual(await listed('?audience=police'), { upcoming: ['Webinar voor de politie', 'Workshop beleid'], past: [] });
  assert.deepEqual(await listed('?audience=heads-of-safety'), { upcoming: [], past: ['Sessie hoofden OOV'] });
  assert.deepEqual(await listed('?type=workshop&audience=police'), { upcoming: ['Workshop beleid'], past: [] });
  assert.deepEqual(await listed('?type=webinar&audience=policy-officers'), { upcoming: [], past: [] });
  assert.equal((await t.app.inject({ url: '/bijeenkomsten?audience=iedereen' })).statusCode, 400);
});

test('an event by invitation: the page has a form only with the invitation link, and registering needs its key', async () => {
  const id = await makeEvent(t, { title: 'Overleg ketenpartners', access: 'invitation', date: '2019-11-20' });
  const e = await getEvent(t.deps.db, id);
  assert.ok(e?.invite_key, 'staff get an invitation link');
  const plain = await t.app.inject({ url: `/bijeenkomsten/${id}` });
  assert.doesNotMatch(plain.body, /name="email"/, 'no form without the invitation');
  const invited = await t.app.inject({ url: `/bijeenkomsten/${id}?uitnodiging=${e.invite_key}` });
  assert.match(invited.body, /name="email"/);
  const person = { name: 'Genodigde', email: 'genodigde@example.org', organisation: 'Politie', municipality: 'other' as const };
  const ctx = { db: t.deps.db, actor: SYSTEM_ACTOR, now: clock.now() };
  await assert.rejects(
    register(ctx, linksOf(t.deps), id, { ...person, invite: 'geraden' }),
    (err: { status: number; detail: { nl: string } }) => err.status === 400 && /alleen met de link uit de uitnodiging/.test(err.detail.nl),
  );
  assert.equal((await register(ctx, linksOf(t.deps), id, { ...person, invite: e.invite_key })).outcome, 'registered');
});

test('the registration form is rate limited per client address: the 21st post in ten minutes is a 429', async () => {
  const id = await makeEvent(t, { title: 'Drukke workshop', date: '2019-11-26' });
  const post = (remoteAddress: string) =>
    t.app.inject({
      method: 'POST',
      url: `/bijeenkomsten/${id}/aanmelden`,
      remoteAddress,
      ...publicForm({ name: '', email: 'niet-geldig', organisation: '', municipality: 'other' }),
    });
  for (let i = 0; i < 20; i++) assert.equal((await post('10.7.0.1')).statusCode, 400, `post ${i + 1} reaches the form`);
  const limited = await post('10.7.0.1');
  assert.equal(limited.statusCode, 429);
  assert.match(limited.body, /[Tt]e veel/);
  assert.equal((await post('10.7.0.2')).statusCode, 400, 'another address is not limited');
});

test('the municipality is one of those that existed on the event’s date', async () => {
  const id = await makeEvent(t, { title: 'Workshop Groningen', date: '2019-10-31' });
  const page = await t.app.inject({ url: `/bijeenkomsten/${id}` });
  assert.match(page.body, /<option value="GM0003"[^>]*>Appingedam/, 'Appingedam existed in 2019');
  assert.doesNotMatch(page.body, /value="GM1979"/, 'Eemsdelta (2021) did not');
  const ctx = { db: t.deps.db, actor: SYSTEM_ACTOR, now: clock.now() };
  const person = { name: 'Groninger', email: 'groninger@example.org', organisation: 'Gemeente' };
  await assert.rejects(
    register(ctx, linksOf(t.deps), id, { ...person, municipality: 'GM1979' }),
    (err: { status: number; fields: { field: string; message: { nl: string } }[] }) =>
      err.status === 400 && err.fields[0].field === 'municipality' && err.fields[0].message.nl === 'Kies een gemeente uit de lijst.',
  );
  assert.equal((await register(ctx, linksOf(t.deps), id, { ...person, municipality: 'GM0003' })).outcome, 'registered');
});
