// Programme staff as the advice module needs them: advisers and admins (from the auth module), by id.
import type { Db } from '../../db/database.ts';
import { listUsers } from '../auth/index.ts';

export interface StaffMember {
  id: number;
  name: string;
  email: string;
  role: 'admin' | 'adviser';
}

/** Active advisers and admins, by name. */
export async function staffMembers(db: Db): Promise<StaffMember[]> {
  const users = await listUsers(db, { status: 'active' });
  return users
    .filter((u) => u.role === 'adviser' || u.role === 'admin')
    .map((u) => ({ id: Number(u.id), name: u.name ?? u.email, email: u.email, role: u.role as 'admin' | 'adviser' }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.id - b.id);
}

/** Staff by id, for showing names (includes nobody else). */
export async function staffById(db: Db): Promise<Map<number, StaffMember>> {
  return new Map((await staffMembers(db)).map((s) => [s.id, s]));
}
