// Password hashing (scrypt from node:crypto) and the rules a new password must meet.
// Stored format: `scrypt$N$r$p$saltB64$hashB64`, so the cost can be raised later without
// invalidating existing hashes (verifyPassword reads the parameters from the hash itself).
import { randomBytes, type ScryptOptions, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { PRODUCTION_PASSWORD_HASH_COST } from '../../config.ts';
import { inTransaction } from '../../db/database.ts';
import type { Role } from '../../http/permissions.ts';
import { msg } from '../../http/validate.ts';
import type { AuthCtx } from './context.ts';
import { queueEmail, recordAudit } from './ports.ts';
import { revokeSessionsOf } from './sessions.ts';

/** scrypt parameters of new hashes; N comes from `config.passwordHashCost` (2^15 in production). */
export const SCRYPT_PARAMS = { N: 2 ** PRODUCTION_PASSWORD_HASH_COST, r: 8, p: 1, keyLength: 64, saltLength: 16 } as const;
/** scrypt needs 128·N·r bytes (32 MiB at N = 2^15); node's default limit is 32 MiB, so raise it. */
const MAXMEM = 64 * 1024 * 1024;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** A new hash at cost N = 2^cost (pass `config.passwordHashCost`; the default is production strength). */
export async function hashPassword(password: string, cost: number = PRODUCTION_PASSWORD_HASH_COST): Promise<string> {
  const { r, p, keyLength, saltLength } = SCRYPT_PARAMS;
  const N = 2 ** cost;
  const salt = randomBytes(saltLength);
  const hash = await scrypt(password, salt, keyLength, { N, r, p, maxmem: MAXMEM });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Constant-time check of a password against a stored hash (its own N, r, p); false for any malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 2 ** 20) return false;
  const salt = Buffer.from(parts[4], 'base64');
  const expected = Buffer.from(parts[5], 'base64');
  if (salt.length === 0 || expected.length === 0) return false;
  const actual = await scrypt(password, salt, expected.length, { N, r, p, maxmem: Math.max(MAXMEM, 256 * N * r) });
  return timingSafeEqual(actual, expected);
}

/** True when a hash was made with weaker parameters than `cost` asks for today (rehash at the next login). */
export function needsRehash(stored: string, cost: number = PRODUCTION_PASSWORD_HASH_COST): boolean {
  const [scheme, N, r, p] = stored.split('$');
  return scheme !== 'scrypt' || Number(N) < 2 ** cost || Number(r) < SCRYPT_PARAMS.r || Number(p) < SCRYPT_PARAMS.p;
}

const dummyHashes = new Map<number, Promise<string>>();

/**
 * Spends the same time as a real check, for logins with an unknown email address: the answer
 * time must not tell whether an account exists. The dummy hash has the configured cost.
 */
export async function verifyAgainstDummy(password: string, cost: number = PRODUCTION_PASSWORD_HASH_COST): Promise<false> {
  let dummy = dummyHashes.get(cost);
  if (!dummy) {
    dummy = hashPassword('not-a-real-password-only-for-timing', cost);
    dummyHashes.set(cost, dummy);
  }
  await verifyPassword(password, await dummy);
  return false;
}

/** What a new password must meet. Length is what matters (NIST SP 800-63B); no composition rules. */
export const PASSWORD_RULES: z.ZodType<string> = z
  .string(msg({ nl: 'Vul een wachtwoord in.', en: 'Enter a password.' }))
  .min(
    PASSWORD_MIN,
    msg({
      nl: `Kies een wachtwoord van minstens ${PASSWORD_MIN} tekens. Een zin van een paar woorden is sterk en goed te onthouden.`,
      en: `Choose a password of at least ${PASSWORD_MIN} characters. A sentence of a few words is strong and easy to remember.`,
    }),
  )
  .max(PASSWORD_MAX, msg({ nl: `Gebruik hoogstens ${PASSWORD_MAX} tekens.`, en: `Use at most ${PASSWORD_MAX} characters.` }))
  .refine(
    (value) => value.trim().length > 0,
    msg({ nl: 'Een wachtwoord van alleen spaties is niet toegestaan.', en: 'A password of only spaces is not allowed.' }),
  );

// ---- Changing a stored password ----------------------------------------------------------------

export type ChangePasswordResult = { ok: true } | { ok: false; reason: 'wrong_current' | 'same_as_current' };

/**
 * A signed-in user changes their own password: the current one must be right. Other sessions of
 * the user end (the current one, named by its hash, stays), and so does every password link sent
 * before (checkPasswordLink); the change is audited and the user is told by email, so a change
 * they did not make does not go unnoticed.
 */
export async function changePassword(
  ctx: AuthCtx,
  input: { userId: number; currentPassword: string; newPassword: string; keepSessionIdHash?: string | null },
): Promise<ChangePasswordResult> {
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'email', 'password_hash'])
    .where('id', '=', input.userId)
    .executeTakeFirstOrThrow();
  const currentOk = user.password_hash ? await verifyPassword(input.currentPassword, user.password_hash) : false;
  if (!currentOk) return { ok: false, reason: 'wrong_current' };
  if (input.currentPassword === input.newPassword) return { ok: false, reason: 'same_as_current' };
  const hash = await hashPassword(input.newPassword, ctx.config.passwordHashCost);
  const now = ctx.now;
  await inTransaction(ctx.db, async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: hash, password_changed_at: now.toISOString(), updated_at: now.toISOString() })
      .where('id', '=', user.id)
      .execute();
    await revokeSessionsOf(trx, user.id, { exceptIdHash: input.keepSessionIdHash ?? undefined });
    await recordAudit(trx, {
      at: now,
      actor: ctx.actor,
      action: 'password.change',
      entity: 'user',
      entityId: user.id,
      after: { password_changed_at: now.toISOString() },
      subjectUserIds: [user.id],
    });
    await queueEmail(trx, { to: user.email, at: now, ...passwordChangedEmail(ctx.config.publicBaseUrl) });
  });
  return { ok: true };
}

export function passwordChangedEmail(base: string): { subject: string; text: string } {
  return {
    subject: 'Uw wachtwoord is gewijzigd / Your password was changed',
    text: [
      'Het wachtwoord van uw account bij Gemeenten aan zet is zojuist gewijzigd.',
      'Deed u dit niet zelf? Stel dan direct een nieuw wachtwoord in via',
      `${base}/wachtwoord/vergeten en neem contact op met het programmateam.`,
      '',
      '---',
      '',
      'The password of your Gemeenten aan zet account was just changed.',
      `If this was not you, set a new password at ${base}/wachtwoord/vergeten right away`,
      'and contact the programme team.',
    ].join('\n'),
  };
}

// ---- Checking a login --------------------------------------------------------------------------

export interface CheckedUser {
  id: number;
  email: string;
  role: Role;
  totpEnabled: boolean;
}

/**
 * The account an email and password belong to, or null. Unknown addresses, accounts without a
 * password (invited) and deactivated accounts all answer null after the same amount of work. A hash
 * weaker than today's cost is replaced at a successful login.
 */
export async function checkCredentials(ctx: AuthCtx, email: string, password: string): Promise<CheckedUser | null> {
  const cost = ctx.config.passwordHashCost;
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'email', 'role', 'status', 'password_hash', 'totp_enabled_at'])
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  if (!user?.password_hash) return verifyAgainstDummy(password, cost).then(() => null);
  const ok = await verifyPassword(password, user.password_hash);
  if (!ok || user.status !== 'active') return null;
  if (needsRehash(user.password_hash, cost)) {
    const rehashed = await hashPassword(password, cost);
    await ctx.db.updateTable('users').set({ password_hash: rehashed }).where('id', '=', user.id).execute();
  }
  return { id: Number(user.id), email: user.email, role: user.role, totpEnabled: Boolean(user.totp_enabled_at) };
}
