// The network's public pages and API in the public cache, over real HTTP, with two app instances on
// one database (SQLite file, or PostgreSQL with TEST_DATABASE_URL): a write on one instance is on
// its own pages and API at the very next request, on the other's within seconds (its version read
// is trusted for 2 s). And /netwerk without the table of every municipality, which has its own page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { type HttpAnswer, listenForHttp } from '../../../test/helpers/http.ts';
import { buildApp } from '../../app.ts';
import { createDatabase, type Db } from '../../db/database.ts';
import { importReferenceData } from '../atlas/index.ts';
import { loadNetworkDemo } from './demo.ts';
import { setNorm } from './service.ts';

const NOW = new Date('2019-10-01T10:00:00Z');
let t: TestApp;
let otherDb: Db;
let other: FastifyInstance;
let getA: (path: string, headers?: Record<string, string>) => Promise<HttpAnswer>;
let getB: (path: string, headers?: Record<string, string>) => Promise<HttpAnswer>;
const servedA: string[] = [];

before(async () => {
  t = await createTestApp({ now: () => NOW });
  await importReferenceData(t.deps);
  await loadNetworkDemo(t.deps);
  // A second instance of the app on the same database, with its own connection pool and caches.
  otherDb = createDatabase(t.database.url, { poolSize: 2 });
  other = await buildApp({ ...t.deps, db: otherDb }, { logger: false });
  await other.ready();
  t.app.edgeCache.onServed((s) => servedA.push(s.url));
  getA = await listenForHttp(t.app);
  getB = await listenForHttp(other);
});
after(async () => {
  await other.close();
  await otherDb.destroy();
  await t.close();
});

const text = (a: HttpAnswer) => (a.headers['content-encoding'] === 'br' ? brotliDecompressSync(a.body) : a.body).toString();
const PAGE = '/netwerk?datum=2019-09-30';
const API = '/api/v1/network/coverage?date=2019-09-30';
const normOnPage = (a: HttpAnswer) => text(a).match(/Norm: (\d+,\d+) FTE/)?.[1];
const normInApi = (a: HttpAnswer) => JSON.parse(text(a)).meta.norm as number;
const ctx = () => ({ db: t.deps.db, actor: { userId: null, label: 'test' }, now: NOW });

/** Asks until `seen` holds (at most `tries` times, 100 ms apart); the answers it got. */
async function until(ask: () => Promise<HttpAnswer>, seen: (a: HttpAnswer) => boolean, tries = 100): Promise<number> {
  for (let i = 1; i <= tries; i++) {
    if (seen(await ask())) return i;
    await new Promise((r) => setTimeout(r, 100));
  }
  return -1;
}

describe('network answers in the public cache, on two instances', () => {
  test('a write is seen at once on the instance that made it, and within seconds on the other', async () => {
    for (const get of [getA, getB]) {
      for (let i = 0; i < 2; i++) {
        assert.equal(normOnPage(await get(PAGE, { 'accept-encoding': 'br' })), '0,10');
        assert.equal(normInApi(await get(API)), 0.1);
      }
    }
    assert.ok(servedA.includes(PAGE) && servedA.includes(API), 'both answered by the edge before the write');

    await setNorm(ctx(), 0.15);
    // The writing instance: the very next request, page and API.
    assert.equal(normOnPage(await getA(PAGE, { 'accept-encoding': 'br' })), '0,15');
    assert.equal(normInApi(await getA(API)), 0.15);
    assert.equal(normOnPage(await getA(PAGE)), '0,15', 'every encoding');
    // The other instance: once its version read is no longer trusted (2 s).
    assert.ok(
      (await until(
        () => getB(PAGE, { 'accept-encoding': 'br' }),
        (a) => normOnPage(a) === '0,15',
      )) > 0,
    );
    assert.ok(
      (await until(
        () => getB(API),
        (a) => normInApi(a) === 0.15,
      )) > 0,
    );
    // And the copies it keeps from then on are the new ones.
    assert.equal(normOnPage(await getB(PAGE, { 'accept-encoding': 'br' })), '0,15');

    await setNorm(ctx(), 0.1);
    assert.equal(normOnPage(await getA(PAGE, { 'accept-encoding': 'br' })), '0,10');
  });

  test('the answer page follows the same version', async () => {
    const answer = '/netwerk/gemeente/GM0855?datum=2019-09-30';
    const before = text(await getA(answer));
    assert.equal(text(await getA(answer)), before);
    await setNorm(ctx(), 0.2);
    assert.notEqual(text(await getA(answer)), before, 'the norm is part of the answer page');
    await setNorm(ctx(), 0.1);
    assert.equal(text(await getA(answer)), before);
  });
});

describe('/netwerk without the table of every municipality', () => {
  test('/netwerk links to the table page, which has every municipality of the date', async () => {
    const page = await getA(PAGE, { 'accept-encoding': 'br' });
    assert.equal(page.status, 200);
    const html = text(page);
    assert.doesNotMatch(html, /<table[^>]*>[\s\S]*GM0014[\s\S]*<\/table>/, 'no table of municipalities on /netwerk');
    assert.match(html, /href="\/netwerk\/gemeenten\?datum=2019-09-30"/);
    // Budget: about what the map alone weighs on /kaart.
    assert.ok(page.body.length <= 32 * 1024, `/netwerk is ${page.body.length} bytes brotli`);

    const table = await getA('/netwerk/gemeenten?datum=2019-09-30');
    assert.equal(table.status, 200);
    const tableHtml = text(table);
    assert.equal((tableHtml.match(/<h1/g) ?? []).length, 1);
    assert.equal((tableHtml.match(/<a class="utrecht-link" href="\/netwerk\/gemeente\/GM\d{4}\?datum=2019-09-30">/g) ?? []).length, 355);
    assert.match(tableHtml, /Tilburg<\/a><\/td><td class="utrecht-table__cell">Zorgcoördinator, capaciteit (volgens|onder) de norm/);
    assert.match(tableHtml, /href="\/netwerk\?datum=2019-09-30"/);
    assert.match(tableHtml, /action="\/netwerk\/gemeenten"/);
    assert.equal((await getA('/netwerk/gemeenten?datum=0000-01-01')).status, 400);
    // Today's table links without a date.
    assert.match(text(await getA('/netwerk/gemeenten')), /href="\/netwerk\/gemeente\/GM\d{4}">/);
  });
});
