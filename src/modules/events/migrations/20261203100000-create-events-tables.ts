import type { Kysely } from 'kysely';
import { withIdColumn } from '../../../db/schema-helpers.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('events_events'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('audiences', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('online_url', 'text')
    .addColumn('organisers', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('taken', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('registration_opens', 'text', (c) => c.notNull())
    .addColumn('registration_closes', 'text', (c) => c.notNull())
    .addColumn('access', 'text', (c) => c.notNull())
    .addColumn('invite_key', 'text')
    .addColumn('questions_json', 'text', (c) => c.notNull())
    .addColumn('target_codes', 'text', (c) => c.notNull())
    .addColumn('target_province', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_events_starts_idx').on('events_events').column('starts_at').execute();

  await withIdColumn(db, db.schema.createTable('events_registrations'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events_events.id'))
    .addColumn('name', 'text')
    .addColumn('email', 'text')
    .addColumn('email_key', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text')
    .addColumn('municipality_code', 'text')
    .addColumn('answers_json', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('offer_expires_at', 'text')
    .addColumn('walk_in', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attended', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('checked_in_at', 'text')
    .addColumn('reminder_sent_at', 'text')
    .addColumn('evaluation_sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('events_registrations_email_idx')
    .on('events_registrations')
    .columns(['event_id', 'email_key'])
    .unique()
    .execute();
  await db.schema.createIndex('events_registrations_status_idx').on('events_registrations').columns(['event_id', 'status']).execute();

  await withIdColumn(db, db.schema.createTable('events_evaluations'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events_events.id'))
    .addColumn('registration_id', 'integer', (c) => c.notNull().unique().references('events_registrations.id'))
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withIdColumn(db, db.schema.createTable('events_attempts'))
    .addColumn('email_hash', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_attempts_email_idx').on('events_attempts').columns(['email_hash', 'at']).execute();

  await db.schema
    .createTable('events_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['events_settings', 'events_attempts', 'events_evaluations', 'events_registrations', 'events_events']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
