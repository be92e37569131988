// Answering, on a real database: errors beside the field while the valid answers are saved, two
// colleagues saving at once (nothing lost silently, the second is told what changed), a double
// submit, the lock after submitting and staff reopening, and who may use which link or account.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TestApp } from '../../../test/helpers/app.ts';
import { createAtlasTestApp } from '../../../test/helpers/atlas.ts';
import { loginAs, postForm } from '../../../test/helpers/auth.ts';
import { factoriesFor } from '../../../test/helpers/factories.ts';
import { emailsTo } from '../../../test/helpers/records.ts';
import { responseState } from './responses.service.ts';
import { type Fixture, fixtureSurvey } from './testing/fixtures.ts';
import { hiddenFields, postAsVisitor, visitor } from './testing/http.ts';

let t: TestApp;
let f: Fixture;
let token: string;
const AMS = 'GM0363';

before(async () => {
  t = await createAtlasTestApp(() => new Date());
  f = await fixtureSurvey(t.deps, { status: 'open', title: 'Respondenttest' });
  token = f.tokens.get(AMS)!;
});
after(async () => t?.close());

const [Q1, Q2] = [() => f.questionIds[0], () => f.questionIds[1]];
const json = (page: { cookies: Record<string, string>; html: string }, body: Record<string, unknown>) =>
  t.app.inject({
    method: 'POST',
    url: '/enquete/antwoord',
    cookies: page.cookies,
    headers: { 'content-type': 'application/json', 'x-csrf-token': hiddenFields(page.html)._csrf },
    payload: JSON.stringify({ token, ...body }),
  });

test('an invalid answer is named beside its field (400) while the valid ones are saved; nothing typed is lost', async () => {
  const page = await visitor(t, `/enquete/sectie/1?token=${token}`);
  const res = await postAsVisitor(t, page, '/enquete/sectie/1', { [`q${Q1()}`]: 'ja', [`q${Q2()}`]: ['politie', 'onbekend'], ga: 'blijf' });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /id="field-q\d+-error"[^>]*><span class="gaz-visually-hidden">Fout: <\/span>Kies uit de aangeboden antwoorden\./);
  assert.match(res.body, /<a class="utrecht-link" href="#field-q\d+">Met wie werkt u samen\?: Kies uit de aangeboden antwoorden\./);
  assert.match(res.body, new RegExp(`name="q${Q2()}" value="politie" checked`), 'the choice made stays ticked');
  assert.deepEqual((await responseState(t.deps.db, f.id, AMS)).answers, { [Q1()]: 'ja' });
});

test('two colleagues at once: an untouched field keeps the other’s answer; the same field is a 409 that shows both, and saves nothing silently', async () => {
  const a = await visitor(t, `/enquete/sectie/1?token=${token}`);
  const b = await visitor(t, `/enquete/sectie/1?token=${token}`);
  // B, field by field (the island), changes question 2.
  const saved = await json(b, { version: Number(hiddenFields(b.html).version), questionId: Q2(), value: ['zorg'] });
  assert.equal(saved.statusCode, 200);
  assert.equal(saved.json().saved, true);
  // A saves the whole part, changing question 1 only: B's answer to question 2 stays and A is told.
  const first = await postAsVisitor(t, a, '/enquete/sectie/1', { [`q${Q1()}`]: 'nee', ga: 'blijf' });
  assert.equal(first.statusCode, 303);
  assert.match(String(first.headers.location), new RegExp(`bijgewerkt=${Q2()}`));
  const after1 = await responseState(t.deps.db, f.id, AMS);
  assert.deepEqual(after1.answers, { [Q1()]: 'nee', [Q2()]: ['zorg'] });
  const told = await t.app.inject({ url: String(first.headers.location) });
  assert.match(
    told.body,
    /Een collega heeft intussen ook antwoorden gewijzigd\. U ziet hieronder hun antwoord bij: Met wie werkt u samen\?/,
  );
  // A, still on the old page, now changes question 2 as well: a conflict.
  const second = await postAsVisitor(t, a, '/enquete/sectie/1', { [`q${Q1()}`]: 'nee', [`q${Q2()}`]: ['politie'], ga: 'blijf' });
  assert.equal(second.statusCode, 409);
  assert.match(second.body, /Een collega \(persoonlijke link\) heeft dit antwoord op .* gewijzigd in ‘Zorgcoördinator’/);
  assert.match(second.body, new RegExp(`name="q${Q2()}" value="politie" checked`), 'what A chose is kept on the page');
  assert.deepEqual((await responseState(t.deps.db, f.id, AMS)).answers[Q2()], ['zorg'], 'not overwritten');
  // Saving again from the conflict page is a deliberate choice: it goes through.
  const again = await postAsVisitor(t, { cookies: a.cookies, html: second.body }, '/enquete/sectie/1', {
    [`q${Q1()}`]: 'nee',
    [`q${Q2()}`]: ['politie'],
    ga: 'blijf',
  });
  assert.equal(again.statusCode, 303);
  assert.deepEqual((await responseState(t.deps.db, f.id, AMS)).answers[Q2()], ['politie']);
});

test('the island’s save from an old version of a field a colleague changed is a conflict with their answer in words', async () => {
  const page = await visitor(t, `/enquete/sectie/1?token=${token}`);
  const version = Number(hiddenFields(page.html).version);
  assert.equal((await json(page, { version, questionId: Q1(), value: 'ja' })).json().saved, true);
  const stale = await json(page, { version, questionId: Q1(), value: null });
  assert.equal(stale.statusCode, 200);
  assert.equal(stale.json().saved, false);
  assert.equal(stale.json().conflict.theirsText, 'Ja');
  const bad = await json(page, { version, questionId: Q1(), value: 'misschien' });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error, 'Kies een van de aangeboden antwoorden.');
});

test('a double submit is harmless: one submission, one confirmation; then the answers are locked until staff reopen', async () => {
  const review = await visitor(t, `/enquete/controle?token=${token}`);
  const [one, two] = await Promise.all([
    postAsVisitor(t, review, '/enquete/indienen', {}),
    postAsVisitor(t, review, '/enquete/indienen', {}),
  ]);
  assert.deepEqual([one.statusCode, two.statusCode], [303, 303]);
  const third = await postAsVisitor(t, review, '/enquete/indienen', {});
  assert.equal(third.statusCode, 303);
  const confirmations = (await emailsTo(t, 'fixture-gm0363@voorbeeld.invalid')).filter((m) => m.subject.startsWith('Ontvangen'));
  assert.equal(confirmations.length, 1);
  const page = await visitor(t, `/enquete/sectie/1?token=${token}`);
  assert.match(page.html, /U kunt deze antwoorden bekijken maar niet meer wijzigen/);
  const locked = await postAsVisitor(t, page, '/enquete/sectie/1', { [`q${Q1()}`]: 'nee' });
  assert.equal(locked.statusCode, 409);
  assert.match(locked.body, /De antwoorden zijn ingediend en liggen vast/);
  const staff = await loginAs(t, 'adviser');
  assert.equal((await postForm(t, staff, `/beheer/enquetes/${f.id}/uitnodigingen/${AMS}/heropenen`, {})).statusCode, 303);
  assert.equal((await responseState(t.deps.db, f.id, AMS)).status, 'in_progress');
  const reopened = await visitor(t, `/enquete/sectie/1?token=${token}`);
  assert.equal((await postAsVisitor(t, reopened, '/enquete/sectie/1', { [`q${Q1()}`]: 'nee', ga: 'blijf' })).statusCode, 303);
});

test('links: unknown 404, revoked 403; a municipality account answers for its own municipality only', async () => {
  assert.equal((await t.app.inject({ url: '/enquete?token=x'.padEnd(60, 'x') })).statusCode, 404);
  const staff = await loginAs(t, 'adviser');
  const other = await fixtureSurvey(t.deps, { status: 'open' });
  assert.equal((await postForm(t, staff, `/beheer/enquetes/${other.id}/uitnodigingen/${AMS}/intrekken`, {})).statusCode, 303);
  const revoked = await t.app.inject({ url: `/enquete?token=${other.tokens.get(AMS)}` });
  assert.equal(revoked.statusCode, 403);
  assert.match(revoked.body, /Deze link is ingetrokken/);
  const make = factoriesFor(t.deps);
  const amsterdam = await loginAs(t, await make.municipalityUser(AMS));
  const own = await t.app.inject({ url: `/mijn-gemeente/${AMS}/enquetes/${other.id}`, cookies: amsterdam.cookies });
  assert.equal(own.statusCode, 200);
  assert.match(own.body, /Gemeente <strong>Amsterdam<\/strong>/);
  const theirs = await t.app.inject({ url: `/mijn-gemeente/GM0014/enquetes/${other.id}`, cookies: amsterdam.cookies });
  assert.equal(theirs.statusCode, 403, 'the pipeline refuses another municipality');
  const list = await t.app.inject({ url: '/mijn-gemeente/enquetes', cookies: amsterdam.cookies });
  assert.match(list.body, new RegExp(`/mijn-gemeente/${AMS}/enquetes/${other.id}`));
  const saved = await postForm(t, amsterdam, `/mijn-gemeente/${AMS}/enquetes/${other.id}/sectie/1`, {
    [`q${other.questionIds[0]}`]: 'ja',
    [`h${other.questionIds[0]}`]: '',
    ga: 'verder',
  });
  assert.equal(saved.statusCode, 303);
  const state = await responseState(t.deps.db, other.id, AMS);
  assert.match(state.meta[other.questionIds[0]][2], /^Test municipality/, 'colleagues see who saved');
});
