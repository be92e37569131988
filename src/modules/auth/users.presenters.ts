// View models for account administration: the fields a page shows, never a raw row.
import type { Role } from '../../http/permissions.ts';
import { grantsOf } from './grants.ts';
import type { UserRow } from './users.queries.ts';

export interface UserListItem {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  status: 'invited' | 'active' | 'deactivated';
  lastLoginAt: string | null;
}

export interface UserDetail extends UserListItem {
  municipalityCode: string | null;
  coordinatorId: number | null;
  totpEnabled: boolean;
  /** Grants on top of the role (e.g. `editor`). */
  grants: string[];
  createdAt: string;
  erased: boolean;
}

export function presentUserListItem(row: UserRow): UserListItem {
  return {
    id: Number(row.id),
    email: row.email,
    name: row.name,
    role: row.role,
    status: row.status,
    lastLoginAt: row.last_login_at,
  };
}

export function presentUserDetail(row: UserRow): UserDetail {
  return {
    ...presentUserListItem(row),
    municipalityCode: row.municipality_code,
    coordinatorId: row.coordinator_id === null ? null : Number(row.coordinator_id),
    totpEnabled: Boolean(row.totp_enabled_at),
    grants: grantsOf(row.grants),
    createdAt: row.created_at,
    erased: row.email.endsWith('@invalid') && row.email.startsWith('verwijderd-'),
  };
}
