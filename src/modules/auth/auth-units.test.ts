// Pure parts of the auth module: password hashing and rules, TOTP (RFC 6238 vectors), base32,
// recovery codes, return paths and the throttle message. No database.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseInput } from '../../http/validate.ts';
import { landingFor, safeReturnPath } from './login.routes.tsx';
import { hashPassword, needsRehash, PASSWORD_RULES, verifyPassword } from './passwords.ts';
import { generateRecoveryCode, looksLikeRecoveryCode, normalizeRecoveryCode } from './recovery-codes.ts';
import { throttleMessage } from './throttle.ts';
import {
  base32Decode,
  base32Encode,
  formatSecret,
  generateTotpSecret,
  matchTotp,
  otpauthUri,
  qrCodeSvg,
  totpCodeForStep,
  totpStepAt,
} from './totp.ts';

describe('passwords', () => {
  it('hashes with scrypt N=2^15 r=8 p=1 in the stored format and verifies', async () => {
    const hash = await hashPassword('correct horse battery staple');
    assert.match(hash, /^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    assert.equal(await verifyPassword('correct horse battery staple', hash), true);
    assert.equal(await verifyPassword('correct horse battery stapl', hash), false);
    assert.equal(needsRehash(hash), false);
  });

  it('salts every hash and rejects malformed hashes', async () => {
    const a = await hashPassword('twelve chars!');
    const b = await hashPassword('twelve chars!');
    assert.notEqual(a, b);
    assert.equal(await verifyPassword('x', 'bcrypt$whatever'), false);
    assert.equal(await verifyPassword('x', 'scrypt$0$8$1$$'), false);
    assert.equal(needsRehash('scrypt$16384$8$1$a$b'), true);
  });

  it('asks for at least 12 and at most 200 characters, not only spaces, in Dutch and English', () => {
    const short = parseInput(PASSWORD_RULES, 'kort');
    assert.equal(short.ok, false);
    if (!short.ok) assert.match(short.errors[0].message.nl, /minstens 12 tekens/);
    if (!short.ok) assert.match(short.errors[0].message.en, /at least 12 characters/);
    const spaces = parseInput(PASSWORD_RULES, ' '.repeat(14));
    assert.equal(spaces.ok, false);
    if (!spaces.ok) assert.equal(spaces.errors[0].message.nl, 'Een wachtwoord van alleen spaties is niet toegestaan.');
    const long = parseInput(PASSWORD_RULES, 'x'.repeat(201));
    assert.equal(long.ok, false);
    if (!long.ok) assert.equal(long.errors[0].message.nl, 'Gebruik hoogstens 200 tekens.');
    assert.equal(parseInput(PASSWORD_RULES, 'een lange zin als wachtwoord').ok, true);
  });
});

describe('TOTP', () => {
  // RFC 6238 appendix B, SHA-1 seed "12345678901234567890", last six digits.
  const secret = base32Encode(Buffer.from('12345678901234567890'));
  const vectors: [number, string][] = [
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
    [20000000000, '353130'],
  ];

  it('matches the RFC 6238 test vectors', () => {
    assert.equal(secret, 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    for (const [seconds, code] of vectors) {
      assert.equal(totpCodeForStep(secret, totpStepAt(new Date(seconds * 1000))), code, `at ${seconds}`);
    }
  });

  it('round-trips base32 and makes 160-bit secrets', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 255, 128, 7]);
    assert.deepEqual(base32Decode(base32Encode(bytes)), bytes);
    const s = generateTotpSecret();
    assert.match(s, /^[A-Z2-7]{32}$/);
    assert.equal(base32Decode(s).length, 20);
    assert.equal(formatSecret('ABCDEFGHIJ'), 'ABCD EFGH IJ');
  });

  it('accepts one step either side, not two, and never a step at or before the last used one', () => {
    const now = new Date(1_700_000_000_000);
    const step = totpStepAt(now);
    assert.equal(matchTotp(secret, totpCodeForStep(secret, step), now, null), step);
    assert.equal(matchTotp(secret, totpCodeForStep(secret, step - 1), now, null), step - 1);
    assert.equal(matchTotp(secret, totpCodeForStep(secret, step + 1), now, null), step + 1);
    assert.equal(matchTotp(secret, totpCodeForStep(secret, step + 2), now, null), null);
    assert.equal(matchTotp(secret, totpCodeForStep(secret, step), now, step), null);
    assert.equal(matchTotp(secret, totpCodeForStep(secret, step + 1), now, step), step + 1);
    assert.equal(matchTotp(secret, '12345', now, null), null);
    const spaced = totpCodeForStep(secret, step).replace(/^(\d{3})/, '$1 ');
    assert.equal(matchTotp(secret, spaced, now, null), step);
  });

  it('builds an otpauth URI and an inline SVG QR code without style attributes', async () => {
    const uri = otpauthUri('JBSWY3DPEHPK3PXP', 'anna@example.org');
    assert.equal(
      uri,
      'otpauth://totp/Gemeenten%20aan%20zet:anna%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=Gemeenten+aan+zet&algorithm=SHA1&digits=6&period=30',
    );
    const svg = await qrCodeSvg(uri, 'QR-code "test"');
    assert.match(svg, /^<svg class="gaz-qr" role="img" aria-label="QR-code &quot;test&quot;"/);
    assert.doesNotMatch(svg, /style=/);
    assert.doesNotMatch(svg, /<script/);
  });
});

describe('recovery codes', () => {
  it('are ten characters in two groups from an unambiguous alphabet', () => {
    const codes = new Set(Array.from({ length: 50 }, generateRecoveryCode));
    assert.equal(codes.size, 50);
    for (const code of codes) {
      assert.match(code, /^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
      assert.equal(looksLikeRecoveryCode(code.toUpperCase().replace('-', ' ')), true);
    }
    assert.equal(normalizeRecoveryCode(' AbCdE-fGhJk '), 'abcdefghjk');
    assert.equal(looksLikeRecoveryCode('123456'), false);
  });
});

describe('return paths after login', () => {
  it('keeps local paths and refuses everything that could leave the site', () => {
    assert.equal(safeReturnPath('/beheer/gebruikers?pagina=2#lijst'), '/beheer/gebruikers?pagina=2#lijst');
    assert.equal(safeReturnPath('/account'), '/account');
    for (const bad of [
      '//evil.example/',
      '/\\evil.example',
      'https://evil.example/',
      'http:/evil.example',
      'javascript:alert(1)',
      '/%0d%0aLocation:%20x'.replace('%0d%0a', '\r\n'),
      'beheer',
      '',
      '/inloggen',
      '/inloggen/code',
      '/uitloggen',
      null,
      42,
      `/${'a'.repeat(1001)}`,
    ]) {
      assert.equal(safeReturnPath(bad), null, String(bad));
    }
  });

  it('lands staff on /beheer and others on their account', () => {
    assert.equal(landingFor('admin'), '/beheer');
    assert.equal(landingFor('adviser'), '/beheer');
    assert.equal(landingFor('coordinator'), '/account');
    assert.equal(landingFor('municipality'), '/account');
  });
});

describe('throttle message', () => {
  it('says in Dutch and English how many minutes to wait', () => {
    assert.equal(throttleMessage(14 * 60 + 1).nl, 'Te veel mislukte inlogpogingen. Wacht 15 minuten en probeer het dan opnieuw.');
    assert.equal(throttleMessage(30).nl, 'Te veel mislukte inlogpogingen. Wacht 1 minuut en probeer het dan opnieuw.');
    assert.equal(throttleMessage(120).en, 'Too many failed login attempts. Wait 2 minutes and try again.');
  });
});
