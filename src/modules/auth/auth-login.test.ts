// Login, the TOTP step, throttling, sessions (fixation, idle and absolute expiry) and logout,
// through the real app on SQLite (and PostgreSQL when TEST_DATABASE_URL is set).
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createUser, csrfFrom, formBody, loginAs, type TestUser, totpCodeFor, updateCookies } from '../../../test/helpers/auth.ts';
import { replaceRecoveryCodes } from './recovery-codes.ts';
import { authenticateRequest } from './request-auth.ts';
import { hashSessionId, SESSION_COOKIE } from './sessions.ts';
import { totpStepAt } from './totp.ts';

const WRONG = 'Het e-mailadres of het wachtwoord klopt niet. Controleer uw invoer en probeer het opnieuw.';
const WRONG_CODE = 'Deze code klopt niet of is al gebruikt.';

let clock = new Date('2026-03-02T09:00:00.000Z');
let ipCounter = 0;

/** A fresh client: its own address, the login form's CSRF cookie and token. */
async function client(t: TestApp) {
  ipCounter += 1;
  const remoteAddress = `192.0.2.${ipCounter}`;
  const jar: Record<string, string> = {};
  const form = await t.app.inject({ url: '/inloggen', remoteAddress });
  updateCookies(jar, form);
  const csrf = csrfFrom(form.body);
  return {
    remoteAddress,
    jar,
    csrf,
    async post(url: string, fields: Record<string, string>) {
      const res = await t.app.inject({ method: 'POST', url, remoteAddress, cookies: jar, ...formBody({ _csrf: csrf, ...fields }) });
      updateCookies(jar, res);
      return res;
    },
    async get(url: string) {
      const res = await t.app.inject({ url, remoteAddress, cookies: jar });
      updateCookies(jar, res);
      return res;
    },
  };
}

describe('login', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: () => clock });
  });
  after(async () => t.close());
  beforeEach(() => {
    clock = new Date(clock.getTime() + 24 * 3600_000); // a new day: no throttle or TOTP step carried over
  });

  it('shows an accessible Dutch login form', async () => {
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

  it('logs in with email and password: a new HttpOnly SameSite=Lax session, only its hash stored', async () => {
    const user = await createUser(t.deps, { role: 'municipality', municipalityCode: 'GM0363' });
    const c = await client(t);
    const res = await c.post('/inloggen', { email: user.email.toUpperCase(), password: user.password });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/account');
    const cookie = res.cookies.find((k) => k.name === SESSION_COOKIE)!;
    assert.ok(cookie.httpOnly);
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(cookie.path, '/');
    assert.equal(cookie.secure, undefined); // Secure only in production
    assert.ok(Buffer.from(cookie.value, 'base64url').length === 32);
    const rows = await t.deps.db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0].id_hash, hashSessionId(cookie.value));
    assert.notEqual(rows[0].id_hash, cookie.value);
    assert.equal(rows[0].stage, 'full');
    const account = await c.get('/account');
    assert.equal(account.statusCode, 200);
    assert.match(account.body, new RegExp(user.email));
  });

  it('gives a new session id at every login and ends the old session', async () => {
    const user = await createUser(t.deps, { role: 'coordinator' });
    const c = await client(t);
    await c.post('/inloggen', { email: user.email, password: user.password });
    const first = c.jar[SESSION_COOKIE];
    const again = await c.post('/inloggen', { email: user.email, password: user.password });
    assert.equal(again.statusCode, 303);
    const second = c.jar[SESSION_COOKIE];
    assert.notEqual(first, second);
    const old = await t.deps.db.selectFrom('sessions').select('id_hash').where('id_hash', '=', hashSessionId(first)).execute();
    assert.equal(old.length, 0);
    const withOld = await t.app.inject({ url: '/account', cookies: { [SESSION_COOKIE]: first } });
    assert.equal(withOld.statusCode, 401);
  });

  it('answers a wrong password and an unknown address with the same message', async () => {
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

  it('asks for both fields when they are empty', async () => {
    const c = await client(t);
    const res = await c.post('/inloggen', { email: '', password: '' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Vul uw e-mailadres in\./);
    assert.match(res.body, /Vul uw wachtwoord in\./);
  });

  it('refuses deactivated and invited accounts with the same message', async () => {
    const gone = await createUser(t.deps, { role: 'municipality', status: 'deactivated' });
    const invited = await createUser(t.deps, { role: 'municipality', status: 'invited' });
    const c = await client(t);
    for (const u of [gone, invited]) {
      const res = await c.post('/inloggen', { email: u.email, password: u.password });
      assert.equal(res.statusCode, 400);
      assert.ok(res.body.includes(WRONG));
    }
  });

  it('ends the sessions of an account that is deactivated', async () => {
    const user = await createUser(t.deps, { role: 'coordinator' });
    const s = await loginAs(t, user);
    assert.equal((await t.app.inject({ url: '/account', cookies: s.cookies })).statusCode, 200);
    await t.deps.db.updateTable('users').set({ status: 'deactivated' }).where('id', '=', user.id).execute();
    assert.equal((await t.app.inject({ url: '/account', cookies: s.cookies })).statusCode, 401);
  });

  it('refuses a POST without a CSRF token (403)', async () => {
    const user = await createUser(t.deps, { role: 'municipality' });
    const res = await t.app.inject({ method: 'POST', url: '/inloggen', ...formBody({ email: user.email, password: user.password }) });
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /Het formulier is verlopen/);
  });

  it('returns to a local path after login and refuses an open redirect', async () => {
    const user = await createUser(t.deps, { role: 'municipality' });
    const form = await t.app.inject({ url: '/inloggen?terug=%2Faccount%2Fwachtwoord' });
    assert.match(form.body, /name="terug" value="\/account\/wachtwoord"/);
    const c = await client(t);
    const local = await c.post('/inloggen', { email: user.email, password: user.password, terug: '/account/wachtwoord' });
    assert.equal(local.headers.location, '/account/wachtwoord');
    for (const evil of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const res = await c.post('/inloggen', { email: user.email, password: user.password, terug: evil });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/account', evil);
    }
    const evilForm = await t.app.inject({ url: '/inloggen?terug=//evil.example' });
    assert.doesNotMatch(evilForm.body, /name="terug"/);
  });

  it('throttles an account after 5 failures in 15 minutes (429, Dutch message, also for the right password)', async () => {
    const user = await createUser(t.deps, { role: 'municipality' });
    const c = await client(t);
    for (let i = 0; i < 5; i++) {
      const res = await c.post('/inloggen', { email: user.email, password: `wrong password ${i}` });
      assert.equal(res.statusCode, 400);
    }
    const blocked = await c.post('/inloggen', { email: user.email, password: user.password });
    assert.equal(blocked.statusCode, 429);
    assert.match(blocked.body, /Te veel mislukte inlogpogingen\. Wacht 15 minuten en probeer het dan opnieuw\./);
    assert.equal(blocked.headers['retry-after'], '900');
    // From another address it is the same account: still blocked.
    const other = await client(t);
    assert.equal((await other.post('/inloggen', { email: user.email, password: user.password })).statusCode, 429);
    // An unknown address is throttled the same way (no account enumeration through the throttle).
    for (let i = 0; i < 5; i++) await c.post('/inloggen', { email: 'ghost@example.org', password: 'whatever it is' });
    assert.equal((await c.post('/inloggen', { email: 'ghost@example.org', password: 'whatever it is' })).statusCode, 429);

    clock = new Date(clock.getTime() + 10 * 60_000);
    const later = await c.post('/inloggen', { email: user.email, password: user.password });
    assert.equal(later.statusCode, 429);
    assert.match(later.body, /Wacht 5 minuten/);
    clock = new Date(clock.getTime() + 5 * 60_000 + 1000);
    const ok = await c.post('/inloggen', { email: user.email, password: user.password });
    assert.equal(ok.statusCode, 303);
  });

  it('throttles an IP address after 20 failures in 15 minutes, whatever the accounts', async () => {
    const user = await createUser(t.deps, { role: 'municipality' });
    const c = await client(t);
    for (let i = 0; i < 20; i++) {
      const res = await c.post('/inloggen', { email: `someone-${i}@example.org`, password: 'guessing here' });
      assert.equal(res.statusCode, 400, `attempt ${i}`);
    }
    const blocked = await c.post('/inloggen', { email: user.email, password: user.password });
    assert.equal(blocked.statusCode, 429);
    assert.match(blocked.body, /Te veel mislukte inlogpogingen\. Wacht 15 minuten/);
    const rows = await t.deps.db.selectFrom('login_failures').select('scope_key').execute();
    assert.ok(
      rows.every((r) => !r.scope_key.includes(c.remoteAddress) && !r.scope_key.includes('@')),
      'no IP or email stored',
    );
    const elsewhere = await client(t);
    assert.equal((await elsewhere.post('/inloggen', { email: user.email, password: user.password })).statusCode, 303);
  });
});

describe('login with TOTP', () => {
  let t: TestApp;
  let adviser: TestUser;
  before(async () => {
    t = await createTestApp({ now: () => clock });
    adviser = await createUser(t.deps, { role: 'adviser' });
  });
  after(async () => t.close());
  beforeEach(() => {
    clock = new Date(clock.getTime() + 24 * 3600_000);
  });

  it('asks for the code after the password; the half-way session opens nothing else', async () => {
    const c = await client(t);
    const first = await c.post('/inloggen', { email: adviser.email, password: adviser.password, terug: '/account' });
    assert.equal(first.statusCode, 303);
    assert.equal(first.headers.location, '/inloggen/code?terug=%2Faccount');
    const pending = c.jar[SESSION_COOKIE];
    assert.equal((await c.get('/account')).statusCode, 401);
    const form = await c.get('/inloggen/code?terug=%2Faccount');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /autocomplete="one-time-code"/);
    const wrong = await c.post('/inloggen/code', {
      code: '000000' === totpCodeFor(adviser.totpSecret!, clock) ? '111111' : '000000',
      terug: '/account',
    });
    assert.equal(wrong.statusCode, 400);
    assert.ok(wrong.body.includes(WRONG_CODE));
    const ok = await c.post('/inloggen/code', { code: totpCodeFor(adviser.totpSecret!, clock), terug: '/account' });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/account');
    assert.notEqual(c.jar[SESSION_COOKIE], pending, 'a new session id after the TOTP step');
    assert.equal((await c.get('/account')).statusCode, 200);
    const staffLanding = await client(t);
    await staffLanding.post('/inloggen', { email: adviser.email, password: adviser.password });
    clock = new Date(clock.getTime() + 30_000);
    const res = await staffLanding.post('/inloggen/code', { code: totpCodeFor(adviser.totpSecret!, clock) });
    assert.equal(res.headers.location, '/beheer');
  });

  it('sends the code step back to login without a password-stage session', async () => {
    const c = await client(t);
    assert.equal((await c.get('/inloggen/code')).headers.location, '/inloggen');
    const res = await c.post('/inloggen/code', { code: '123456' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/inloggen?melding=verlopen');
  });

  it('rejects a code that was already used (replay)', async () => {
    const code = totpCodeFor(adviser.totpSecret!, clock);
    const a = await client(t);
    await a.post('/inloggen', { email: adviser.email, password: adviser.password });
    assert.equal((await a.post('/inloggen/code', { code })).statusCode, 303);
    const b = await client(t);
    await b.post('/inloggen', { email: adviser.email, password: adviser.password });
    const replay = await b.post('/inloggen/code', { code });
    assert.equal(replay.statusCode, 400);
    assert.ok(replay.body.includes(WRONG_CODE));
    const row = await t.deps.db.selectFrom('users').select('totp_last_step').where('id', '=', adviser.id).executeTakeFirstOrThrow();
    assert.equal(Number(row.totp_last_step), totpStepAt(clock));
  });

  it('accepts a recovery code once', async () => {
    const codes = await replaceRecoveryCodes(t.deps.db, adviser.id);
    const a = await client(t);
    await a.post('/inloggen', { email: adviser.email, password: adviser.password });
    const ok = await a.post('/inloggen/code', { code: codes[3].toUpperCase() });
    assert.equal(ok.statusCode, 303);
    assert.equal((await a.get('/account')).statusCode, 200);
    const b = await client(t);
    await b.post('/inloggen', { email: adviser.email, password: adviser.password });
    const again = await b.post('/inloggen/code', { code: codes[3] });
    assert.equal(again.statusCode, 400);
    assert.ok(again.body.includes(WRONG_CODE));
    const used = await t.deps.db
      .selectFrom('recovery_codes')
      .select('used_at')
      .where('user_id', '=', adviser.id)
      .where('used_at', 'is not', null)
      .execute();
    assert.equal(used.length, 1);
  });

  it('throttles code guessing per account', async () => {
    const c = await client(t);
    await c.post('/inloggen', { email: adviser.email, password: adviser.password });
    const right = totpCodeFor(adviser.totpSecret!, clock);
    for (let i = 0; i < 5; i++) {
      const guess = String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0');
      assert.equal((await c.post('/inloggen/code', { code: guess })).statusCode, 400);
    }
    const blocked = await c.post('/inloggen/code', { code: right });
    assert.equal(blocked.statusCode, 429);
    assert.match(blocked.body, /Te veel mislukte inlogpogingen/);
  });
});

describe('sessions', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: () => clock, config: { sessionIdleMinutes: 30, sessionAbsoluteMinutes: 12 * 60 } });
  });
  after(async () => t.close());
  beforeEach(() => {
    clock = new Date(clock.getTime() + 24 * 3600_000);
  });

  it('expires after 30 idle minutes', async () => {
    const s = await loginAs(t, 'municipality');
    clock = new Date(clock.getTime() + 29 * 60_000);
    assert.equal((await t.app.inject({ url: '/account', cookies: s.cookies })).statusCode, 200);
    clock = new Date(clock.getTime() + 29 * 60_000);
    assert.equal((await t.app.inject({ url: '/account', cookies: s.cookies })).statusCode, 200, 'activity keeps it alive');
    clock = new Date(clock.getTime() + 30 * 60_000);
    const res = await t.app.inject({ url: '/account', cookies: s.cookies });
    assert.equal(res.statusCode, 401);
    assert.equal(res.cookies.find((k) => k.name === SESSION_COOKIE)?.value, '', 'the dead cookie is cleared');
    const left = await t.deps.db
      .selectFrom('sessions')
      .select('id_hash')
      .where('id_hash', '=', hashSessionId(s.cookies[SESSION_COOKIE]))
      .execute();
    assert.equal(left.length, 0);
  });

  it('expires 12 hours after login however active', async () => {
    const s = await loginAs(t, 'coordinator');
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      clock = new Date(clock.getTime() + 20 * 60_000);
      assert.equal((await t.app.inject({ url: '/account', cookies: s.cookies })).statusCode, 200, `after ${minutes} min`);
    }
    clock = new Date(clock.getTime() + 20 * 60_000);
    assert.equal((await t.app.inject({ url: '/account', cookies: s.cookies })).statusCode, 401);
  });

  it('writes last_seen_at at most once a minute', async () => {
    const s = await loginAs(t, 'municipality');
    const idHash = hashSessionId(s.cookies[SESSION_COOKIE]);
    const seen = async () =>
      (await t.deps.db.selectFrom('sessions').select('last_seen_at').where('id_hash', '=', idHash).executeTakeFirstOrThrow()).last_seen_at;
    const start = await seen();
    clock = new Date(clock.getTime() + 30_000);
    await t.app.inject({ url: '/account', cookies: s.cookies });
    assert.equal(await seen(), start);
    clock = new Date(clock.getTime() + 31_000);
    await t.app.inject({ url: '/account', cookies: s.cookies });
    assert.equal(await seen(), clock.toISOString());
  });

  it('logs out: the row is deleted, the cookie cleared, and the old cookie no longer works', async () => {
    const s = await loginAs(t, 'municipality');
    const res = await t.app.inject({ method: 'POST', url: '/uitloggen', cookies: s.cookies, ...formBody({ _csrf: s.csrf }) });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/');
    assert.equal(res.cookies.find((k) => k.name === SESSION_COOKIE)?.value, '');
    const rows = await t.deps.db.selectFrom('sessions').select('id_hash').where('user_id', '=', s.user.id).execute();
    assert.equal(rows.length, 0);
    assert.equal((await t.app.inject({ url: '/account', cookies: s.cookies })).statusCode, 401);
  });

  it('refuses logout without a CSRF token', async () => {
    const s = await loginAs(t, 'municipality');
    const res = await t.app.inject({ method: 'POST', url: '/uitloggen', cookies: s.cookies });
    assert.equal(res.statusCode, 403);
    assert.equal((await t.app.inject({ url: '/account', cookies: s.cookies })).statusCode, 200);
  });

  it('sets the Secure flag in production', async () => {
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
    } finally {
      await prod.close();
    }
  });
});

describe('authenticateRequest', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: () => clock });
  });
  after(async () => t.close());

  const resolve = (cookies: Record<string, string>, headers: Record<string, string> = {}) =>
    authenticateRequest({ headers, cookies } as any, { clearCookie: () => undefined } as any, t.deps);

  it('makes a RequestUser from a full session, with mustEnrolTotp for staff without TOTP', async () => {
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

  it('gives no user without a cookie, for a malformed or unknown cookie, or a password-stage session', async () => {
    assert.equal(await resolve({}), null);
    assert.equal(await resolve({ [SESSION_COOKIE]: 'x' }), null);
    assert.equal(await resolve({ [SESSION_COOKIE]: 'A'.repeat(43) }), null);
    const adviser = await createUser(t.deps, { role: 'adviser' });
    const c = await client(t);
    await c.post('/inloggen', { email: adviser.email, password: adviser.password });
    assert.equal(await resolve(c.jar), null);
  });

  it('asks the API token module for a Bearer header and ignores the cookie then', async () => {
    const s = await loginAs(t, 'coordinator');
    assert.equal(await resolve(s.cookies, { authorization: 'Bearer not-a-real-token' }), null);
  });
});
