// Personal API tokens for staff: `Authorization: Bearer gaz_…` on /api/v1 — and nowhere else: on
// pages and forms the header is ignored. The token is shown once; only its sha256 is stored. A token
// acts with its owner's *current* role, never more, and stops working when it is revoked, the owner
// is deactivated or demoted, or the owner has no two-step verification (staff must have it).

import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type DbOrTx, inTransaction } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import type { ServiceCtx } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import type { Role } from '../../http/permissions.ts';
import type { RequestUser } from '../../http/request-user.ts';
import { grantsOf } from './grants.ts';
import { recordAudit } from './ports.ts';

export const TOKEN_PREFIX = 'gaz_';
/** Roles that may hold API tokens. */
export const TOKEN_ROLES: readonly Role[] = ['admin', 'adviser'];
/** last_used_at is written at most this often per token, so busy clients do not write on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function generateApiToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

const NOT_STAFF = {
  nl: 'Alleen medewerkers van het programma (beheerders en adviseurs) kunnen API-tokens maken.',
  en: 'Only programme staff (administrators and advisers) can create API tokens.',
};

const NO_TOTP = {
  nl: 'Zet eerst tweestapsverificatie aan voor dit account; een API-token werkt alleen voor accounts die dat hebben gedaan.',
  en: 'Turn on two-step verification for this account first; an API token only works for accounts that have done so.',
};

export async function createApiToken(
  ctx: ServiceCtx,
  userId: number,
  name: string,
): Promise<{ token: string; id: number; prefix: string }> {
  return inTransaction(ctx.db, async (trx) => {
    const owner = await trx.selectFrom('users').select(['role', 'status', 'totp_enabled_at']).where('id', '=', userId).executeTakeFirst();
    if (!owner) throw errors.notFound({ nl: 'Deze gebruiker bestaat niet.', en: 'This user does not exist.' });
    if (!TOKEN_ROLES.includes(owner.role)) throw errors.badRequest(NOT_STAFF);
    if (owner.status !== 'active') {
      throw errors.badRequest({ nl: 'Dit account is niet actief.', en: 'This account is not active.' });
    }
    if (!owner.totp_enabled_at) throw errors.badRequest(NO_TOTP);
    const token = generateApiToken();
    const prefix = token.slice(0, 8);
    const trimmedName = name.trim().slice(0, 100) || 'API-token';
    const { id } = await trx
      .insertInto('api_tokens')
      .values({
        user_id: userId,
        name: trimmedName,
        token_hash: hashApiToken(token),
        prefix,
        created_at: ctx.now.toISOString(),
        last_used_at: null,
        revoked_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'create',
      entity: 'api_token',
      entityId: Number(id),
      after: { userId, name: trimmedName, prefix },
      subjectUserIds: [userId],
    });
    return { token, id: Number(id), prefix };
  });
}

/** Revokes one of the user's tokens; false when there is no such live token. */
export async function revokeApiToken(ctx: ServiceCtx, userId: number, tokenId: number): Promise<boolean> {
  return inTransaction(ctx.db, async (trx) => {
    const now = ctx.now.toISOString();
    const result = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('id', '=', tokenId)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'update',
      entity: 'api_token',
      entityId: tokenId,
      before: { revokedAt: null },
      after: { revokedAt: now },
      subjectUserIds: [userId],
    });
    return true;
  });
}

/** Revokes every live token of a user (deactivation, erasure); the caller records the audit entry. */
export async function revokeAllApiTokensOf(db: DbOrTx, userId: number, now: Date): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

export interface ApiTokenView {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export async function listApiTokens(db: Kysely<Database>, userId: number): Promise<ApiTokenView[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'prefix', 'created_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    prefix: r.prefix,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  }));
}

/** The user a Bearer token acts for, or null when the token is unknown, revoked or its owner inactive. */
export async function authenticateApiToken(db: Kysely<Database>, bearer: string, now: Date): Promise<RequestUser | null> {
  if (!bearer.startsWith(TOKEN_PREFIX) || bearer.length > 200) return null;
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id as tokenId',
      'api_tokens.last_used_at',
      'users.id as userId',
      'users.email',
      'users.name',
      'users.role',
      'users.status',
      'users.coordinator_id',
      'users.municipality_code',
      'users.grants',
      'users.totp_enabled_at',
    ])
    .where('api_tokens.token_hash', '=', hashApiToken(bearer))
    .where('api_tokens.revoked_at', 'is', null)
    .executeTakeFirst();
  if (row?.status !== 'active') return null;
  // A token outlives a demotion only with the owner's new role; a role that may not hold tokens loses it.
  if (!TOKEN_ROLES.includes(row.role)) return null;
  // Token holders are staff, who must use two-step verification: without it, no token works.
  if (!row.totp_enabled_at) return null;
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) >= LAST_USED_RESOLUTION_MS) {
    await db.updateTable('api_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', row.tokenId).execute();
  }
  return {
    id: Number(row.userId),
    email: row.email,
    name: row.name,
    role: row.role,
    coordinatorId: row.coordinator_id === null ? null : Number(row.coordinator_id),
    municipalityCode: row.municipality_code,
    grants: grantsOf(row.grants),
    // Only owners who enrolled two-step verification get this far.
    mustEnrolTotp: false,
    via: 'token',
    sessionId: null,
  };
}
