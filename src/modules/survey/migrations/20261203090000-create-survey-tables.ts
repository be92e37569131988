import type { Kysely } from 'kysely';
import { withIdColumn } from '../../../db/schema-helpers.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('survey_surveys'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title_nl', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('intro_nl', 'text', (c) => c.notNull())
    .addColumn('intro_en', 'text', (c) => c.notNull())
    .addColumn('reference_date', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('previous_survey_id', 'integer', (c) => c.references('survey_surveys.id'))
    .addColumn('reminder_days', 'text', (c) => c.notNull())
    .addColumn('results_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withIdColumn(db, db.schema.createTable('survey_sections'))
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('survey_surveys.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title_nl', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('intro_nl', 'text', (c) => c.notNull())
    .addColumn('intro_en', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('survey_sections_survey_idx').on('survey_sections').column('survey_id').execute();

  await withIdColumn(db, db.schema.createTable('survey_questions'))
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('survey_surveys.id'))
    .addColumn('section_id', 'integer', (c) => c.notNull().references('survey_sections.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('text_nl', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('help_nl', 'text', (c) => c.notNull())
    .addColumn('help_en', 'text', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull())
    .addColumn('allow_unknown', 'integer', (c) => c.notNull())
    .addColumn('condition_question_id', 'integer')
    .addColumn('condition_values', 'text')
    .addColumn('min_value', 'double precision')
    .addColumn('max_value', 'double precision')
    .addColumn('low_label_nl', 'text', (c) => c.notNull())
    .addColumn('low_label_en', 'text', (c) => c.notNull())
    .addColumn('high_label_nl', 'text', (c) => c.notNull())
    .addColumn('high_label_en', 'text', (c) => c.notNull())
    .addUniqueConstraint('survey_questions_key_unique', ['survey_id', 'key'])
    .execute();

  await withIdColumn(db, db.schema.createTable('survey_options'))
    .addColumn('question_id', 'integer', (c) => c.notNull().references('survey_questions.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('label_nl', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addUniqueConstraint('survey_options_value_unique', ['question_id', 'value'])
    .execute();

  await withIdColumn(db, db.schema.createTable('survey_invitations'))
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('survey_surveys.id'))
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('municipality_name', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('province_name', 'text', (c) => c.notNull())
    .addColumn('population', 'integer')
    .addColumn('size_class', 'text', (c) => c.notNull())
    .addColumn('invited_at', 'text')
    .addColumn('last_sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('survey_invitations_unique', ['survey_id', 'municipality_code'])
    .execute();

  await withIdColumn(db, db.schema.createTable('survey_recipients'))
    .addColumn('invitation_id', 'integer', (c) => c.notNull().references('survey_invitations.id'))
    .addColumn('contact_id', 'integer')
    .addColumn('email', 'text')
    .addColumn('name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('survey_recipients_invitation_idx').on('survey_recipients').column('invitation_id').execute();

  await withIdColumn(db, db.schema.createTable('survey_links'))
    .addColumn('invitation_id', 'integer', (c) => c.notNull().references('survey_invitations.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('survey_links_invitation_idx').on('survey_links').column('invitation_id').execute();

  await withIdColumn(db, db.schema.createTable('survey_responses'))
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('survey_surveys.id'))
    .addColumn('invitation_id', 'integer', (c) => c.notNull().references('survey_invitations.id'))
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('size_class', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('answers_json', 'text', (c) => c.notNull())
    .addColumn('answer_meta_json', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'text')
    .addUniqueConstraint('survey_responses_unique', ['survey_id', 'municipality_code'])
    .execute();
  await db.schema.createIndex('survey_responses_status_idx').on('survey_responses').columns(['survey_id', 'status']).execute();

  await db.schema
    .createTable('survey_reminders')
    .addColumn('invitation_id', 'integer', (c) => c.notNull().references('survey_invitations.id'))
    .addColumn('round', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_reminders_pk', ['invitation_id', 'round'])
    .execute();

  await withIdColumn(db, db.schema.createTable('survey_reports'))
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('survey_surveys.id'))
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('job_id', 'integer', (c) => c.notNull())
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addColumn('generated_at', 'text', (c) => c.notNull())
    .addColumn('emailed_at', 'text')
    .addUniqueConstraint('survey_reports_unique', ['survey_id', 'municipality_code'])
    .execute();

  await db.schema
    .createTable('survey_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'survey_settings',
    'survey_reports',
    'survey_reminders',
    'survey_responses',
    'survey_links',
    'survey_recipients',
    'survey_invitations',
    'survey_options',
    'survey_questions',
    'survey_sections',
    'survey_surveys',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
