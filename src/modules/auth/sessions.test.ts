// Sessions: idle and absolute expiry, how often activity is written (a small fraction of the idle
// timeout: issue 12, point 8), logout, the Secure flag, and a new CSRF secret at login (point 10).
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createUser, csrfFrom, formBody, loginAs, updateCookies } from '../../../test/helpers/auth.ts';
import { CSRF_COOKIE } from '../../http/csrf.ts';
import { hashSessionId, SESSION_COOKIE, touchIntervalMs } from './sessions.ts';
import { client } from './test-kit.ts';

let clock = new Date('2026-03-02T09:00:00.000Z');
let t: TestApp;
const later = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};
const account = (cookies: Record<string, string>) => t.app.inject({ url: '/account', cookies });

before(async () => {
  t = await createTestApp({ now: () => clock, config: { sessionIdleMinutes: 30, sessionAbsoluteMinutes: 12 * 60 } });
});
after(async () => t?.close());
beforeEach(() => later(24 * 3600_000));

test('expires after 30 idle minutes; the dead cookie is cleared and the row deleted', async () => {
  const s = await loginAs(t, 'municipality');
  later(29 * 60_000);
  assert.equal((await account(s.cookies)).statusCode, 200);
  later(29 * 60_000);
  assert.equal((await account(s.cookies)).statusCode, 200, 'activity keeps it alive');
  later(30 * 60_000);
  const res = await account(s.cookies);
  assert.equal(res.statusCode, 401);
  assert.equal(res.cookies.find((k) => k.name === SESSION_COOKIE)?.value, '');
  const left = await t.deps.db
    .selectFrom('sessions')
    .select('id_hash')
    .where('id_hash', '=', hashSessionId(s.cookies[SESSION_COOKIE]))
    .execute();
  assert.equal(left.length, 0);
});

test('expires 12 hours after login however active', async () => {
  const s = await loginAs(t, 'coordinator');
  for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
    later(20 * 60_000);
    assert.equal((await account(s.cookies)).statusCode, 200, `after ${minutes} min`);
  }
  later(20 * 60_000);
  assert.equal((await account(s.cookies)).statusCode, 401);
});

test('writes last_seen_at at most once a minute with a 30-minute idle timeout', async () => {
  const s = await loginAs(t, 'municipality');
  const idHash = hashSessionId(s.cookies[SESSION_COOKIE]);
  const seen = async () =>
    (await t.deps.db.selectFrom('sessions').select('last_seen_at').where('id_hash', '=', idHash).executeTakeFirstOrThrow()).last_seen_at;
  const start = await seen();
  later(30_000);
  await account(s.cookies);
  assert.equal(await seen(), start);
  later(31_000);
  await account(s.cookies);
  assert.equal(await seen(), clock.toISOString());
});

test('with SESSION_IDLE_MINUTES=1 a session in use every 50 seconds stays, an idle one ends after a minute', async () => {
  const short = await createTestApp({ now: () => clock, config: { sessionIdleMinutes: 1 } });
  try {
    const s = await loginAs(short, 'municipality');
    for (let i = 1; i <= 6; i++) {
      later(50_000);
      assert.equal((await short.app.inject({ url: '/account', cookies: s.cookies })).statusCode, 200, `request ${i}, ${i * 50} s in`);
    }
    later(61_000);
    assert.equal((await short.app.inject({ url: '/account', cookies: s.cookies })).statusCode, 401);
  } finally {
    await short.close();
  }
  assert.equal(touchIntervalMs(1), 3000);
  assert.equal(touchIntervalMs(30), 60_000);
});

test('logs out: the row is deleted, the cookie cleared, and the old cookie no longer works', async () => {
  const s = await loginAs(t, 'municipality');
  const res = await t.app.inject({ method: 'POST', url: '/uitloggen', cookies: s.cookies, ...formBody({ _csrf: s.csrf }) });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/');
  assert.equal(res.cookies.find((k) => k.name === SESSION_COOKIE)?.value, '');
  const rows = await t.deps.db.selectFrom('sessions').select('id_hash').where('user_id', '=', s.user.id).execute();
  assert.equal(rows.length, 0);
  assert.equal((await account(s.cookies)).statusCode, 401);
});

test('refuses logout without a CSRF token', async () => {
  const s = await loginAs(t, 'municipality');
  assert.equal((await t.app.inject({ method: 'POST', url: '/uitloggen', cookies: s.cookies })).statusCode, 403);
  assert.equal((await account(s.cookies)).statusCode, 200);
});

test('a login replaces the CSRF secret: a form token from before the login no longer works', async () => {
  const user = await createUser(t.deps, { role: 'municipality' });
  const c = await client(t);
  const before = { secret: c.jar[CSRF_COOKIE], token: c.csrf };
  const login = await c.post('/inloggen', { email: user.email, password: user.password });
  assert.equal(login.statusCode, 303);
  assert.ok(c.jar[CSRF_COOKIE] && c.jar[CSRF_COOKIE] !== before.secret, 'a new CSRF cookie with the login');
  const stale = await c.post('/account/wachtwoord', { current_password: user.password, new_password: 'x', confirm_password: 'x' });
  assert.equal(stale.statusCode, 403);
  assert.match(stale.body, /Het formulier is verlopen/);
  await c.get('/account');
  assert.notEqual(c.csrf, before.token);
  assert.equal((await c.post('/uitloggen', {})).statusCode, 303, 'a token of the new secret works');
});

test('sets the Secure flag in production, on the session and the CSRF cookie', async () => {
  const prod = await createTestApp({ now: () => clock, config: { env: 'production' } });
  try {
    const user = await createUser(prod.deps, { role: 'municipality' });
    const form = await prod.app.inject({ url: '/inloggen' });
    const jar = updateCookies({}, form);
    const res = await prod.app.inject({
      method: 'POST',
      url: '/inloggen',
      cookies: jar,
      ...formBody({ _csrf: csrfFrom(form.body), email: user.email, password: user.password }),
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.cookies.find((k) => k.name === SESSION_COOKIE)?.secure, true);
    assert.equal(res.cookies.find((k) => k.name === CSRF_COOKIE)?.secure, true);
  } finally {
    await prod.close();
  }
});
