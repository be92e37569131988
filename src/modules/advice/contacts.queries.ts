// SQL of the advice module's contacts (Kysely; the same on SQLite and PostgreSQL).
import type { DbOrTx } from '../../db/database.ts';
import type { AdviceContactsTable } from './tables.ts';

type NewContact = Omit<AdviceContactsTable, 'id'>;

const COLUMNS = [
  'id',
  'municipality_code',
  'region_code',
  'name',
  'role',
  'email',
  'email_key',
  'phone',
  'since',
  'until',
  'lawful_basis',
  'erased_at',
  'created_at',
  'updated_at',
] as const;

export type ContactRow = Awaited<ReturnType<typeof selectContact>> & {};

/** Contacts of a municipality in post on `date` (since ≤ date < until) that have an email and are not erased. */
export async function selectCurrentContactsWithEmail(db: DbOrTx, code: string, date: string) {
  return db
    .selectFrom('advice_contacts')
    .select(['id', 'name', 'email', 'role'])
    .where('municipality_code', '=', code)
    .where('erased_at', 'is', null)
    .where('email', 'is not', null)
    .where((eb) => eb.or([eb('since', 'is', null), eb('since', '<=', date)]))
    .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', date)]))
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export interface ContactFilter {
  /** Municipality codes and/or region codes the contact belongs to. */
  areas?: string[];
  /** Lower-case text matched against name and email. */
  q?: string;
}

export async function selectContacts(db: DbOrTx, filter: ContactFilter, limit = 500) {
  let query = db.selectFrom('advice_contacts').select(COLUMNS);
  if (filter.areas && filter.areas.length > 0) {
    const areas = filter.areas;
    query = query.where((eb) => eb.or([eb('municipality_code', 'in', areas), eb('region_code', 'in', areas)]));
  }
  if (filter.q) {
    // Wildcards typed by the user are dropped rather than escaped (LIKE escaping differs per engine).
    const like = `%${filter.q.toLowerCase().replace(/[\\%_]/g, '')}%`;
    query = query.where((eb) => eb.or([eb(eb.fn('lower', ['name']), 'like', like), eb('email_key', 'like', like)]));
  }
  return query.orderBy('name').orderBy('id').limit(limit).execute();
}

/** What duplicate detection needs of every contact that is not erased. */
export async function selectDuplicateKeys(db: DbOrTx) {
  return db
    .selectFrom('advice_contacts')
    .select(['id', 'municipality_code', 'region_code', 'name', 'email', 'phone', 'since', 'until', 'erased_at'])
    .where('erased_at', 'is', null)
    .execute();
}

export async function selectContact(db: DbOrTx, id: number) {
  return db.selectFrom('advice_contacts').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function selectContactsByIds(db: DbOrTx, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('advice_contacts').select(COLUMNS).where('id', 'in', ids).execute();
}

export async function insertContact(db: DbOrTx, row: NewContact): Promise<number> {
  const { id } = await db.insertInto('advice_contacts').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

export async function updateContactRow(db: DbOrTx, id: number, patch: Partial<NewContact>) {
  await db.updateTable('advice_contacts').set(patch).where('id', '=', id).execute();
}

export async function deleteContactRow(db: DbOrTx, id: number) {
  await db.deleteFrom('advice_contacts').where('id', '=', id).execute();
}

/** The interactions a contact was present at. */
export async function selectInteractionIdsOfContact(db: DbOrTx, contactId: number): Promise<number[]> {
  const rows = await db.selectFrom('advice_interaction_contacts').select('interaction_id').where('contact_id', '=', contactId).execute();
  return rows.map((r) => Number(r.interaction_id));
}

/** Moves a contact's presence at interactions to another contact (no duplicates). */
export async function moveContactLinks(db: DbOrTx, fromId: number, toId: number) {
  const already = new Set(await selectInteractionIdsOfContact(db, toId));
  const moving = (await selectInteractionIdsOfContact(db, fromId)).filter((id) => !already.has(id));
  if (moving.length > 0) {
    await db
      .insertInto('advice_interaction_contacts')
      .values(moving.map((interaction_id) => ({ interaction_id, contact_id: toId })))
      .execute();
  }
  await db.deleteFrom('advice_interaction_contacts').where('contact_id', '=', fromId).execute();
}
