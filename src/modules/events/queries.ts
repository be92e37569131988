// SQL of the events module's events, settings and rate-limit attempts (Kysely; SQLite and
// PostgreSQL). Registrations are in registrations.queries.ts.
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { EventStatus, EventsEventsTable, EventType } from './tables.ts';

export type EventRow = Selectable<EventsEventsTable>;

export async function insertEvent(db: DbOrTx, values: Insertable<EventsEventsTable>): Promise<number> {
  const row = await db.insertInto('events_events').values(values).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function updateEvent(db: DbOrTx, id: number, values: Updateable<EventsEventsTable>): Promise<void> {
  await db.updateTable('events_events').set(values).where('id', '=', id).execute();
}

export async function selectEvent(db: DbOrTx, id: number): Promise<EventRow | undefined> {
  return db.selectFrom('events_events').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface EventFilter {
  type?: EventType;
  audience?: string;
  statuses?: EventStatus[];
  /** Inclusive UTC instants. */
  startsFrom?: string;
  startsBefore?: string;
}

export async function selectEvents(db: DbOrTx, f: EventFilter = {}): Promise<EventRow[]> {
  let q = db.selectFrom('events_events').selectAll();
  if (f.type) q = q.where('type', '=', f.type);
  if (f.audience) q = q.where(sql<string>`' ' || audiences || ' '`, 'like', `% ${f.audience} %`);
  if (f.statuses) q = q.where('status', 'in', f.statuses);
  if (f.startsFrom) q = q.where('starts_at', '>=', f.startsFrom);
  if (f.startsBefore) q = q.where('starts_at', '<', f.startsBefore);
  return q.orderBy('starts_at').orderBy('id').execute();
}

/**
 * The capacity check: takes one place if one is free, atomically. PostgreSQL locks the row for
 * the update and re-checks the condition after a concurrent commit; SQLite has one writer.
 */
export async function takePlace(db: DbOrTx, eventId: number): Promise<boolean> {
  const result = await db
    .updateTable('events_events')
    .set((eb) => ({ taken: eb('taken', '+', 1) }))
    .where('id', '=', eventId)
    .where((eb) => eb('taken', '<', eb.ref('capacity')))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function releasePlace(db: DbOrTx, eventId: number): Promise<void> {
  await db
    .updateTable('events_events')
    .set((eb) => ({ taken: eb('taken', '-', 1) }))
    .where('id', '=', eventId)
    .where('taken', '>', 0)
    .execute();
}

/** Ended events whose registrants are not yet erased. */
export async function selectEventsToErase(db: DbOrTx, endedBefore: string): Promise<{ id: number }[]> {
  return db.selectFrom('events_events').select('id').where('ends_at', '<', endedBefore).where('erased_at', 'is', null).execute();
}

/** Events starting in (from, to] that are published. */
export async function selectEventsStartingBetween(db: DbOrTx, from: string, to: string): Promise<{ id: number; starts_at: string }[]> {
  return db
    .selectFrom('events_events')
    .select(['id', 'starts_at'])
    .where('status', '=', 'published')
    .where('starts_at', '>', from)
    .where('starts_at', '<=', to)
    .execute();
}

export async function selectLatestChange(db: DbOrTx): Promise<string> {
  const row = await db
    .selectFrom('events_events')
    .select((eb) => [eb.fn.max('updated_at').as('at'), eb.fn.countAll().as('n')])
    .executeTakeFirst();
  return `${row?.at ?? ''}|${row?.n ?? 0}`;
}

// ---- settings ----------------------------------------------------------------------------

export async function selectSettings(db: DbOrTx): Promise<Record<string, string>> {
  const rows = await db.selectFrom('events_settings').select(['key', 'value']).execute();
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

export async function upsertSetting(db: DbOrTx, key: string, value: string, at: string): Promise<void> {
  await db
    .insertInto('events_settings')
    .values({ key, value, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
    .execute();
}

// ---- per-email attempts --------------------------------------------------------------------

export async function countAttempts(db: DbOrTx, emailHash: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('events_attempts')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('email_hash', '=', emailHash)
    .where('at', '>=', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertAttempt(db: DbOrTx, emailHash: string, at: string): Promise<void> {
  await db.insertInto('events_attempts').values({ email_hash: emailHash, at }).execute();
}

export async function deleteAttemptsBefore(db: DbOrTx, before: string): Promise<void> {
  await db.deleteFrom('events_attempts').where('at', '<', before).execute();
}
