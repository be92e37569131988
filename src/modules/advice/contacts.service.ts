// Contacts per municipality or region: reads, the duplicate flags, the export. Writes (create,
// update, merge, erase) are in contacts.write.ts; each is one transaction with its audit entry.
import type { Db } from '../../db/database.ts';
import { areaNames } from './areas.ts';
import { type ContactLike, type DuplicateGroup, duplicateGroups, flaggedIds } from './contacts.logic.ts';
import {
  type ContactFilter,
  type ContactRow,
  selectContact,
  selectContacts,
  selectCurrentContactsWithEmail,
  selectDuplicateKeys,
} from './contacts.queries.ts';
import { selectInteractionSummaries } from './interactions.queries.ts';
import { CONTACT_ROLES, type ContactRole, type LawfulBasis } from './tables.ts';

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

export interface Contact {
  id: number;
  areaCode: string;
  areaName: string;
  name: string | null;
  role: ContactRole;
  email: string | null;
  phone: string | null;
  since: string | null;
  until: string | null;
  lawfulBasis: LawfulBasis;
  erasedAt: string | null;
  /** Set when another contact looks like the same person. */
  duplicate: DuplicateGroup | null;
}

export function toContactLike(
  r: Pick<ContactRow, 'id' | 'municipality_code' | 'region_code' | 'name' | 'email' | 'phone' | 'since' | 'until' | 'erased_at'>,
): ContactLike {
  return {
    id: Number(r.id),
    municipalityCode: r.municipality_code,
    regionCode: r.region_code,
    name: r.name,
    email: r.email,
    phone: r.phone,
    since: r.since,
    until: r.until,
    erasedAt: r.erased_at,
  };
}

export function presentContact(r: ContactRow, names: Map<string, string>, flags: Map<number, DuplicateGroup>): Contact {
  const areaCode = r.municipality_code ?? r.region_code ?? '';
  return {
    id: Number(r.id),
    areaCode,
    areaName: names.get(areaCode) ?? areaCode,
    name: r.name,
    role: r.role,
    email: r.email,
    phone: r.phone,
    since: r.since,
    until: r.until,
    lawfulBasis: r.lawful_basis,
    erasedAt: r.erased_at,
    duplicate: flags.get(Number(r.id)) ?? null,
  };
}

/** The possible duplicates of all contacts (same email anywhere, or same name in the same area). */
export async function duplicateFlags(db: Db): Promise<Map<number, DuplicateGroup>> {
  return flaggedIds(duplicateGroups((await selectDuplicateKeys(db)).map(toContactLike)));
}

/** Contacts matching the filter, each with its area name and duplicate flag. */
export async function listContacts(db: Db, filter: ContactFilter, today: string): Promise<Contact[]> {
  const [rows, flags] = await Promise.all([selectContacts(db, filter), duplicateFlags(db)]);
  const names = await areaNames(
    db,
    rows.map((r) => r.municipality_code ?? r.region_code ?? ''),
    today,
  );
  return rows.map((r) => presentContact(r, names, flags));
}

export async function getContact(db: Db, id: number, today: string): Promise<Contact | null> {
  const row = await selectContact(db, id);
  if (!row) return null;
  const [flags, names] = await Promise.all([duplicateFlags(db), areaNames(db, [row.municipality_code ?? row.region_code ?? ''], today)]);
  return presentContact(row, names, flags);
}

/** Everything kept about a contact, as JSON for the person who asks (GDPR art. 15 and 20). */
export async function exportContact(db: Db, id: number, today: string) {
  const contact = await getContact(db, id, today);
  if (!contact) return null;
  const interactions = await selectInteractionSummaries(db, { contactId: id });
  return {
    exportedOn: today,
    contact: {
      name: contact.name,
      role: contact.role,
      email: contact.email,
      phone: contact.phone,
      municipalityOrRegion: { code: contact.areaCode, name: contact.areaName },
      since: contact.since,
      until: contact.until,
      lawfulBasis: contact.lawfulBasis,
      erasedAt: contact.erasedAt,
    },
    interactions: interactions.map((i) => ({ date: i.date, type: i.type, subject: i.subject })),
  };
}
