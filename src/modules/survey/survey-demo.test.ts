// The demo scenario on a real database: the 2019 baseline (355 invited on 2019-04-01, closing
// 2019-04-25, 135 answered = 38 %, published, with feedback reports) and a later round, open, on
// the 342 municipalities of 2025, compared with 2019 across the mergers. Loading twice adds nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TestApp } from '../../../test/helpers/app.ts';
import { createAtlasTestApp } from '../../../test/helpers/atlas.ts';
import { loginAs } from '../../../test/helpers/auth.ts';
import { loadDemo } from '../../demo/index.ts';
import { BASELINE_TITLE, loadSurveyDemo } from './demo.ts';
import { selectInvitation, selectRecipients } from './invitations.queries.ts';
import { liveReport } from './reports.service.ts';
import { countReports } from './responses.queries.ts';
import { listSurveys, requireSurvey } from './surveys.service.ts';

let t: TestApp;
const lines: string[] = [];

before(async () => {
  t = await createAtlasTestApp(() => new Date());
  // The whole scenario in its order (accounts, network, advice contacts, …, surveys).
  await loadDemo(t.deps, (l) => lines.push(l));
});
after(async () => t?.close());

test('the 2019 baseline: 355 invited on 2019-04-01, 135 answered (38 %), published, a feedback report for each', async () => {
  const baseline = (await listSurveys(t.deps.db)).find((s) => s.title.nl === BASELINE_TITLE)!;
  assert.equal(baseline.status, 'published');
  assert.deepEqual([baseline.referenceDate, baseline.opensOn, baseline.closesOn], ['2019-04-01', '2019-04-01', '2019-04-25']);
  const rate = (await t.app.inject({ url: `/api/v1/surveys/${baseline.id}/response-rate` })).json();
  assert.deepEqual([rate.invited, rate.submitted, rate.rate], [355, 135, 0.38]);
  assert.ok(rate.started > 135, 'some began and never submitted');
  assert.deepEqual(await countReports(t.deps.db, baseline.id), { generated: 135, emailed: 135 });
  const page = await t.app.inject({ url: `/enquetes/${baseline.slug}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /135 gemeenten deden mee \(38%\)/);
  for (const role of [
    'Signaleren',
    'Beleidsmaker en regelgever',
    'Regisseur van de integrale aanpak',
    'Opvang en zorg voor slachtoffers',
  ]) {
    assert.match(page.body, new RegExp(role));
  }
  assert.match(page.body, /niet getoond/, 'small groups are hidden on the public page');
});

test('the later round: open on the municipalities of 2025, compared with 2019 across mergers', async () => {
  const later = (await listSurveys(t.deps.db)).find((s) => s.status === 'open')!;
  assert.equal(later.referenceDate, '2025-01-01');
  const rate = (await t.app.inject({ url: `/api/v1/surveys/${later.id}/response-rate` })).json();
  assert.equal(rate.invited, 342);
  assert.equal(rate.submitted, 70);
  const def = await requireSurvey(t.deps.db, later.id);
  const report = await liveReport(t.deps.db, def, 'GM1982');
  const labels = report!.sections.flatMap((s) => s.items).flatMap((i) => i.previous.map((p) => p.label.nl));
  assert.ok(labels.includes('Voorganger Boxmeer (opgegaan in uw gemeente)'), labels.join(', '));
  const staff = await loginAs(t, 'adviser');
  const tracking = await t.app.inject({ url: `/beheer/enquetes/${later.id}/voortgang`, cookies: staff.cookies });
  assert.equal(tracking.statusCode, 200);
  assert.equal((tracking.body.match(/<path d=/g) ?? []).length >= 342, true, 'the choropleth of 2025');
  assert.ok(lines.some((l) => /personal link for Utrecht \(demo\): http/.test(l)));
  // Invitations go to the advice module's contacts where a municipality has them (Amsterdam does).
  const amsterdam = (await selectInvitation(t.deps.db, later.id, 'GM0363'))!;
  const recipients = (await selectRecipients(t.deps.db, later.id)).filter((r) => Number(r.invitation_id) === Number(amsterdam.id));
  assert.ok(recipients.length > 0 && recipients.every((r) => r.contact_id !== null), 'advice contacts, resolved when mailing');
  const detail = await t.app.inject({ url: `/beheer/enquetes/${later.id}/uitnodigingen/GM0363`, cookies: staff.cookies });
  assert.match(detail.body, /name="contact" value="\d+" checked/);
});

test('loading the demo twice adds nothing', async () => {
  const before = (await listSurveys(t.deps.db)).length;
  await loadSurveyDemo(t.deps);
  assert.equal((await listSurveys(t.deps.db)).length, before);
});
