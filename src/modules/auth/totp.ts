// Time-based one-time passwords (RFC 6238: HMAC-SHA-1, 30-second steps, 6 digits) with a window
// of one step either side for clock drift, and replay protection: an accepted step is stored in
// users.totp_last_step and no code of that step or an earlier one is accepted again.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import QRCode from 'qrcode';
import type { DbOrTx } from '../../db/database.ts';

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const TOTP_WINDOW = 1;
export const TOTP_ISSUER = 'Gemeenten aan zet';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error('Invalid base32 character');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new secret: 160 random bits (the HMAC-SHA-1 block the RFC recommends), base32. */
export function generateTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

export function totpStepAt(date: Date): number {
  return Math.floor(date.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code for one time step (RFC 4226 dynamic truncation). */
export function totpCodeForStep(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const digest = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = digest[digest.length - 1] & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** TOTP_DIGITS).padStart(TOTP_DIGITS, '0');
}

export function totpCode(secret: string, date: Date): string {
  return totpCodeForStep(secret, totpStepAt(date));
}

/** True when the input looks like a TOTP code (6 digits, spaces allowed: "123 456"). */
export function looksLikeTotpCode(input: string): boolean {
  return /^\d{6}$/.test(input.replace(/\s/g, ''));
}

/**
 * The time step a code belongs to, within the window and later than `lastStep`, or null.
 * Checks every step in the window so the time taken does not depend on which one matched.
 */
export function matchTotp(secret: string, input: string, now: Date, lastStep: number | null): number | null {
  const code = Buffer.from(input.replace(/\s/g, ''));
  if (code.length !== TOTP_DIGITS) return null;
  const current = totpStepAt(now);
  let matched: number | null = null;
  for (let step = current - TOTP_WINDOW; step <= current + TOTP_WINDOW; step++) {
    const expected = Buffer.from(totpCodeForStep(secret, step));
    const equal = timingSafeEqual(expected, code);
    if (equal && (lastStep === null || step > lastStep) && matched === null) matched = step;
  }
  return matched;
}

export function otpauthUri(secret: string, account: string, issuer = TOTP_ISSUER): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const params = new URLSearchParams({
    secret,
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_PERIOD_SECONDS),
  });
  return `otpauth://totp/${label}?${params.toString()}`;
}

/** Groups a secret in fours so a person can type it over: "ABCD EFGH …". */
export function formatSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The otpauth URI as an inline SVG QR code, labelled for screen readers. The page's CSP allows
 * no inline styles, so any style attribute the library might emit is removed.
 */
export async function qrCodeSvg(uri: string, label: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  const clean = svg
    .replace(/<\?xml[^>]*>/g, '')
    .replace(/\sstyle="[^"]*"/g, '')
    .replace(/\sstyle='[^']*'/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .trim();
  return clean.replace(/^<svg\b/, `<svg class="gaz-qr" role="img" aria-label="${escapeAttribute(label)}" focusable="false"`);
}

// ---- Stored state on the user row --------------------------------------------------------------

export interface TotpState {
  secret: string | null;
  enabledAt: string | null;
  lastStep: number | null;
}

export async function totpStateOf(db: DbOrTx, userId: number): Promise<TotpState> {
  const row = await db
    .selectFrom('users')
    .select(['totp_secret', 'totp_enabled_at', 'totp_last_step'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    secret: row.totp_secret,
    enabledAt: row.totp_enabled_at,
    lastStep: row.totp_last_step === null ? null : Number(row.totp_last_step),
  };
}

/**
 * The secret being enrolled: created on first view of the enrolment page and kept until it is
 * confirmed, so reloading the page does not invalidate a QR code already scanned.
 */
export async function pendingTotpSecret(db: DbOrTx, userId: number, now: Date): Promise<string> {
  const state = await totpStateOf(db, userId);
  if (state.secret && !state.enabledAt) return state.secret;
  const secret = generateTotpSecret();
  await db
    .updateTable('users')
    .set({ totp_secret: secret, totp_last_step: null, updated_at: now.toISOString() })
    .where('id', '=', userId)
    .where('totp_enabled_at', 'is', null)
    .execute();
  return (await totpStateOf(db, userId)).secret ?? secret;
}

/**
 * Accepts a code for a user's secret at most once: the step is written only if it is later than
 * the last accepted one, in one conditional UPDATE, so two requests cannot both use one code.
 */
export async function consumeTotpCode(db: DbOrTx, userId: number, input: string, now: Date): Promise<boolean> {
  const state = await totpStateOf(db, userId);
  if (!state.secret) return false;
  const step = matchTotp(state.secret, input, now, state.lastStep);
  if (step === null) return false;
  const result = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Marks TOTP as enabled (after the first code was accepted with consumeTotpCode). */
export async function markTotpEnabled(db: DbOrTx, userId: number, now: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_enabled_at: now.toISOString(), updated_at: now.toISOString() })
    .where('id', '=', userId)
    .execute();
}
