// Account administration: create and invite users, change roles, deactivate and reactivate. Every
// write runs in one transaction together with its audit entry. Erasure is in users-erase.ts, grants
// in users-grants.ts. Writes take `(ctx: AuthCtx, …)`, reads `(db, …)`.
import { type Db, type DbOrTx, inTransaction } from '../../db/database.ts';
import { errors } from '../../http/errors.ts';
import type { Role } from '../../http/permissions.ts';
import { revokeAllApiTokensOf } from './api-tokens.ts';
import { type AuthCtx, authCtxFor, within } from './context.ts';
import { issuePasswordLink } from './one-time-links.ts';
import { hashPassword } from './passwords.ts';
import { queueEmail, recordAudit } from './ports.ts';
import { revokeSessionsOf } from './sessions.ts';
import { selectUserByEmail, selectUserById, selectUsers, type UserFilter, type UserRow } from './users.queries.ts';
import { auditView, checkCoordinatorLink, DUPLICATE_EMAIL, requireUser } from './users.rules.ts';

export type { UserRow } from './users.queries.ts';
export { DUPLICATE_EMAIL };

export interface NewUser {
  email: string;
  name?: string | null;
  role: Role;
  password?: string;
  municipalityCode?: string | null;
  coordinatorId?: number | null;
}

const SELF_DEACTIVATE = {
  nl: 'U kunt uw eigen account niet deactiveren. Vraag een andere beheerder.',
  en: 'You cannot deactivate your own account. Ask another administrator.',
};
const SELF_DEMOTE = {
  nl: 'U kunt uw eigen rol niet wijzigen. Vraag een andere beheerder.',
  en: 'You cannot change your own role. Ask another administrator.',
};

function normalise(input: NewUser) {
  return {
    email: input.email.trim().toLowerCase(),
    name: input.name?.trim() || null,
    role: input.role,
    municipalityCode: input.role === 'municipality' ? (input.municipalityCode ?? null) : null,
    coordinatorId: input.role === 'coordinator' ? (input.coordinatorId ?? null) : null,
  };
}

async function insertUser(ctx: AuthCtx, input: NewUser, status: 'invited' | 'active'): Promise<UserRow> {
  const u = normalise(input);
  if (await selectUserByEmail(ctx.db, u.email)) throw errors.badRequest(DUPLICATE_EMAIL, [{ field: 'email', message: DUPLICATE_EMAIL }]);
  if (u.coordinatorId !== null) await checkCoordinatorLink(ctx, null, u.coordinatorId);
  const now = ctx.now.toISOString();
  const passwordHash = input.password ? await hashPassword(input.password, ctx.config.passwordHashCost) : null;
  const { id } = await ctx.db
    .insertInto('users')
    .values({
      email: u.email,
      name: u.name,
      role: u.role,
      status: passwordHash ? 'active' : status,
      password_hash: passwordHash,
      password_changed_at: passwordHash ? now : null,
      totp_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
      coordinator_id: u.coordinatorId,
      municipality_code: u.municipalityCode,
      locale: null,
      last_login_at: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await requireUser(ctx.db, Number(id));
  await recordAudit(ctx.db, {
    at: ctx.now,
    actor: ctx.actor,
    action: 'create',
    entity: 'user',
    entityId: Number(id),
    after: auditView(row),
    subjectUserIds: [Number(id)],
  });
  return row;
}

/** Creates an account; with a password it is active at once, without one it waits for a link. */
export async function createUser(ctx: AuthCtx, input: NewUser): Promise<UserRow> {
  return inTransaction(ctx.db, (trx) => insertUser(within(ctx, trx), input, 'invited'));
}

export function invitationEmail(link: string, name: string | null) {
  const greeting = name ? `Beste ${name},` : 'Beste,';
  return {
    subject: 'Uitnodiging voor Gemeenten aan zet',
    text: [
      greeting,
      '',
      'Er is een account voor u aangemaakt op Gemeenten aan zet, het platform van het programma tegen mensenhandel.',
      'Kies via deze link een wachtwoord. De link is 7 dagen geldig en werkt één keer:',
      '',
      link,
      '',
      'Verwachtte u deze uitnodiging niet? Dan kunt u dit bericht negeren.',
      '',
      '---',
      'You have been invited to Gemeenten aan zet. Choose a password with the link above (valid for 7 days, single use).',
    ].join('\n'),
  };
}

/** Creates an 'invited' account and queues an email with a link to choose a password. */
export async function inviteUser(ctx: AuthCtx, input: Omit<NewUser, 'password'>): Promise<UserRow> {
  return inTransaction(ctx.db, async (trx) => {
    const tx = within(ctx, trx);
    if (input.role === 'coordinator' && (input.coordinatorId ?? null) === null) await checkCoordinatorLink(tx, null, null);
    const row = await insertUser(tx, { ...input, password: undefined }, 'invited');
    const link = await issuePasswordLink(tx, row.id, 'invite');
    await queueEmail(trx, { to: row.email, ...invitationEmail(link, row.name), at: ctx.now });
    return row;
  });
}

/** Sends a fresh invitation link to an account that has not set a password yet. */
export async function resendInvitation(ctx: AuthCtx, userId: number): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const row = await requireUser(trx, userId);
    if (row.status !== 'invited') throw errors.badRequest({ nl: 'Dit account is al in gebruik.', en: 'This account is already in use.' });
    const link = await issuePasswordLink(within(ctx, trx), row.id, 'invite');
    await queueEmail(trx, { to: row.email, ...invitationEmail(link, row.name), at: ctx.now });
    await recordAudit(trx, { at: ctx.now, actor: ctx.actor, action: 'invite', entity: 'user', entityId: userId, subjectUserIds: [userId] });
  });
}

export interface RoleChange {
  role: Role;
  municipalityCode?: string | null;
  coordinatorId?: number | null;
}

export async function changeRole(ctx: AuthCtx, userId: number, change: RoleChange): Promise<UserRow> {
  if (ctx.actor.userId === userId) throw errors.badRequest(SELF_DEMOTE, [{ field: 'role', message: SELF_DEMOTE }]);
  return inTransaction(ctx.db, async (trx) => {
    const before = await requireUser(trx, userId);
    const municipalityCode = change.role === 'municipality' ? (change.municipalityCode ?? null) : null;
    const coordinatorId = change.role === 'coordinator' ? (change.coordinatorId ?? null) : null;
    if (coordinatorId !== null) await checkCoordinatorLink(within(ctx, trx), userId, coordinatorId);
    await trx
      .updateTable('users')
      .set({ role: change.role, municipality_code: municipalityCode, coordinator_id: coordinatorId, updated_at: ctx.now.toISOString() })
      .where('id', '=', userId)
      .execute();
    // Sessions carry no role (it is read per request), but a new role is a good moment to log in afresh.
    if (change.role !== before.role) await revokeSessionsOf(trx, userId);
    return recordUserUpdate(within(ctx, trx), before);
  });
}

async function setStatus(ctx: AuthCtx, userId: number, next: 'active' | 'deactivated' | 'invited') {
  const before = await requireUser(ctx.db, userId);
  await ctx.db.updateTable('users').set({ status: next, updated_at: ctx.now.toISOString() }).where('id', '=', userId).execute();
  return recordUserUpdate(ctx, before);
}

/** Reads the user after an update and records the change (before → after) in the audit trail. */
export async function recordUserUpdate(ctx: AuthCtx, before: UserRow): Promise<UserRow> {
  const after = await requireUser(ctx.db, before.id);
  await recordAudit(ctx.db, {
    at: ctx.now,
    actor: ctx.actor,
    action: 'update',
    entity: 'user',
    entityId: before.id,
    before: auditView(before),
    after: auditView(after),
    subjectUserIds: [before.id],
  });
  return after;
}

/** Blocks an account: its sessions end and its API tokens are revoked at once. */
export async function deactivateUser(ctx: AuthCtx, userId: number): Promise<UserRow> {
  if (ctx.actor.userId === userId) throw errors.badRequest(SELF_DEACTIVATE);
  return inTransaction(ctx.db, async (trx) => {
    const row = await setStatus(within(ctx, trx), userId, 'deactivated');
    await revokeSessionsOf(trx, userId);
    await revokeAllApiTokensOf(trx, userId, ctx.now);
    return row;
  });
}

/** Unblocks an account; without a password it goes back to 'invited'. Revoked tokens stay revoked. */
export async function reactivateUser(ctx: AuthCtx, userId: number): Promise<UserRow> {
  return inTransaction(ctx.db, async (trx) => {
    const row = await trx.selectFrom('users').select(['password_hash']).where('id', '=', userId).executeTakeFirst();
    if (!row) throw errors.notFound({ nl: 'Deze gebruiker bestaat niet.', en: 'This user does not exist.' });
    return setStatus(within(ctx, trx), userId, row.password_hash ? 'active' : 'invited');
  });
}

export async function listUsers(db: DbOrTx, filter: UserFilter = {}) {
  return selectUsers(db, filter);
}

export async function findUserByEmail(db: DbOrTx, email: string) {
  return (await selectUserByEmail(db, email)) ?? null;
}

export async function findUserById(db: DbOrTx, id: number) {
  return (await selectUserById(db, id)) ?? null;
}

/** The fictional coordinator account of the demo scenario (see demo.ts). */
export const DEMO_COORDINATOR_EMAIL = 'zorgcoordinator@demo.gemeentenaanzet.invalid';

/** Called by the network module's demo part: the demo coordinator account edits that coordinator. */
export async function linkDemoCoordinator(deps: Parameters<typeof authCtxFor>[0], coordinatorId: number): Promise<void> {
  const row = await findUserByEmail(deps.db, DEMO_COORDINATOR_EMAIL);
  if (row?.role !== 'coordinator' || Number(row.coordinator_id) === coordinatorId) return;
  await changeRole(authCtxFor(deps, { userId: null, label: 'demo' }), row.id, { role: 'coordinator', coordinatorId });
}

/** How many accounts exist (any status). */
export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
