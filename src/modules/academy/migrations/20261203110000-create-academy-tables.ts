import type { Kysely } from 'kysely';
import { withIdColumn } from '../../../db/schema-helpers.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('academy_courses'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('external_url', 'text')
    .addColumn('provider', 'text')
    .addColumn('event_ids', 'text', (c) => c.notNull())
    .addColumn('pass_mark', 'integer', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await withIdColumn(db, db.schema.createTable('academy_lessons'))
    .addColumn('course_id', 'integer', (c) => c.notNull().references('academy_courses.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('image_url', 'text')
    .addColumn('image_alt', 'text')
    .addColumn('video_url', 'text')
    .execute();
  await db.schema.createIndex('academy_lessons_course_idx').on('academy_lessons').columns(['course_id', 'position']).unique().execute();
  await withIdColumn(db, db.schema.createTable('academy_questions'))
    .addColumn('course_id', 'integer', (c) => c.notNull().references('academy_courses.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('options_json', 'text', (c) => c.notNull())
    .addColumn('correct', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('academy_learners')
    .addColumn('user_id', 'integer', (c) => c.primaryKey())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await withIdColumn(db, db.schema.createTable('academy_signups'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await withIdColumn(db, db.schema.createTable('academy_attempts'))
    .addColumn('email_hash', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('academy_attempts_email_idx').on('academy_attempts').columns(['email_hash', 'at']).execute();
  await withIdColumn(db, db.schema.createTable('academy_enrolments'))
    .addColumn('course_id', 'integer', (c) => c.notNull().references('academy_courses.id'))
    .addColumn('user_id', 'integer')
    .addColumn('municipality_code', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('enrolled_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('score', 'integer')
    .addColumn('certificate_code', 'text', (c) => c.unique())
    .addColumn('certificate_name', 'text')
    .execute();
  await db.schema.createIndex('academy_enrolments_user_idx').on('academy_enrolments').columns(['user_id', 'course_id']).execute();
  await db.schema.createIndex('academy_enrolments_course_idx').on('academy_enrolments').columns(['course_id', 'completed_at']).execute();
  await db.schema
    .createTable('academy_progress')
    .addColumn('enrolment_id', 'integer', (c) => c.notNull().references('academy_enrolments.id'))
    .addColumn('lesson_id', 'integer', (c) => c.notNull().references('academy_lessons.id'))
    .addColumn('done_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('academy_progress_pk', ['enrolment_id', 'lesson_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'academy_progress',
    'academy_enrolments',
    'academy_attempts',
    'academy_signups',
    'academy_learners',
    'academy_questions',
    'academy_lessons',
    'academy_courses',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
