// Recovery codes: ten single-use codes shown once at TOTP enrolment, for when the phone is lost.
// Only their sha256 is stored (each code carries ~50 random bits, so a fast hash suffices).
import { createHash, randomInt } from 'node:crypto';
import type { DbOrTx } from '../../db/database.ts';

export const RECOVERY_CODE_COUNT = 10;
/** No 0/o, 1/l/i: a code is read from paper and typed over. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUP = 5;

export function generateRecoveryCode(): string {
  let code = '';
  for (let i = 0; i < GROUP * 2; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, GROUP)}-${code.slice(GROUP)}`;
}

/** Case, spaces and dashes do not matter when a code is typed. */
export function normalizeRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, '');
}

export function looksLikeRecoveryCode(input: string): boolean {
  return /^[a-z0-9]{10}$/.test(normalizeRecoveryCode(input));
}

function hashCode(code: string): string {
  return createHash('sha256').update(normalizeRecoveryCode(code)).digest('hex');
}

/** Replaces all of a user's recovery codes with ten new ones and returns them (to show once). */
export async function replaceRecoveryCodes(db: DbOrTx, userId: number): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await db
    .insertInto('recovery_codes')
    .values(codes.map((code) => ({ user_id: userId, code_hash: hashCode(code), used_at: null })))
    .execute();
  return codes;
}

/** Uses a code once: true if it was valid and unused (one conditional UPDATE, so race-safe). */
export async function consumeRecoveryCode(db: DbOrTx, userId: number, input: string, now: Date): Promise<boolean> {
  if (!looksLikeRecoveryCode(input)) return false;
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hashCode(input))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function remainingRecoveryCodes(db: DbOrTx, userId: number): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function deleteRecoveryCodes(db: DbOrTx, userId: number): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
}
