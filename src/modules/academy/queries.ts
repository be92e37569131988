// SQL of the academy (Kysely; SQLite and PostgreSQL).
import type { Insertable, Selectable } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { AcademyCoursesTable, AcademyEnrolmentsTable, AcademyLessonsTable, AcademyQuestionsTable } from './tables.ts';

export type CourseRow = Selectable<AcademyCoursesTable>;
export type LessonRow = Selectable<AcademyLessonsTable>;
export type QuestionRow = Selectable<AcademyQuestionsTable>;
export type EnrolmentRow = Selectable<AcademyEnrolmentsTable>;

export const selectCourses = (db: DbOrTx, publishedOnly: boolean) => {
  let q = db.selectFrom('academy_courses').selectAll();
  if (publishedOnly) q = q.where('status', '=', 'published');
  return q.orderBy('title').execute();
};
export const selectCourse = (db: DbOrTx, id: number) =>
  db.selectFrom('academy_courses').selectAll().where('id', '=', id).executeTakeFirst();
export const selectCourseBySlug = (db: DbOrTx, slug: string) =>
  db.selectFrom('academy_courses').selectAll().where('slug', '=', slug).executeTakeFirst();

export async function insertCourse(db: DbOrTx, values: Insertable<AcademyCoursesTable>): Promise<number> {
  return Number((await db.insertInto('academy_courses').values(values).returning('id').executeTakeFirstOrThrow()).id);
}

export const selectLessons = (db: DbOrTx, courseId: number) =>
  db.selectFrom('academy_lessons').selectAll().where('course_id', '=', courseId).orderBy('position').execute();
export const selectQuestions = (db: DbOrTx, courseId: number) =>
  db.selectFrom('academy_questions').selectAll().where('course_id', '=', courseId).orderBy('position').execute();

export const selectEnrolment = (db: DbOrTx, id: number) =>
  db.selectFrom('academy_enrolments').selectAll().where('id', '=', id).executeTakeFirst();
export const selectEnrolmentOf = (db: DbOrTx, userId: number, courseId: number) =>
  db.selectFrom('academy_enrolments').selectAll().where('user_id', '=', userId).where('course_id', '=', courseId).executeTakeFirst();
export const selectEnrolmentsOfUser = (db: DbOrTx, userId: number) =>
  db.selectFrom('academy_enrolments').selectAll().where('user_id', '=', userId).orderBy('id').execute();
export const selectCertificate = (db: DbOrTx, code: string) =>
  db
    .selectFrom('academy_enrolments as e')
    .innerJoin('academy_courses as c', 'c.id', 'e.course_id')
    .select(['e.certificate_name', 'e.completed_at', 'c.title'])
    .where('e.certificate_code', '=', code)
    .executeTakeFirst();

export async function insertEnrolment(db: DbOrTx, values: Insertable<AcademyEnrolmentsTable>): Promise<number> {
  return Number((await db.insertInto('academy_enrolments').values(values).returning('id').executeTakeFirstOrThrow()).id);
}

export const selectProgress = (db: DbOrTx, enrolmentId: number) =>
  db.selectFrom('academy_progress').select(['lesson_id', 'done_at']).where('enrolment_id', '=', enrolmentId).execute();

export async function markLessonDone(db: DbOrTx, enrolmentId: number, lessonId: number, at: string): Promise<void> {
  await db
    .insertInto('academy_progress')
    .values({ enrolment_id: enrolmentId, lesson_id: lessonId, done_at: at })
    .onConflict((oc) => oc.columns(['enrolment_id', 'lesson_id']).doNothing())
    .execute();
}

export const selectLearner = (db: DbOrTx, userId: number) =>
  db.selectFrom('academy_learners').selectAll().where('user_id', '=', userId).executeTakeFirst();

/** Enrolments (with completion) of courses in a period, for reach. `from`/`to` inclusive dates on enrolled/completed. */
export const selectEnrolmentFacts = (db: DbOrTx) =>
  db.selectFrom('academy_enrolments').select(['course_id', 'municipality_code', 'enrolled_at', 'completed_at', 'source']).execute();

export async function countAttempts(db: DbOrTx, emailHash: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('academy_attempts')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('email_hash', '=', emailHash)
    .where('at', '>=', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
