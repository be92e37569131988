// Interactions and tasks through the staff pages: bad input (a period ending before it starts, an
// unknown municipality, a 1 MB summary, a task due in the past: allowed but flagged), full-text search
// on the engine in use (FTS5 on SQLite, the Dutch tsvector on PostgreSQL), a former municipality
// finding its successor's record, a region counting for its members, "my open tasks" and overdue, the
// audit trail of every change — which an adviser can read nowhere and edit nowhere.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { postForm } from '../../../test/helpers/auth.ts';
import { dialectOf } from '../../db/database.ts';
import { listAudit } from '../audit/index.ts';
import { searchInteractions } from './interactions.queries.ts';
import { createInteraction, type InteractionInput, listInteractions } from './interactions.service.ts';
import { addTask, taskOverview } from './tasks.service.ts';
import { type AdviceTest, adviceTest } from './test-kit.ts';

let a: AdviceTest;
// 2026: Weesp (GM0457) merged into Amsterdam on 2022-03-24.
before(async () => {
  a = await adviceTest(new Date('2026-06-01T10:00:00Z'));
});
after(() => a.t.close());

const base: InteractionInput = {
  date: '2019-05-01',
  type: 'advice-conversation',
  subject: '',
  summary: '',
  municipalityCodes: [],
  regionCode: null,
  adviserIds: [],
  contactIds: [],
};
const record = (over: Partial<InteractionInput>) => createInteraction(a.as(a.adviser), { ...base, ...over });

describe('bad input', () => {
  it('names the field and keeps the input: unknown municipality, period, 1 MB summary', async () => {
    const s = await a.login(a.adviser);
    const unknown = await postForm(a.t, s, '/beheer/advies/interacties/nieuw', {
      date: '2019-05-01',
      type: 'phone',
      subject: 'Bel Weesp',
      summary: 'ok',
      municipalities: 'GM0457',
    });
    assert.equal(unknown.statusCode, 303, 'Weesp existed in 2019');
    const after2022 = await postForm(a.t, s, '/beheer/advies/interacties/nieuw', {
      date: '2023-05-01',
      type: 'phone',
      subject: 'Bel Weesp',
      summary: 'ok',
      municipalities: 'GM0457',
    });
    assert.equal(after2022.statusCode, 400);
    assert.match(
      after2022.body,
      /id="field-municipalities-error"[^>]*>Deze gemeente bestond niet op 2023-05-01: GM0457\. Kies een gemeente van die datum\./,
    );
    assert.match(after2022.body, /value="Bel Weesp"/);
    const none = await postForm(a.t, s, '/beheer/advies/interacties/nieuw', { date: '2019-05-01', type: 'phone', subject: 'Niemand' });
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /Kies ten minste één gemeente of een regio\./);
    const huge = 'Lang verslag. '.repeat(75_000);
    const big = await postForm(a.t, s, '/beheer/advies/interacties/nieuw', {
      date: '2019-05-01',
      type: 'phone',
      subject: 'Groot',
      summary: huge,
      municipalities: 'GM0363',
    });
    assert.equal(big.statusCode, 400);
    assert.match(big.body, /De samenvatting is te lang \(1\.049\.999 tekens\); het maximum is 20\.000 tekens\./);
    assert.match(big.body, /value="Groot"/);
    const period = await a.t.app.inject({ url: '/beheer/advies/interacties?van=2019-06-01&tot=2019-01-01&q=bel', cookies: s.cookies });
    assert.equal(period.statusCode, 400);
    assert.match(period.body, /id="field-tot-error"[^>]*>.*De einddatum ligt vóór de begindatum\. Kies een latere einddatum\./s);
    assert.match(period.body, /value="bel"/);
    const badDate = await postForm(a.t, s, '/beheer/advies/interacties/nieuw', {
      date: '2019-02-30',
      type: 'phone',
      subject: 'x',
      municipalities: 'GM0363',
    });
    assert.equal(badDate.statusCode, 400);
    assert.match(badDate.body, /Vul een datum in als JJJJ-MM-DD tussen 2000-01-01 en 2099-12-31/);
  });

  it('accepts a task due in the past and flags it', async () => {
    const s = await a.login(a.adviser);
    const res = await postForm(a.t, s, '/beheer/advies/interacties/nieuw', {
      date: '2019-05-01',
      type: 'phone',
      subject: 'Afspraak van vorig jaar',
      municipalities: 'GM0014',
      task_title: 'Verslag sturen',
      task_owner: String(a.adviser.id),
      task_due: '2020-01-01',
    });
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /te-laat=1/);
    const page = await a.t.app.inject({ url: String(res.headers.location), cookies: s.cookies });
    assert.match(page.body, /de uiterste datum van de taak ligt in het verleden/);
    assert.match(page.body, /Verslag sturen/);
    assert.match(page.body, /\(te laat\)/);
    const noDue = await postForm(a.t, s, '/beheer/advies/interacties/nieuw', {
      date: '2019-05-01',
      type: 'phone',
      subject: 'x',
      municipalities: 'GM0014',
      task_title: 'Zonder datum',
    });
    assert.equal(noDue.statusCode, 400);
    assert.match(noDue.body, /Vul de datum in waarop de taak klaar moet zijn\./);
  });
});

describe('finding interactions', () => {
  before(async () => {
    await record({
      subject: 'Gesprek over signalen van arbeidsuitbuiting',
      summary: 'De gemeente wil signalen sneller melden.',
      municipalityCodes: ['GM0518'],
    });
    await record({
      date: '2019-08-01',
      subject: 'Workshop voor wijkteams',
      summary: 'Herkennen van uitbuiting in de prostitutie.',
      municipalityCodes: ['GM0518'],
      type: 'workshop',
    });
    await record({ date: '2020-06-15', subject: 'Adviesgesprek Weesp', summary: 'Meldroute.', municipalityCodes: ['GM0457'] });
    await record({
      date: '2019-03-01',
      subject: 'Regionaal overleg Drenthe',
      summary: 'Samenwerking in de regio.',
      regionCode: 'VR03',
      type: 'regional-consultation',
    });
  });

  it('searches subject and summary with the database’s full-text index', async () => {
    const db = a.t.deps.db;
    const today = '2026-06-01';
    const hits = async (q: string) => (await listInteractions(db, { q }, today)).items.map((i) => i.subject);
    assert.deepEqual(await hits('arbeidsuitbuiting'), ['Gesprek over signalen van arbeidsuitbuiting']);
    assert.deepEqual(await hits('signaal'), ['Gesprek over signalen van arbeidsuitbuiting'], 'another form of the word');
    assert.deepEqual(await hits('uitbuiting prostitutie'), ['Workshop voor wijkteams'], 'every word must match');
    assert.deepEqual(await hits('WIJKTEAMS'), ['Workshop voor wijkteams']);
    assert.deepEqual(await hits('"; DROP TABLE advice_interactions; --'), []);
    assert.equal(
      (await listInteractions(db, { q: '* -' }, today)).total,
      (await listInteractions(db, {}, today)).total,
      'no words: no text filter',
    );
    assert.equal((await listInteractions(db, { q: 'signalen', type: 'workshop' }, today)).total, 0);
    if (dialectOf(db) === 'postgres') {
      assert.deepEqual(await hits('de'), [], 'PostgreSQL’s Dutch configuration drops stop words');
    }
  });

  it('finds a former municipality’s record under its successor and says so', async () => {
    const s = await a.login(a.adviser);
    const res = await a.t.app.inject({ url: '/beheer/advies/interacties?gemeente=GM0457', cookies: s.cookies });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Weesp bestaat niet meer; de interacties van Amsterdam worden getoond \(met die van Weesp\)\./);
    assert.match(res.body, /Adviesgesprek Weesp/);
    const amsterdam = await listInteractions(a.t.deps.db, { municipality: 'GM0363' }, '2026-06-01');
    assert.ok(
      amsterdam.items.some((i) => i.subject === 'Adviesgesprek Weesp'),
      'Amsterdam’s record includes its predecessor’s',
    );
  });

  it('counts a region for its members', async () => {
    const assen = await listInteractions(a.t.deps.db, { municipality: 'GM0106' }, '2026-06-01');
    assert.deepEqual(
      assen.items.map((i) => [i.subject, i.areas]),
      [['Regionaal overleg Drenthe', ['Drenthe']]],
    );
    assert.equal(
      (await listInteractions(a.t.deps.db, { municipality: 'GM0014' }, '2026-06-01')).items.some((i) => i.subject.includes('Drenthe')),
      false,
    );
  });
});

describe('counting a text search', () => {
  it('counts a text search only up to the cap, newest first', async () => {
    for (const date of ['2019-01-10', '2019-02-10', '2019-03-10']) {
      await record({ date, subject: `Telronde ${date}`, summary: 'Telronde van de adviseurs.', municipalityCodes: ['GM0518'] });
    }
    const db = a.t.deps.db;
    const uncapped = await listInteractions(db, { q: 'telronde' }, '2026-06-01');
    assert.deepEqual([uncapped.total, uncapped.capped], [3, false]);
    const capped = await listInteractions(db, { q: 'telronde' }, '2026-06-01', { textCountCap: 2 });
    assert.deepEqual([capped.total, capped.capped, capped.pages], [2, true, 1], 'more than 2 match');
    assert.deepEqual(
      capped.items.map((i) => i.date),
      ['2019-03-10', '2019-02-10', '2019-01-10'],
      'the page itself is not cut',
    );
    const exact = await listInteractions(db, { q: 'telronde' }, '2026-06-01', { textCountCap: 3 });
    assert.deepEqual([exact.total, exact.capped], [3, false], 'exactly the cap is not more');
    const all = await listInteractions(db, {}, '2026-06-01', { textCountCap: 1 });
    assert.equal(all.capped, false, 'without words nothing is capped');
    const s = await a.login(a.adviser);
    const page = await a.t.app.inject({ url: '/beheer/advies/interacties?q=telronde', cookies: s.cookies });
    assert.match(page.body, /3 interacties gevonden/);
    assert.doesNotMatch(page.body, /Meer dan/);
  });

  it('pages a capped text search newest first, from the newest rows or from the index alike', async () => {
    for (const date of ['2018-01-10', '2018-02-10', '2018-03-10', '2018-04-10']) {
      await record({ date, subject: `Peilronde ${date}`, summary: 'Peilronde van de adviseurs.', municipalityCodes: ['GM0518'] });
    }
    await record({ date: '2018-05-10', subject: 'Iets anders', summary: 'Geen ronde.', municipalityCodes: ['GM0518'] });
    const db = a.t.deps.db;
    const search = async (offset: number, limit: number, cap: number, area: { codes?: string[]; regions?: string[] } = {}) => {
      const r = await searchInteractions(db, { q: 'peilronde', ...area }, offset, limit, cap);
      return [r.rows.map((x) => x.date), r.total, r.capped];
    }; // PostgreSQL answers the first from the newest rows alone, the others through its full-text index.
    assert.deepEqual(await search(0, 2, 2), [['2018-04-10', '2018-03-10'], 2, true], 'more than the cap');
    assert.deepEqual(await search(2, 2, 2), [['2018-02-10', '2018-01-10'], 2, true], 'a later page');
    assert.deepEqual(await search(0, 10, 10), [['2018-04-10', '2018-03-10', '2018-02-10', '2018-01-10'], 4, false], 'all, counted');
    assert.deepEqual(await search(1, 2, 10), [['2018-03-10', '2018-02-10'], 4, false], 'a page of the newest rows, counted');
    assert.deepEqual(await search(1, 2, 2, { codes: ['GM0518'] }), [['2018-03-10', '2018-02-10'], 2, true], 'in a municipality');
    assert.deepEqual(await search(0, 2, 2, { codes: ['GM0599'], regions: ['PV99'] }), [[], 0, false], 'elsewhere');
  });
});

describe('filters of the list', () => {
  it('finds by adviser, type and period, on the page too', async () => {
    const mine = { municipalityCodes: ['GM0599'], summary: 'Filterproef.' };
    await record({ ...mine, date: '2017-04-01', subject: 'Filter Ad april', adviserIds: [a.adviser.id] });
    await record({ ...mine, date: '2017-05-01', subject: 'Filter Bea mei', adviserIds: [a.admin.id], type: 'workshop' });
    await record({ ...mine, date: '2017-06-01', subject: 'Filter samen juni', adviserIds: [a.adviser.id, a.admin.id] });
    const db = a.t.deps.db;
    const subjects = async (q: Parameters<typeof listInteractions>[1]) =>
      (await listInteractions(db, { municipality: 'GM0599', from: '2017-01-01', to: '2017-12-31', ...q }, '2026-06-01')).items.map(
        (i) => i.subject,
      );
    assert.deepEqual(await subjects({ adviserId: a.adviser.id }), ['Filter samen juni', 'Filter Ad april']);
    assert.deepEqual(await subjects({ adviserId: a.admin.id }), ['Filter samen juni', 'Filter Bea mei']);
    assert.deepEqual(await subjects({ type: 'workshop' }), ['Filter Bea mei']);
    assert.deepEqual(await subjects({ from: '2017-05-01', to: '2017-05-31' }), ['Filter Bea mei'], 'both ends inclusive');
    assert.deepEqual(await subjects({ from: '2017-05-02', to: '2017-05-31' }), []);
    const s = await a.login(a.adviser);
    const page = await a.t.app.inject({
      url: `/beheer/advies/interacties?gemeente=GM0599&adviseur=${a.admin.id}&van=2017-01-01&tot=2017-12-31`,
      cookies: s.cookies,
    });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /2 interacties gevonden/);
    assert.match(page.body, /Filter Bea mei/);
    assert.doesNotMatch(page.body, /Filter Ad april/);
  });
});

describe('tasks and the audit trail', () => {
  it('shows my open tasks, everything overdue and lets a task be completed', async () => {
    const ctx = a.as(a.adviser);
    const iid = await record({ subject: 'Taken', municipalityCodes: ['GM0034'] });
    const mine = await addTask(ctx, iid, { title: 'Mijn taak', ownerId: a.adviser.id, dueDate: '2026-07-01' });
    await addTask(ctx, iid, { title: 'Taak van Bea, te laat', ownerId: a.admin.id, dueDate: '2026-05-01' });
    const o = await taskOverview(a.t.deps.db, a.adviser.id, '2026-06-01');
    assert.ok(o.mine.some((t) => t.title === 'Mijn taak' && !t.overdue));
    assert.ok(o.overdue.some((t) => t.title === 'Taak van Bea, te laat'));
    assert.ok(!o.mine.some((t) => t.title === 'Taak van Bea, te laat'));
    const s = await a.login(a.adviser);
    const home = await a.t.app.inject({ url: '/beheer/advies', cookies: s.cookies });
    assert.match(home.body, /Mijn open taken/);
    assert.match(home.body, /Mijn taak/);
    const done = await postForm(a.t, s, `/beheer/advies/taken/${mine.id}/afgerond`, { terug: '/beheer/advies' });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/beheer/advies?klaar=1');
    assert.ok(!(await taskOverview(a.t.deps.db, a.adviser.id, '2026-06-01')).mine.some((t) => t.id === mine.id));
    const offsite = await postForm(a.t, s, `/beheer/advies/taken/${mine.id}/afgerond`, { terug: 'https://evil.example/' });
    assert.match(String(offsite.headers.location), /^\/beheer\/advies\/interacties\/\d+\?klaar=1$/);
  });

  it('audits every change; an adviser cannot read or edit the audit trail', async () => {
    const { entries } = await listAudit(a.t.deps.db, { pageSize: 1000 });
    const kinds = new Set(entries.map((e) => `${e.entity}:${e.action}`));
    for (const k of ['advice_interaction:create', 'advice_task:create', 'advice_task:update']) assert.ok(kinds.has(k), k);
    const s = await a.login(a.adviser);
    assert.equal((await a.t.app.inject({ url: '/beheer/audit', cookies: s.cookies })).statusCode, 403);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const res = await a.t.app.inject({
        method,
        url: `/beheer/audit/${entries[0].id}`,
        cookies: s.cookies,
        headers: { 'x-csrf-token': s.csrf },
      });
      assert.ok([403, 404].includes(res.statusCode), `${method} answered ${res.statusCode}`);
    }
    const routes = a.t.app.routeTable.filter((r) => r.url.startsWith('/beheer/audit') && r.method !== 'GET' && r.method !== 'HEAD');
    assert.deepEqual(routes, [], 'no route writes to the audit trail');
  });
});
