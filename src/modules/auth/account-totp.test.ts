// "Mijn account" › two-step verification: enrolment (inline SVG QR code, recovery codes shown
// once), new recovery codes, the enrolment staff must make, and no 5xx for any form body.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createUser, loginAs, postForm, totpCodeFor, updateCookies } from '../../../test/helpers/auth.ts';
import { auditEntriesAbout } from '../../../test/helpers/records.ts';
import { consumeRecoveryCode, replaceRecoveryCodes } from './recovery-codes.ts';
import { SESSION_COOKIE } from './sessions.ts';
import { client } from './test-kit.ts';
import { base32Decode } from './totp.ts';

let clock = new Date('2026-05-04T08:00:00.000Z');
let t: TestApp;

before(async () => {
  t = await createTestApp({ now: () => clock });
});
after(async () => t?.close());
beforeEach(() => {
  clock = new Date(clock.getTime() + 24 * 3600_000);
});

test('enrols with an inline SVG QR code and the secret as text, then shows ten recovery codes once', async () => {
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
});

test('after enrolment the login asks for a code, and a recovery code from the page works', async () => {
  const user = await createUser(t.deps, { role: 'municipality' });
  const s = await loginAs(t, user);
  const page = await t.app.inject({ url: '/account/tweestapsverificatie', cookies: s.cookies });
  const secret = page.body.match(/id="totp-secret">([A-Z2-7 ]+)</)![1].replace(/ /g, '');
  const ok = await postForm(t, s, '/account/tweestapsverificatie', { code: totpCodeFor(secret, clock) });
  const codes = [...ok.body.matchAll(/<li class="utrecht-ordered-list__item gaz-code">([a-z0-9-]+)<\/li>/g)].map((x) => x[1]);
  const c = await client(t);
  const first = await c.post('/inloggen', { email: user.email, password: user.password });
  assert.equal(first.headers.location, '/inloggen/code');
  assert.equal((await c.post('/inloggen/code', { code: codes[0] })).statusCode, 303);
});

test('makes new recovery codes after a current code; the old ones stop working', async () => {
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

test('asks admins without TOTP to enrol and says it is required', async () => {
  const s = await loginAs(t, await createUser(t.deps, { role: 'admin', totp: false }));
  const page = await t.app.inject({ url: '/account/tweestapsverificatie', cookies: s.cookies });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Voor uw rol is tweestapsverificatie verplicht/);
});

test('answers every auth form with 4xx or a redirect, never 5xx, whatever the body', async () => {
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
