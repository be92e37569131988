// API tokens work on /api/v1 only (issue 12, point 2): on pages and forms a Bearer token is ignored
// (so CSRF and the session rules apply), and tokens of staff without two-step verification do not
// work at all. The reproductions of the report, then the rule for every route.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createUser, loginAs } from '../../../test/helpers/auth.ts';
import { authenticateApiToken, createApiToken, listApiTokens } from './api-tokens.ts';
import { ctxOf } from './test-kit.ts';
import { findUserById } from './users.service.ts';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const form = (fields: Record<string, string>) => ({
  payload: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});
let t: TestApp;

before(async () => {
  t = await createTestApp();
});
after(async () => t?.close());

test('an admin token cannot change a role through the back-office form (no CSRF, no session)', async () => {
  const admin = await createUser(t.deps, { role: 'admin' });
  const target = await createUser(t.deps, { role: 'municipality', municipalityCode: 'GM0363' });
  const { token } = await createApiToken(ctxOf(t), admin.id, 'script');
  const res = await t.app.inject({
    method: 'POST',
    url: `/beheer/gebruikers/${target.id}/rol`,
    headers: { ...bearer(token), ...form({ role: 'adviser' }).headers },
    payload: form({ role: 'adviser' }).payload,
  });
  assert.equal(res.statusCode, 401);
  assert.equal((await findUserById(t.deps.db, target.id))?.role, 'municipality');
  assert.equal((await t.app.inject({ url: '/beheer/gebruikers', headers: bearer(token) })).statusCode, 401);
  assert.equal((await t.app.inject({ url: '/account', headers: bearer(token) })).statusCode, 401);
});

test("an adviser's token cannot mint more tokens", async () => {
  const adviser = await createUser(t.deps, { role: 'adviser' });
  const { token } = await createApiToken(ctxOf(t), adviser.id, 'eerste');
  const { payload, headers } = form({ name: 'tweede' });
  const res = await t.app.inject({ method: 'POST', url: '/account/tokens', headers: { ...bearer(token), ...headers }, payload });
  assert.equal(res.statusCode, 401);
  assert.deepEqual(
    (await listApiTokens(t.deps.db, adviser.id)).map((x) => x.name),
    ['eerste'],
  );
});

test('with a session cookie beside it, a token adds nothing: the form still needs its CSRF token', async () => {
  const s = await loginAs(t, 'admin');
  const target = await createUser(t.deps, { role: 'municipality', municipalityCode: 'GM0363' });
  const { token } = await createApiToken(ctxOf(t), s.user.id, 'naast sessie');
  const { payload, headers } = form({ role: 'adviser' });
  const res = await t.app.inject({
    method: 'POST',
    url: `/beheer/gebruikers/${target.id}/rol`,
    cookies: s.cookies,
    headers: { ...bearer(token), ...headers },
    payload,
  });
  assert.equal(res.statusCode, 403);
  assert.match(res.body, /Het formulier is verlopen/);
  assert.equal((await findUserById(t.deps.db, target.id))?.role, 'municipality');
});

test('the token of staff who never enrolled two-step verification works nowhere, and no new one is made', async () => {
  const admin = await createUser(t.deps, { role: 'admin', totp: false });
  // A token made before the rule, or before two-step verification was reset: it must not work.
  const other = await createUser(t.deps, { role: 'admin' });
  const legacy = await createApiToken(ctxOf(t), other.id, 'x');
  await t.deps.db.updateTable('users').set({ totp_enabled_at: null, totp_secret: null }).where('id', '=', other.id).execute();
  assert.equal(await authenticateApiToken(t.deps.db, legacy.token, new Date()), null);
  assert.equal((await t.app.inject({ url: '/api/v1/me', headers: bearer(legacy.token) })).statusCode, 401);
  await assert.rejects(createApiToken(ctxOf(t), admin.id, 'zonder tweestaps'), /two-step verification/);
});

test('on /api/v1 the token works as before', async () => {
  const adviser = await createUser(t.deps, { role: 'adviser' });
  const { token } = await createApiToken(ctxOf(t), adviser.id, 'api');
  const res = await t.app.inject({ url: '/api/v1/me', headers: bearer(token) });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { email: adviser.email, role: 'adviser' });
});
