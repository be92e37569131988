// "Mijn account": the overview and changing the password (the other sessions end, the change is
// audited and emailed), with its throttle.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createUser, formBody, loginAs, postForm } from '../../../test/helpers/auth.ts';
import { auditEntriesAbout, emailsTo } from '../../../test/helpers/records.ts';
import { verifyPassword } from './passwords.ts';
import { processResetRequests } from './reset-requests.ts';
import { ctxOf } from './test-kit.ts';

const NEW = 'een nieuw lang wachtwoord';
let clock = new Date('2026-05-04T08:00:00.000Z');
let t: TestApp;

before(async () => {
  t = await createTestApp({ now: () => clock });
});
after(async () => t?.close());
beforeEach(() => {
  clock = new Date(clock.getTime() + 24 * 3600_000);
});

test('needs a login (401), then shows the account with breadcrumbs and one h1', async () => {
  const anon = await t.app.inject({ url: '/account' });
  assert.equal(anon.statusCode, 401);
  assert.match(anon.body, /href="\/inloggen\?terug=%2Faccount"/);
  const s = await loginAs(t, 'municipality');
  const res = await t.app.inject({ url: '/account', cookies: s.cookies });
  assert.equal(res.statusCode, 200);
  assert.equal(res.body.match(/<h1/g)?.length, 1);
  assert.match(res.body, /<title>Mijn account \|/);
  assert.match(res.body, /class="utrecht-breadcrumb-nav"/);
  assert.ok(res.body.includes(s.user.email));
  assert.match(res.body, /Gemeente/);
  assert.match(res.body, /href="\/account\/wachtwoord"/);
  assert.match(res.body, /href="\/account\/tweestapsverificatie"/);
  assert.equal(res.headers['cache-control'], 'private, no-store');
});

test('refuses without login (401), without CSRF (403) and with the exact messages for wrong input (400)', async () => {
  const anon = await t.app.inject({ method: 'POST', url: '/account/wachtwoord', ...formBody({}) });
  assert.equal(anon.statusCode, 401);

  const user = await createUser(t.deps, { role: 'coordinator' });
  const s = await loginAs(t, user);

  const form = await t.app.inject({ url: '/account/wachtwoord', cookies: s.cookies });
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /autocomplete="current-password"/);
  assert.equal(form.body.match(/autocomplete="new-password"/g)?.length, 2);

  const noCsrf = await t.app.inject({
    method: 'POST',
    url: '/account/wachtwoord',
    cookies: s.cookies,
    ...formBody({
      current_password: user.password,
      new_password: 'een nieuw lang wachtwoord',
      confirm_password: 'een nieuw lang wachtwoord',
    }),
  });
  assert.equal(noCsrf.statusCode, 403);

  const wrong = await postForm(t, s, '/account/wachtwoord', {
    current_password: 'not my password',
    new_password: 'een nieuw lang wachtwoord',
    confirm_password: 'een nieuw lang wachtwoord',
  });
  assert.equal(wrong.statusCode, 400);
  assert.ok(wrong.body.includes('Het huidige wachtwoord klopt niet.'));
  assert.match(wrong.body, /aria-invalid="true"/);

  const short = await postForm(t, s, '/account/wachtwoord', {
    current_password: user.password,
    new_password: 'kort',
    confirm_password: 'kort',
  });
  assert.equal(short.statusCode, 400);
  assert.ok(short.body.includes('Kies een wachtwoord van minstens 12 tekens.'));

  const mismatch = await postForm(t, s, '/account/wachtwoord', {
    current_password: user.password,
    new_password: 'een nieuw lang wachtwoord',
    confirm_password: 'een ander lang wachtwoord',
  });
  assert.equal(mismatch.statusCode, 400);
  assert.ok(mismatch.body.includes('De twee wachtwoorden zijn niet gelijk. Typ hetzelfde wachtwoord twee keer.'));

  const same = await postForm(t, s, '/account/wachtwoord', {
    current_password: user.password,
    new_password: user.password,
    confirm_password: user.password,
  });
  assert.equal(same.statusCode, 400);
  assert.ok(same.body.includes('Het nieuwe wachtwoord is hetzelfde als het huidige.'));
});

test('changes the password: this device stays, other sessions end, audited and emailed; the new one works', async () => {
  const user = await createUser(t.deps, { role: 'coordinator' });
  const s = await loginAs(t, user);
  const other = await loginAs(t, user); // a second device
  const ok = await postForm(t, s, '/account/wachtwoord', { current_password: user.password, new_password: NEW, confirm_password: NEW });
  assert.equal(ok.statusCode, 303);
  assert.equal(ok.headers.location, '/account?melding=wachtwoord-gewijzigd');

  const row = await t.deps.db
    .selectFrom('users')
    .select(['password_hash', 'password_changed_at'])
    .where('id', '=', user.id)
    .executeTakeFirstOrThrow();
  assert.equal(await verifyPassword('een nieuw lang wachtwoord', row.password_hash!), true);
  assert.equal(row.password_changed_at, clock.toISOString());

  // This device stays logged in, the other one is logged out.
  const here = await t.app.inject({ url: '/account?melding=wachtwoord-gewijzigd', cookies: s.cookies });
  assert.equal(here.statusCode, 200);
  assert.match(here.body, /Uw wachtwoord is gewijzigd/);
  assert.equal((await t.app.inject({ url: '/account', cookies: other.cookies })).statusCode, 401);

  const audit = await auditEntriesAbout(t, user.id);
  assert.ok(
    audit.some((a) => a.action === 'password.change'),
    'audited',
  );
  assert.ok(!JSON.stringify(audit).includes('scrypt$'), 'no hash in the audit trail');
  const mails = await emailsTo(t, user.email);
  assert.ok(
    mails.some((mail) => /wachtwoord is gewijzigd/i.test(mail.subject + mail.text)),
    'notification queued',
  );

  // The new password works for a login, the old one does not.
  const again = await loginAs(t, { ...user, password: 'een nieuw lang wachtwoord' });
  assert.equal((await t.app.inject({ url: '/account', cookies: again.cookies })).statusCode, 200);
  await assert.rejects(loginAs(t, user), /login answered 400/);
});

test('throttles guessing the current password', async () => {
  const user = await createUser(t.deps, { role: 'municipality' });
  const s = await loginAs(t, user);
  const fields = {
    current_password: 'guess guess guess',
    new_password: 'een nieuw lang wachtwoord',
    confirm_password: 'een nieuw lang wachtwoord',
  };
  for (let i = 0; i < 5; i++) assert.equal((await postForm(t, s, '/account/wachtwoord', fields)).statusCode, 400);
  const blocked = await postForm(t, s, '/account/wachtwoord', { ...fields, current_password: user.password });
  assert.equal(blocked.statusCode, 429);
  assert.match(blocked.body, /Te veel mislukte inlogpogingen\. Wacht 15 minuten/);
});

test('a reset link sent before a password change no longer works after it (410)', async () => {
  const user = await createUser(t.deps, { role: 'municipality' });
  const s = await loginAs(t, user);
  const page = await t.app.inject({
    method: 'POST',
    url: '/wachtwoord/vergeten',
    cookies: s.cookies,
    ...formBody({ _csrf: s.csrf, email: user.email }),
  });
  assert.equal(page.statusCode, 303);
  await processResetRequests(ctxOf(t));
  const mail = (await emailsTo(t, user.email)).find((m) => m.subject.startsWith('Nieuw wachtwoord'));
  const link = mail?.text.match(/https?:\/\/\S+\/wachtwoord\/instellen\?token=[\w-]+/)?.[0];
  assert.ok(link, 'a reset link was emailed');
  const path = link.slice(t.deps.config.publicBaseUrl.length);
  assert.equal((await t.app.inject({ url: path })).statusCode, 200, 'the link works before the change');
  clock = new Date(clock.getTime() + 60_000);
  const changed = await postForm(t, s, '/account/wachtwoord', {
    current_password: user.password,
    new_password: NEW,
    confirm_password: NEW,
  });
  assert.equal(changed.statusCode, 303);
  const after = await t.app.inject({ url: path });
  assert.equal(after.statusCode, 410);
  assert.match(after.body, /Deze link is verlopen\./);
});
