// One-time links to set a password: 'reset' (forgot password, valid 1 hour) and 'invite' (a new
// account, valid 7 days). The link carries 32 random bytes; only their sha256 is stored. Issuing a
// new link of a purpose ends the user's earlier unused links of that purpose, and a change of the
// password ends every link sent before it (410 Gone).
import { createHash, randomBytes } from 'node:crypto';
import { type DbOrTx, inTransaction } from '../../db/database.ts';
import type { AuthCtx } from './context.ts';
import { hashPassword, passwordChangedEmail } from './passwords.ts';
import { queueEmail, recordAudit } from './ports.ts';
import { revokeSessionsOf } from './sessions.ts';

export type LinkPurpose = 'invite' | 'reset';

export const LINK_LIFETIME_MINUTES: Record<LinkPurpose, number> = {
  reset: 60,
  invite: 7 * 24 * 60,
};

export const SET_PASSWORD_PATH = '/wachtwoord/instellen';

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a link for a user and returns its absolute URL (to put in an email, or print in the CLI). */
export async function issuePasswordLink(ctx: AuthCtx, userId: number, purpose: LinkPurpose): Promise<string> {
  const now = ctx.now;
  const token = randomBytes(32).toString('base64url');
  await ctx.db
    .updateTable('one_time_tokens')
    .set({ expires_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .execute();
  await ctx.db
    .insertInto('one_time_tokens')
    .values({
      user_id: userId,
      purpose,
      token_hash: hashToken(token),
      expires_at: new Date(now.getTime() + LINK_LIFETIME_MINUTES[purpose] * 60_000).toISOString(),
      used_at: null,
      created_at: now.toISOString(),
    })
    .execute();
  return `${ctx.config.publicBaseUrl}${SET_PASSWORD_PATH}?token=${token}`;
}

export type LinkCheck =
  | { status: 'valid'; tokenId: number; userId: number; purpose: LinkPurpose; email: string }
  | { status: 'unknown' | 'expired' | 'used' };

/** What a token from a link is worth right now (it is not used up by looking). */
export async function checkPasswordLink(db: DbOrTx, token: unknown, now: Date): Promise<LinkCheck> {
  if (typeof token !== 'string' || !/^[\w-]{20,100}$/.test(token)) return { status: 'unknown' };
  const row = await db
    .selectFrom('one_time_tokens')
    .innerJoin('users', 'users.id', 'one_time_tokens.user_id')
    .select([
      'one_time_tokens.id',
      'one_time_tokens.user_id',
      'one_time_tokens.purpose',
      'one_time_tokens.expires_at',
      'one_time_tokens.used_at',
      'one_time_tokens.created_at',
      'users.email',
      'users.status',
      'users.password_changed_at',
    ])
    .where('one_time_tokens.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.status === 'deactivated') return { status: 'unknown' };
  if (row.used_at) return { status: 'used' };
  if (new Date(row.expires_at).getTime() <= now.getTime()) return { status: 'expired' };
  // A link sent before the password last changed (by the user, a reset or an admin) is over: 410.
  if (row.password_changed_at && row.created_at < row.password_changed_at) return { status: 'expired' };
  return { status: 'valid', tokenId: Number(row.id), userId: Number(row.user_id), purpose: row.purpose, email: row.email };
}

/** Marks a token used; false if another request used it first. */
export async function markLinkUsed(db: DbOrTx, tokenId: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('one_time_tokens')
    .set({ used_at: now.toISOString() })
    .where('id', '=', tokenId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** How many reset links a user was sent since a moment (to stop a flood of reset emails). */
export async function linksIssuedSince(db: DbOrTx, userId: number, purpose: LinkPurpose, since: Date): Promise<number> {
  const row = await db
    .selectFrom('one_time_tokens')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('created_at', '>', since.toISOString())
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export type SetPasswordResult = { ok: true; userId: number; email: string } | { ok: false; status: 'unknown' | 'expired' | 'used' };

/**
 * Sets a password from a link: the token is used up, an invited account becomes active, every
 * session of the account ends and the change is audited, all in one transaction. The actor is
 * the link's owner (whoever holds the link acts as them).
 */
export async function setPasswordWithLink(ctx: AuthCtx, input: { token: unknown; newPassword: string }): Promise<SetPasswordResult> {
  const first = await checkPasswordLink(ctx.db, input.token, ctx.now);
  if (first.status !== 'valid') return { ok: false, status: first.status };
  const hash = await hashPassword(input.newPassword, ctx.config.passwordHashCost);
  const now = ctx.now;
  return inTransaction(ctx.db, async (trx): Promise<SetPasswordResult> => {
    if (!(await markLinkUsed(trx, first.tokenId, now))) return { ok: false, status: 'used' };
    const before = await trx.selectFrom('users').select(['status']).where('id', '=', first.userId).executeTakeFirstOrThrow();
    const status = before.status === 'invited' ? 'active' : before.status;
    await trx
      .updateTable('users')
      .set({ password_hash: hash, password_changed_at: now.toISOString(), status, updated_at: now.toISOString() })
      .where('id', '=', first.userId)
      .execute();
    await revokeSessionsOf(trx, first.userId);
    await recordAudit(trx, {
      at: now,
      actor: { userId: first.userId, label: first.email, requestId: ctx.actor.requestId },
      action: first.purpose === 'invite' ? 'password.set' : 'password.reset',
      entity: 'user',
      entityId: first.userId,
      before: { status: before.status },
      after: { status, password_changed_at: now.toISOString() },
      subjectUserIds: [first.userId],
    });
    if (first.purpose === 'reset') {
      await queueEmail(trx, { to: first.email, at: now, ...passwordChangedEmail(ctx.config.publicBaseUrl) });
    }
    return { ok: true, userId: first.userId, email: first.email };
  });
}

/** The reset email: the link, how long it works, and what to do if it was not asked for. */
export function resetEmail(link: string): { subject: string; text: string } {
  return {
    subject: 'Nieuw wachtwoord instellen / Set a new password',
    text: [
      'U heeft gevraagd om een nieuw wachtwoord voor Gemeenten aan zet.',
      'Kies een nieuw wachtwoord via deze link (1 uur geldig, één keer te gebruiken):',
      '',
      link,
      '',
      'Heeft u dit niet gevraagd? Dan kunt u deze e-mail negeren; uw wachtwoord blijft hetzelfde.',
      '',
      '---',
      '',
      'You asked for a new password for Gemeenten aan zet.',
      'Choose a new password with the link above (valid for 1 hour, usable once).',
      'If you did not ask for this, ignore this email; your password stays the same.',
    ].join('\n'),
  };
}
