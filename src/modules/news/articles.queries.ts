// SQL of articles, stories and their revisions. Visibility on a moment is a filter on status and
// publish_at (ISO text compares as time), so scheduled articles appear by themselves.
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ArticleKind, NewsArticleRevisionsTable, NewsArticlesTable } from './tables.ts';

export type ArticleRow = Selectable<NewsArticlesTable>;
export type RevisionRow = Selectable<NewsArticleRevisionsTable>;

export async function insertArticle(db: Db, row: Insertable<NewsArticlesTable>): Promise<number> {
  const r = await db.insertInto('news_articles').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function updateArticleRow(db: Db, id: number, changes: Updateable<NewsArticlesTable>): Promise<void> {
  await db.updateTable('news_articles').set(changes).where('id', '=', id).execute();
}

export async function insertRevision(db: Db, row: Insertable<NewsArticleRevisionsTable>): Promise<void> {
  await db.insertInto('news_article_revisions').values(row).execute();
}

export function selectArticle(db: Db, id: number): Promise<ArticleRow | undefined> {
  return db.selectFrom('news_articles').selectAll().where('id', '=', id).executeTakeFirst();
}

export function selectArticleBySlug(db: Db, slug: string): Promise<ArticleRow | undefined> {
  return db.selectFrom('news_articles').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function selectSlugsLike(db: Db, base: string): Promise<Set<string>> {
  const rows = await db.selectFrom('news_articles').select('slug').where('slug', 'like', `${base}%`).execute();
  return new Set(rows.map((r) => r.slug));
}

export function selectAllArticles(db: Db, kind?: ArticleKind): Promise<ArticleRow[]> {
  let q = db.selectFrom('news_articles').selectAll();
  if (kind) q = q.where('kind', '=', kind);
  return q.orderBy('updated_at', 'desc').orderBy('id', 'desc').execute();
}

export interface VisibleFilter {
  kind?: ArticleKind;
  tag?: string;
  now: string;
}

function visible(db: Db, f: VisibleFilter) {
  let q = db
    .selectFrom('news_articles')
    .where('status', '=', 'published')
    .where((eb) => eb.or([eb('publish_at', 'is', null), eb('publish_at', '<=', f.now)]));
  if (f.kind) q = q.where('kind', '=', f.kind);
  // Tags are space-separated words from a closed list, so a padded LIKE is exact.
  if (f.tag) q = q.where(sql<string>`' ' || tags || ' '`, 'like', `% ${f.tag} %`);
  return q;
}

/** Visible articles on a moment, newest first. */
export function selectVisible(db: Db, f: VisibleFilter, offset: number, limit: number): Promise<ArticleRow[]> {
  return visible(db, f).selectAll().orderBy('publish_at', 'desc').orderBy('id', 'desc').offset(offset).limit(limit).execute();
}

export async function countVisible(db: Db, f: VisibleFilter): Promise<number> {
  const r = await visible(db, f)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** What changes the public lists: the latest edit and the latest moment something became visible. */
export async function visibleVersion(db: Db, now: string): Promise<string> {
  const r = await visible(db, { now })
    .select((eb) => [eb.fn.max('updated_at').as('u'), eb.fn.max('publish_at').as('p'), eb.fn.countAll().as('n')])
    .executeTakeFirstOrThrow();
  const all = await db
    .selectFrom('news_articles')
    .select((eb) => eb.fn.max('updated_at').as('u'))
    .executeTakeFirstOrThrow();
  return `${r.n}|${r.u ?? ''}|${r.p ?? ''}|${all.u ?? ''}`;
}

export function selectRevisions(db: Db, articleId: number): Promise<RevisionRow[]> {
  return db.selectFrom('news_article_revisions').selectAll().where('article_id', '=', articleId).orderBy('revision', 'desc').execute();
}

export function selectRevision(db: Db, articleId: number, revision: number): Promise<RevisionRow | undefined> {
  return db
    .selectFrom('news_article_revisions')
    .selectAll()
    .where('article_id', '=', articleId)
    .where('revision', '=', revision)
    .executeTakeFirst();
}

export function selectArticlesByIds(db: Db, ids: readonly number[]): Promise<ArticleRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('news_articles').selectAll().where('id', 'in', ids).execute();
}
