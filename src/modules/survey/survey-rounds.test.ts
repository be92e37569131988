// Rounds on a real database: importing a round run elsewhere (dry run naming every column, row and
// cell it cannot map), the suppression rule on the public API against the staff view (and the
// admin's threshold), copying a round, refusal of changes that would break given answers, and the
// merger carry-over into a later round on the map of 2025.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TestApp } from '../../../test/helpers/app.ts';
import { createAtlasTestApp } from '../../../test/helpers/atlas.ts';
import { type LoggedIn, loginAs, postForm } from '../../../test/helpers/auth.ts';
import { selectInvitation } from './invitations.queries.ts';
import { liveReport } from './reports.service.ts';
import { saveAnswers, submitResponse } from './responses.service.ts';
import { forgetResults } from './results.service.ts';
import { changeStatus, requireSurvey, updateSurvey } from './surveys.service.ts';
import { fixtureSurvey } from './testing/fixtures.ts';

let t: TestApp;
let staff: LoggedIn;
let admin: LoggedIn;
let earlier: number;
let later: number;
const BRABANT = ['GM0756', 'GM1684', 'GM0743', 'GM0744', 'GM0748', 'GM0753', 'GM0755', 'GM0757', 'GM0758', 'GM0762'];

before(async () => {
  t = await createAtlasTestApp(() => new Date());
  staff = await loginAs(t, 'adviser');
  admin = await loginAs(t, 'admin');
  earlier = (await fixtureSurvey(t.deps, { codes: [], title: 'Ronde 2019 elders' })).id;
});
after(async () => t?.close());

const csv = [
  'gemeentecode;Heeft u beleid?;partners;kleur;provincie',
  ...BRABANT.map((c, i) => `${c};${i % 3 === 0 ? 'nee' : 'ja'};${i % 2 === 0 ? 'Politie|Zorgcoördinator' : 'politie'};;Noord-Brabant`),
  'GM0014;ja;zorg;;Groningen',
  'GM1895;weet niet;politie;;Groningen',
  'GM9999;ja;politie;;',
  'GM0363;misschien;politie;;',
].join('\n');

test('import: the dry run names every column, row and cell it cannot map; the import takes the rows without problems', async () => {
  const dry = await postForm(t, staff, `/beheer/enquetes/${earlier}/import`, { csv, mode: 'proef' });
  assert.equal(dry.statusCode, 200);
  assert.match(dry.body, /14 rijen gelezen; 12 zonder problemen; 3 problemen/);
  assert.match(dry.body, /kleur<\/td><td class="utrecht-table__cell">niet te koppelen/);
  assert.match(dry.body, /GM9999 bestond niet op de peildatum 2019-04-01/);
  assert.match(dry.body, /<td class="utrecht-table__cell">misschien<\/td><td class="utrecht-table__cell">onbekend antwoord/);
  const done = await postForm(t, staff, `/beheer/enquetes/${earlier}/import`, { csv, mode: 'importeren' });
  assert.equal(done.statusCode, 200);
  assert.match(done.body, /12 gemeenten geïmporteerd als ingediende antwoorden/);
  const def = await requireSurvey(t.deps.db, earlier);
  assert.equal(def.status, 'closed', 'an imported draft is a closed round');
  const again = await postForm(t, staff, `/beheer/enquetes/${earlier}/import`, { csv, mode: 'proef' });
  assert.match(again.body, /Boxmeer heeft al een antwoord in deze enquête/);
});

test('suppression: the public API hides small groups (and the group that would give one away); staff see all; the threshold is a setting', async () => {
  const ctx = { db: t.deps.db, actor: { userId: null, label: 'test' }, now: new Date() };
  await changeStatus(ctx, earlier, 'published', new Date().toISOString().slice(0, 10));
  const pub = (await t.app.inject({ url: `/api/v1/surveys/${earlier}/results` })).json();
  const q = pub.questions.find((x: { key: string }) => x.key === 'beleid');
  assert.equal(pub.threshold, 5);
  assert.equal(q.country.respondents, 12);
  const province = (code: string) => q.byProvince.find((p: { code: string }) => p.code === code);
  assert.equal(province('PV20').suppressed, 'small', 'Groningen: 2 respondents');
  assert.equal(province('PV20').counts, null);
  assert.equal(province('PV30').suppressed, 'complementary', 'Noord-Brabant would give Groningen away by subtraction');
  assert.equal(
    pub.questions.some((x: { type: string }) => x.type === 'long_text'),
    false,
  );
  const rate = (await t.app.inject({ url: `/api/v1/surveys/${earlier}/response-rate` })).json();
  assert.deepEqual(Object.keys(rate), ['invited', 'started', 'submitted', 'rate', 'byProvince', 'bySizeClass']);
  assert.equal(rate.invited, 355);
  assert.equal(rate.submitted, 12);
  assert.equal(rate.byProvince.find((p: { code: string }) => p.code === 'PV20').submitted, null);
  assert.equal((await postForm(t, admin, '/beheer/enquetes/instellingen', { threshold: '0' })).statusCode, 400);
  assert.equal((await postForm(t, admin, '/beheer/enquetes/instellingen', { threshold: '1' })).statusCode, 303);
  forgetResults(t.deps.db);
  const open = (await t.app.inject({ url: `/api/v1/surveys/${earlier}/results` })).json();
  assert.equal(open.questions[0].byProvince.find((p: { code: string }) => p.code === 'PV20').respondents, 2);
  await postForm(t, admin, '/beheer/enquetes/instellingen', { threshold: '5' });
});

test('a new round by copy, on the map of 2025: text fixes pass, breaking changes are refused with the reason', async () => {
  const copied = await postForm(t, staff, `/beheer/enquetes/${earlier}/kopie`, {});
  assert.equal(copied.statusCode, 303);
  const id = Number(/\/beheer\/enquetes\/(\d+)/.exec(String(copied.headers.location))![1]);
  const ctx = { db: t.deps.db, actor: { userId: null, label: 'test' }, now: new Date() };
  const copy = await requireSurvey(t.deps.db, id);
  assert.equal(copy.previousSurveyId, earlier);
  assert.deepEqual(
    copy.sections[0].questions.map((q) => q.key),
    ['beleid', 'partners'],
  );
  await updateSurvey(ctx, id, {
    title: { nl: 'Ronde 2025', en: 'Round 2025' },
    intro: copy.intro,
    referenceDate: '2025-01-01',
    opensOn: '2025-03-01',
    closesOn: '2099-12-31',
    reminderDays: [],
    previousSurveyId: earlier,
  });
  await changeStatus(ctx, id, 'open', new Date().toISOString().slice(0, 10));
  assert.match(
    (await t.app.inject({ url: `/beheer/enquetes/${id}/uitnodigingen`, cookies: staff.cookies })).body,
    /342 gemeenten op de peildatum 2025-01-01/,
  );
  const def = await requireSurvey(t.deps.db, id);
  const [beleid, partners] = def.sections[0].questions;
  for (const code of ['GM1982', 'GM0758', 'GM0743', 'GM0744', 'GM0748', 'GM0753']) {
    const invitation = (await selectInvitation(t.deps.db, id, code))!;
    await saveAnswers(
      ctx,
      {
        survey: def,
        invitation,
        baseVersion: 0,
        changes: [
          { questionId: beleid.id, value: 'ja' },
          { questionId: partners.id, value: ['politie'] },
        ],
        who: 'test',
      },
      '2025-03-10',
    );
    await submitResponse(ctx, { survey: def, invitation, who: 'test', confirmTo: [] }, '2025-03-10');
  }
  const edit = (fields: Record<string, string>) =>
    postForm(t, staff, `/beheer/enquetes/${id}/vragen/${partners.id}`, {
      key: 'partners',
      type: 'multiple',
      textNl: 'Met wie werkt uw gemeente samen?',
      o0_value: 'politie',
      o0_nl: 'Politie',
      o1_value: 'zorg',
      o1_nl: 'Zorgcoördinator',
      ...fields,
    });
  assert.equal((await edit({})).statusCode, 303, 'a text fix');
  const removed = await edit({ o0_remove: '1', o2_nl: 'RIEC' });
  assert.equal(removed.statusCode, 400);
  assert.match(removed.body, /Antwoord ‘Politie’ kan niet weg: 6 gemeente\(n\) kozen het/);
  const retyped = await edit({ type: 'single' });
  assert.match(retyped.body, /Het soort vraag kan niet meer veranderen/);
  const deleted = await postForm(t, staff, `/beheer/enquetes/${id}/vragen/${beleid.id}/verwijderen`, {});
  assert.equal(deleted.statusCode, 409);
  assert.match(deleted.body, /Deze vraag kan niet weg: 6 gemeente\(n\) hebben haar beantwoord/);

  later = id;
});

test('merger carry-over: Land van Cuijk (2022) sees the 2019 answers of its predecessors Boxmeer and Cuijk, labelled', async () => {
  const id = later;
  const report = await liveReport(t.deps.db, await requireSurvey(t.deps.db, id), 'GM1982');
  const item = report!.sections[0].items[0];
  assert.deepEqual(
    item.previous.map((p) => `${p.label.nl}: ${p.answer.nl}`),
    ['Voorganger Boxmeer (opgegaan in uw gemeente): Nee', 'Voorganger Cuijk (opgegaan in uw gemeente): Ja'],
  );
  assert.equal(item.change, 'changed');
  const breda = await liveReport(t.deps.db, await requireSurvey(t.deps.db, id), 'GM0758');
  assert.deepEqual(
    breda!.sections[0].items[0].previous.map((p) => p.label.nl),
    ['Uw gemeente'],
  );
  const page = await t.app.inject({ url: `/beheer/enquetes/${id}/terugkoppeling/GM1982`, cookies: staff.cookies });
  assert.match(page.body, /Voorganger Boxmeer \(opgegaan in uw gemeente\): Nee/);
});
