// The API in OpenAPI with schemas, what public callers may see, the staff export (CSV, XLSX, with a
// codebook) and the response-rate block for news articles; on a real database.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { TestApp } from '../../../test/helpers/app.ts';
import { createAtlasTestApp } from '../../../test/helpers/atlas.ts';
import { type LoggedIn, loginAs } from '../../../test/helpers/auth.ts';
import { responseRateEmbed } from './embed.ts';
import { type Fixture, fixtureSurvey } from './testing/fixtures.ts';

let t: TestApp;
let staff: LoggedIn;
let closed: Fixture;
let draft: Fixture;

before(async () => {
  t = await createAtlasTestApp(() => new Date());
  staff = await loginAs(t, 'adviser');
  closed = await fixtureSurvey(t.deps, { status: 'closed', submitted: ['GM0363'], title: 'API-test' });
  draft = await fixtureSurvey(t.deps, { title: 'Concepttest' });
});
after(async () => t?.close());

test('OpenAPI documents the three survey routes with response schemas under the tag "surveys"', async () => {
  const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
  assert.ok(doc.tags.some((x: { name: string }) => x.name === 'surveys'));
  for (const path of ['/api/v1/surveys', '/api/v1/surveys/{id}/response-rate', '/api/v1/surveys/{id}/results']) {
    const get = doc.paths[path]?.get;
    assert.ok(get, `${path} is documented`);
    assert.deepEqual(get.tags, ['surveys']);
    assert.ok(get.responses['200'].content['application/json'].schema.properties, `${path} has a response schema`);
  }
  const rate = doc.paths['/api/v1/surveys/{id}/response-rate'].get.responses['200'].content['application/json'].schema;
  assert.deepEqual(Object.keys(rate.properties), ['invited', 'started', 'submitted', 'rate', 'byProvince', 'bySizeClass']);
});

test('public callers: no drafts, results only once published (404 before), problem+json', async () => {
  const list = (await t.app.inject({ url: '/api/v1/surveys' })).json().data.map((s: { id: number }) => s.id);
  assert.ok(list.includes(closed.id));
  assert.ok(!list.includes(draft.id));
  const early = await t.app.inject({ url: `/api/v1/surveys/${closed.id}/results` });
  assert.equal(early.statusCode, 404);
  assert.match(String(early.headers['content-type']), /application\/problem\+json/);
  assert.equal((await t.app.inject({ url: `/api/v1/surveys/${draft.id}/response-rate` })).statusCode, 404);
  const rate = (await t.app.inject({ url: `/api/v1/surveys/${closed.id}/response-rate` })).json();
  assert.deepEqual([rate.invited, rate.submitted, rate.rate], [2, 1, 0.5]);
});

test('staff export: one row per municipality, one column per question and option, and the codebook (CSV and XLSX)', async () => {
  const csv = await t.app.inject({ url: `/beheer/enquetes/${closed.id}/export.csv`, cookies: staff.cookies });
  assert.equal(csv.statusCode, 200);
  const lines = csv.body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  assert.equal(lines[0], 'gemeentecode,gemeente,provincie,grootteklasse,status,bron,ingediend_op,beleid,partners__politie,partners__zorg');
  const amsterdam = lines.find((l) => l.startsWith('GM0363'))!;
  assert.match(amsterdam, /^GM0363,Amsterdam,Noord-Holland,k8,submitted,online,\d{4}-\d{2}-\d{2},ja,1,0$/);
  assert.match(lines.find((l) => l.startsWith('GM0014'))!, /,not_started,,,,,$/);
  const book = await t.app.inject({ url: `/beheer/enquetes/${closed.id}/codeboek.csv`, cookies: staff.cookies });
  assert.match(book.body, /partners__politie,Met wie werkt u samen\? — Politie,"meerdere keuzes/);
  const xlsx = await t.app.inject({ url: `/beheer/enquetes/${closed.id}/export.xlsx`, cookies: staff.cookies });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  assert.deepEqual(
    wb.worksheets.map((w) => w.name),
    ['Antwoorden', 'Codeboek'],
  );
  assert.equal(wb.getWorksheet('Antwoorden')!.rowCount, 3);
});

test('the news block states the response rate of the survey of a date', async () => {
  const text = await responseRateEmbed.describe(t.deps, new Date().toISOString().slice(0, 10));
  assert.match(text.nl, /hadden 1 van de 2 gemeenten geantwoord \(50%\)/);
  const before2019 = await responseRateEmbed.describe(t.deps, '2018-01-01');
  assert.match(before2019.nl, /liep er geen enquête/);
});
