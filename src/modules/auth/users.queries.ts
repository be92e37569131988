// The users table as account administration reads it. Sort fields come from an allowlist.
import type { DbOrTx } from '../../db/database.ts';
import type { Role } from '../../http/permissions.ts';
import type { UserSort } from './users.schema.ts';

export interface UserFilter {
  q?: string;
  role?: Role;
  status?: 'invited' | 'active' | 'deactivated';
  sort?: UserSort;
}

const USER_COLUMNS = [
  'id',
  'email',
  'name',
  'role',
  'status',
  'municipality_code',
  'coordinator_id',
  'totp_enabled_at',
  'grants',
  'last_login_at',
  'created_at',
  'updated_at',
] as const;

export async function selectUsers(db: DbOrTx, filter: UserFilter) {
  let query = db.selectFrom('users').select(USER_COLUMNS);
  if (filter.q) {
    const like = `%${filter.q.toLowerCase().replace(/[\\%_]/g, '')}%`; // wildcards dropped: no ESCAPE clause needed on either database
    query = query.where((eb) =>
      eb.or([eb(eb.fn('lower', ['email']), 'like', eb.val(like)), eb(eb.fn('lower', ['name']), 'like', eb.val(like))]),
    );
  }
  if (filter.role) query = query.where('role', '=', filter.role);
  if (filter.status) query = query.where('status', '=', filter.status);
  const sort = filter.sort ?? 'email';
  const direction = sort === 'created_at' || sort === 'last_login_at' ? 'desc' : 'asc';
  return query.orderBy(sort, direction).orderBy('id', 'asc').limit(1000).execute();
}

export async function selectUserById(db: DbOrTx, id: number) {
  return db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function selectUserByEmail(db: DbOrTx, email: string) {
  return db.selectFrom('users').select(USER_COLUMNS).where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

/** An account in use (not deactivated) linked to a coordinator record, other than `exceptUserId`. */
export async function selectOtherCoordinatorAccount(db: DbOrTx, coordinatorId: number, exceptUserId: number | null) {
  let query = db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('coordinator_id', '=', coordinatorId)
    .where('role', '=', 'coordinator')
    .where('status', '!=', 'deactivated');
  if (exceptUserId !== null) query = query.where('id', '!=', exceptUserId);
  return query.executeTakeFirst();
}

export async function updateUserGrants(db: DbOrTx, userId: number, grants: string, now: Date): Promise<void> {
  await db.updateTable('users').set({ grants, updated_at: now.toISOString() }).where('id', '=', userId).execute();
}

/** What "Mijn account" shows of the signed-in user. */
export async function selectAccountOverview(db: DbOrTx, userId: number) {
  return db
    .selectFrom('users')
    .select(['email', 'name', 'role', 'last_login_at', 'password_changed_at', 'totp_enabled_at'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
}

export type UserRow = NonNullable<Awaited<ReturnType<typeof selectUserById>>>;
