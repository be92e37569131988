// SQL of interactions and their links (Kysely; the same on SQLite and PostgreSQL). The list's filters
// and text search are in search.queries.ts.
import type { DbOrTx } from '../../db/database.ts';
import type { AdviceInteractionsTable } from './tables.ts';

type NewInteraction = Omit<AdviceInteractionsTable, 'id'>;

export interface InteractionLinks {
  municipalityCodes: string[];
  adviserIds: number[];
  contactIds: number[];
}

export async function insertInteraction(db: DbOrTx, row: NewInteraction): Promise<number> {
  const { id } = await db.insertInto('advice_interactions').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

export async function updateInteractionRow(db: DbOrTx, id: number, patch: Partial<NewInteraction>) {
  await db.updateTable('advice_interactions').set(patch).where('id', '=', id).execute();
  if (patch.date !== undefined) {
    await db
      .updateTable('advice_interaction_municipalities')
      .set({ interaction_date: patch.date })
      .where('interaction_id', '=', id)
      .execute();
  }
}

/** Replaces the interaction's links; `date` is the interaction's (the municipality links carry it). */
export async function replaceLinks(db: DbOrTx, id: number, links: InteractionLinks & { date: string }) {
  await db.deleteFrom('advice_interaction_municipalities').where('interaction_id', '=', id).execute();
  await db.deleteFrom('advice_interaction_advisers').where('interaction_id', '=', id).execute();
  await db.deleteFrom('advice_interaction_contacts').where('interaction_id', '=', id).execute();
  const codes = [...new Set(links.municipalityCodes)];
  if (codes.length > 0) {
    await db
      .insertInto('advice_interaction_municipalities')
      .values(codes.map((municipality_code) => ({ interaction_id: id, municipality_code, interaction_date: links.date })))
      .execute();
  }
  const advisers = [...new Set(links.adviserIds)];
  if (advisers.length > 0) {
    await db
      .insertInto('advice_interaction_advisers')
      .values(advisers.map((user_id) => ({ interaction_id: id, user_id })))
      .execute();
  }
  const contacts = [...new Set(links.contactIds)];
  if (contacts.length > 0) {
    await db
      .insertInto('advice_interaction_contacts')
      .values(contacts.map((contact_id) => ({ interaction_id: id, contact_id })))
      .execute();
  }
}

const COLUMNS = ['id', 'date', 'type', 'subject', 'summary', 'region_code', 'origin', 'created_by', 'created_at', 'updated_at'] as const;

export async function selectInteraction(db: DbOrTx, id: number) {
  return db.selectFrom('advice_interactions').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

export type InteractionRow = NonNullable<Awaited<ReturnType<typeof selectInteraction>>>;

/** The links of many interactions at once, by interaction id. */
export async function selectLinks(db: DbOrTx, ids: number[]): Promise<Map<number, InteractionLinks>> {
  const out = new Map<number, InteractionLinks>(ids.map((id) => [id, { municipalityCodes: [], adviserIds: [], contactIds: [] }]));
  if (ids.length === 0) return out;
  const [munis, advisers, contacts] = await Promise.all([
    db
      .selectFrom('advice_interaction_municipalities')
      .select(['interaction_id', 'municipality_code'])
      .where('interaction_id', 'in', ids)
      .execute(),
    db.selectFrom('advice_interaction_advisers').select(['interaction_id', 'user_id']).where('interaction_id', 'in', ids).execute(),
    db.selectFrom('advice_interaction_contacts').select(['interaction_id', 'contact_id']).where('interaction_id', 'in', ids).execute(),
  ]);
  for (const m of munis) out.get(Number(m.interaction_id))?.municipalityCodes.push(m.municipality_code);
  for (const a of advisers) out.get(Number(a.interaction_id))?.adviserIds.push(Number(a.user_id));
  for (const c of contacts) out.get(Number(c.interaction_id))?.contactIds.push(Number(c.contact_id));
  for (const l of out.values()) l.municipalityCodes.sort();
  return out;
}

export { type InteractionFilter, searchInteractions, selectInteractionSummaries } from './search.queries.ts';

/**
 * Every interaction of a period with its named municipalities (for the dashboard): both from one
 * index range each, the links by the date they carry (no join over all link rows).
 */
export async function selectPeriod(db: DbOrTx, from: string, to: string) {
  const [rows, links] = await Promise.all([
    db
      .selectFrom('advice_interactions')
      .select(['id', 'date', 'type', 'region_code'])
      .where('date', '>=', from)
      .where('date', '<=', to)
      .execute(),
    db
      .selectFrom('advice_interaction_municipalities')
      .select(['interaction_id', 'municipality_code'])
      .where('interaction_date', '>=', from)
      .where('interaction_date', '<=', to)
      .execute(),
  ]);
  return { rows, links };
}

/** Interactions whose subject or summary contains one of the values (case-insensitive), for erasure. */
export async function selectInteractionsMentioning(db: DbOrTx, values: string[]) {
  const wanted = values.map((v) => v.trim().toLowerCase()).filter((v) => v.length >= 3);
  if (wanted.length === 0) return [];
  return db
    .selectFrom('advice_interactions')
    .select(['id', 'subject', 'summary'])
    .where((eb) =>
      eb.or(
        wanted.flatMap((v) => {
          // `_` matches any one character, so a wildcard in the value still finds it literally (a superset; the caller replaces exactly).
          const like = `%${v.replace(/[\\%_]/g, '_')}%`;
          return [eb(eb.fn('lower', ['subject']), 'like', like), eb(eb.fn('lower', ['summary']), 'like', like)];
        }),
      ),
    )
    .execute();
}
