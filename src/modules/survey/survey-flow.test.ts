// A survey end to end through the pages, on a real database (SQLite, and PostgreSQL with
// TEST_DATABASE_URL): build, preview, open, invite (emails in the outbox), answer through the
// personal link without JavaScript, submit (confirmation with a copy), remind (once per round),
// close, results, feedback reports in a batch job (HTML and PDF), publish and the public page.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { TestApp } from '../../../test/helpers/app.ts';
import { createAtlasTestApp } from '../../../test/helpers/atlas.ts';
import { createUser, type LoggedIn, loginAs, postForm, type TestUser } from '../../../test/helpers/auth.ts';
import { emailsTo } from '../../../test/helpers/records.ts';
import { createJobRunner } from '../jobs/index.ts';
import { surveyJobs } from './jobs.ts';
import { createSurveyAs, hiddenFields, postAsVisitor, tokenFor, visitor } from './testing/http.ts';

let now = new Date('2019-03-25T09:00:00Z');
let t: TestApp;
let staff: LoggedIn;
let adviser: TestUser;
let id: number;
const AMS = 'contact@amsterdam.voorbeeld.invalid';
const GRO = 'contact@groningen.voorbeeld.invalid';

before(async () => {
  t = await createAtlasTestApp(() => now);
  adviser = await createUser(t.deps, { role: 'adviser' });
  staff = await loginAs(t, adviser);
});

/** Moves the clock (sessions time out, so staff log in again). */
async function at(iso: string) {
  now = new Date(iso);
  staff = await loginAs(t, adviser);
}
after(async () => t?.close());

const get = (url: string, s?: LoggedIn) => t.app.inject({ url, cookies: s?.cookies });
/** Runs what is due, recurring jobs (closing surveys) included. */
async function jobs() {
  const runner = createJobRunner({ deps: t.deps, handlers: surveyJobs, now: () => now });
  await runner.offerRecurring();
  return runner.drain();
}

test('build: create with a Dutch message for a bad date, parts, questions with a condition, preview', async () => {
  const bad = await postForm(t, staff, '/beheer/enquetes', {
    titleNl: 'Test',
    referenceDate: '2019-02-30',
    opensOn: '2019-04-01',
    closesOn: '2019-04-25',
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Vul een datum in als JJJJ-MM-DD/);
  id = await createSurveyAs(t, staff, {
    titleNl: 'Proefenquête',
    referenceDate: '2019-04-01',
    opensOn: '2019-04-01',
    closesOn: '2019-04-25',
  });
  assert.equal(
    (await postForm(t, staff, `/beheer/enquetes/${id}/secties`, { titleNl: 'Beleid', titleEn: '', introNl: '', introEn: '' })).statusCode,
    303,
  );
  const builder = (await get(`/beheer/enquetes/${id}/vragen`, staff)).body;
  const sectionId = /\/secties\/(\d+)\/nieuwe-vraag/.exec(builder)![1];
  const add = (fields: Record<string, string | string[]>) =>
    postForm(t, staff, `/beheer/enquetes/${id}/secties/${sectionId}/vragen`, fields as Record<string, string>);
  assert.equal((await add({ key: 'beleid', type: 'yesno', textNl: 'Heeft u beleid?', required: '1', allowUnknown: '1' })).statusCode, 303);
  const noOptions = await add({ key: 'vormen', type: 'multiple', textNl: 'Welke vormen?' });
  assert.equal(noOptions.statusCode, 400);
  assert.match(noOptions.body, /Geef minstens twee antwoordmogelijkheden/);
  const q1 = /\/vragen\/(\d+)"/.exec((await get(`/beheer/enquetes/${id}/vragen`, staff)).body)![1];
  const multi = await add({
    key: 'vormen',
    type: 'multiple',
    textNl: 'Welke vormen?',
    o0_nl: 'Seksueel',
    o1_nl: 'Arbeid',
    condition: `${q1}:ja`,
  });
  assert.equal(multi.statusCode, 303);
  assert.equal((await add({ key: 'uren', type: 'number', textNl: 'Hoeveel uur?', min: '0', max: '80' })).statusCode, 303);
  assert.equal((await add({ key: 'toelichting', type: 'long_text', textNl: 'Toelichting' })).statusCode, 303);
  const preview = await get(`/beheer/enquetes/${id}/voorbeeld/sectie/1`, staff);
  assert.equal(preview.statusCode, 200);
  assert.match(preview.body, /Heeft u beleid\?/);
  assert.match(preview.body, /Beantwoord deze vraag als u bij ‘Heeft u beleid\?’ ‘Ja’ koos/);
});

test('open and invite: the municipalities of the reference date, emails with a personal link to the chosen recipients', async () => {
  assert.equal((await postForm(t, staff, `/beheer/enquetes/${id}/status`, { to: 'open' })).statusCode, 303);
  const list = await get(`/beheer/enquetes/${id}/uitnodigingen`, staff);
  assert.match(list.body, /355 gemeenten op de peildatum 2019-04-01/);
  for (const [code, email] of [
    ['GM0363', AMS],
    ['GM0014', GRO],
  ]) {
    assert.equal(
      (await postForm(t, staff, `/beheer/enquetes/${id}/uitnodigingen/${code}/ontvangers`, { typed: `Contact (voorbeeld), ${email}` }))
        .statusCode,
      303,
    );
  }
  const bad = await postForm(t, staff, `/beheer/enquetes/${id}/uitnodigingen/GM0363/ontvangers`, { typed: 'geen adres' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /‘geen adres’ is geen e-mailadres/);
  await at('2019-04-01T08:00:00Z');
  const sent = await postForm(t, staff, `/beheer/enquetes/${id}/uitnodigingen/versturen`, {});
  assert.equal(sent.statusCode, 303);
  assert.match(decodeURIComponent(String(sent.headers.location)), /2 gemeenten, 2 e-mails; zonder ontvanger: /);
  const mail = (await emailsTo(t, AMS))[0];
  assert.match(mail.subject, /Uitnodiging: Proefenquête — Amsterdam/);
  assert.match(mail.text, /\/enquete\?token=[A-Za-z0-9_-]{43}/);
});

test('answer through the link without JavaScript: save part by part, review, submit; a confirmation with a copy', async () => {
  await at('2019-04-03T10:00:00Z');
  const token = await tokenFor(t, AMS);
  const start = await get(`/enquete?token=${token}`);
  assert.equal(start.statusCode, 200);
  assert.match(start.body, /Gemeente <strong>Amsterdam<\/strong>/);
  const page = await visitor(t, `/enquete/sectie/1?token=${token}`);
  const q = Object.keys(hiddenFields(page.html))
    .filter((k) => /^h\d+$/.test(k))
    .map((k) => k.slice(1));
  const saved = await postAsVisitor(t, page, '/enquete/sectie/1', {
    [`q${q[0]}`]: 'ja',
    [`q${q[1]}`]: ['arbeid', 'seksueel'],
    [`q${q[2]}`]: '12,5',
    ga: 'verder',
  });
  assert.equal(saved.statusCode, 303);
  assert.equal(saved.headers.location, `/enquete/controle?token=${token}`);
  const review = await get(`/enquete/controle?token=${token}`);
  assert.match(review.body, /Seksueel; Arbeid/);
  assert.match(review.body, /12,5/);
  const reviewPage = await visitor(t, `/enquete/controle?token=${token}`);
  const submitted = await postAsVisitor(t, reviewPage, '/enquete/indienen', {});
  assert.equal(submitted.statusCode, 303);
  assert.equal(submitted.headers.location, `/enquete/bevestiging?token=${token}`);
  const confirmation = (await emailsTo(t, AMS)).find((m) => m.subject.startsWith('Ontvangen'));
  assert.ok(confirmation, 'a confirmation email');
  assert.match(confirmation.text, /- Heeft u beleid\?\n {2}Ja/);
  assert.match(confirmation.text, /Seksueel; Arbeid/);
});

test('reminders: 7 days before closing those who have not submitted get one, once', async () => {
  await at('2019-04-18T08:00:01Z');
  await jobs();
  const reminders = (await emailsTo(t, GRO)).filter((m) => m.subject.startsWith('Herinnering'));
  assert.equal(reminders.length, 1);
  assert.match(reminders[0].text, /sluit op 25 april 2019/);
  assert.equal((await emailsTo(t, AMS)).filter((m) => m.subject.startsWith('Herinnering')).length, 0, 'Amsterdam submitted');
  await jobs();
  assert.equal((await emailsTo(t, GRO)).filter((m) => m.subject.startsWith('Herinnering')).length, 1, 'the round is sent once');
});

test('close, results, feedback reports in one batch with progress, the report as HTML and PDF', async () => {
  await at('2019-04-27T09:00:00Z');
  await jobs(); // closes the survey: its closing day has passed
  assert.match((await get(`/beheer/enquetes/${id}`, staff)).body, /Gesloten/);
  const results = await get(`/beheer/enquetes/${id}/resultaten`, staff);
  assert.equal(results.statusCode, 200);
  assert.match(results.body, /1 gemeenten hebben de vragenlijst ingediend/);
  assert.match(results.body, /<svg class="gaz-survey-chart"/);
  assert.equal((await postForm(t, staff, `/beheer/enquetes/${id}/terugkoppeling`, {})).statusCode, 303);
  await jobs();
  assert.match((await get(`/beheer/enquetes/${id}/terugkoppeling`, staff)).body, /klaar — 1 \/ 1 \(100%\)/);
  const mail = (await emailsTo(t, AMS)).find((m) => m.subject.startsWith('Terugkoppeling'))!;
  const token = /terugkoppeling\?token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
  const html = await get(`/enquete/terugkoppeling?token=${token}`);
  assert.equal(html.statusCode, 200);
  assert.match(html.body, /Terugkoppeling: Amsterdam/);
  const pdf = await get(`/enquete/terugkoppeling.pdf?token=${token}`);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  const dir = mkdtempSync(join(tmpdir(), 'gaz-survey-pdf-'));
  writeFileSync(join(dir, 'r.pdf'), pdf.rawPayload);
  const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-']).toString();
  assert.match(text, /Terugkoppeling Proefenquête — Amsterdam/);
  assert.match(text, /Heeft u beleid\?/);
  const info = execFileSync('pdfinfo', [join(dir, 'r.pdf')]).toString();
  assert.match(info, /Tagged:\s+yes/);
  assert.match(info, /Title:\s+Terugkoppeling Proefenquête — Amsterdam/);
  assert.match(pdf.rawPayload.toString('latin1'), /\/Lang \(nl-NL\)/);
  execFileSync('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '1', join(dir, 'r.pdf'), join(dir, 'page')]);
});

test('publish: the public page and downloads, small groups hidden and said so', async () => {
  assert.equal((await get('/enquetes/proefenquete')).statusCode, 404, 'not before publication');
  assert.equal((await postForm(t, staff, `/beheer/enquetes/${id}/status`, { to: 'published' })).statusCode, 303);
  const page = await get('/enquetes/proefenquete');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Groepen met minder dan 5 respondenten tonen wij niet/);
  assert.match(page.body, /niet getoond: minder dan 5 respondenten/);
  assert.doesNotMatch(page.body, /Toelichting/, 'open answers stay in the staff area');
  const csv = await get('/enquetes/proefenquete/resultaten.csv');
  assert.match(csv.body, /minder dan 5 respondenten/);
  assert.equal((await get('/enquetes/proefenquete/resultaten.xlsx')).statusCode, 200);
});
