// authenticateRequest: the user of a request from its session cookie or (on /api/v1 only) its API token.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createUser, loginAs } from '../../../test/helpers/auth.ts';
import { createApiToken } from './api-tokens.ts';
import { authenticateRequest } from './request-auth.ts';
import { hashSessionId, SESSION_COOKIE } from './sessions.ts';
import { client, ctxOf } from './test-kit.ts';

let t: TestApp;

before(async () => {
  t = await createTestApp();
});
after(async () => t?.close());

const resolve = (cookies: Record<string, string>, headers: Record<string, string> = {}, url = '/account') =>
  authenticateRequest(
    { headers, cookies, url } as unknown as FastifyRequest,
    { clearCookie: () => undefined } as unknown as FastifyReply,
    t.deps,
  );

test('makes a RequestUser from a full session, with mustEnrolTotp for staff without TOTP', async () => {
  const admin = await loginAs(t, await createUser(t.deps, { role: 'admin', totp: false }));
  const adviser = await loginAs(t, 'adviser');
  const muni = await loginAs(t, await createUser(t.deps, { role: 'municipality', municipalityCode: 'GM0363' }));
  const a = await resolve(admin.cookies);
  assert.equal(a?.role, 'admin');
  assert.equal(a?.mustEnrolTotp, true);
  assert.equal(a?.via, 'session');
  assert.equal(a?.sessionId, hashSessionId(admin.cookies[SESSION_COOKIE]));
  assert.equal((await resolve(adviser.cookies))?.mustEnrolTotp, false);
  const m = await resolve(muni.cookies);
  assert.equal(m?.mustEnrolTotp, false);
  assert.equal(m?.municipalityCode, 'GM0363');
});

test('gives no user without a cookie, for a malformed or unknown cookie, or a password-stage session', async () => {
  assert.equal(await resolve({}), null);
  assert.equal(await resolve({ [SESSION_COOKIE]: 'x' }), null);
  assert.equal(await resolve({ [SESSION_COOKIE]: 'A'.repeat(43) }), null);
  const adviser = await createUser(t.deps, { role: 'adviser' });
  const c = await client(t);
  await c.post('/inloggen', { email: adviser.email, password: adviser.password });
  assert.equal(await resolve(c.jar), null);
});

test('on /api/v1 a Bearer header is the API token and the cookie is ignored; elsewhere the header is ignored', async () => {
  const s = await loginAs(t, 'adviser');
  assert.equal(await resolve(s.cookies, { authorization: 'Bearer not-a-real-token' }, '/api/v1/me'), null);
  const { token } = await createApiToken(ctxOf(t), s.user.id, 'x');
  assert.equal((await resolve({}, { authorization: `Bearer ${token}` }, '/api/v1/me'))?.via, 'token');
  assert.equal(await resolve({}, { authorization: `Bearer ${token}` }, '/beheer'), null);
  assert.equal((await resolve(s.cookies, { authorization: `Bearer ${token}` }, '/beheer'))?.via, 'session');
});
