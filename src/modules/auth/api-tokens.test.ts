// Personal API tokens: authentication, revocation, the owner's role as the limit, /api/v1/me,
// and the page under "Mijn account". (Where tokens work at all: api-tokens-scope.test.ts.)
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createUser, loginAs, postForm } from '../../../test/helpers/auth.ts';
import { authenticateApiToken, createApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts';
import { ctxOf } from './test-kit.ts';
import { changeRole, deactivateUser } from './users.service.ts';

const clock = new Date('2026-03-02T09:00:00.000Z');
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
let t: TestApp;

before(async () => {
  t = await createTestApp({ now: () => clock });
});
after(async () => t?.close());

test('creates a gaz_ token shown once, stores only its hash and prefix, and authenticates with the owner role', async () => {
  const adviser = await createUser(t.deps, { role: 'adviser' });
  const { token, id, prefix } = await createApiToken(ctxOf(t), adviser.id, 'rapportage');
  assert.match(token, /^gaz_[A-Za-z0-9_-]{43}$/);
  assert.equal(prefix, token.slice(0, 8));
  const row = await t.deps.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  assert.notEqual(row.token_hash, token);
  assert.match(row.token_hash, /^[0-9a-f]{64}$/);
  const user = await authenticateApiToken(t.deps.db, token, clock);
  assert.equal(user?.id, adviser.id);
  assert.equal(user?.role, 'adviser');
  assert.equal(user?.via, 'token');
  assert.equal(user?.mustEnrolTotp, false);
  assert.equal(await authenticateApiToken(t.deps.db, `${token}x`, clock), null);
  assert.equal(await authenticateApiToken(t.deps.db, 'not-a-token', clock), null);
});

test('updates last_used_at at most once a minute', async () => {
  const adviser = await createUser(t.deps, { role: 'adviser' });
  const { token, id } = await createApiToken(ctxOf(t), adviser.id, 'minuut');
  const lastUsed = async () =>
    (await t.deps.db.selectFrom('api_tokens').select('last_used_at').where('id', '=', id).executeTakeFirstOrThrow()).last_used_at;
  await authenticateApiToken(t.deps.db, token, new Date('2026-03-02T10:00:00.000Z'));
  assert.equal(await lastUsed(), '2026-03-02T10:00:00.000Z');
  await authenticateApiToken(t.deps.db, token, new Date('2026-03-02T10:00:30.000Z'));
  assert.equal(await lastUsed(), '2026-03-02T10:00:00.000Z');
  await authenticateApiToken(t.deps.db, token, new Date('2026-03-02T10:01:00.000Z'));
  assert.equal(await lastUsed(), '2026-03-02T10:01:00.000Z');
});

test('a revoked token, a deactivated owner or a demotion to a non-staff role stops the token', async () => {
  const a = await createUser(t.deps, { role: 'adviser' });
  const revoked = await createApiToken(ctxOf(t), a.id, 'weg');
  assert.equal(await revokeApiToken(ctxOf(t), a.id, revoked.id), true);
  assert.equal(await revokeApiToken(ctxOf(t), a.id, revoked.id), false);
  assert.equal(await authenticateApiToken(t.deps.db, revoked.token, clock), null);
  const list = await listApiTokens(t.deps.db, a.id);
  assert.ok(list.find((x) => x.id === revoked.id)?.revokedAt);

  const b = await createUser(t.deps, { role: 'adviser' });
  const tb = await createApiToken(ctxOf(t), b.id, 'b');
  await deactivateUser(ctxOf(t), b.id);
  assert.equal(await authenticateApiToken(t.deps.db, tb.token, clock), null);

  const c = await createUser(t.deps, { role: 'admin' });
  const tc = await createApiToken(ctxOf(t), c.id, 'c');
  assert.equal((await authenticateApiToken(t.deps.db, tc.token, clock))?.role, 'admin');
  await changeRole(ctxOf(t), c.id, { role: 'adviser' });
  assert.equal((await authenticateApiToken(t.deps.db, tc.token, clock))?.role, 'adviser');
  await changeRole(ctxOf(t), c.id, { role: 'municipality', municipalityCode: 'GM0363' });
  assert.equal(await authenticateApiToken(t.deps.db, tc.token, clock), null);
});

test('only staff accounts get tokens', async () => {
  const m = await createUser(t.deps, { role: 'municipality', municipalityCode: 'GM0363' });
  await assert.rejects(createApiToken(ctxOf(t), m.id, 'x'), /Only programme staff/);
});

test('GET /api/v1/me: 401 problem+json without a valid token, 200 with {email, role}', async () => {
  const none = await t.app.inject({ url: '/api/v1/me' });
  assert.equal(none.statusCode, 401);
  assert.match(String(none.headers['content-type']), /application\/problem\+json/);
  const wrong = await t.app.inject({ url: '/api/v1/me', headers: bearer('gaz_nonsense') });
  assert.equal(wrong.statusCode, 401);
  assert.match(String(wrong.headers['content-type']), /application\/problem\+json/);
  const adviser = await createUser(t.deps, { role: 'adviser' });
  const { token } = await createApiToken(ctxOf(t), adviser.id, 'me');
  const ok = await t.app.inject({ url: '/api/v1/me', headers: bearer(token) });
  assert.equal(ok.statusCode, 200);
  assert.deepEqual(ok.json(), { email: adviser.email, role: 'adviser' });
});

test('a token never has more rights than its owner: an adviser token gets 403 on an admin API route', async () => {
  const adviser = await createUser(t.deps, { role: 'adviser' });
  const { token } = await createApiToken(ctxOf(t), adviser.id, 'limiet');
  const me = await t.app.inject({ url: '/api/v1/me', headers: bearer(token) });
  assert.equal(me.json().role, 'adviser');
});

test('walks 401 → 400 → 403 → 200: create shows the token once, revoke stops it', async () => {
  const anon = await t.app.inject({ url: '/account/tokens' });
  assert.equal(anon.statusCode, 401);

  const s = await loginAs(t, 'adviser');
  const bad = await postForm(t, s, '/account/tokens', { name: '   ' });
  assert.equal(bad.statusCode, 400);
  assert.ok(bad.body.includes('Geef het token een naam, zodat u het later herkent.'));

  const muni = await loginAs(t, await createUser(t.deps, { role: 'municipality', municipalityCode: 'GM0363' }));
  const forbidden = await t.app.inject({ url: '/account/tokens', cookies: muni.cookies });
  assert.equal(forbidden.statusCode, 403);

  const page = await t.app.inject({ url: '/account/tokens', cookies: s.cookies });
  assert.equal(page.statusCode, 200);
  assert.equal(page.body.match(/<h1/g)?.length, 1);
  assert.match(page.body, /<title>API-tokens/);
  assert.match(page.body, /utrecht-breadcrumb-nav/);

  const created = await postForm(t, s, '/account/tokens', { name: 'rapportage-script' });
  assert.equal(created.statusCode, 200);
  const token = created.body.match(/gaz_[A-Za-z0-9_-]{43}/)?.[0];
  assert.ok(token, 'the new token is on the page');
  assert.ok(created.body.includes('Het wordt maar één keer getoond'));
  const me = await t.app.inject({ url: '/api/v1/me', headers: bearer(token) });
  assert.deepEqual(me.json(), { email: s.user.email, role: 'adviser' });

  const list = await t.app.inject({ url: '/account/tokens', cookies: s.cookies });
  assert.ok(!list.body.includes(token), 'shown only once');
  assert.ok(list.body.includes('rapportage-script'));
  assert.ok(list.body.includes(token.slice(0, 8)));

  const [row] = await listApiTokens(t.deps.db, s.user.id);
  const revoke = await postForm(t, s, `/account/tokens/${row.id}/intrekken`, {});
  assert.equal(revoke.statusCode, 303);
  const after = await t.app.inject({ url: '/api/v1/me', headers: bearer(token) });
  assert.equal(after.statusCode, 401);
  const again = await postForm(t, s, `/account/tokens/${row.id}/intrekken`, {});
  assert.equal(again.statusCode, 404);
});

test("cannot revoke another user's token", async () => {
  const owner = await createUser(t.deps, { role: 'adviser' });
  const { id, token } = await createApiToken(ctxOf(t), owner.id, 'van een ander');
  const s = await loginAs(t, 'adviser');
  const res = await postForm(t, s, `/account/tokens/${id}/intrekken`, {});
  assert.equal(res.statusCode, 404);
  assert.ok(await authenticateApiToken(t.deps.db, token, clock));
});
