// "Mijn account": overview, change password, TOTP enrolment and recovery codes.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createUser, csrfFrom, formBody, loginAs, postForm, totpCodeFor, updateCookies } from '../../../test/helpers/auth.ts';
import { auditEntriesAbout, emailsTo } from '../../../test/helpers/records.ts';
import { verifyPassword } from './passwords.ts';
import { consumeRecoveryCode, replaceRecoveryCodes } from './recovery-codes.ts';
import { SESSION_COOKIE } from './sessions.ts';
import { base32Decode } from './totp.ts';

let clock = new Date('2026-05-04T08:00:00.000Z');

describe('account page', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: () => clock });
  });
  after(async () => t.close());

  it('needs a login (401), then shows the account with breadcrumbs and one h1', async () => {
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
});

describe('change password', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: () => clock });
  });
  after(async () => t.close());
  beforeEach(() => {
    clock = new Date(clock.getTime() + 24 * 3600_000);
  });

  it('walks 401 → 403 (no CSRF) → 400 (exact messages) → 303', async () => {
    const anon = await t.app.inject({ method: 'POST', url: '/account/wachtwoord', ...formBody({}) });
    assert.equal(anon.statusCode, 401);

    const user = await createUser(t.deps, { role: 'coordinator' });
    const s = await loginAs(t, user);
    const other = await loginAs(t, user); // a second device

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

    const ok = await postForm(t, s, '/account/wachtwoord', {
      current_password: user.password,
      new_password: 'een nieuw lang wachtwoord',
      confirm_password: 'een nieuw lang wachtwoord',
    });
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

  it('throttles guessing the current password', async () => {
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
});

describe('two-step verification', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: () => clock });
  });
  after(async () => t.close());
  beforeEach(() => {
    clock = new Date(clock.getTime() + 24 * 3600_000);
  });

  it('enrols with an inline SVG QR code and the secret as text, then shows ten recovery codes once', async () => {
    const user = await createUser(t.deps, { role: 'municipality' });
    const s = await loginAs(t, user);
    const page = await t.app.inject({ url: '/account/tweestapsverificatie', cookies: s.cookies });
    assert.equal(page.statusCode, 200);
    assert.equal(page.body.match(/<h1/g)?.length, 1);
    assert.match(page.body, /<svg class="gaz-qr" role="img" aria-label="QR-code voor de authenticator-app"/);
    assert.doesNotMatch(page.body, /style=/);
    assert.doesNotMatch(page.body, /<script(?! type="application\/json")/);
    const shown = page.body.match(/id="totp-secret">([A-Z2-7 ]+)</)![1].replace(/ /g, '');
    assert.equal(base32Decode(shown).length, 20);
    // Reloading keeps the same secret (a scanned code stays valid).
    const reload = await t.app.inject({ url: '/account/tweestapsverificatie', cookies: s.cookies });
    assert.ok(reload.body.includes(shown.replace(/(.{4})/g, '$1 ').trim()));

    const bad = await postForm(t, s, '/account/tweestapsverificatie', { code: '12345' });
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.body.includes('Vul de code van zes cijfers uit de app in.'));
    const right = totpCodeFor(shown, clock);
    const wrong = await postForm(t, s, '/account/tweestapsverificatie', { code: right === '000000' ? '000001' : '000000' });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /Deze code klopt niet of is al gebruikt/);

    const ok = await postForm(t, s, '/account/tweestapsverificatie', { code: right });
    assert.equal(ok.statusCode, 200);
    const codes = [...ok.body.matchAll(/<li class="utrecht-ordered-list__item gaz-code">([a-z0-9-]+)<\/li>/g)].map((x) => x[1]);
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);
    const stored = await t.deps.db.selectFrom('recovery_codes').select('code_hash').where('user_id', '=', user.id).execute();
    assert.equal(stored.length, 10);
    assert.ok(
      stored.every((r) => !codes.includes(r.code_hash)),
      'stored hashed',
    );
    // Enrolling gives a new session id; the old one is gone.
    const newCookies = updateCookies({ ...s.cookies }, ok);
    assert.notEqual(newCookies[SESSION_COOKIE], s.cookies[SESSION_COOKIE]);
    assert.equal((await t.app.inject({ url: '/account', cookies: s.cookies })).statusCode, 401);
    const status = await t.app.inject({ url: '/account/tweestapsverificatie', cookies: newCookies });
    assert.match(status.body, /Tweestapsverificatie staat aan voor uw account/);
    assert.match(status.body, /nog 10 ongebruikte herstelcodes/);
    assert.doesNotMatch(status.body, /gaz-qr/);

    const audit = await auditEntriesAbout(t, user.id);
    assert.ok(audit.some((a) => a.action === 'totp.enable'));

    // From now on login asks for a code; a recovery code from the page works.
    const form = await t.app.inject({ url: '/inloggen' });
    const jar = updateCookies({}, form);
    const csrf = csrfFrom(form.body);
    const first = await t.app.inject({
      method: 'POST',
      url: '/inloggen',
      cookies: jar,
      ...formBody({ _csrf: csrf, email: user.email, password: user.password }),
    });
    assert.equal(first.headers.location, '/inloggen/code');
    updateCookies(jar, first);
    const second = await t.app.inject({
      method: 'POST',
      url: '/inloggen/code',
      cookies: jar,
      ...formBody({ _csrf: csrf, code: codes[0] }),
    });
    assert.equal(second.statusCode, 303);
  });

  it('makes new recovery codes after a current code; the old ones stop working', async () => {
    const user = await createUser(t.deps, { role: 'municipality', totp: true });
    const s = await loginAs(t, user);
    const oldCodes = await replaceRecoveryCodes(t.deps.db, user.id);
    clock = new Date(clock.getTime() + 60_000);
    const wrong = await postForm(t, s, '/account/tweestapsverificatie/herstelcodes', {
      code: '999999' === totpCodeFor(user.totpSecret!, clock) ? '999998' : '999999',
    });
    assert.equal(wrong.statusCode, 400);
    const ok = await postForm(t, s, '/account/tweestapsverificatie/herstelcodes', { code: totpCodeFor(user.totpSecret!, clock) });
    assert.equal(ok.statusCode, 200);
    assert.match(ok.body, /Er zijn tien nieuwe herstelcodes gemaakt/);
    assert.equal(await consumeRecoveryCode(t.deps.db, user.id, oldCodes[0], clock), false, 'old codes stop working');
    const fresh = ok.body.match(/<li class="utrecht-ordered-list__item gaz-code">([a-z0-9-]+)<\/li>/)![1];
    assert.equal(await consumeRecoveryCode(t.deps.db, user.id, fresh, clock), true);
    assert.equal(await consumeRecoveryCode(t.deps.db, user.id, fresh, clock), false, 'each code works once');
    const audit = await auditEntriesAbout(t, user.id);
    assert.ok(audit.some((a) => a.action === 'recovery_codes.regenerate'));
  });

  it('asks admins without TOTP to enrol and says it is required', async () => {
    const s = await loginAs(t, await createUser(t.deps, { role: 'admin', totp: false }));
    const page = await t.app.inject({ url: '/account/tweestapsverificatie', cookies: s.cookies });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Voor uw rol is tweestapsverificatie verplicht/);
  });
});

describe('malformed input', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: () => clock });
  });
  after(async () => t.close());

  it('answers every auth form with 4xx or a redirect, never 5xx, whatever the body', async () => {
    const s = await loginAs(t, await createUser(t.deps, { role: 'municipality' }));
    const routes = [
      '/inloggen',
      '/inloggen/code',
      '/account/wachtwoord',
      '/account/tweestapsverificatie',
      '/account/tweestapsverificatie/herstelcodes',
      '/wachtwoord/vergeten',
      '/wachtwoord/instellen',
    ];
    const field = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constant(''),
      fc.integer(),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.constant(null),
    );
    const body = fc.dictionary(
      fc.constantFrom('email', 'password', 'code', 'terug', 'token', 'current_password', 'new_password', 'confirm_password', 'x'),
      field,
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), body, fc.boolean(), async (url, fields, asJson) => {
        n += 1;
        const remoteAddress = `100.64.${n >> 8}.${n & 255}`;
        const res = asJson
          ? await t.app.inject({
              method: 'POST',
              url,
              remoteAddress,
              cookies: s.cookies,
              headers: { 'x-csrf-token': s.csrf },
              payload: fields,
            })
          : await t.app.inject({
              method: 'POST',
              url,
              remoteAddress,
              cookies: s.cookies,
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
              payload: new URLSearchParams(
                Object.entries({ _csrf: s.csrf, ...fields }).flatMap(([k, v]) =>
                  Array.isArray(v) ? v.map((x) => [k, String(x)]) : [[k, String(v)]],
                ),
              ).toString(),
            });
        assert.ok(res.statusCode < 500, `${url} ${JSON.stringify(fields)} → ${res.statusCode}`);
      }),
      { numRuns: 120 },
    );
  });
});
