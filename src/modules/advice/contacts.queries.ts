// SQL of the advice module's contacts (Kysely; the same on SQLite and PostgreSQL).
import type { DbOrTx } from '../../db/database.ts';

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
