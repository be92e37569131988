// SQL of the outbox. Claiming is the one place with a dialect branch: PostgreSQL uses
// FOR UPDATE SKIP LOCKED so concurrent senders never pick the same row; SQLite has one writer, so
// a conditional UPDATE (it only succeeds while the row is still claimable) is enough.
import { type ExpressionBuilder, type Kysely, type Selectable, sql } from 'kysely';
import { dialectOf } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import type { OutboxTable } from './tables.ts';

export type OutboxRow = Selectable<OutboxTable>;

export async function insertMessage(
  db: Kysely<Database>,
  m: { to: string; subject: string; text: string; html: string | null; headers?: string | null; attachments?: string | null; at: string },
): Promise<number> {
  const row = await db
    .insertInto('outbox')
    .values({
      to_address: m.to,
      subject: m.subject,
      text_body: m.text,
      html_body: m.html,
      headers_json: m.headers ?? null,
      attachments_json: m.attachments ?? null,
      status: 'pending',
      attempts: 0,
      next_attempt_at: m.at,
      locked_by: null,
      locked_until: null,
      sent_at: null,
      last_error: null,
      created_at: m.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/**
 * Inserts several messages in one statement; returns their ids in the order given (identity values
 * of one INSERT follow its VALUES order, on PostgreSQL and SQLite alike).
 */
export async function insertMessages(
  db: Kysely<Database>,
  ms: {
    to: string;
    subject: string;
    text: string;
    html: string | null;
    headers?: string | null;
    attachments?: string | null;
    at: string;
  }[],
): Promise<number[]> {
  if (ms.length === 0) return [];
  const rows = await db
    .insertInto('outbox')
    .values(
      ms.map((m) => ({
        to_address: m.to,
        subject: m.subject,
        text_body: m.text,
        html_body: m.html,
        headers_json: m.headers ?? null,
        attachments_json: m.attachments ?? null,
        status: 'pending' as const,
        attempts: 0,
        next_attempt_at: m.at,
        locked_by: null,
        locked_until: null,
        sent_at: null,
        last_error: null,
        created_at: m.at,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/**
 * Claims one due message for `senderId` until `leaseUntil`: a pending message whose time has come,
 * or one whose previous sender's lease ran out (that sender died mid-send). Null when none is due.
 */
export async function claimDue(db: Kysely<Database>, senderId: string, now: string, leaseUntil: string): Promise<OutboxRow | null> {
  if (dialectOf(db) === 'postgres') {
    const result = await sql<OutboxRow>`
      UPDATE outbox
         SET status = 'sending', locked_by = ${senderId}, locked_until = ${leaseUntil}, attempts = attempts + 1
       WHERE id = (
         SELECT id FROM outbox
          WHERE (status = 'pending' AND next_attempt_at <= ${now})
             OR (status = 'sending' AND locked_until < ${now})
          ORDER BY next_attempt_at, id
          LIMIT 1
          FOR UPDATE SKIP LOCKED)
      RETURNING *`.execute(db);
    return result.rows[0] ?? null;
  }
  for (let tries = 0; tries < 5; tries++) {
    const candidate = await db
      .selectFrom('outbox')
      .select('id')
      .where((eb) => claimable(eb, now))
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    if (!candidate) return null;
    const claimed = await db
      .updateTable('outbox')
      .set((eb) => ({ status: 'sending', locked_by: senderId, locked_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', candidate.id)
      .where((eb) => claimable(eb, now))
      .returningAll()
      .executeTakeFirst();
    if (claimed) return claimed;
    // Another sender took it between our read and our write: look again.
  }
  return null;
}

function claimable(eb: ExpressionBuilder<Database, 'outbox'>, now: string) {
  return eb.or([
    eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
    eb.and([eb('status', '=', 'sending'), eb('locked_until', '<', now)]),
  ]);
}

/** Marks a claimed message sent; false when the claim was lost (lease expired and taken over). */
export async function markSent(db: Kysely<Database>, id: number, senderId: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('outbox')
    .set({ status: 'sent', sent_at: at, locked_by: null, locked_until: null, last_error: null })
    .where('id', '=', id)
    .where('locked_by', '=', senderId)
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function markAttemptFailed(
  db: Kysely<Database>,
  id: number,
  senderId: string,
  next: { status: 'pending' | 'failed'; nextAttemptAt?: string; error: string },
): Promise<void> {
  await db
    .updateTable('outbox')
    .set({
      status: next.status,
      next_attempt_at: next.nextAttemptAt ?? undefined,
      last_error: next.error,
      locked_by: null,
      locked_until: null,
    })
    .where('id', '=', id)
    .where('locked_by', '=', senderId)
    .execute();
}

export async function countByStatus(db: Kysely<Database>): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('outbox')
    .select(['status', (eb) => eb.fn.countAll().as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** Counts per status of the given messages (in chunks, so any number of ids fits in a query). */
export async function countByStatusOf(db: Kysely<Database>, ids: readonly number[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('outbox')
      .select(['status', (eb) => eb.fn.countAll().as('n')])
      .where('id', 'in', ids.slice(i, i + 500))
      .groupBy('status')
      .execute();
    for (const r of rows) out[r.status] = (out[r.status] ?? 0) + Number(r.n);
  }
  return out;
}

export async function selectMessage(db: Kysely<Database>, id: number): Promise<OutboxRow | undefined> {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}
