// Login with email and password through the real app (SQLite, and PostgreSQL when
// TEST_DATABASE_URL is set): the form, the session it starts, wrong input, return paths.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createUser, formBody, loginAs } from '../../../test/helpers/auth.ts';
import { hashSessionId, SESSION_COOKIE } from './sessions.ts';
import { client } from './test-kit.ts';

export const WRONG = 'Het e-mailadres of het wachtwoord klopt niet. Controleer uw invoer en probeer het opnieuw.';

let clock = new Date('2026-03-02T09:00:00.000Z');
let t: TestApp;

before(async () => {
  t = await createTestApp({ now: () => clock });
});
after(async () => t?.close());
beforeEach(() => {
  clock = new Date(clock.getTime() + 24 * 3600_000); // a new day: no throttle carried over
});

test('shows an accessible Dutch login form', async () => {
  const res = await t.app.inject({ url: '/inloggen' });
  assert.equal(res.statusCode, 200);
  assert.equal(res.body.match(/<h1/g)?.length, 1);
  assert.match(res.body, /<title>Inloggen \|/);
  assert.match(res.body, /<label class="utrecht-form-label" for="field-email">E-mailadres/);
  assert.match(res.body, /autocomplete="username"/);
  assert.match(res.body, /type="password"[^>]*autocomplete="current-password"|autocomplete="current-password"[^>]*type="password"/);
  assert.match(res.body, /href="\/wachtwoord\/vergeten"/);
  const en = await t.app.inject({ url: '/inloggen?lang=en' });
  assert.match(en.body, /<h1 class="utrecht-heading-1">Log in<\/h1>/);
});

test('logs in with email and password: a new HttpOnly SameSite=Lax session, only its hash stored', async () => {
  const user = await createUser(t.deps, { role: 'municipality', municipalityCode: 'GM0363' });
  const c = await client(t);
  const res = await c.post('/inloggen', { email: user.email.toUpperCase(), password: user.password });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/account');
  const cookie = res.cookies.find((k) => k.name === SESSION_COOKIE);
  assert.ok(cookie?.httpOnly);
  assert.equal(cookie.sameSite, 'Lax');
  assert.equal(cookie.path, '/');
  assert.equal(cookie.secure, undefined); // Secure only in production
  assert.equal(Buffer.from(cookie.value, 'base64url').length, 32);
  const rows = await t.deps.db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).execute();
  assert.equal(rows.length, 1);
  assert.equal(rows[0].id_hash, hashSessionId(cookie.value));
  assert.notEqual(rows[0].id_hash, cookie.value);
  assert.equal(rows[0].stage, 'full');
  const account = await c.get('/account');
  assert.equal(account.statusCode, 200);
  assert.match(account.body, new RegExp(user.email));
});

test('gives a new session id at every login and ends the old session', async () => {
  const user = await createUser(t.deps, { role: 'coordinator' });
  const c = await client(t);
  await c.post('/inloggen', { email: user.email, password: user.password });
  const first = c.jar[SESSION_COOKIE];
  await c.get('/account'); // the login gave a new CSRF secret: take a token of it
  const again = await c.post('/inloggen', { email: user.email, password: user.password });
  assert.equal(again.statusCode, 303);
  assert.notEqual(first, c.jar[SESSION_COOKIE]);
  const old = await t.deps.db.selectFrom('sessions').select('id_hash').where('id_hash', '=', hashSessionId(first)).execute();
  assert.equal(old.length, 0);
  assert.equal((await t.app.inject({ url: '/account', cookies: { [SESSION_COOKIE]: first } })).statusCode, 401);
});

test('answers a wrong password and an unknown address with the same message', async () => {
  const user = await createUser(t.deps, { role: 'municipality' });
  const c = await client(t);
  const wrong = await c.post('/inloggen', { email: user.email, password: 'not the password!' });
  const unknown = await c.post('/inloggen', { email: 'nobody@example.org', password: 'not the password!' });
  assert.equal(wrong.statusCode, 400);
  assert.equal(unknown.statusCode, 400);
  assert.ok(wrong.body.includes(WRONG));
  assert.ok(unknown.body.includes(WRONG));
  assert.match(wrong.body, new RegExp(`value="${user.email}"`)); // the typed address is kept
  assert.equal(
    wrong.cookies.find((k) => k.name === SESSION_COOKIE),
    undefined,
  );
});

test('asks for both fields when they are empty', async () => {
  const c = await client(t);
  const res = await c.post('/inloggen', { email: '', password: '' });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /Vul uw e-mailadres in\./);
  assert.match(res.body, /Vul uw wachtwoord in\./);
});

test('refuses deactivated and invited accounts with the same message, and ends a deactivated account’s sessions', async () => {
  const gone = await createUser(t.deps, { role: 'municipality', status: 'deactivated' });
  const invited = await createUser(t.deps, { role: 'municipality', status: 'invited' });
  const c = await client(t);
  for (const u of [gone, invited]) {
    const res = await c.post('/inloggen', { email: u.email, password: u.password });
    assert.equal(res.statusCode, 400);
    assert.ok(res.body.includes(WRONG));
  }
  const user = await createUser(t.deps, { role: 'coordinator' });
  const s = await loginAs(t, user);
  assert.equal((await t.app.inject({ url: '/account', cookies: s.cookies })).statusCode, 200);
  await t.deps.db.updateTable('users').set({ status: 'deactivated' }).where('id', '=', user.id).execute();
  assert.equal((await t.app.inject({ url: '/account', cookies: s.cookies })).statusCode, 401);
});

test('refuses a POST without a CSRF token (403)', async () => {
  const user = await createUser(t.deps, { role: 'municipality' });
  const res = await t.app.inject({ method: 'POST', url: '/inloggen', ...formBody({ email: user.email, password: user.password }) });
  assert.equal(res.statusCode, 403);
  assert.match(res.body, /Het formulier is verlopen/);
});

test('returns to a local path after login and refuses an open redirect', async () => {
  const user = await createUser(t.deps, { role: 'municipality' });
  const form = await t.app.inject({ url: '/inloggen?terug=%2Faccount%2Fwachtwoord' });
  assert.match(form.body, /name="terug" value="\/account\/wachtwoord"/);
  const c = await client(t);
  const local = await c.post('/inloggen', { email: user.email, password: user.password, terug: '/account/wachtwoord' });
  assert.equal(local.headers.location, '/account/wachtwoord');
  for (const evil of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
    await c.get('/account');
    const res = await c.post('/inloggen', { email: user.email, password: user.password, terug: evil });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/account', evil);
  }
  const evilForm = await t.app.inject({ url: '/inloggen?terug=//evil.example' });
  assert.doesNotMatch(evilForm.body, /name="terug"/);
});
