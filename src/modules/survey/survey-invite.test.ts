// Inviting and following up a round on a real database (SQLite, and PostgreSQL with
// TEST_DATABASE_URL), with a clock the test moves: the reminder days are a setting of the survey
// (changed while it is open, a bad value refused beside the field), "remind now", changing a
// municipality's recipient and resending its invitation, leave and resume without a session, the
// tracking page (chart, province and size class, choropleth, non-responders), the link after
// closing (no more answers; the feedback report), the results tables per group, the municipality
// account's own report and the PDF's structure tree.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { TestApp } from '../../../test/helpers/app.ts';
import { createAtlasTestApp } from '../../../test/helpers/atlas.ts';
import { createUser, type LoggedIn, loginAs, postForm, type TestUser } from '../../../test/helpers/auth.ts';
import { factoriesFor } from '../../../test/helpers/factories.ts';
import { emailsTo } from '../../../test/helpers/records.ts';
import { createJobRunner } from '../jobs/index.ts';
import { surveyJobs } from './jobs.ts';
import { responseState } from './responses.service.ts';
import { createSurveyAs, hiddenFields, postAsVisitor, tokenFor, visitor } from './testing/http.ts';

let now = new Date('2019-03-25T09:00:00Z');
let t: TestApp;
let staff: LoggedIn;
let adviser: TestUser;
let id: number;
let questionId: string;
const AMS = 'uitnodiging@amsterdam.voorbeeld.invalid';
const GRO = 'oud@groningen.voorbeeld.invalid';
const GRO_NEW = 'nieuw@groningen.voorbeeld.invalid';
const UTR = 'uitnodiging@utrecht.voorbeeld.invalid';
const FORM = {
  titleNl: 'Opvolgtest',
  titleEn: '',
  introNl: '',
  introEn: '',
  referenceDate: '2019-04-01',
  opensOn: '2019-04-01',
  closesOn: '2019-04-25',
  previousSurveyId: '',
};

before(async () => {
  t = await createAtlasTestApp(() => now);
  adviser = await createUser(t.deps, { role: 'adviser' });
  staff = await loginAs(t, adviser);
});
after(async () => t?.close());

async function at(iso: string) {
  now = new Date(iso);
  staff = await loginAs(t, adviser);
}
const get = (url: string, cookies?: Record<string, string>) => t.app.inject({ url, cookies });
async function jobs() {
  const runner = createJobRunner({ deps: t.deps, handlers: surveyJobs, now: () => now });
  await runner.offerRecurring();
  return runner.drain();
}
const reminders = async (to: string) => (await emailsTo(t, to)).filter((m) => m.subject.startsWith('Herinnering'));

test('the reminder days are a setting of the survey: a bad value is refused beside the field; changed while open, they move the schedule', async () => {
  id = await createSurveyAs(t, staff, { ...FORM, reminderDays: '7, 2' });
  await postForm(t, staff, `/beheer/enquetes/${id}/secties`, { titleNl: 'Beleid', titleEn: '', introNl: '', introEn: '' });
  const sectionId = /\/secties\/(\d+)\/nieuwe-vraag/.exec((await get(`/beheer/enquetes/${id}/vragen`, staff.cookies)).body)![1];
  const added = await postForm(t, staff, `/beheer/enquetes/${id}/secties/${sectionId}/vragen`, {
    key: 'beleid',
    type: 'yesno',
    textNl: 'Heeft u beleid?',
    helpNl: 'Een vastgesteld beleidsplan of een paragraaf in het integraal veiligheidsplan.',
    required: '1',
  });
  assert.equal(added.statusCode, 303);
  questionId = /\/vragen\/(\d+)"/.exec((await get(`/beheer/enquetes/${id}/vragen`, staff.cookies)).body)![1];
  assert.equal((await postForm(t, staff, `/beheer/enquetes/${id}/status`, { to: 'open' })).statusCode, 303);
  const bad = await postForm(t, staff, `/beheer/enquetes/${id}`, { ...FORM, reminderDays: 'een week' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Vul dagen vóór de sluiting in als getallen van 1 tot 60, bijvoorbeeld 7, 2\./);
  assert.match(bad.body, /value="een week"/, 'what was typed stays in the field');
  assert.equal((await postForm(t, staff, `/beheer/enquetes/${id}`, { ...FORM, reminderDays: '3' })).statusCode, 303);
  assert.match((await get(`/beheer/enquetes/${id}`, staff.cookies)).body, /value="3"/);
});

test('invite, change a municipality’s recipient and resend: the new address gets a new link that works, the old one gets nothing more', async () => {
  for (const [code, email] of [
    ['GM0363', AMS],
    ['GM0014', GRO],
    ['GM0344', UTR],
  ]) {
    assert.equal((await postForm(t, staff, `/beheer/enquetes/${id}/uitnodigingen/${code}/ontvangers`, { typed: email })).statusCode, 303);
  }
  await at('2019-04-01T08:00:00Z');
  const sent = await postForm(t, staff, `/beheer/enquetes/${id}/uitnodigingen/versturen`, {});
  assert.match(decodeURIComponent(String(sent.headers.location)), /3 gemeenten, 3 e-mails/);
  assert.equal((await emailsTo(t, GRO)).length, 1);
  const changed = await postForm(t, staff, `/beheer/enquetes/${id}/uitnodigingen/GM0014/ontvangers`, { typed: GRO_NEW });
  assert.equal(changed.statusCode, 303);
  const detail = await get(`/beheer/enquetes/${id}/uitnodigingen/GM0014`, staff.cookies);
  assert.match(detail.body, new RegExp(GRO_NEW.replace(/\./g, '\\.')));
  assert.equal((await postForm(t, staff, `/beheer/enquetes/${id}/uitnodigingen/GM0014/opnieuw`, {})).statusCode, 303);
  const resent = await emailsTo(t, GRO_NEW);
  assert.equal(resent.length, 1);
  assert.match(resent[0].subject, /Uitnodiging: Opvolgtest — Groningen/);
  assert.equal((await emailsTo(t, GRO)).length, 1, 'the former recipient is not mailed again');
  const fresh = await tokenFor(t, GRO_NEW);
  assert.notEqual(fresh, await tokenFor(t, GRO), 'every email carries a new link');
  const page = await get(`/enquete?token=${fresh}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Gemeente <strong>Groningen<\/strong>/);
});

test('leave and resume: a saved answer is there for a browser without the session or cookies of the one that saved it', async () => {
  await at('2019-04-03T10:00:00Z');
  const token = await tokenFor(t, UTR);
  const first = await visitor(t, `/enquete/sectie/1?token=${token}`);
  const saved = await postAsVisitor(t, first, '/enquete/sectie/1', { [`q${questionId}`]: 'nee', ga: 'blijf' });
  assert.equal(saved.statusCode, 303);
  const elsewhere = await get(`/enquete/sectie/1?token=${token}`);
  assert.equal(elsewhere.statusCode, 200);
  assert.match(elsewhere.body, new RegExp(`name="q${questionId}" value="nee" checked`));
  assert.match(
    elsewhere.body,
    /id="field-q\d+-help">Een vastgesteld beleidsplan of een paragraaf in het integraal veiligheidsplan\.</,
    'the help text is shown',
  );
  assert.match(elsewhere.body, /aria-describedby="field-q\d+-help"/, 'and read out with the question');
  // Amsterdam answers and submits.
  const ams = await tokenFor(t, AMS);
  const page = await visitor(t, `/enquete/sectie/1?token=${ams}`);
  await postAsVisitor(t, page, '/enquete/sectie/1', { [`q${questionId}`]: 'ja', ga: 'verder' });
  const review = await visitor(t, `/enquete/controle?token=${ams}`);
  assert.equal((await postAsVisitor(t, review, '/enquete/indienen', {})).statusCode, 303);
});

test('reminders go out on the days set (3 before closing, not 7) to those who have not submitted; "remind now" sends a round at once', async () => {
  await at('2019-04-18T08:00:01Z');
  await jobs();
  assert.equal((await reminders(UTR)).length, 0, 'no reminder 7 days before: the setting is 3');
  await at('2019-04-22T08:00:01Z');
  await jobs();
  assert.equal((await reminders(UTR)).length, 1);
  assert.equal((await reminders(GRO_NEW)).length, 1, 'the changed recipient');
  assert.equal((await reminders(GRO)).length, 0);
  assert.equal((await reminders(AMS)).length, 0, 'Amsterdam submitted');
  await jobs();
  assert.equal((await reminders(UTR)).length, 1, 'a round goes out once');
  assert.equal((await postForm(t, staff, `/beheer/enquetes/${id}/uitnodigingen/herinneren`, {})).statusCode, 303);
  await jobs();
  assert.equal((await reminders(UTR)).length, 2);
  assert.equal((await reminders(AMS)).length, 0);
});

test('tracking: the response over time, by province and size class with tables, the choropleth and the non-responders to follow up', async () => {
  const page = await get(`/beheer/enquetes/${id}/voortgang`, staff.cookies);
  assert.equal(page.statusCode, 200);
  const body = page.body;
  assert.match(body, /1 van 355 gemeenten hebben ingediend \(0%\); 2 zijn begonnen\./);
  assert.match(body, /<title id="progress-title">Begonnen en ingediend per dag<\/title>/);
  assert.match(body, /<td class="utrecht-table__cell">2019-04-03<\/td><td[^>]*>2<\/td><td[^>]*>1<\/td>/, 'the day table');
  assert.match(body, /<caption class="utrecht-table__caption">Respons per provincie<\/caption>/);
  assert.match(body, /<caption class="utrecht-table__caption">Respons per grootteklasse<\/caption>/);
  assert.match(
    body,
    /<th class="utrecht-table__header-cell" scope="row">Noord-Holland<\/th><td[^>]*>\d+<\/td><td[^>]*>1<\/td><td[^>]*>1<\/td>/,
  );
  assert.ok((body.match(/<path d=/g) ?? []).length >= 355, 'the choropleth of the reference date');
  assert.match(body, /Nog niet ingediend \(354\)/);
  assert.match(
    body,
    new RegExp(
      `href="/beheer/enquetes/${id}/uitnodigingen/GM0344">Utrecht</a></td><td[^>]*>Utrecht</td><td[^>]*>[^<]+</td><td[^>]*>begonnen op`,
    ),
  );
  assert.doesNotMatch(body, /uitnodigingen\/GM0363">Amsterdam/, 'who submitted is not on the follow-up list');
});

test('after closing a link no longer takes answers, the results have a table per group, and the link and the account show the report', async () => {
  await at('2019-04-27T09:00:00Z');
  await jobs();
  const token = await tokenFor(t, UTR);
  const page = await visitor(t, `/enquete/sectie/1?token=${token}`);
  assert.equal(page.html.includes('Opslaan en verder'), false, 'no save button');
  const late = await postAsVisitor(t, page, '/enquete/sectie/1', { ...hiddenFields(page.html), [`q${questionId}`]: 'ja', ga: 'blijf' });
  assert.equal(late.statusCode, 409);
  assert.match(late.body, /Deze vragenlijst is gesloten: er kunnen geen antwoorden meer worden opgeslagen\./);
  assert.equal((await responseState(t.deps.db, id, 'GM0344')).answers[questionId], 'nee');
  const results = (await get(`/beheer/enquetes/${id}/resultaten`, staff.cookies)).body;
  assert.match(results, /<caption class="utrecht-table__caption">Per provincie<\/caption>/);
  assert.match(results, /<caption class="utrecht-table__caption">Per grootteklasse<\/caption>/);
  assert.match(results, /Noord-Holland/);
  assert.equal((await postForm(t, staff, `/beheer/enquetes/${id}/terugkoppeling`, {})).statusCode, 303);
  await jobs();
  const invitation = (await emailsTo(t, AMS)).find((m) => m.subject.startsWith('Uitnodiging'))!;
  const respondToken = /[?&]token=([A-Za-z0-9_-]+)/.exec(invitation.text)![1];
  const viaInvitation = await get(`/enquete/terugkoppeling?token=${respondToken}`);
  assert.equal(viaInvitation.statusCode, 200, 'the invitation’s link shows the report after closing');
  assert.match(viaInvitation.body, /Terugkoppeling: Amsterdam/);
  const amsterdam = await loginAs(t, await factoriesFor(t.deps).municipalityUser('GM0363'));
  const own = await get(`/mijn-gemeente/GM0363/enquetes/${id}/terugkoppeling`, amsterdam.cookies);
  assert.equal(own.statusCode, 200);
  assert.match(own.body, /Terugkoppeling: Amsterdam/);
  assert.equal((await get(`/mijn-gemeente/GM0344/enquetes/${id}/terugkoppeling`, amsterdam.cookies)).statusCode, 403);
  const pdf = await get(`/mijn-gemeente/GM0363/enquetes/${id}/terugkoppeling.pdf`, amsterdam.cookies);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  const dir = mkdtempSync(join(tmpdir(), 'gaz-survey-struct-'));
  writeFileSync(join(dir, 'r.pdf'), pdf.rawPayload);
  const struct = execFileSync('pdfinfo', ['-struct', join(dir, 'r.pdf')]).toString();
  for (const tag of ['Document', 'H1', 'H2', 'P', 'Table', 'TR', 'TH', 'TD'])
    assert.match(struct, new RegExp(`^\\s*${tag}\\b`, 'm'), `${tag} in ${struct}`);
  assert.match(pdf.rawPayload.toString('latin1'), /\/DisplayDocTitle true/, 'the window shows the title, not the file name');
  const withText = execFileSync('pdfinfo', ['-struct-text', join(dir, 'r.pdf')]).toString();
  assert.match(withText, /Heeft u beleid\?/);
});

test('published with one respondent: the public API hides the country, staff see the figures through the same API', async () => {
  assert.equal((await postForm(t, staff, `/beheer/enquetes/${id}/status`, { to: 'published' })).statusCode, 303);
  const open = (await get(`/api/v1/surveys/${id}/results`)).json();
  const pub = open.questions.find((q: { key: string }) => q.key === 'beleid');
  assert.equal(pub.country.suppressed, 'small');
  assert.equal(pub.country.counts, null);
  const seen = (await get(`/api/v1/surveys/${id}/results`, staff.cookies)).json();
  const all = seen.questions.find((q: { key: string }) => q.key === 'beleid');
  assert.equal(all.country.suppressed, null);
  assert.equal(all.country.respondents, 1);
  const rate = (await get(`/api/v1/surveys/${id}/response-rate`, staff.cookies)).json();
  assert.equal(rate.byProvince.find((p: { name: string }) => p.name === 'Noord-Holland').submitted, 1, 'staff: no suppression');
  const publicRate = (await get(`/api/v1/surveys/${id}/response-rate`)).json();
  assert.equal(publicRate.byProvince.find((p: { name: string }) => p.name === 'Noord-Holland').submitted, null);
  const xlsx = await get('/enquetes/opvolgtest/resultaten.xlsx');
  assert.equal(xlsx.statusCode, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const cells = wb.getWorksheet('Resultaten')!.getSheetValues().flat().map(String);
  assert.ok(cells.includes('minder dan 5 respondenten'), 'the download says what it hides');
  assert.ok(cells.includes('Heeft u beleid?'));
});

test('two first uses of the invitations at once make them once, and neither fails', async () => {
  const other = await createSurveyAs(t, staff, { ...FORM, titleNl: 'Tegelijk', reminderDays: '' });
  const [list, detail] = await Promise.all([
    get(`/beheer/enquetes/${other}/uitnodigingen`, staff.cookies),
    get(`/beheer/enquetes/${other}/uitnodigingen/GM0363`, staff.cookies),
  ]);
  assert.deepEqual([list.statusCode, detail.statusCode], [200, 200]);
  const rows = await t.deps.db.selectFrom('survey_invitations').select('id').where('survey_id', '=', other).execute();
  assert.equal(rows.length, 355);
});
