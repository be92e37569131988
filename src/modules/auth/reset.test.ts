// "Forgot password": the same answer and the same work for every address (issue 12, point 7: the
// same database writes during the request, whether or not the address has an account); the email
// itself is made afterwards by the reset worker, for known addresses only, at most three an hour.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createUser, formBody } from '../../../test/helpers/auth.ts';
import { emailsTo } from '../../../test/helpers/records.ts';
import type { Db } from '../../db/database.ts';
import { processResetRequests } from './reset-requests.ts';
import { client, ctxOf } from './test-kit.ts';

let clock = new Date('2026-06-01T12:00:00.000Z');
let t: TestApp;

before(async () => {
  t = await createTestApp({ now: () => clock, config: { publicBaseUrl: 'https://gaz.example' } });
});
after(async () => t?.close());
beforeEach(() => {
  clock = new Date(clock.getTime() + 24 * 3600_000);
});

/** Rows per table: what a request wrote shows as the difference of two of these. */
async function rowCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await db.introspection.getTables()) {
    if (table.isView || table.name.startsWith('kysely_')) continue;
    const row = await (db as unknown as Db)
      .selectFrom(table.name as 'users')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    counts[table.name] = Number(row.n);
  }
  return counts;
}

function difference(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(after).flatMap((k) => (after[k] === before[k] ? [] : [[k, after[k] - (before[k] ?? 0)]])));
}

test('a known and an unknown address get the same answer after the same database writes', async () => {
  const user = await createUser(t.deps, { role: 'municipality' });
  const c = await client(t, '/wachtwoord/vergeten');
  assert.match((await c.get('/wachtwoord/vergeten')).body, /autocomplete="username"/);
  const writes: Record<string, number>[] = [];
  const answers: [number, unknown][] = [];
  for (const email of [user.email, 'nobody@example.org']) {
    const before = await rowCounts(t.deps.db);
    const res = await c.post('/wachtwoord/vergeten', { email });
    writes.push(difference(before, await rowCounts(t.deps.db)));
    answers.push([res.statusCode, res.headers.location]);
  }
  assert.deepEqual(writes[0], { password_reset_requests: 1 });
  assert.deepEqual(writes[1], writes[0], 'the same writes for both');
  assert.deepEqual(answers[1], answers[0]);
  assert.deepEqual(answers[0], [303, '/wachtwoord/vergeten?verstuurd=1']);
  const sent = await t.app.inject({ url: '/wachtwoord/vergeten?verstuurd=1' });
  assert.match(sent.body, /Als er een account bij dit e-mailadres hoort/);

  // Then the worker: a link for the known address only, valid an hour, the table holding its hash.
  assert.equal(await processResetRequests(ctxOf(t)), 2);
  const tokens = await t.deps.db.selectFrom('one_time_tokens').selectAll().where('user_id', '=', user.id).execute();
  assert.equal(tokens.length, 1);
  assert.equal(tokens[0].purpose, 'reset');
  assert.equal(new Date(tokens[0].expires_at).getTime() - clock.getTime(), 3600_000);
  const mails = await emailsTo(t, user.email);
  assert.equal(mails.length, 1);
  assert.match(mails[0].text, /https:\/\/gaz\.example\/wachtwoord\/instellen\?token=[\w-]{43}/);
  assert.ok(!mails[0].text.includes(tokens[0].token_hash), 'the mail has the token, the table only its hash');
  assert.equal((await emailsTo(t, 'nobody@example.org')).length, 0);
  assert.equal((await rowCounts(t.deps.db)).password_reset_requests, 0, 'handled requests are gone');
  assert.equal(await processResetRequests(ctxOf(t)), 0);
});

test('asks for a valid address (400) and needs a CSRF token (403)', async () => {
  const c = await client(t, '/wachtwoord/vergeten');
  const bad = await c.post('/wachtwoord/vergeten', { email: 'geen-adres' });
  assert.equal(bad.statusCode, 400);
  assert.ok(bad.body.includes('Vul een geldig e-mailadres in, zoals naam@gemeente.nl.'));
  assert.match(bad.body, /value="geen-adres"/);
  const noCsrf = await t.app.inject({ method: 'POST', url: '/wachtwoord/vergeten', ...formBody({ email: 'a@example.org' }) });
  assert.equal(noCsrf.statusCode, 403);
});

test('sends at most three reset emails per account per hour, none to a deactivated account', async () => {
  const user = await createUser(t.deps, { role: 'coordinator' });
  const gone = await createUser(t.deps, { role: 'coordinator', status: 'deactivated' });
  const c = await client(t, '/wachtwoord/vergeten');
  for (let i = 0; i < 5; i++) assert.equal((await c.post('/wachtwoord/vergeten', { email: user.email })).statusCode, 303);
  await c.post('/wachtwoord/vergeten', { email: gone.email });
  await processResetRequests(ctxOf(t));
  const issued = await t.deps.db.selectFrom('one_time_tokens').select('id').where('user_id', '=', user.id).execute();
  assert.equal(issued.length, 3);
  assert.equal((await emailsTo(t, user.email)).length, 3);
  assert.equal((await emailsTo(t, gone.email)).length, 0);
});

test('two workers handle a request once', async () => {
  const user = await createUser(t.deps, { role: 'municipality' });
  const c = await client(t, '/wachtwoord/vergeten');
  await c.post('/wachtwoord/vergeten', { email: user.email });
  const handled = await Promise.all([processResetRequests(ctxOf(t)), processResetRequests(ctxOf(t))]);
  assert.equal(handled[0] + handled[1], 1);
  assert.equal((await emailsTo(t, user.email)).length, 1);
});

test('rate-limits the form per address', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/wachtwoord/vergeten',
      remoteAddress: '203.0.113.77',
      ...formBody({ email: 'x@example.org' }),
    });
    statuses.push(res.statusCode);
  }
  assert.equal(statuses.at(-1), 429);
});
