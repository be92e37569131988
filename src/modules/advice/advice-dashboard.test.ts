// The programme dashboard and its API on a fixed data set: reach (a region counting for its members),
// intensive contacts (a municipality with its region as one, a region on its own), counts per type,
// province and size class, the threshold setting, exports and the report; permissions of the API; and
// on the demo scenario exactly the 21 intensive contacts of the 2019 news item, on the page and the API.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { postForm } from '../../../test/helpers/auth.ts';
import { getRegion, municipalitiesOn, regionMemberships, regionsByType } from '../atlas/index.ts';
import { DEMO_INTENSIVE, DEMO_PERIOD } from './demo-plan.ts';
import { membersOn } from './engagement.logic.ts';
import { engagementFor } from './engagement.service.ts';
import { createInteraction, type InteractionInput, updateInteraction } from './interactions.service.ts';
import { setStatus } from './policy.service.ts';
import { type AdviceTest, adviceTest } from './test-kit.ts';

let a: AdviceTest;
before(async () => {
  a = await adviceTest(new Date('2020-02-01T10:00:00Z'));
  const base: InteractionInput = {
    date: '2019-03-01',
    type: 'phone',
    subject: 'x',
    summary: '',
    municipalityCodes: [],
    regionCode: null,
    adviserIds: [],
    contactIds: [],
  };
  const add = (over: Partial<InteractionInput>) => createInteraction(a.as(a.adviser), { ...base, ...over });
  for (const type of ['phone', 'email', 'advice-conversation'] as const) await add({ type, municipalityCodes: ['GM0363'] });
  await add({ municipalityCodes: ['GM0106'] });
  for (const date of ['2019-04-01', '2019-05-01'])
    await add({ date, type: 'regional-consultation', municipalityCodes: ['GM0106'], regionCode: 'VR03' });
  for (const date of ['2019-02-01', '2019-06-01', '2019-09-01']) await add({ date, type: 'regional-consultation', regionCode: 'VR17' });
  for (const date of ['2019-07-01', '2019-08-01']) await add({ date, municipalityCodes: ['GM0014'] });
  await add({ date: '2018-12-31', municipalityCodes: ['GM0014'] });
  await add({ date: '2019-10-10', type: 'email', municipalityCodes: ['GM0457'] });
});
after(() => a.t.close());

const PERIOD = 'from=2019-01-01&to=2019-12-31';

describe('dashboard API on a fixed data set', () => {
  it('lists the intensive contacts: a municipality, a municipality with its region, a region on its own', async () => {
    const s = await a.login(a.adviser);
    const res = await a.t.app.inject({ url: `/api/v1/engagement/intensive-contacts?${PERIOD}`, cookies: s.cookies });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.deepEqual(
      body.data.map((d: { code: string; name: string; interactions: number }) => [d.code, d.name, d.interactions]),
      [
        ['GM0363', 'Amsterdam', 3],
        ['GM0106', 'Assen/Drenthe', 3],
        ['VR17', 'Rotterdam-Rijnmond', 3],
      ],
    );
    assert.deepEqual(body.meta, { from: '2019-01-01', to: '2019-12-31', threshold: 3, generatedAt: '2020-02-01T10:00:00.000Z', count: 3 });
  });

  it('counts reach with regions for their members, per type, province and size class', async () => {
    const s = await a.login(a.adviser);
    const res = await a.t.app.inject({ url: `/api/v1/engagement/summary?${PERIOD}`, cookies: s.cookies });
    assert.equal(res.statusCode, 200);
    const { data } = res.json();
    const [drenthe, rijnmond, all] = await Promise.all([
      getRegion(a.t.deps.db, 'VR03', '2019-04-01'),
      getRegion(a.t.deps.db, 'VR17', '2019-02-01'),
      municipalitiesOn(a.t.deps.db, '2019-12-31'),
    ]);
    const reached = new Set([
      'GM0363',
      'GM0106',
      'GM0014',
      'GM0457',
      ...drenthe!.members.map((m) => m.code),
      ...rijnmond!.members.map((m) => m.code),
    ]);
    assert.equal(data.interactions, 12, '3 Amsterdam, 3 Assen (2 with Drenthe), 3 Rotterdam-Rijnmond, 2 Groningen, 1 Weesp');
    assert.equal(data.municipalitiesReached, reached.size);
    assert.equal(data.municipalitiesTotal, all.length);
    assert.equal(data.intensiveContacts, 3);
    assert.deepEqual(data.byType, [
      { type: 'regional-consultation', advice: 5, feed: 0 },
      { type: 'phone', advice: 4, feed: 0 },
      { type: 'email', advice: 2, feed: 0 },
      { type: 'advice-conversation', advice: 1, feed: 0 },
    ]);
    const drentheRow = data.byProvince.find((p: { key: string }) => p.key === 'PV22');
    assert.deepEqual(drentheRow, {
      key: 'PV22',
      name: 'Drenthe',
      reached: all.filter((m) => m.provinceCode === 'PV22' && reached.has(m.code)).length,
      total: all.filter((m) => m.provinceCode === 'PV22').length,
    });
    const sizeTotal = data.bySizeClass.reduce((n: number, g: { total: number }) => n + g.total, 0);
    const sizeReached = data.bySizeClass.reduce((n: number, g: { reached: number }) => n + g.reached, 0);
    assert.deepEqual([sizeTotal, sizeReached], [all.length, reached.size]);
    assert.deepEqual(
      data.bySizeClass.find((g: { key: string }) => g.key === 'ge250k'),
      { key: 'ge250k', name: '250.000 of meer', reached: 2, total: all.filter((m) => (m.population ?? 0) >= 250_000).length },
    );
  });
});

describe('the period of an interaction', () => {
  it('follows its date when it moves: the links carry the date the dashboard reads them by', async () => {
    const db = a.t.deps.db;
    const input: InteractionInput = {
      date: '2015-03-01',
      type: 'phone',
      subject: 'Verplaatst',
      summary: '',
      municipalityCodes: ['GM0599', 'GM0518'],
      regionCode: null,
      adviserIds: [],
      contactIds: [],
    };
    const id = await createInteraction(a.as(a.adviser), input);
    const reached = async (from: string, to: string) =>
      (await engagementFor(a.t.deps, db, from, to)).perMunicipality.map((m) => [m.code, m.advice]).sort();
    assert.deepEqual(await reached('2015-01-01', '2015-12-31'), [
      ['GM0518', 1],
      ['GM0599', 1],
    ]);
    await updateInteraction(a.as(a.adviser), id, { ...input, date: '2014-06-01', municipalityCodes: ['GM0599'] });
    assert.deepEqual(await reached('2015-01-01', '2015-12-31'), [], 'gone from its old period');
    assert.deepEqual(await reached('2014-01-01', '2014-12-31'), [['GM0599', 1]], 'in its new one, with its new municipality');
    const links = await db
      .selectFrom('advice_interaction_municipalities')
      .select('interaction_date')
      .where('interaction_id', '=', id)
      .execute();
    assert.deepEqual(links, [{ interaction_date: '2014-06-01' }]);
  });
});

describe('region members for the counts', () => {
  it('are the atlas members of every province and safety region on dates around the mergers', async () => {
    const db = a.t.deps.db;
    for (const date of ['2019-03-01', '2021-01-01', '2022-03-24', '2025-06-01']) {
      const regions = [...(await regionsByType(db, 'province', date)), ...(await regionsByType(db, 'safety-region', date))];
      assert.equal(regions.length, 12 + 25, `12 provinces and 25 safety regions on ${date}`);
      for (const r of regions) {
        const expected = (await getRegion(db, r.code, date))!.members.map((m) => m.code).sort();
        assert.deepEqual(membersOn(await regionMemberships(db, r.code), date).sort(), expected, `${r.code} on ${date}`);
      }
    }
  });
});

describe('dashboard API: settings and permissions', () => {
  it('follows the threshold setting', async () => {
    const res = await postForm(a.t, await a.login(a.admin), '/beheer/advies/instellingen', { threshold: '2' });
    assert.equal(res.statusCode, 303);
    const body = (
      await a.t.app.inject({ url: `/api/v1/engagement/intensive-contacts?${PERIOD}`, cookies: (await a.login(a.adviser)).cookies })
    ).json();
    assert.deepEqual(
      body.data.map((d: { name: string }) => d.name),
      ['Amsterdam', 'Assen/Drenthe', 'Groningen', 'Rotterdam-Rijnmond'],
    );
    const bad = await postForm(a.t, await a.login(a.admin), '/beheer/advies/instellingen', { threshold: '0' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Vul een geheel getal in van 1 tot en met 100\./);
    assert.equal((await postForm(a.t, await a.login(a.adviser), '/beheer/advies/instellingen', { threshold: '5' })).statusCode, 403);
    await postForm(a.t, await a.login(a.admin), '/beheer/advies/instellingen', { threshold: '3' });
  });

  it('is for staff only and names a bad parameter', async () => {
    for (const url of ['/api/v1/engagement/summary', '/api/v1/engagement/intensive-contacts', '/api/v1/policy-status']) {
      assert.equal((await a.t.app.inject({ url })).statusCode, 401, url);
      const res = await a.t.app.inject({ url, cookies: (await a.login(a.amsterdam)).cookies });
      assert.equal(res.statusCode, 403, url);
      assert.match(String(res.headers['content-type']), /application\/problem\+json/);
    }
    const s = await a.login(a.adviser);
    const reversed = await a.t.app.inject({ url: '/api/v1/engagement/summary?from=2019-12-31&to=2019-01-01', cookies: s.cookies });
    assert.equal(reversed.statusCode, 400);
    assert.deepEqual(reversed.json().errors, [{ field: 'to', detail: 'Parameter to: de einddatum ligt vóór de begindatum (from).' }]);
    const bad = await a.t.app.inject({ url: '/api/v1/policy-status?date=31-12-2019', cookies: s.cookies });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().errors[0].detail, /^Parameter date: gebruik de vorm JJJJ-MM-DD/);
    const policy = (await a.t.app.inject({ url: '/api/v1/policy-status?date=2019-06-01', cookies: s.cookies })).json();
    assert.equal(policy.meta.count, policy.data.length);
    assert.equal(policy.data[0].blocks.length, policy.meta.blocks.length);
    const doc = (await a.t.app.inject({ url: '/api/openapi.json' })).json();
    for (const path of ['/api/v1/engagement/summary', '/api/v1/engagement/intensive-contacts', '/api/v1/policy-status']) {
      assert.deepEqual(doc.paths[path].get.tags, ['advice'], path);
      assert.ok(doc.paths[path].get.responses['200'].content['application/json'].schema.properties.data, path);
    }
  });
});

describe('dashboard pages and downloads', () => {
  it('shows the figures, the maps and the intensive contacts; refuses a reversed period', async () => {
    const s = await a.login(a.adviser);
    const res = await a.t.app.inject({ url: '/beheer/advies/dashboard?van=2019-01-01&tot=2019-12-31', cookies: s.cookies });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<dt>Intensieve contacten<\/dt><dd>3<\/dd>/);
    assert.match(res.body, /Assen\/Drenthe/);
    assert.equal((res.body.match(/<svg [^>]*class="gaz-choropleth"/g) ?? []).length, 2);
    const bad = await a.t.app.inject({ url: '/beheer/advies/dashboard?van=2019-12-31&tot=2019-01-01', cookies: s.cookies });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /De einddatum ligt vóór de begindatum/);
    assert.match(bad.body, /value="2019-12-31"/);
  });

  it('tallies the policy status per block across the country on the reference date', async () => {
    const set = (code: string, status: 'in-progress' | 'in-place', date: string) =>
      setStatus(a.as(a.adviser), code, 'policy-adopted', { status, evidenceUrl: null, evidenceNote: null, effectiveDate: date });
    await set('GM0363', 'in-progress', '2019-02-01');
    await set('GM0363', 'in-place', '2019-06-01');
    await set('GM0014', 'in-progress', '2019-06-01');
    const s = await a.login(a.adviser);
    const row = async (datum: string) => {
      const res = await a.t.app.inject({
        url: `/beheer/advies/dashboard?van=2019-01-01&tot=2019-12-31&datum=${datum}`,
        cookies: s.cookies,
      });
      assert.equal(res.statusCode, 200);
      const tr = res.body.split('<tr').find((r) => r.includes('Vastgesteld beleid of een paragraaf mensenhandel')) ?? '';
      return [...tr.matchAll(/<td[^>]*>([\d.]+)<\/td>/g)].map((x) => Number(x[1].replace(/\./g, '')));
    };
    const total = (date: string) => municipalitiesOn(a.t.deps.db, date).then((l) => l.length);
    // in place, in progress, not started, nothing recorded
    assert.deepEqual(await row('2019-12-31'), [1, 1, 0, (await total('2019-12-31')) - 2]);
    assert.deepEqual(await row('2019-03-01'), [0, 1, 0, (await total('2019-03-01')) - 1], 'the status of that date');
  });

  it('exports CSV and Excel and prints a report', async () => {
    const s = await a.login(a.adviser);
    const csv = await a.t.app.inject({ url: '/beheer/advies/dashboard.csv?van=2019-01-01&tot=2019-12-31', cookies: s.cookies });
    assert.equal(csv.statusCode, 200);
    const lines = csv.body.trim().split('\r\n');
    assert.equal(lines[0], 'code,gemeente,provincie,grootteklasse,interacties_advies,interacties_andere_onderdelen,intensief_contact');
    assert.ok(lines.includes('GM0363,Amsterdam,Noord-Holland,250.000 of meer,3,0,ja'));
    const xlsx = await a.t.app.inject({ url: '/beheer/advies/dashboard.xlsx?van=2019-01-01&tot=2019-12-31', cookies: s.cookies });
    assert.equal(xlsx.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(wb.worksheets.map((w) => w.name).slice(0, 2), ['Samenvatting', 'Intensieve contacten']);
    assert.equal(wb.getWorksheet('Intensieve contacten')?.getRow(3).getCell(2).value, 'Assen/Drenthe');
    const report = await a.t.app.inject({ url: '/beheer/advies/rapport?van=2019-01-01&tot=2019-12-31', cookies: s.cookies });
    assert.equal(report.statusCode, 200);
    assert.match(
      report.body,
      /Intensief contact \(3 of meer interacties\) was er met 3 gemeenten en regio’s: Amsterdam, Assen\/Drenthe en Rotterdam-Rijnmond\./,
    );
    assert.match(report.body, /class="gaz-advice-report"/);
  });
});

describe('the demo scenario', () => {
  it('makes exactly the 21 intensive contacts of the news item for October 2018 – October 2019', async () => {
    const demo = await adviceTest(new Date('2026-12-02T10:00:00Z'));
    try {
      for (const { name, part } of demo.t.deps.modules.demoParts())
        if (['auth', 'network', 'advice'].includes(name)) await part.load(demo.t.deps, () => {});
      const s = await demo.login(demo.adviser);
      const api = (
        await demo.t.app.inject({
          url: `/api/v1/engagement/intensive-contacts?from=${DEMO_PERIOD.from}&to=${DEMO_PERIOD.to}`,
          cookies: s.cookies,
        })
      ).json();
      assert.deepEqual(api.data.map((d: { code: string }) => d.code).sort(), DEMO_INTENSIVE.map((m) => m.code).sort());
      assert.deepEqual(
        api.data
          .filter((d: { name: string }) => d.name.includes('/'))
          .map((d: { name: string }) => d.name)
          .sort(),
        ['Assen/Drenthe', 'Haarlem/Kennemerland'],
      );
      const page = await demo.t.app.inject({
        url: `/beheer/advies/dashboard?van=${DEMO_PERIOD.from}&tot=${DEMO_PERIOD.to}`,
        cookies: s.cookies,
      });
      assert.match(page.body, /<dt>Intensieve contacten<\/dt><dd>21<\/dd>/);
      for (const name of ['Alkmaar', 'Den Helder', 'Haarlem/Kennemerland', 'Oldambt', 'Vught', 'Zwolle'])
        assert.match(page.body, new RegExp(`>${name}</a>`));
      const wider = (
        await demo.t.app.inject({ url: '/api/v1/engagement/intensive-contacts?from=2018-09-01&to=2019-11-30', cookies: s.cookies })
      ).json();
      assert.equal(wider.meta.count, 21, 'the interactions just outside the period do not create new intensive contacts');
      const home = await demo.t.app.inject({ url: '/beheer/advies', cookies: s.cookies });
      assert.match(home.body, /Open ondersteuningsvragen/);
      assert.match(home.body, /\(te laat\)/);
    } finally {
      await demo.t.close();
    }
  });
});
