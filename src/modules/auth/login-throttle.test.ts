// Login throttling in the database (all instances): per account, per IP address, and per account
// for wrong second-factor codes — which entering the password again must not reset (issue 12, point 6).
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createUser, type TestUser, totpCodeFor } from '../../../test/helpers/auth.ts';
import { client } from './test-kit.ts';

let clock = new Date('2026-03-02T09:00:00.000Z');
let t: TestApp;

before(async () => {
  t = await createTestApp({ now: () => clock });
});
after(async () => t?.close());
beforeEach(() => {
  clock = new Date(clock.getTime() + 24 * 3600_000);
});

/** A six-digit code that is not the right one now (nor in the window around now). */
function wrongCode(user: TestUser, i: number): string {
  const right = new Set([-30_000, 0, 30_000].map((d) => totpCodeFor(user.totpSecret!, new Date(clock.getTime() + d))));
  let n = 100_000 + i * 7919;
  while (right.has(String(n % 1_000_000).padStart(6, '0'))) n += 1;
  return String(n % 1_000_000).padStart(6, '0');
}

test('throttles an account after 5 failures in 15 minutes (429, Dutch message, also for the right password)', async () => {
  const user = await createUser(t.deps, { role: 'municipality' });
  const c = await client(t);
  for (let i = 0; i < 5; i++)
    assert.equal((await c.post('/inloggen', { email: user.email, password: `wrong password ${i}` })).statusCode, 400);
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
  assert.equal((await c.post('/inloggen', { email: user.email, password: user.password })).statusCode, 303);
});

test('throttles an IP address after 20 failures in 15 minutes, whatever the accounts', async () => {
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

test('wrong codes count per account: entering the password again from 8 addresses buys no new guesses', async () => {
  const adviser = await createUser(t.deps, { role: 'adviser' });
  const statuses: number[] = [];
  // The attack of the report: 8 addresses, each enters the (known) password and then guesses.
  for (let address = 0; address < 8; address++) {
    const c = await client(t);
    for (let round = 0; round < 2; round++) {
      const password = await c.post('/inloggen', { email: adviser.email, password: adviser.password });
      assert.equal(password.statusCode, 303, 'the password itself is right');
      for (let guess = 0; guess < 4; guess++) {
        statuses.push((await c.post('/inloggen/code', { code: wrongCode(adviser, address * 8 + round * 4 + guess) })).statusCode);
      }
    }
  }
  assert.equal(statuses.filter((s) => s === 400).length, 5, 'five wrong codes are answered, then the account waits');
  assert.ok(statuses.slice(5).every((s) => s === 429));
  // Even the right code waits now, from a new address after a fresh password.
  const c = await client(t);
  await c.post('/inloggen', { email: adviser.email, password: adviser.password });
  const right = await c.post('/inloggen/code', { code: totpCodeFor(adviser.totpSecret!, clock) });
  assert.equal(right.statusCode, 429);
  assert.match(right.body, /Te veel mislukte inlogpogingen\. Wacht 15 minuten/);
  // After the window the right code works, and a success starts the code count again.
  clock = new Date(clock.getTime() + 15 * 60_000 + 1000);
  const later = await client(t);
  await later.post('/inloggen', { email: adviser.email, password: adviser.password });
  assert.equal((await later.post('/inloggen/code', { code: totpCodeFor(adviser.totpSecret!, clock) })).statusCode, 303);
});

test('wrong codes on one account do not block another', async () => {
  const a = await createUser(t.deps, { role: 'adviser' });
  const b = await createUser(t.deps, { role: 'adviser' });
  const c = await client(t);
  await c.post('/inloggen', { email: a.email, password: a.password });
  for (let i = 0; i < 5; i++) await c.post('/inloggen/code', { code: wrongCode(a, i) });
  const other = await client(t);
  await other.post('/inloggen', { email: b.email, password: b.password });
  assert.equal((await other.post('/inloggen/code', { code: totpCodeFor(b.totpSecret!, clock) })).statusCode, 303);
});
