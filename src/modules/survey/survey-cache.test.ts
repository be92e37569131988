// The survey's public pages, downloads and API in the public cache (ADR 0016), over real HTTP with
// two app instances on one database (SQLite, or PostgreSQL with TEST_DATABASE_URL): kept (the second
// answer from the edge cache, ETag and 304); publishing a survey through the staff service and a
// municipality submitting its answers are seen at once on the writing instance and within the 2 s
// trust on the other; a signed-in member of staff (who sees drafts) is never answered from a copy.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestApp } from '../../../test/helpers/app.ts';
import { createAtlasTestApp } from '../../../test/helpers/atlas.ts';
import { loginAs } from '../../../test/helpers/auth.ts';
import { assertKept, bodyText, type TwoInstances, twoInstances, until } from '../../../test/helpers/two-instances.ts';
import { selectInvitation } from './invitations.queries.ts';
import { saveAnswers, submitResponse } from './responses.service.ts';
import { changeStatus, requireSurvey } from './surveys.service.ts';
import { type Fixture, fixtureSurvey } from './testing/fixtures.ts';

let t: TestApp;
let two: TwoInstances;
let published: Fixture;
let running: Fixture;
const today = () => new Date().toISOString().slice(0, 10);
const ctx = () => ({ db: t.deps.db, actor: { userId: null, label: 'test' }, now: new Date() });

before(async () => {
  t = await createAtlasTestApp(() => new Date());
  two = await twoInstances(t);
  published = await fixtureSurvey(t.deps, { status: 'published', submitted: ['GM0363'], title: 'Gepubliceerde enquête' });
  running = await fixtureSurvey(t.deps, { status: 'open', codes: ['GM0363', 'GM0014', 'GM0034'], title: 'Lopende enquête' });
});
after(async () => {
  await two?.close();
  await t?.close();
});

const submitted = (a: { body: Buffer; headers: Record<string, unknown> }) =>
  (JSON.parse(bodyText(a as Parameters<typeof bodyText>[0])) as { submitted: number | null }).submitted;

describe('surveys in the public cache, on two instances', () => {
  test('pages, downloads and API are kept; publishing is seen at once here and within seconds there', async () => {
    const routes = [
      '/enquetes',
      `/enquetes/${published.slug}`,
      `/enquetes/${published.slug}/resultaten.csv`,
      '/api/v1/surveys',
      `/api/v1/surveys/${published.id}/results`,
      `/api/v1/surveys/${published.id}/response-rate`,
    ];
    for (const path of routes) await assertKept(two, path, { 'accept-encoding': 'br' });
    assert.doesNotMatch(await assertKept(two, '/enquetes'), /Lopende enquête/, 'not published yet');

    await changeStatus(ctx(), running.id, 'closed', today());
    await changeStatus(ctx(), running.id, 'published', today());
    assert.match(bodyText(await two.getA('/enquetes', { 'accept-encoding': 'br' })), /Lopende enquête/, 'at once on A');
    assert.match(bodyText(await two.getA('/api/v1/surveys')), /"status":"published"[^}]*"resultsUrl":"[^"]*lopende-enquete/);
    assert.ok(
      (await until(
        () => two.getB('/enquetes'),
        (a) => /Lopende enquête/.test(bodyText(a)),
      )) > 0,
      'on B',
    );
    assert.equal((await two.getA(`/enquetes/${running.slug}`)).status, 200);
  });

  test('a municipality submitting changes the response rate at once on the writing instance', async () => {
    const other = await fixtureSurvey(t.deps, { status: 'open', codes: ['GM0363', 'GM0014'], title: 'Responsmeting' });
    const path = `/api/v1/surveys/${other.id}/response-rate`;
    await assertKept(two, path);
    assert.equal(submitted(await two.getA(path)), 0);
    const survey = await requireSurvey(t.deps.db, other.id);
    const invitation = (await selectInvitation(t.deps.db, other.id, 'GM0014'))!;
    await saveAnswers(
      ctx(),
      { survey, invitation, baseVersion: 0, changes: [{ questionId: other.questionIds[0], value: 'ja' }], who: 'test' },
      today(),
    );
    await submitResponse(ctx(), { survey: await requireSurvey(t.deps.db, other.id), invitation, who: 'test', confirmTo: [] }, today());
    const rate = JSON.parse(bodyText(await two.getA(path))) as { started: number | null; submitted: number | null; invited: number };
    assert.equal(rate.invited, 2);
    assert.equal(rate.submitted, 1, 'at once on A');
    assert.ok(
      (await until(
        () => two.getB(path),
        (a) => submitted(a) === 1,
      )) > 0,
      'on B',
    );
  });

  test('staff see drafts: their answers are never kept nor answered from a copy', async () => {
    const draft = await fixtureSurvey(t.deps, { title: 'Concept' });
    assert.doesNotMatch(await assertKept(two, '/api/v1/surveys'), /"status":"draft"/);
    const staff = await loginAs(t, 'adviser');
    const list = await t.app.inject({ url: '/api/v1/surveys', cookies: staff.cookies });
    assert.equal(list.statusCode, 200);
    assert.equal(list.headers['cache-control'], 'private, no-store');
    assert.ok(
      (list.json() as { data: { id: number }[] }).data.some((x) => x.id === draft.id),
      'staff see the draft',
    );
    assert.doesNotMatch(bodyText(await two.getA('/api/v1/surveys')), /"status":"draft"/, 'the public copy still has none');
  });
});
