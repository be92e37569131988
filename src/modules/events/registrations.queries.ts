// SQL of registrations (Kysely; SQLite and PostgreSQL).
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { EventsRegistrationsTable, RegistrationStatus } from './tables.ts';

export type RegistrationRow = Selectable<EventsRegistrationsTable>;

export async function insertRegistration(db: DbOrTx, values: Insertable<EventsRegistrationsTable>): Promise<number> {
  const row = await db.insertInto('events_registrations').values(values).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function updateRegistration(db: DbOrTx, id: number, values: Updateable<EventsRegistrationsTable>): Promise<void> {
  await db.updateTable('events_registrations').set(values).where('id', '=', id).execute();
}

/** Changes the status only while it is still `from`; true when it did (a guard against double handling). */
export async function moveStatus(
  db: DbOrTx,
  id: number,
  from: RegistrationStatus,
  values: Updateable<EventsRegistrationsTable> & { status: RegistrationStatus },
): Promise<boolean> {
  const r = await db.updateTable('events_registrations').set(values).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function selectRegistration(db: DbOrTx, id: number): Promise<RegistrationRow | undefined> {
  return db.selectFrom('events_registrations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function selectRegistrationByEmail(db: DbOrTx, eventId: number, key: string): Promise<RegistrationRow | undefined> {
  return db.selectFrom('events_registrations').selectAll().where('event_id', '=', eventId).where('email_key', '=', key).executeTakeFirst();
}

export async function selectRegistrations(
  db: DbOrTx,
  eventId: number,
  options: { statuses?: RegistrationStatus[]; search?: string } = {},
): Promise<RegistrationRow[]> {
  let q = db.selectFrom('events_registrations').selectAll().where('event_id', '=', eventId);
  if (options.statuses) q = q.where('status', 'in', options.statuses);
  if (options.search) {
    const like = `%${options.search.toLowerCase().replace(/[%_\\]/g, '')}%`;
    q = q.where((eb) => eb.or([eb(eb.fn('lower', ['name']), 'like', like), eb(eb.fn('lower', ['organisation']), 'like', like)]));
  }
  return q.orderBy('id').execute();
}

/** The first on the waiting list (lowest id). */
export async function selectFirstWaiting(db: DbOrTx, eventId: number): Promise<RegistrationRow | undefined> {
  return db
    .selectFrom('events_registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('status', '=', 'waiting')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

export async function countWaitingBefore(db: DbOrTx, eventId: number, id: number): Promise<number> {
  const row = await db
    .selectFrom('events_registrations')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('event_id', '=', eventId)
    .where('status', '=', 'waiting')
    .where('id', '<', id)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function countByStatus(db: DbOrTx, eventId: number): Promise<Record<RegistrationStatus, number>> {
  const rows = await db
    .selectFrom('events_registrations')
    .select((eb) => ['status', eb.fn.countAll().as('n')])
    .where('event_id', '=', eventId)
    .groupBy('status')
    .execute();
  const out: Record<RegistrationStatus, number> = { registered: 0, offered: 0, waiting: 0, cancelled: 0, expired: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

/** Offers whose deadline passed. */
export async function selectLapsedOffers(db: DbOrTx, now: string): Promise<{ id: number; event_id: number }[]> {
  return db
    .selectFrom('events_registrations')
    .select(['id', 'event_id'])
    .where('status', '=', 'offered')
    .where('offer_expires_at', '<', now)
    .execute();
}

/** Attended registrations of events in a period, with the event's start (for reach). */
export async function selectAttendance(
  db: DbOrTx,
  fromUtc: string,
  toUtc: string,
): Promise<{ event_id: number; municipality_code: string | null; starts_at: string; title: string; type: string; audiences: string }[]> {
  return db
    .selectFrom('events_registrations as r')
    .innerJoin('events_events as e', 'e.id', 'r.event_id')
    .select(['r.event_id', 'r.municipality_code', 'e.starts_at', 'e.title', 'e.type', 'e.audiences'])
    .where('r.attended', '=', 1)
    .where('e.starts_at', '>=', fromUtc)
    .where('e.starts_at', '<', toUtc)
    .orderBy('e.starts_at')
    .execute();
}

/** Erases the registrants' personal data of one event; statuses, attendance and municipality stay. */
export async function eraseRegistrants(db: DbOrTx, eventId: number, at: string): Promise<number> {
  const rows = await db.selectFrom('events_registrations').select('id').where('event_id', '=', eventId).execute();
  for (const r of rows) {
    await db
      .updateTable('events_registrations')
      .set({ name: null, email: null, email_key: `erased-${r.id}`, organisation: null, answers_json: null, updated_at: at })
      .where('id', '=', r.id)
      .execute();
  }
  await db.updateTable('events_evaluations').set({ comment: null }).where('event_id', '=', eventId).execute();
  return rows.length;
}

export async function insertEvaluation(
  db: DbOrTx,
  v: { event_id: number; registration_id: number; rating: number; comment: string | null; created_at: string },
): Promise<void> {
  await db.insertInto('events_evaluations').values(v).execute();
}

export async function hasEvaluation(db: DbOrTx, registrationId: number): Promise<boolean> {
  const row = await db.selectFrom('events_evaluations').select('id').where('registration_id', '=', registrationId).executeTakeFirst();
  return row !== undefined;
}

export async function selectEvaluationSummary(db: DbOrTx, eventId: number): Promise<{ n: number; avg: number | null }> {
  const row = await db
    .selectFrom('events_evaluations')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.avg('rating').as('avg')])
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  const n = Number(row?.n ?? 0);
  return { n, avg: n === 0 || row?.avg === null || row?.avg === undefined ? null : Number(row.avg) };
}
