import type { Kysely } from 'kysely';
import { dialectOf } from '../../../db/database.ts';
import { withIdColumn } from '../../../db/schema-helpers.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('news_articles'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body_md', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('publish_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('withdrawn_reason', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('pseudonym', 'text')
    .addColumn('content_note', 'text')
    .addColumn('consent_confirmed_by', 'integer')
    .addColumn('consent_confirmed_at', 'text')
    .addColumn('embeds_json', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('news_articles_status_idx').on('news_articles').columns(['status', 'publish_at']).execute();

  await withIdColumn(db, db.schema.createTable('news_article_revisions'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('news_articles.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body_md', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('edited_by', 'integer')
    .addColumn('edited_by_label', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('news_article_revisions_unique', ['article_id', 'revision'])
    .execute();

  // Image bytes live in the database so every app instance serves the same files.
  const binary = dialectOf(db) === 'postgres' ? 'bytea' : 'blob';
  await withIdColumn(db, db.schema.createTable('news_images'))
    .addColumn('sha256', 'text', (c) => c.notNull().unique())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('news_image_variants')
    .addColumn('image_id', 'integer', (c) => c.notNull().references('news_images.id'))
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('bytes', binary as 'blob', (c) => c.notNull())
    .addPrimaryKeyConstraint('news_image_variants_pk', ['image_id', 'width', 'format'])
    .execute();

  await withIdColumn(db, db.schema.createTable('news_subscribers'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text')
    .addColumn('organisation', 'text')
    .addColumn('municipality_code', 'text')
    .addColumn('province_code', 'text')
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('token_version', 'integer', (c) => c.notNull())
    .addColumn('soft_bounces', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('unsubscribed_at', 'text')
    .addColumn('unsubscribed_edition_id', 'integer')
    .addColumn('bounced_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('news_subscribers_status_idx').on('news_subscribers').columns(['status', 'id']).execute();

  await withIdColumn(db, db.schema.createTable('news_consents'))
    .addColumn('subscriber_id', 'integer', (c) => c.notNull().references('news_subscribers.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('text_version', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('topics', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('news_consents_subscriber_idx').on('news_consents').column('subscriber_id').execute();

  await withIdColumn(db, db.schema.createTable('news_signup_attempts'))
    .addColumn('email_hash', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('news_signup_attempts_idx').on('news_signup_attempts').columns(['email_hash', 'at']).execute();

  await withIdColumn(db, db.schema.createTable('news_editions'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('issue_date', 'text', (c) => c.notNull())
    .addColumn('intro_md', 'text', (c) => c.notNull())
    .addColumn('intro_html', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('segment_json', 'text', (c) => c.notNull())
    .addColumn('rate_per_minute', 'integer', (c) => c.notNull())
    .addColumn('send_started_at', 'text')
    .addColumn('send_finished_at', 'text')
    .addColumn('send_cursor', 'integer', (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addColumn('links_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('news_edition_articles')
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('news_editions.id').onDelete('cascade'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('news_articles.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('news_edition_articles_pk', ['edition_id', 'article_id'])
    .execute();

  await withIdColumn(db, db.schema.createTable('news_deliveries'))
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('news_editions.id'))
    .addColumn('subscriber_id', 'integer')
    .addColumn('outbox_id', 'integer', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .addColumn('bounce_kind', 'text')
    .addColumn('bounced_at', 'text')
    .addColumn('opened_at', 'text')
    .addColumn('clicked_at', 'text')
    // The guarantee behind a resumable send: one delivery per subscriber per edition.
    .addUniqueConstraint('news_deliveries_once', ['edition_id', 'subscriber_id'])
    .execute();
  await db.schema.createIndex('news_deliveries_outbox_idx').on('news_deliveries').column('outbox_id').execute();

  await withIdColumn(db, db.schema.createTable('news_bounces'))
    .addColumn('subscriber_id', 'integer')
    .addColumn('delivery_id', 'integer')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('status_code', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('news_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'news_settings',
    'news_bounces',
    'news_deliveries',
    'news_edition_articles',
    'news_editions',
    'news_signup_attempts',
    'news_consents',
    'news_subscribers',
    'news_image_variants',
    'news_images',
    'news_article_revisions',
    'news_articles',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
