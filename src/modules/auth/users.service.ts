// Account administration: create and invite users, change roles, deactivate, reactivate and
// erase (GDPR). Every write runs in one transaction together with its audit entry.
import type { Kysely } from 'kysely';
import { type Db, type DbOrTx, inTransaction } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import type { AppDeps } from '../../deps.ts';
import { AppError, errors } from '../../http/errors.ts';
import type { Role } from '../../http/permissions.ts';
import type { Actor } from '../../http/request-user.ts';
import { eraseAuditSubject } from '../audit/index.ts';
import { revokeAllApiTokensOf } from './api-tokens.ts';
import { issuePasswordLink } from './one-time-links.ts';
import { hashPassword } from './passwords.ts';
import { queueEmail, recordAudit } from './ports.ts';
import { revokeSessionsOf } from './sessions.ts';
import { accountKey } from './throttle.ts';
import { selectUserByEmail, selectUserById, selectUsers, type UserFilter, type UserRow } from './users.queries.ts';

export type { UserRow } from './users.queries.ts';

export interface NewUser {
  email: string;
  name?: string | null;
  role: Role;
  password?: string;
  municipalityCode?: string | null;
  coordinatorId?: number | null;
}

export const DUPLICATE_EMAIL = {
  nl: 'Er bestaat al een account met dit e-mailadres.',
  en: 'An account with this email address already exists.',
};

const SELF_DEACTIVATE = {
  nl: 'U kunt uw eigen account niet deactiveren. Vraag een andere beheerder.',
  en: 'You cannot deactivate your own account. Ask another administrator.',
};
const SELF_DEMOTE = {
  nl: 'U kunt uw eigen rol niet wijzigen. Vraag een andere beheerder.',
  en: 'You cannot change your own role. Ask another administrator.',
};
const SELF_ERASE = {
  nl: 'U kunt uw eigen gegevens niet wissen. Vraag een andere beheerder.',
  en: 'You cannot erase your own data. Ask another administrator.',
};

/** What the audit trail keeps of an account (never a password or TOTP secret). */
function auditView(u: Pick<UserRow, 'email' | 'name' | 'role' | 'status' | 'municipality_code' | 'coordinator_id'>) {
  return {
    email: u.email,
    name: u.name,
    role: u.role,
    status: u.status,
    municipalityCode: u.municipality_code,
    coordinatorId: u.coordinator_id === null ? null : Number(u.coordinator_id),
  };
}

function normalise(input: NewUser) {
  return {
    email: input.email.trim().toLowerCase(),
    name: input.name?.trim() || null,
    role: input.role,
    municipalityCode: input.role === 'municipality' ? (input.municipalityCode ?? null) : null,
    coordinatorId: input.role === 'coordinator' ? (input.coordinatorId ?? null) : null,
  };
}

async function insertUser(deps: AppDeps, trx: DbOrTx, actor: Actor, input: NewUser, status: 'invited' | 'active'): Promise<UserRow> {
  const u = normalise(input);
  if (await selectUserByEmail(trx, u.email)) {
    throw errors.badRequest(DUPLICATE_EMAIL, [{ field: 'email', message: DUPLICATE_EMAIL }]);
  }
  const now = deps.now().toISOString();
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const { id } = await trx
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
  const row = (await selectUserById(trx, Number(id)))!;
  await recordAudit(trx, {
    at: deps.now(),
    actor,
    action: 'create',
    entity: 'user',
    entityId: Number(id),
    after: auditView(row),
    subjectUserIds: [Number(id)],
  });
  return row;
}

/** Creates an account; with a password it is active at once, without one it waits for a link. */
export async function createUser(deps: AppDeps, actor: Actor, input: NewUser): Promise<UserRow> {
  return inTransaction(deps.db, (trx) => insertUser(deps, trx, actor, input, 'invited'));
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
export async function inviteUser(deps: AppDeps, actor: Actor, input: Omit<NewUser, 'password'>): Promise<UserRow> {
  return inTransaction(deps.db, async (trx) => {
    const row = await insertUser(deps, trx, actor, { ...input, password: undefined }, 'invited');
    const link = await issuePasswordLink(deps, trx, row.id, 'invite');
    await queueEmail(trx, { to: row.email, ...invitationEmail(link, row.name), at: deps.now() });
    return row;
  });
}

/** Sends a fresh invitation link to an account that has not set a password yet. */
export async function resendInvitation(deps: AppDeps, actor: Actor, userId: number): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    const row = await requireUser(trx, userId);
    if (row.status !== 'invited') throw errors.badRequest({ nl: 'Dit account is al in gebruik.', en: 'This account is already in use.' });
    const link = await issuePasswordLink(deps, trx, row.id, 'invite');
    await queueEmail(trx, { to: row.email, ...invitationEmail(link, row.name), at: deps.now() });
    await recordAudit(trx, { at: deps.now(), actor, action: 'invite', entity: 'user', entityId: userId, subjectUserIds: [userId] });
  });
}

async function requireUser(db: DbOrTx, userId: number): Promise<UserRow> {
  const row = await selectUserById(db, userId);
  if (!row) throw errors.notFound({ nl: 'Deze gebruiker bestaat niet.', en: 'This user does not exist.' });
  return row;
}

export interface RoleChange {
  role: Role;
  municipalityCode?: string | null;
  coordinatorId?: number | null;
}

export async function changeRole(deps: AppDeps, actor: Actor, userId: number, change: RoleChange): Promise<UserRow> {
  if (actor.userId === userId) throw errors.badRequest(SELF_DEMOTE, [{ field: 'role', message: SELF_DEMOTE }]);
  return inTransaction(deps.db, async (trx) => {
    const before = await requireUser(trx, userId);
    const municipalityCode = change.role === 'municipality' ? (change.municipalityCode ?? null) : null;
    const coordinatorId = change.role === 'coordinator' ? (change.coordinatorId ?? null) : null;
    await trx
      .updateTable('users')
      .set({ role: change.role, municipality_code: municipalityCode, coordinator_id: coordinatorId, updated_at: deps.now().toISOString() })
      .where('id', '=', userId)
      .execute();
    // Sessions carry no role (it is read per request), but a new role is a good moment to log in afresh.
    if (change.role !== before.role) await revokeSessionsOf(trx, userId);
    return recordUserUpdate(deps, actor, trx, before);
  });
}

async function setStatus(deps: AppDeps, actor: Actor, userId: number, next: 'active' | 'deactivated' | 'invited', trx: DbOrTx) {
  const before = await requireUser(trx, userId);
  await trx.updateTable('users').set({ status: next, updated_at: deps.now().toISOString() }).where('id', '=', userId).execute();
  return recordUserUpdate(deps, actor, trx, before);
}

/** Reads the user after an update and records the change (before → after) in the audit trail. */
async function recordUserUpdate(deps: AppDeps, actor: Actor, trx: DbOrTx, before: UserRow): Promise<UserRow> {
  const after = (await selectUserById(trx, before.id))!;
  await recordAudit(trx, {
    at: deps.now(),
    actor,
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
export async function deactivateUser(deps: AppDeps, actor: Actor, userId: number): Promise<UserRow> {
  if (actor.userId === userId) throw errors.badRequest(SELF_DEACTIVATE);
  return inTransaction(deps.db, async (trx) => {
    const row = await setStatus(deps, actor, userId, 'deactivated', trx);
    await revokeSessionsOf(trx, userId);
    await revokeAllApiTokensOf(trx, userId, deps.now());
    return row;
  });
}

/** Unblocks an account; without a password it goes back to 'invited'. Revoked tokens stay revoked. */
export async function reactivateUser(deps: AppDeps, actor: Actor, userId: number): Promise<UserRow> {
  return inTransaction(deps.db, async (trx) => {
    const row = await trx.selectFrom('users').select(['password_hash']).where('id', '=', userId).executeTakeFirst();
    if (!row) throw errors.notFound({ nl: 'Deze gebruiker bestaat niet.', en: 'This user does not exist.' });
    return setStatus(deps, actor, userId, row.password_hash ? 'active' : 'invited', trx);
  });
}

/** The address an erased account keeps: unique, and never deliverable. */
export function erasedEmail(userId: number): string {
  return `verwijderd-${userId}@invalid`;
}

/**
 * GDPR erasure: removes the person's name, email, password, two-factor secret and links; ends all
 * sessions and tokens; and erases them from the audit entries about them. The row stays (deactivated)
 * so references from other records keep pointing somewhere.
 */
export async function eraseUser(deps: AppDeps, actor: Actor, userId: number): Promise<void> {
  if (actor.userId === userId) throw errors.badRequest(SELF_ERASE);
  await inTransaction(deps.db, async (trx) => {
    const before = await requireUser(trx, userId);
    const now = deps.now();
    await trx
      .updateTable('users')
      .set({
        email: erasedEmail(userId),
        name: null,
        status: 'deactivated',
        password_hash: null,
        password_changed_at: null,
        totp_secret: null,
        totp_enabled_at: null,
        totp_last_step: null,
        coordinator_id: null,
        municipality_code: null,
        locale: null,
        last_login_at: null,
        updated_at: now.toISOString(),
      })
      .where('id', '=', userId)
      .execute();
    await revokeSessionsOf(trx, userId);
    await revokeAllApiTokensOf(trx, userId, now);
    // Token names may be personal ("laptop van Jan"): they go too.
    await trx.updateTable('api_tokens').set({ name: '—' }).where('user_id', '=', userId).execute();
    await trx.deleteFrom('one_time_tokens').where('user_id', '=', userId).execute();
    await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    await trx.deleteFrom('login_failures').where('scope_key', '=', accountKey(deps, before.email)).execute();
    await eraseAuditSubject(trx, userId, [before.email, before.name ?? ''].filter(Boolean));
    // The erasure itself is recorded without any personal data.
    await recordAudit(trx, { at: now, actor, action: 'erase', entity: 'user', entityId: userId });
  });
}

export async function listUsers(db: Db | Kysely<Database>, filter: UserFilter = {}) {
  return selectUsers(db, filter);
}

export async function findUserByEmail(db: Db | Kysely<Database>, email: string) {
  return (await selectUserByEmail(db, email)) ?? null;
}

export async function findUserById(db: Db | Kysely<Database>, id: number) {
  return (await selectUserById(db, id)) ?? null;
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** The fictional coordinator account of the demo scenario (see demo.ts). */
export const DEMO_COORDINATOR_EMAIL = 'zorgcoordinator@demo.gemeentenaanzet.invalid';

/** Called by the network module's demo part: the demo coordinator account edits that coordinator. */
export async function linkDemoCoordinator(deps: AppDeps, coordinatorId: number): Promise<void> {
  const row = await findUserByEmail(deps.db, DEMO_COORDINATOR_EMAIL);
  if (!row || row.role !== 'coordinator' || Number(row.coordinator_id) === coordinatorId) return;
  await changeRole(deps, { userId: null, label: 'demo' }, row.id, { role: 'coordinator', coordinatorId });
}

/** How many accounts exist (any status). */
export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
