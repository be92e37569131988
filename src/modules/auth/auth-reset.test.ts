// Forgot password and set a password from a one-time link (reset and invitation).
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createUser, csrfFrom, formBody, loginAs, updateCookies } from '../../../test/helpers/auth.ts';
import { auditEntriesAbout, emailsTo } from '../../../test/helpers/records.ts';
import { issuePasswordLink } from './one-time-links.ts';
import { verifyPassword } from './passwords.ts';

let clock = new Date('2026-06-01T12:00:00.000Z');
let ipCounter = 0;

const NEW_PASSWORD = 'mijn nieuwe wachtzin 2026';

async function form(t: TestApp, url: string) {
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

function tokenOf(link: string): string {
  return new URL(link).searchParams.get('token')!;
}

describe('forgot password', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: () => clock, config: { publicBaseUrl: 'https://gaz.example' } });
  });
  after(async () => t.close());
  beforeEach(() => {
    clock = new Date(clock.getTime() + 24 * 3600_000);
  });

  it('answers the same for a known and an unknown address, and emails a link only to the known one', async () => {
    const user = await createUser(t.deps, { role: 'municipality' });
    const page = await form(t, '/wachtwoord/vergeten');
    assert.equal(page.res.statusCode, 200);
    assert.match(page.res.body, /autocomplete="username"/);
    const known = await page.post('/wachtwoord/vergeten', { email: user.email });
    const unknown = await page.post('/wachtwoord/vergeten', { email: 'nobody@example.org' });
    assert.equal(known.statusCode, 303);
    assert.equal(unknown.statusCode, 303);
    assert.equal(known.headers.location, unknown.headers.location);
    const sent = await t.app.inject({ url: known.headers.location as string });
    assert.match(sent.body, /Als er een account bij dit e-mailadres hoort/);

    const tokens = await t.deps.db.selectFrom('one_time_tokens').selectAll().where('user_id', '=', user.id).execute();
    assert.equal(tokens.length, 1);
    assert.equal(tokens[0].purpose, 'reset');
    assert.equal(new Date(tokens[0].expires_at).getTime() - clock.getTime(), 3600_000);
    const mails = await emailsTo(t, user.email);
    assert.equal(mails.length, 1);
    assert.match(mails[0].text, /https:\/\/gaz\.example\/wachtwoord\/instellen\?token=[\w-]{43}/);
    assert.ok(!mails[0].text.includes(tokens[0].token_hash), 'the mail has the token, the table only its hash');
    assert.equal((await emailsTo(t, 'nobody@example.org')).length, 0);
  });

  it('asks for a valid address (400) and needs a CSRF token (403)', async () => {
    const page = await form(t, '/wachtwoord/vergeten');
    const bad = await page.post('/wachtwoord/vergeten', { email: 'geen-adres' });
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.body.includes('Vul een geldig e-mailadres in, zoals naam@gemeente.nl.'));
    assert.match(bad.body, /value="geen-adres"/);
    const noCsrf = await t.app.inject({ method: 'POST', url: '/wachtwoord/vergeten', ...formBody({ email: 'a@example.org' }) });
    assert.equal(noCsrf.statusCode, 403);
  });

  it('sends at most three reset emails per account per hour', async () => {
    const user = await createUser(t.deps, { role: 'coordinator' });
    const page = await form(t, '/wachtwoord/vergeten');
    for (let i = 0; i < 5; i++) assert.equal((await page.post('/wachtwoord/vergeten', { email: user.email })).statusCode, 303);
    const issued = await t.deps.db.selectFrom('one_time_tokens').select('id').where('user_id', '=', user.id).execute();
    assert.equal(issued.length, 3);
    const mails = await emailsTo(t, user.email);
    assert.equal(mails.length, 3);
  });

  it('rate-limits the form per address', async () => {
    ipCounter += 1;
    const remoteAddress = `203.0.113.${ipCounter}`;
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/wachtwoord/vergeten',
        remoteAddress,
        ...formBody({ email: 'x@example.org' }),
      });
      statuses.push(res.statusCode);
    }
    assert.equal(statuses.at(-1), 429);
  });
});

describe('set password from a link', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: () => clock });
  });
  after(async () => t.close());
  beforeEach(() => {
    clock = new Date(clock.getTime() + 24 * 3600_000);
  });

  it('sets a new password, uses up the link, ends all sessions and records it', async () => {
    const user = await createUser(t.deps, { role: 'municipality' });
    const s = await loginAs(t, user);
    const link = await issuePasswordLink(t.deps, t.deps.db, user.id, 'reset');
    assert.ok(link.startsWith(`${t.deps.config.publicBaseUrl}/wachtwoord/instellen?token=`));
    const path = link.slice(t.deps.config.publicBaseUrl.length);

    const page = await form(t, path);
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

  it('refuses an expired link (410) and an unknown one (400)', async () => {
    const user = await createUser(t.deps, { role: 'municipality' });
    const link = await issuePasswordLink(t.deps, t.deps.db, user.id, 'reset');
    const path = link.slice(t.deps.config.publicBaseUrl.length);
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

  it('ends an earlier link when a new one is issued', async () => {
    const user = await createUser(t.deps, { role: 'municipality' });
    const first = await issuePasswordLink(t.deps, t.deps.db, user.id, 'reset');
    const second = await issuePasswordLink(t.deps, t.deps.db, user.id, 'reset');
    assert.equal((await t.app.inject({ url: first.slice(t.deps.config.publicBaseUrl.length) })).statusCode, 410);
    assert.equal((await t.app.inject({ url: second.slice(t.deps.config.publicBaseUrl.length) })).statusCode, 200);
  });

  it('activates an invited account; an invitation works for seven days', async () => {
    const invited = await createUser(t.deps, { role: 'municipality', status: 'invited' });
    const link = await issuePasswordLink(t.deps, t.deps.db, invited.id, 'invite');
    const path = link.slice(t.deps.config.publicBaseUrl.length);
    clock = new Date(clock.getTime() + 6 * 24 * 3600_000);
    const page = await form(t, path);
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
    const lateLink = await issuePasswordLink(t.deps, t.deps.db, late.id, 'invite');
    clock = new Date(clock.getTime() + 7 * 24 * 3600_000 + 1000);
    assert.equal((await t.app.inject({ url: lateLink.slice(t.deps.config.publicBaseUrl.length) })).statusCode, 410);
  });
});
