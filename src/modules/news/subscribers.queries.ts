// SQL of subscribers, their consent records and the per-address sign-up counter.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { NewsConsentsTable, NewsSubscribersTable, SubscriberStatus } from './tables.ts';

export type SubscriberRow = Selectable<NewsSubscribersTable>;
export type ConsentRow = Selectable<NewsConsentsTable>;

export function selectSubscriber(db: Db, id: number): Promise<SubscriberRow | undefined> {
  return db.selectFrom('news_subscribers').selectAll().where('id', '=', id).executeTakeFirst();
}

export function selectSubscriberByEmail(db: Db, email: string): Promise<SubscriberRow | undefined> {
  return db.selectFrom('news_subscribers').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function insertSubscriber(db: Db, row: Insertable<NewsSubscribersTable>): Promise<number> {
  const r = await db.insertInto('news_subscribers').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function updateSubscriberRow(db: Db, id: number, changes: Updateable<NewsSubscribersTable>): Promise<void> {
  await db.updateTable('news_subscribers').set(changes).where('id', '=', id).execute();
}

export async function insertConsent(db: Db, row: Insertable<NewsConsentsTable>): Promise<void> {
  await db.insertInto('news_consents').values(row).execute();
}

export function selectConsents(db: Db, subscriberId: number): Promise<ConsentRow[]> {
  return db.selectFrom('news_consents').selectAll().where('subscriber_id', '=', subscriberId).orderBy('id').execute();
}

export async function countAttemptsSince(db: Db, emailHash: string, since: string): Promise<number> {
  const r = await db
    .selectFrom('news_signup_attempts')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('email_hash', '=', emailHash)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertAttempt(db: Db, emailHash: string, at: string): Promise<void> {
  await db.insertInto('news_signup_attempts').values({ email_hash: emailHash, at }).execute();
}

export async function deleteAttempts(db: Db, filter: { before?: string; emailHash?: string }): Promise<void> {
  let q = db.deleteFrom('news_signup_attempts');
  if (filter.before) q = q.where('at', '<', filter.before);
  if (filter.emailHash) q = q.where('email_hash', '=', filter.emailHash);
  await q.execute();
}

/** Removes a subscriber and everything that names them; deliveries and bounces keep their counts without the person. */
export async function deleteSubscriberEverywhere(db: Db, id: number): Promise<void> {
  await db.updateTable('news_deliveries').set({ subscriber_id: null }).where('subscriber_id', '=', id).execute();
  await db.updateTable('news_bounces').set({ subscriber_id: null }).where('subscriber_id', '=', id).execute();
  await db.deleteFrom('news_consents').where('subscriber_id', '=', id).execute();
  await db.deleteFrom('news_subscribers').where('id', '=', id).execute();
}

/** Pending sign-ups not confirmed since `before`: never-confirmed ones are deleted, returning ones fall back. */
export async function expirePending(db: Db, before: string, now: string): Promise<number> {
  const gone = await db
    .deleteFrom('news_subscribers')
    .where('status', '=', 'pending')
    .where('confirmed_at', 'is', null)
    .where('updated_at', '<', before)
    .executeTakeFirst();
  await db
    .updateTable('news_subscribers')
    .set({ status: 'unsubscribed', updated_at: now })
    .where('status', '=', 'pending')
    .where('confirmed_at', 'is not', null)
    .where('updated_at', '<', before)
    .execute();
  return Number(gone.numDeletedRows);
}

export function selectPendingIdsBefore(db: Db, before: string) {
  return db.selectFrom('news_subscribers').select('id').where('status', '=', 'pending').where('updated_at', '<', before).execute();
}

export async function countByStatus(db: Db): Promise<Record<SubscriberStatus, number>> {
  const rows = await db
    .selectFrom('news_subscribers')
    .select(['status', (eb) => eb.fn.countAll().as('n')])
    .groupBy('status')
    .execute();
  const out: Record<SubscriberStatus, number> = { pending: 0, confirmed: 0, unsubscribed: 0, bounced: 0, complained: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

export function searchSubscribers(db: Db, q: string, limit = 50): Promise<SubscriberRow[]> {
  let query = db.selectFrom('news_subscribers').selectAll();
  if (q) query = query.where('email', 'like', `%${q.toLowerCase().replace(/[%_\\]/g, '')}%`);
  return query.orderBy('id', 'desc').limit(limit).execute();
}

/** Confirmed subscribers after `afterId`, in id order (the send walks them in batches). */
export function selectConfirmedAfter(db: Db, afterId: number, limit: number): Promise<SubscriberRow[]> {
  return db
    .selectFrom('news_subscribers')
    .selectAll()
    .where('status', '=', 'confirmed')
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}
