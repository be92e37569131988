// The news pages, feeds, archive and API in the public cache (ADR 0016), over real HTTP with two app
// instances on one database (SQLite, or PostgreSQL with TEST_DATABASE_URL): an answer is kept (the
// second from the edge cache, its ETag revalidated with a 304); an edit through the staff UI is on
// the writing instance's pages at the very next request and on the other's within its 2 s trust; a
// scheduled article appears at its moment, by the app's clock, without anyone writing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { type LoggedIn, loginAs, postForm } from '../../../test/helpers/auth.ts';
import { assertKept, bodyText, type TwoInstances, twoInstances, until } from '../../../test/helpers/two-instances.ts';

let clock = new Date('2019-09-20T08:00:00Z');
let t: TestApp;
let two: TwoInstances;
let editor: LoggedIn;

const article = (over: Record<string, string> = {}) => ({
  title: 'Zorgcoördinatie groeit',
  summary: 'Steeds meer gemeenten hebben een zorgcoördinator.',
  bodyMd: 'Het netwerk groeit.',
  tags: 'network',
  authorName: 'Redactie Gemeenten aan zet',
  action: 'publish',
  ...over,
});

async function save(url: string, fields: Record<string, string>): Promise<number> {
  const res = await postForm(t, editor, url, fields);
  assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  return Number(/\/beheer\/nieuws\/(\d+)/.exec(String(res.headers.location))![1]);
}

before(async () => {
  t = await createTestApp({ now: () => clock });
  editor = await loginAs(t, 'adviser');
  two = await twoInstances(t);
});
after(async () => {
  await two?.close();
  await t?.close();
});

const ROUTES = [
  '/nieuws',
  '/nieuws/zorgcoordinatie-groeit',
  '/nieuws/feed.xml',
  '/nieuws/atom.xml',
  '/api/v1/articles',
  '/api/v1/articles/zorgcoordinatie-groeit',
];

describe('news in the public cache, on two instances', () => {
  test('every public route is kept, and an edit is seen at once here and within seconds there', async () => {
    const id = await save('/beheer/nieuws/nieuw', article());
    for (const path of [...ROUTES, '/verhalen', '/nieuwsbrief']) await assertKept(two, path, { 'accept-encoding': 'br' });
    for (const path of ROUTES) assert.match(bodyText(await two.getB(path)), /Zorgcoördinatie groeit/, `${path} on B`);
    // The feeds (application/rss+xml, application/atom+xml) are kept compressed like the pages.
    for (const path of ['/nieuws/feed.xml', '/nieuws/atom.xml']) {
      const feed = await two.getA(path, { 'accept-encoding': 'br' });
      if (bodyText(feed).length >= 1024) assert.equal(feed.headers['content-encoding'], 'br', `${path} compressed`);
    }

    await save(`/beheer/nieuws/${id}`, article({ title: 'Zorgcoördinatie groeit verder' }));
    for (const path of ROUTES) {
      assert.match(bodyText(await two.getA(path, { 'accept-encoding': 'br' })), /groeit verder/, `${path} at once on A`);
    }
    for (const path of ROUTES) {
      assert.ok(
        (await until(
          () => two.getB(path),
          (a) => /groeit verder/.test(bodyText(a)),
        )) > 0,
        `${path} on B within seconds`,
      );
    }
    // The copies kept from then on are the new ones.
    assert.match(await assertKept(two, '/nieuws', { 'accept-encoding': 'br' }), /groeit verder/);
  });

  test('a scheduled article appears at its moment, on both instances, without a write', async () => {
    // 2019-09-20 12:00 in Amsterdam is 10:00 UTC.
    await save('/beheer/nieuws/nieuw', article({ title: 'Ingepland bericht', publishAt: '2019-09-20T12:00' }));
    const path = '/nieuws/ingepland-bericht';
    assert.doesNotMatch(bodyText(await two.getA('/nieuws')), /Ingepland bericht/, 'not before its moment');
    assert.equal((await two.getA(path)).status, 404);
    assert.doesNotMatch(bodyText(await two.getA('/nieuws/feed.xml')), /Ingepland bericht/);
    clock = new Date('2019-09-20T10:00:00Z');
    for (const get of [two.getA, two.getB]) {
      assert.ok(
        (await until(
          () => get('/nieuws', { 'accept-encoding': 'br' }),
          (a) => /Ingepland bericht/.test(bodyText(a)),
        )) > 0,
      );
      assert.ok(
        (await until(
          () => get('/nieuws/feed.xml'),
          (a) => /Ingepland bericht/.test(bodyText(a)),
        )) > 0,
      );
      assert.ok(
        (await until(
          () => get('/api/v1/articles'),
          (a) => /ingepland-bericht/.test(bodyText(a)),
        )) > 0,
      );
      assert.equal((await get(path)).status, 200);
    }
  });

  test('a withdrawn article leaves the kept pages at once', async () => {
    editor = await loginAs(t, editor.user); // the clock moved on: a new session
    const id = await save('/beheer/nieuws/nieuw', article({ title: 'Later ingetrokken' }));
    await assertKept(two, '/nieuws/later-ingetrokken');
    const res = await postForm(t, editor, `/beheer/nieuws/${id}/intrekken`, { reason: 'Onjuist cijfer' });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    assert.equal((await two.getA('/nieuws/later-ingetrokken')).status, 410);
    assert.doesNotMatch(bodyText(await two.getA('/nieuws')), /Later ingetrokken/);
  });

  test('personal links are never kept; the sign-up form is, without a token', async () => {
    const form = await two.getA('/nieuwsbrief/aanmelden');
    assert.equal(form.status, 200);
    assert.equal(form.headers['set-cookie'], undefined, 'no CSRF cookie');
    assert.match(await assertKept(two, '/nieuwsbrief/aanmelden'), /action="\/nieuwsbrief\/aanmelden"/);
    assert.doesNotMatch(bodyText(form), /name="_csrf"/);
    assert.equal((await two.getA('/nieuwsbrief/voorkeuren/abcdefghijklmnopqrstuvwx')).status, 404);
  });
});
