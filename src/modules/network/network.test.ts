// Network module on a real database (SQLite, and PostgreSQL with TEST_DATABASE_URL): the demo
// figures, history, the API contract, /netwerk and the finder (also former names).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import type { LoggedIn } from '../../../test/helpers/auth.ts';
import { importReferenceData } from '../atlas/index.ts';
import { loadNetworkDemo } from './demo.ts';
import { DEMO_COORDINATORS } from './demo-plan.ts';
import * as svc from './service.ts';

const NOW = new Date('2019-10-01T10:00:00Z');
let t: TestApp;

before(async () => {
  t = await createTestApp({ now: () => NOW });
  await importReferenceData(t.deps);
  await loadNetworkDemo(t.deps);
});
after(async () => t.close());

const get = (url: string, s?: LoggedIn, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, cookies: s?.cookies, headers });
const idOf = async (key: string) => {
  const name = DEMO_COORDINATORS.find((d) => d.key === key)!.name;
  return (await svc.listCoordinators(t.deps.db)).find((c) => c.name === name)!.id;
};

describe('demo scenario', () => {
  test('23 coordinators on 2018-12-31 and 27 on 2019-09-30; not closed; some below the norm', async () => {
    const end2018 = await get('/api/v1/network/summary?date=2018-12-31');
    assert.equal(end2018.statusCode, 200);
    assert.equal(end2018.json().coordinators, 23);
    const sept = (await get('/api/v1/network/summary?date=2019-09-30')).json();
    assert.deepEqual(Object.keys(sept).slice(0, 6), [
      'date',
      'coordinators',
      'municipalitiesCovered',
      'municipalitiesTotal',
      'populationCovered',
      'populationTotal',
    ]);
    assert.equal(sept.date, '2019-09-30');
    assert.equal(sept.coordinators, 27);
    assert.equal(sept.municipalitiesTotal, 355);
    assert.ok(sept.municipalitiesCovered < 355, 'the network is not closed');
    assert.equal(sept.closed, false);
    assert.ok(sept.municipalitiesInsufficient > 0, 'some areas are below the norm');
    const coverage = (await get('/api/v1/network/coverage?date=2019-09-30')).json();
    const vlissingen = coverage.data.find((m: { code: string }) => m.code === 'GM0718');
    assert.equal(vlissingen.status, 'remote');
    const tilburg = coverage.data.find((m: { code: string }) => m.code === 'GM0855');
    assert.equal(tilburg.status, 'covered');
    assert.equal(
      (await get('/api/v1/network/coverage?date=2018-12-31')).json().data.find((m: { code: string }) => m.code === 'GM0855').status,
      'remote',
    );
  });

  test('loading the demo twice changes nothing', async () => {
    const before = (await svc.listCoordinators(t.deps.db)).length;
    await loadNetworkDemo(t.deps);
    assert.equal((await svc.listCoordinators(t.deps.db)).length, before);
  });
});

describe('mergers and dated history', () => {
  test('coverage of 2019 municipalities applies to their successors after mergers', async () => {
    // Groningen's coordinator covered Appingedam, Delfzijl and Loppersum → Eemsdelta from 2021.
    const r = (await get('/api/v1/network/coverage?date=2021-06-01')).json();
    const eemsdelta = r.data.find((m: { code: string }) => m.code === 'GM1979');
    assert.equal(eemsdelta.status, 'covered');
    assert.equal(
      r.data.find((m: { code: string }) => m.code === 'GM0003'),
      undefined,
    );
    const weesp2023 = (await get('/api/v1/network/coverage?date=2023-06-01')).json();
    assert.equal(weesp2023.meta.count, 342);
  });

  test('ending coverage sets valid_to and keeps the past', async () => {
    const id = await idOf('zaanstreek');
    const ctx = { db: t.deps.db, actor: { userId: null, label: 'test' }, now: NOW };
    const rowsBefore = (await svc.assignmentsOf(t.deps.db, id)).length;
    await svc.endCoverage(ctx, id, ['GM0852'], '2020-01-01');
    const rows = await svc.assignmentsOf(t.deps.db, id);
    assert.equal(rows.length, rowsBefore);
    assert.equal(rows.find((a) => a.code === 'GM0852')!.validTo, '2020-01-01');
    const waterland = (date: string) =>
      get(`/api/v1/network/coverage?date=${date}`).then((r) => r.json().data.find((m: { code: string }) => m.code === 'GM0852').status);
    assert.equal(await waterland('2019-12-31'), 'covered');
    assert.equal(await waterland('2020-01-01'), 'remote');
  });
});

describe('API contract', () => {
  test('coverage rows, coordinators, timeline, geojson', async () => {
    const cov = (await get('/api/v1/network/coverage?date=2019-09-30')).json();
    const row = cov.data.find((m: { code: string }) => m.code === 'GM0363');
    for (const k of ['code', 'name', 'status', 'capacity', 'ftePer100k', 'coordinators']) assert.ok(k in row, k);
    assert.equal(row.coordinators.length, 2, 'Amsterdam is shared by two coordinators');
    const coordinators = (await get('/api/v1/network/coordinators?date=2019-09-30')).json();
    assert.equal(coordinators.data.length, 27);
    const timeline = (await get('/api/v1/network/timeline?from=2018-12-01&to=2019-09-30')).json();
    assert.equal(timeline.data.length, 10);
    assert.equal(timeline.data[0].coordinators, 23);
    assert.equal(timeline.data.at(-1).coordinators, 27);
    const geo = await get('/api/v1/network/coverage.geojson?date=2019-09-30');
    assert.equal(geo.statusCode, 200);
    assert.match(String(geo.headers['content-type']), /geo\+json/);
    const fc = geo.json();
    assert.equal(fc.type, 'FeatureCollection');
    assert.equal(fc.features.length, 355);
  });

  test('every network endpoint is in the OpenAPI document', async () => {
    const paths = Object.keys((await get('/api/openapi.json')).json().paths);
    for (const p of ['summary', 'coverage', 'coordinators', 'coverage.geojson', 'timeline', 'search'])
      assert.ok(paths.includes(`/api/v1/network/${p}`), p);
  });

  test('problem+json for a bad date; ETag and 304', async () => {
    const bad = await get('/api/v1/network/summary?date=2019-13-45');
    assert.equal(bad.statusCode, 400);
    assert.match(String(bad.headers['content-type']), /application\/problem\+json/);
    assert.match(bad.body, /JJJJ-MM-DD/);
    const first = await get('/api/v1/network/summary?date=2019-09-30');
    const etag = String(first.headers.etag);
    assert.ok(etag);
    const again = await get('/api/v1/network/summary?date=2019-09-30', undefined, { 'if-none-match': etag });
    assert.equal(again.statusCode, 304);
  });
});

describe('public pages and finder', () => {
  test('/netwerk shows the map, legend with the norm, figures and timeline', async () => {
    const res = await get('/netwerk?datum=2019-09-30');
    assert.equal(res.statusCode, 200);
    assert.equal((res.body.match(/<h1/g) ?? []).length, 1);
    // The shared choropleth: every municipality a link to its answer, with its capacity class.
    assert.equal((res.body.match(/<a href="\/netwerk\/gemeente\/GM\d{4}\?datum=2019-09-30" data-code="GM\d{4}"/g) ?? []).length, 355);
    assert.match(res.body, /<svg [^>]*class="gaz-choropleth" id="gaz-network-map"/);
    assert.match(res.body, /<title>Tilburg: Zorgcoördinator, capaciteit (volgens|onder) de norm<\/title>/);
    assert.match(res.body, /Norm: 0,10 FTE per 100\.000 inwoners/);
    assert.match(res.body, /Actieve zorgcoördinatoren/);
    assert.match(res.body, /Groei van het netwerk per maand/);
    const cached = await get('/netwerk?datum=2019-09-30');
    assert.equal(cached.body, res.body);
    assert.equal((await get('/netwerk?datum=gisteren')).statusCode, 400);
  });

  test('a single match redirects; a former name explains why; none says so', async () => {
    const one = await get('/netwerk/zoeken?gemeente=Tilburg');
    assert.equal(one.statusCode, 303);
    assert.equal(one.headers.location, '/netwerk/gemeente/GM0855');
    // In 2019 Weesp still existed; since 2022-03-24 it is part of Amsterdam.
    assert.equal((await get('/netwerk/zoeken?gemeente=Weesp')).headers.location, '/netwerk/gemeente/GM0457');
    const weesp = await get('/netwerk/zoeken?gemeente=Weesp&datum=2023-06-01');
    assert.equal(weesp.statusCode, 303);
    assert.equal(weesp.headers.location, '/netwerk/gemeente/GM0363?datum=2023-06-01&via=Weesp');
    const page = await get(String(weesp.headers.location));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /U zocht op “Weesp”\. Weesp is op 24 maart 2022 opgegaan in Amsterdam/);
    const none = await get('/netwerk/zoeken?gemeente=Atlantis');
    assert.equal(none.statusCode, 404);
    assert.match(none.body, /Er is geen gemeente gevonden/);
  });

  test('the municipality profile shows a network panel', async () => {
    const res = await get('/gemeenten/GM0855?datum=2019-09-30');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Zorgcoördinator mensenhandel/);
    assert.match(res.body, /Hart van Brabant/);
  });

  test('a remote municipality points to CoMensha', async () => {
    const res = await get('/netwerk/gemeente/GM0718?datum=2019-09-30');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /CoMensha/);
    assert.match(res.body, /https:\/\/www\.comensha\.nl/);
  });

  test('the suggestion API finds former names', async () => {
    const res = (await get('/api/v1/network/search?q=Weesp&date=2023-06-01')).json();
    assert.ok(res.data.some((s: { code: string; formerName: string | null }) => s.code === 'GM0363' && s.formerName === 'Weesp'));
  });
});
