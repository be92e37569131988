// Setting a password from a one-time link (reset and invitation): the link is used up, sessions
// end, the change is audited; used and expired links are 410 Gone, unknown ones 400.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createUser, csrfFrom, formBody, loginAs, updateCookies } from '../../../test/helpers/auth.ts';
import { auditEntriesAbout } from '../../../test/helpers/records.ts';
import { issuePasswordLink } from './one-time-links.ts';
import { verifyPassword } from './passwords.ts';
import { ctxOf, pathOf, tokenOf } from './test-kit.ts';

let clock = new Date('2026-06-01T12:00:00.000Z');
let ipCounter = 0;
let t: TestApp;

const NEW_PASSWORD = 'mijn nieuwe wachtzin 2026';

async function form(url: string) {
  ipCounter += 1;
  const remoteAddress = `198.51.100.${ipCounter}`;
  const res = await t.app.inject({ url, remoteAddress });
  const jar = updateCookies({}, res);
  const csrf = res.statusCode === 200 ? csrfFrom(res.body) : '';
  return {
    res,
    post: (path: string, fields: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: path, remoteAddress, cookies: jar, ...formBody({ _csrf: csrf, ...fields }) }),
  };
}

before(async () => {
  t = await createTestApp({ now: () => clock });
});
after(async () => t?.close());
beforeEach(() => {
  clock = new Date(clock.getTime() + 24 * 3600_000);
});

test('sets a new password, uses up the link, ends all sessions and records it', async () => {
  const user = await createUser(t.deps, { role: 'municipality' });
  const s = await loginAs(t, user);
  const link = await issuePasswordLink(ctxOf(t), user.id, 'reset');
  assert.ok(link.startsWith(`${t.deps.config.publicBaseUrl}/wachtwoord/instellen?token=`));
  const path = pathOf(t, link);

  const page = await form(path);
  assert.equal(page.res.statusCode, 200);
  assert.equal(page.res.headers['referrer-policy'], 'no-referrer');
  assert.ok(page.res.body.includes(user.email));
  assert.equal(page.res.body.match(/autocomplete="new-password"/g)?.length, 2);

  const short = await page.post('/wachtwoord/instellen', { token: tokenOf(link), new_password: 'kort', confirm_password: 'kort' });
  assert.equal(short.statusCode, 400);
  assert.ok(short.body.includes('Kies een wachtwoord van minstens 12 tekens.'));
  const mismatch = await page.post('/wachtwoord/instellen', {
    token: tokenOf(link),
    new_password: NEW_PASSWORD,
    confirm_password: `${NEW_PASSWORD}!`,
  });
  assert.equal(mismatch.statusCode, 400);
  assert.ok(mismatch.body.includes('De twee wachtwoorden zijn niet gelijk.'));

  const ok = await page.post('/wachtwoord/instellen', {
    token: tokenOf(link),
    new_password: NEW_PASSWORD,
    confirm_password: NEW_PASSWORD,
  });
  assert.equal(ok.statusCode, 303);
  assert.equal(ok.headers.location, '/inloggen?melding=wachtwoord-ingesteld');
  const notice = await t.app.inject({ url: ok.headers.location as string });
  assert.match(notice.body, /Uw wachtwoord is ingesteld/);

  const row = await t.deps.db.selectFrom('users').select(['password_hash']).where('id', '=', user.id).executeTakeFirstOrThrow();
  assert.equal(await verifyPassword(NEW_PASSWORD, row.password_hash!), true);
  assert.equal((await t.app.inject({ url: '/account', cookies: s.cookies })).statusCode, 401, 'old sessions end');
  const audit = await auditEntriesAbout(t, user.id);
  assert.ok(audit.some((a) => a.action === 'password.reset'));

  // Used: 410 with a clear Dutch message, on GET and POST.
  const used = await t.app.inject({ url: path });
  assert.equal(used.statusCode, 410);
  assert.match(used.body, /Deze link is al gebruikt\./);
  const usedPost = await page.post('/wachtwoord/instellen', {
    token: tokenOf(link),
    new_password: NEW_PASSWORD,
    confirm_password: NEW_PASSWORD,
  });
  assert.equal(usedPost.statusCode, 410);

  const login = await loginAs(t, { ...user, password: NEW_PASSWORD });
  assert.equal((await t.app.inject({ url: '/account', cookies: login.cookies })).statusCode, 200);
});

test('refuses an expired link (410) and an unknown one (400)', async () => {
  const user = await createUser(t.deps, { role: 'municipality' });
  const link = await issuePasswordLink(ctxOf(t), user.id, 'reset');
  const path = pathOf(t, link);
  clock = new Date(clock.getTime() + 59 * 60_000);
  assert.equal((await t.app.inject({ url: path })).statusCode, 200);
  clock = new Date(clock.getTime() + 61_000);
  const expired = await t.app.inject({ url: path });
  assert.equal(expired.statusCode, 410);
  assert.match(expired.body, /Deze link is verlopen\./);
  assert.match(expired.body, /href="\/wachtwoord\/vergeten"/);
  const unknown = await t.app.inject({ url: '/wachtwoord/instellen?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
  assert.equal(unknown.statusCode, 400);
  assert.match(unknown.body, /Deze link is niet geldig\./);
  assert.equal((await t.app.inject({ url: '/wachtwoord/instellen' })).statusCode, 400);
});

test('ends an earlier link when a new one is issued', async () => {
  const user = await createUser(t.deps, { role: 'municipality' });
  const first = await issuePasswordLink(ctxOf(t), user.id, 'reset');
  const second = await issuePasswordLink(ctxOf(t), user.id, 'reset');
  assert.equal((await t.app.inject({ url: pathOf(t, first) })).statusCode, 410);
  assert.equal((await t.app.inject({ url: pathOf(t, second) })).statusCode, 200);
});

test('activates an invited account; an invitation works for seven days', async () => {
  const invited = await createUser(t.deps, { role: 'municipality', status: 'invited' });
  const link = await issuePasswordLink(ctxOf(t), invited.id, 'invite');
  const path = pathOf(t, link);
  clock = new Date(clock.getTime() + 6 * 24 * 3600_000);
  const page = await form(path);
  assert.equal(page.res.statusCode, 200);
  const ok = await page.post('/wachtwoord/instellen', {
    token: tokenOf(link),
    new_password: NEW_PASSWORD,
    confirm_password: NEW_PASSWORD,
  });
  assert.equal(ok.statusCode, 303);
  const row = await t.deps.db.selectFrom('users').select('status').where('id', '=', invited.id).executeTakeFirstOrThrow();
  assert.equal(row.status, 'active');
  const audit = await auditEntriesAbout(t, invited.id);
  assert.ok(audit.some((a) => a.action === 'password.set'));

  const late = await createUser(t.deps, { role: 'municipality', status: 'invited' });
  const lateLink = await issuePasswordLink(ctxOf(t), late.id, 'invite');
  clock = new Date(clock.getTime() + 7 * 24 * 3600_000 + 1000);
  assert.equal((await t.app.inject({ url: pathOf(t, lateLink) })).statusCode, 410);
});
