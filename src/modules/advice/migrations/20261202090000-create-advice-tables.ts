// The advice module's tables, and the full-text index on interactions: FTS5 (external content, kept
// in step by triggers) on SQLite; a generated tsvector column with the Dutch configuration and a GIN
// index on PostgreSQL.
import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../../../db/database.ts';
import { withIdColumn } from '../../../db/schema-helpers.ts';

type AnyDb = Kysely<any>;

async function createContacts(db: AnyDb) {
  await withIdColumn(db, db.schema.createTable('advice_contacts'))
    .addColumn('municipality_code', 'text')
    .addColumn('region_code', 'text')
    .addColumn('name', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('email_key', 'text')
    .addColumn('phone', 'text')
    .addColumn('since', 'text')
    .addColumn('until', 'text')
    .addColumn('lawful_basis', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('advice_contacts_municipality_idx').on('advice_contacts').column('municipality_code').execute();
  await db.schema.createIndex('advice_contacts_region_idx').on('advice_contacts').column('region_code').execute();
  await db.schema.createIndex('advice_contacts_email_idx').on('advice_contacts').column('email_key').execute();
}

async function createInteractions(db: AnyDb) {
  await withIdColumn(db, db.schema.createTable('advice_interactions'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('advice_interactions_date_idx').on('advice_interactions').columns(['date', 'id']).execute();
  await db.schema.createIndex('advice_interactions_region_idx').on('advice_interactions').columns(['region_code', 'date']).execute();

  const link = (table: string, column: string) =>
    db.schema
      .createTable(table)
      .addColumn('interaction_id', 'integer', (c) => c.notNull().references('advice_interactions.id').onDelete('cascade'))
      .addColumn(column, column === 'municipality_code' ? 'text' : 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['interaction_id', column])
      .execute();
  await link('advice_interaction_municipalities', 'municipality_code');
  await link('advice_interaction_advisers', 'user_id');
  await link('advice_interaction_contacts', 'contact_id');
  await db.schema
    .createIndex('advice_interaction_municipalities_code_idx')
    .on('advice_interaction_municipalities')
    .columns(['municipality_code', 'interaction_id'])
    .execute();
  await db.schema
    .createIndex('advice_interaction_advisers_user_idx')
    .on('advice_interaction_advisers')
    .columns(['user_id', 'interaction_id'])
    .execute();
  await db.schema
    .createIndex('advice_interaction_contacts_contact_idx')
    .on('advice_interaction_contacts')
    .columns(['contact_id', 'interaction_id'])
    .execute();

  await withIdColumn(db, db.schema.createTable('advice_tasks'))
    .addColumn('interaction_id', 'integer', (c) => c.notNull().references('advice_interactions.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'integer')
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('advice_tasks_interaction_idx').on('advice_tasks').column('interaction_id').execute();
  await db.schema.createIndex('advice_tasks_owner_idx').on('advice_tasks').columns(['owner_user_id', 'done_at', 'due_date']).execute();
}

async function createFullText(db: AnyDb) {
  if (dialectOf(db) === 'postgres') {
    await sql`ALTER TABLE advice_interactions ADD COLUMN search tsvector
      GENERATED ALWAYS AS (to_tsvector('dutch', subject || ' ' || summary)) STORED`.execute(db);
    await sql`CREATE INDEX advice_interactions_search_idx ON advice_interactions USING gin (search)`.execute(db);
    return;
  }
  await sql`CREATE VIRTUAL TABLE advice_interactions_fts USING fts5(
      subject, summary, content='advice_interactions', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`.execute(db);
  await sql`CREATE TRIGGER advice_interactions_fts_insert AFTER INSERT ON advice_interactions BEGIN
      INSERT INTO advice_interactions_fts(rowid, subject, summary) VALUES (new.id, new.subject, new.summary);
    END`.execute(db);
  await sql`CREATE TRIGGER advice_interactions_fts_delete AFTER DELETE ON advice_interactions BEGIN
      INSERT INTO advice_interactions_fts(advice_interactions_fts, rowid, subject, summary) VALUES ('delete', old.id, old.subject, old.summary);
    END`.execute(db);
  await sql`CREATE TRIGGER advice_interactions_fts_update AFTER UPDATE OF subject, summary ON advice_interactions BEGIN
      INSERT INTO advice_interactions_fts(advice_interactions_fts, rowid, subject, summary) VALUES ('delete', old.id, old.subject, old.summary);
      INSERT INTO advice_interactions_fts(rowid, subject, summary) VALUES (new.id, new.subject, new.summary);
    END`.execute(db);
}

async function createPolicyAndSettings(db: AnyDb) {
  await withIdColumn(db, db.schema.createTable('advice_policy_statuses'))
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('block_id', 'text', (c) => c.notNull())
    .addColumn('blocks_version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('evidence_url', 'text')
    .addColumn('evidence_note', 'text')
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('reviews_id', 'integer')
    .addColumn('set_by', 'integer')
    .addColumn('set_by_label', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('advice_policy_statuses_lookup_idx')
    .on('advice_policy_statuses')
    .columns(['municipality_code', 'block_id', 'effective_date', 'id'])
    .execute();
  await db.schema.createIndex('advice_policy_statuses_date_idx').on('advice_policy_statuses').columns(['effective_date']).execute();

  await db.schema
    .createTable('advice_adviser_profiles')
    .addColumn('user_id', 'integer', (c) => c.primaryKey())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role_title', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('published', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('advice_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await withIdColumn(db, db.schema.createTable('advice_request_throttle'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('advice_request_throttle_key_idx').on('advice_request_throttle').columns(['key', 'at']).execute();
}

export async function up(db: AnyDb): Promise<void> {
  await createContacts(db);
  await createInteractions(db);
  await createFullText(db);
  await createPolicyAndSettings(db);
}

export async function down(db: AnyDb): Promise<void> {
  if (dialectOf(db) === 'sqlite') await sql`DROP TABLE IF EXISTS advice_interactions_fts`.execute(db);
  for (const t of [
    'advice_request_throttle',
    'advice_settings',
    'advice_adviser_profiles',
    'advice_policy_statuses',
    'advice_tasks',
    'advice_interaction_contacts',
    'advice_interaction_advisers',
    'advice_interaction_municipalities',
    'advice_interactions',
    'advice_contacts',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
