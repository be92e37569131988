// The second login step for staff with two-step verification: a code from the app (once per
// 30-second step) or a recovery code (once), on a half-way session that opens nothing else.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createUser, type TestUser, totpCodeFor } from '../../../test/helpers/auth.ts';
import { replaceRecoveryCodes } from './recovery-codes.ts';
import { SESSION_COOKIE } from './sessions.ts';
import { client } from './test-kit.ts';
import { totpStepAt } from './totp.ts';

const WRONG_CODE = 'Deze code klopt niet of is al gebruikt.';

let clock = new Date('2026-03-02T09:00:00.000Z');
let t: TestApp;
let adviser: TestUser;

before(async () => {
  t = await createTestApp({ now: () => clock });
  adviser = await createUser(t.deps, { role: 'adviser' });
});
after(async () => t?.close());
beforeEach(() => {
  clock = new Date(clock.getTime() + 24 * 3600_000);
});

test('asks for the code after the password; the half-way session opens nothing else', async () => {
  const c = await client(t);
  const first = await c.post('/inloggen', { email: adviser.email, password: adviser.password, terug: '/account' });
  assert.equal(first.statusCode, 303);
  assert.equal(first.headers.location, '/inloggen/code?terug=%2Faccount');
  const pending = c.jar[SESSION_COOKIE];
  assert.equal((await c.get('/account')).statusCode, 401);
  const form = await c.get('/inloggen/code?terug=%2Faccount');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /autocomplete="one-time-code"/);
  const right = totpCodeFor(adviser.totpSecret!, clock);
  const wrong = await c.post('/inloggen/code', { code: right === '000000' ? '111111' : '000000', terug: '/account' });
  assert.equal(wrong.statusCode, 400);
  assert.ok(wrong.body.includes(WRONG_CODE));
  const ok = await c.post('/inloggen/code', { code: right, terug: '/account' });
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

test('sends the code step back to login without a password-stage session', async () => {
  const c = await client(t);
  assert.equal((await c.get('/inloggen/code')).headers.location, '/inloggen');
  const res = await c.post('/inloggen/code', { code: '123456' });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/inloggen?melding=verlopen');
});

test('rejects a code that was already used (replay)', async () => {
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

test('accepts a recovery code once', async () => {
  const codes = await replaceRecoveryCodes(t.deps.db, adviser.id);
  const a = await client(t);
  await a.post('/inloggen', { email: adviser.email, password: adviser.password });
  assert.equal((await a.post('/inloggen/code', { code: codes[3].toUpperCase() })).statusCode, 303);
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
