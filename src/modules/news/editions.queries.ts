// SQL of newsletter editions, their articles and deliveries, bounces and the module's settings.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { NewsDeliveriesTable, NewsEditionsTable } from './tables.ts';

export type EditionRow = Selectable<NewsEditionsTable>;
export type DeliveryRow = Selectable<NewsDeliveriesTable>;

export async function insertEdition(db: Db, row: Insertable<NewsEditionsTable>): Promise<number> {
  const r = await db.insertInto('news_editions').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function updateEditionRow(db: Db, id: number, changes: Updateable<NewsEditionsTable>): Promise<void> {
  await db.updateTable('news_editions').set(changes).where('id', '=', id).execute();
}

export function selectEdition(db: Db, id: number): Promise<EditionRow | undefined> {
  return db.selectFrom('news_editions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function selectEditionBySlug(db: Db, slug: string): Promise<EditionRow | undefined> {
  return db.selectFrom('news_editions').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function selectEditionSlugsLike(db: Db, base: string): Promise<Set<string>> {
  const rows = await db.selectFrom('news_editions').select('slug').where('slug', 'like', `${base}%`).execute();
  return new Set(rows.map((r) => r.slug));
}

export function selectEditions(db: Db, status?: EditionRow['status']): Promise<EditionRow[]> {
  let q = db.selectFrom('news_editions').selectAll();
  if (status) q = q.where('status', '=', status);
  return q.orderBy('issue_date', 'desc').orderBy('id', 'desc').execute();
}

export async function replaceEditionArticles(db: Db, editionId: number, articleIds: readonly number[]): Promise<void> {
  await db.deleteFrom('news_edition_articles').where('edition_id', '=', editionId).execute();
  if (articleIds.length === 0) return;
  await db
    .insertInto('news_edition_articles')
    .values(articleIds.map((article_id, position) => ({ edition_id: editionId, article_id, position })))
    .execute();
}

export async function selectEditionArticleIds(db: Db, editionId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('news_edition_articles')
    .select('article_id')
    .where('edition_id', '=', editionId)
    .orderBy('position')
    .execute();
  return rows.map((r) => Number(r.article_id));
}

/** Sent editions that included an article ("opgenomen in de nieuwsbrief van …"). */
export function selectSentEditionsOf(db: Db, articleId: number) {
  return db
    .selectFrom('news_edition_articles')
    .innerJoin('news_editions', 'news_editions.id', 'news_edition_articles.edition_id')
    .select(['news_editions.slug', 'news_editions.title', 'news_editions.issue_date'])
    .where('news_edition_articles.article_id', '=', articleId)
    .where('news_editions.status', '=', 'sent')
    .orderBy('news_editions.issue_date')
    .execute();
}

/** Moves the send cursor only if nobody else moved it since it was read (a second runner rolls back). */
export async function advanceCursor(db: Db, id: number, from: number, to: number, addRecipients: number): Promise<boolean> {
  const r = await db
    .updateTable('news_editions')
    .set((eb) => ({ send_cursor: to, recipients: eb('recipients', '+', addRecipients) }))
    .where('id', '=', id)
    .where('send_cursor', '=', from)
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** draft → sending, once. */
export async function claimForSending(db: Db, id: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('news_editions')
    .set({ status: 'sending', send_started_at: at, send_cursor: 0, recipients: 0, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertDeliveries(db: Db, rows: Insertable<NewsDeliveriesTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('news_deliveries')
      .values(rows.slice(i, i + 200))
      .execute();
}

export function selectDeliveryByToken(db: Db, token: string): Promise<DeliveryRow | undefined> {
  return db.selectFrom('news_deliveries').selectAll().where('token', '=', token).executeTakeFirst();
}

export async function selectOutboxIdsOf(db: Db, editionId: number): Promise<number[]> {
  const rows = await db.selectFrom('news_deliveries').select('outbox_id').where('edition_id', '=', editionId).execute();
  return rows.map((r) => Number(r.outbox_id));
}

export function selectLatestDeliveryOf(db: Db, subscriberId: number): Promise<DeliveryRow | undefined> {
  return db
    .selectFrom('news_deliveries')
    .selectAll()
    .where('subscriber_id', '=', subscriberId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function updateDelivery(db: Db, id: number, changes: Updateable<NewsDeliveriesTable>): Promise<void> {
  await db.updateTable('news_deliveries').set(changes).where('id', '=', id).execute();
}

export async function deliveryCounts(db: Db, editionId: number) {
  const r = await db
    .selectFrom('news_deliveries')
    .select((eb) => [
      eb.fn.countAll().as('queued'),
      eb.fn.count('bounce_kind').as('bounced'),
      eb.fn.count('opened_at').as('opened'),
      eb.fn.count('clicked_at').as('clicked'),
    ])
    .where('edition_id', '=', editionId)
    .executeTakeFirstOrThrow();
  const unsub = await db
    .selectFrom('news_subscribers')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('unsubscribed_edition_id', '=', editionId)
    .executeTakeFirstOrThrow();
  return {
    queued: Number(r.queued),
    bounced: Number(r.bounced),
    opened: Number(r.opened),
    clicked: Number(r.clicked),
    unsubscribed: Number(unsub.n),
  };
}

export async function insertBounce(db: Db, row: Insertable<import('./tables.ts').NewsBouncesTable>): Promise<void> {
  await db.insertInto('news_bounces').values(row).execute();
}

export async function getSetting(db: Db, key: string): Promise<string | null> {
  const r = await db.selectFrom('news_settings').select('value').where('key', '=', key).executeTakeFirst();
  return r?.value ?? null;
}

export async function putSetting(db: Db, key: string, value: string, at: string): Promise<void> {
  await db
    .insertInto('news_settings')
    .values({ key, value, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
    .execute();
}
