// Contacts per municipality or region: reads. Writes (create, update, merge, erase) are in
// contacts.write.ts; each is one transaction with its audit entry.
import type { Db } from '../../db/database.ts';
import { selectCurrentContactsWithEmail } from './contacts.queries.ts';
import { CONTACT_ROLES, type ContactRole } from './tables.ts';

/** A contact as another module may use it (survey invitations). */
export interface InvitableContact {
  id: number;
  name: string;
  email: string;
  role: ContactRole;
}

/**
 * The contacts of municipality `code` in post on `date` (YYYY-MM-DD) that have an email address, for
 * invitations (the survey module). Erased contacts never appear. Ordered by role (the anti-trafficking
 * contact official first, as the order of CONTACT_ROLES), then name.
 */
export async function contactsForMunicipality(db: Db, code: string, date: string): Promise<InvitableContact[]> {
  const rows = await selectCurrentContactsWithEmail(db, code, date);
  return rows
    .filter((r): r is typeof r & { name: string; email: string } => r.name !== null && r.email !== null)
    .map((r) => ({ id: Number(r.id), name: r.name, email: r.email, role: r.role }))
    .sort((a, b) => CONTACT_ROLES.indexOf(a.role) - CONTACT_ROLES.indexOf(b.role) || a.name.localeCompare(b.name, 'nl'));
}
