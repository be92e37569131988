// The advice module in the public cache (ADR 0016), over real HTTP with two app instances on one
// database (SQLite, or PostgreSQL with TEST_DATABASE_URL). Its public face is its panel on the
// municipality profile /gemeenten/{code}: the panel names its data version, so the profile is kept
// (the second answer from the edge cache, ETag and 304); an adviser publishing a profile or an admin
// changing who is responsible is seen at once on the writing instance and within the 2 s trust on
// the other. The support form and its confirmation are kept too: the form carries no per-visitor CSRF
// token (ADR 0020), and a newly published adviser is on it at once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestApp } from '../../../test/helpers/app.ts';
import { createAtlasTestApp } from '../../../test/helpers/atlas.ts';
import { createUser, type TestUser } from '../../../test/helpers/auth.ts';
import { assertKept, bodyText, type TwoInstances, twoInstances, until } from '../../../test/helpers/two-instances.ts';
import { saveOwnProfile, saveSettings } from './settings.service.ts';

let t: TestApp;
let two: TwoInstances;
let adviser: TestUser;
let other: TestUser;
const PROFILE = '/gemeenten/GM0363?datum=2019-09-30';
const ctx = (u: TestUser) => ({ db: t.deps.db, actor: { userId: u.id, label: 'test' }, now: new Date('2019-10-01T10:00:00Z') });
const profile = (displayName: string) => ({ displayName, roleTitle: 'adviseur', organisation: 'CoMensha', published: true });

before(async () => {
  t = await createAtlasTestApp(new Date('2019-10-01T10:00:00Z'));
  adviser = await createUser(t.deps, { role: 'adviser', name: 'Anna' });
  other = await createUser(t.deps, { role: 'adviser', name: 'Bart' });
  await saveOwnProfile(ctx(adviser), adviser.id, profile('Anna de Vries'));
  await saveOwnProfile(ctx(other), other.id, profile('Bart Jansen'));
  two = await twoInstances(t);
});
after(async () => {
  await two?.close();
  await t?.close();
});

describe('the advice panel in the public cache, on two instances', () => {
  test('the profile page is kept, and who is responsible is seen at once here and within seconds there', async () => {
    assert.doesNotMatch(await assertKept(two, PROFILE, { 'accept-encoding': 'br' }), /Adviseur voor deze gemeente/);

    await saveSettings(ctx(adviser), { threshold: 3, advisers: {}, fallback: adviser.id });
    assert.match(
      bodyText(await two.getA(PROFILE, { 'accept-encoding': 'br' })),
      /Adviseur voor deze gemeente: Anna de Vries/,
      'at once on A',
    );
    assert.ok(
      (await until(
        () => two.getB(PROFILE),
        (a) => /Anna de Vries/.test(bodyText(a)),
      )) > 0,
      'on B',
    );
    assert.match(await assertKept(two, PROFILE, { 'accept-encoding': 'br' }), /Anna de Vries/);

    await saveSettings(ctx(adviser), { threshold: 3, advisers: {}, fallback: other.id });
    assert.match(bodyText(await two.getA(PROFILE)), /Bart Jansen/, 'at once on A');
    assert.ok(
      (await until(
        () => two.getB(PROFILE),
        (a) => /Bart Jansen/.test(bodyText(a)),
      )) > 0,
      'on B',
    );
  });

  test('an adviser changing the public profile is seen at once', async () => {
    await saveOwnProfile(ctx(other), other.id, { ...profile('Bart Jansen'), roleTitle: 'senior adviseur' });
    assert.match(bodyText(await two.getA(PROFILE)), /Bart Jansen, senior adviseur/);
    await saveOwnProfile(ctx(other), other.id, { ...profile('Bart Jansen'), published: false });
    assert.doesNotMatch(bodyText(await two.getA(PROFILE)), /Bart Jansen/, 'no longer published');
  });

  test('the support form is kept, without a token, and a newly published adviser is on it at once', async () => {
    const form = await two.getA('/ondersteuning');
    assert.equal(form.status, 200);
    assert.equal(form.headers['set-cookie'], undefined, 'no CSRF cookie');
    assert.doesNotMatch(bodyText(form), /name="_csrf"/);
    assert.match(await assertKept(two, '/ondersteuning', { 'accept-encoding': 'br' }), /Anna de Vries/);
    await saveOwnProfile(ctx(adviser), adviser.id, { ...profile('Anna de Vries'), roleTitle: 'regioadviseur' });
    assert.match(bodyText(await two.getA('/ondersteuning', { 'accept-encoding': 'br' })), /regioadviseur/, 'at once on A');
    assert.ok(
      (await until(
        () => two.getB('/ondersteuning'),
        (b) => /regioadviseur/.test(bodyText(b)),
      )) > 0,
      'on B',
    );
    await assertKept(two, '/ondersteuning/verzonden');
  });
});
