// Staff and municipality views of the academy: creating a course (400 with the message, 403, 303),
// the external-completions import (a dry run naming every row it cannot match), reach per
// municipality (page, CSV, XLSX, API with 401/403/200), a municipality's own counts, the evidence.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { TestApp } from '../../../test/helpers/app.ts';
import { createAtlasTestApp } from '../../../test/helpers/atlas.ts';
import { loginAs, postForm } from '../../../test/helpers/auth.ts';
import { factoriesFor } from '../../../test/helpers/factories.ts';
import { SYSTEM_ACTOR } from '../../http/request-user.ts';
import { createLearnerAccount } from '../auth/index.ts';
import { makeCourse } from './testing/kit.ts';

let t: TestApp;
before(async () => {
  t = await createAtlasTestApp(new Date('2019-12-01T10:00:00Z'));
});
after(async () => {
  await t?.close();
});

async function learner(email: string, code: string) {
  const { id } = await createLearnerAccount(t.deps, SYSTEM_ACTOR, {
    email,
    name: email.split('@')[0],
    password: 'een lange zin als wachtwoord',
  });
  await t.deps.db
    .insertInto('academy_learners')
    .values({ user_id: id, municipality_code: code, created_at: '2019-01-01T00:00:00.000Z' })
    .execute();
  return id;
}

test('creating a course: 401, 403 for a learner, 400 with the line of the quiz that is wrong, 303 for staff', async () => {
  const body = {
    title: 'Handhaving en signalen',
    summary: 'Voor toezichthouders.',
    kind: 'elearning',
    roles: 'enforcement',
    passMark: '70',
    durationMinutes: '40',
    lessons: '# Les 1\nTekst.',
    quiz: '? Vraag\n- a\n- b',
    status: 'published',
  };
  assert.equal((await t.app.inject({ method: 'POST', url: '/beheer/academy/cursussen/nieuw', payload: body })).statusCode, 401);
  const l = await loginAs(t, await factoriesFor(t.deps).user('learner'));
  assert.equal((await postForm(t, l, '/beheer/academy/cursussen/nieuw', body)).statusCode, 403);
  const adviser = await loginAs(t, 'adviser');
  const bad = await postForm(t, adviser, '/beheer/academy/cursussen/nieuw', body);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Vraag 1 heeft minstens twee antwoorden nodig, waarvan één met “\* ” \(goed\)\./);
  assert.match(bad.body, /Handhaving en signalen/);
  const ok = await postForm(t, adviser, '/beheer/academy/cursussen/nieuw', { ...body, quiz: '? Vraag\n- a\n* b' });
  assert.equal(ok.statusCode, 303);
  const catalogue = await t.app.inject({ url: '/academy' });
  assert.match(catalogue.body, /Handhaving en signalen/);
  const page = await t.app.inject({ url: '/academy/cursussen/handhaving-en-signalen' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Les 1/);
});

test('importing external completions: the dry run names every row it cannot match; the import writes only matched rows', async () => {
  const courseId = await makeCourse(t, { title: 'Basiscursus signalen' });
  await learner('import-a@example.org', 'GM0363');
  await learner('import-b@example.org', 'GM0014');
  const csv = [
    'email;cursus;datum',
    'import-a@example.org;Basiscursus signalen;2019-06-01',
    'IMPORT-B@example.org;basiscursus-signalen;2019-07-01',
    'onbekend@example.org;Basiscursus signalen;2019-06-01',
    'import-a@example.org;Bestaat niet;2019-06-01',
    'import-b@example.org;Basiscursus signalen;1-7-2019',
  ].join('\n');
  const adviser = await loginAs(t, 'adviser');
  const dry = await postForm(t, adviser, '/beheer/academy/import', { csv, action: 'check' });
  assert.equal(dry.statusCode, 200);
  assert.match(dry.body, /Herkend: 2 · Niet herkend: 3/);
  assert.match(dry.body, /Geen account met dit e-mailadres\./);
  assert.match(dry.body, /Onbekende cursus “Bestaat niet”/);
  assert.match(dry.body, /Ongeldige datum “1-7-2019”/);
  const none = await t.deps.db.selectFrom('academy_enrolments').select('id').where('course_id', '=', courseId).execute();
  assert.equal(none.length, 0, 'a dry run writes nothing');
  const done = await postForm(t, adviser, '/beheer/academy/import', { csv, action: 'import' });
  assert.match(done.body, /Geïmporteerd: 2/);
  const again = await postForm(t, adviser, '/beheer/academy/import', { csv, action: 'check' });
  assert.match(again.body, /Al afgerond op 2019-06-01\./);
  const badCsv = await postForm(t, adviser, '/beheer/academy/import', { csv: 'naam,jaar\nx,y', action: 'check' });
  assert.equal(badCsv.statusCode, 400);
  assert.match(badCsv.body, /kolommen email, cursus en datum/);
});

test('reach per municipality: page with map, CSV and XLSX; the API for staff only; a municipality sees its own counts', async () => {
  const adviser = await loginAs(t, 'adviser');
  const page = await t.app.inject({ url: '/beheer/academy/bereik?from=2019-01-01&to=2019-12-31', cookies: adviser.cookies });
  assert.equal(page.statusCode, 200);
  assert.match(
    page.body,
    /<div class="gaz-reach-map"><div class="gaz-map-wrap"><svg[\s\S]*id="academy-reach-legend"/,
    'the map with its legend beside it',
  );
  assert.match(page.body, /Amsterdam/);
  const badRange = await t.app.inject({ url: '/beheer/academy/bereik?from=2019-12-31&to=2019-01-01', cookies: adviser.cookies });
  assert.equal(badRange.statusCode, 400);
  assert.match(badRange.body, /De einddatum ligt vóór de begindatum/);
  const csv = await t.app.inject({ url: '/beheer/academy/bereik.csv?from=2019-01-01&to=2019-12-31', cookies: adviser.cookies });
  assert.match(csv.body, /"GM0363","Amsterdam","Basiscursus signalen",1,1/);
  const xlsx = await t.app.inject({ url: '/beheer/academy/bereik.xlsx?from=2019-01-01&to=2019-12-31', cookies: adviser.cookies });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const values = book.getWorksheet('Bereik')!.getRow(1).values as unknown[];
  assert.deepEqual(values.slice(1), ['gemeente_code', 'gemeente', 'cursus', 'inschrijvingen', 'afgerond']);

  assert.equal((await t.app.inject({ url: '/api/v1/reach?from=2019-01-01&to=2019-12-31' })).statusCode, 401);
  const muni = await loginAs(t, await factoriesFor(t.deps).municipalityUser('GM0014'));
  assert.equal((await t.app.inject({ url: '/api/v1/reach', cookies: muni.cookies })).statusCode, 403);
  const api = await t.app.inject({ url: '/api/v1/reach?from=2019-01-01&to=2019-12-31', cookies: adviser.cookies });
  assert.equal(api.statusCode, 200);
  const amsterdam = api.json().data.find((r: { municipalityCode: string }) => r.municipalityCode === 'GM0363');
  assert.equal(amsterdam.completions, 1);

  const own = await t.app.inject({ url: '/academy/mijn-gemeente', cookies: muni.cookies });
  assert.equal(own.statusCode, 200);
  assert.match(own.body, /Groningen \(GM0014\)/);
  assert.match(own.body, /Basiscursus signalen/);
  assert.doesNotMatch(own.body, /import-b/, 'no names or addresses of learners');
  assert.doesNotMatch(own.body, /Amsterdam/);
});

test('the policy monitor’s “front-line staff trained” evidence reads the academy', async () => {
  const [p] = t.deps.modules.extensions('policyEvidence').filter((x) => x.id === 'academy.trained');
  assert.equal(p.block, 'frontline-trained');
  const e = await p.evidenceOn(t.deps.db, 'GM0014', '2019-12-01');
  assert.equal(e?.count, 1);
  assert.match(e!.summary.nl, /1 medewerker rondde een cursus van de Mensenhandel Academy af/);
  assert.equal(await p.evidenceOn(t.deps.db, 'GM0014', '2019-06-30'), null);
});
