// SQL of surveys, their sections, questions and options (Kysely; the same on SQLite and PostgreSQL).
import type { Insertable, Updateable } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import { surveyChanged } from './public-version.ts';
import type { SurveyOptionsTable, SurveyQuestionsTable, SurveySectionsTable, SurveyStatus, SurveySurveysTable } from './tables.ts';

export async function selectSurveys(db: DbOrTx, statuses?: readonly SurveyStatus[]) {
  let q = db.selectFrom('survey_surveys').selectAll();
  if (statuses) q = q.where('status', 'in', [...statuses]);
  return q.orderBy('opens_on', 'desc').orderBy('id', 'desc').execute();
}

export async function selectSurvey(db: DbOrTx, id: number) {
  return db.selectFrom('survey_surveys').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function selectSurveyBySlug(db: DbOrTx, slug: string) {
  return db.selectFrom('survey_surveys').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export type SurveyRow = NonNullable<Awaited<ReturnType<typeof selectSurvey>>>;

export async function selectSlugs(db: DbOrTx): Promise<Set<string>> {
  return new Set((await db.selectFrom('survey_surveys').select('slug').execute()).map((r) => r.slug));
}

export async function countSurveys(db: DbOrTx): Promise<number> {
  const row = await db
    .selectFrom('survey_surveys')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertSurvey(db: DbOrTx, row: Insertable<SurveySurveysTable>): Promise<number> {
  const { id } = await db.insertInto('survey_surveys').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

export async function updateSurveyRow(db: DbOrTx, id: number, patch: Updateable<SurveySurveysTable>) {
  await db.updateTable('survey_surveys').set(patch).where('id', '=', id).execute();
}

/** The results change: bump the version their caches are keyed by. */
export async function bumpResultsVersion(db: DbOrTx, id: number) {
  await db
    .updateTable('survey_surveys')
    .set((eb) => ({ results_version: eb('results_version', '+', 1) }))
    .where('id', '=', id)
    .execute();
  // The published results and the response rate change: the public cache reads the version again.
  surveyChanged(db);
}

export async function selectSections(db: DbOrTx, surveyId: number) {
  return db.selectFrom('survey_sections').selectAll().where('survey_id', '=', surveyId).orderBy('position').orderBy('id').execute();
}

export async function insertSection(db: DbOrTx, row: Insertable<SurveySectionsTable>): Promise<number> {
  const { id } = await db.insertInto('survey_sections').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

export async function updateSectionRow(db: DbOrTx, id: number, patch: Updateable<SurveySectionsTable>) {
  await db.updateTable('survey_sections').set(patch).where('id', '=', id).execute();
}

export async function deleteSectionRow(db: DbOrTx, id: number) {
  await db.deleteFrom('survey_sections').where('id', '=', id).execute();
}

export async function selectQuestions(db: DbOrTx, surveyId: number) {
  return db.selectFrom('survey_questions').selectAll().where('survey_id', '=', surveyId).orderBy('position').orderBy('id').execute();
}

export type QuestionRow = Awaited<ReturnType<typeof selectQuestions>>[number];

export async function selectOptions(db: DbOrTx, surveyId: number) {
  return db
    .selectFrom('survey_options')
    .innerJoin('survey_questions', 'survey_questions.id', 'survey_options.question_id')
    .select([
      'survey_options.question_id',
      'survey_options.value',
      'survey_options.label_nl',
      'survey_options.label_en',
      'survey_options.position',
    ])
    .where('survey_questions.survey_id', '=', surveyId)
    .orderBy('survey_options.position')
    .orderBy('survey_options.id')
    .execute();
}

export async function insertQuestion(db: DbOrTx, row: Insertable<SurveyQuestionsTable>): Promise<number> {
  const { id } = await db.insertInto('survey_questions').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

export async function updateQuestionRow(db: DbOrTx, id: number, patch: Updateable<SurveyQuestionsTable>) {
  await db.updateTable('survey_questions').set(patch).where('id', '=', id).execute();
}

export async function deleteQuestionRow(db: DbOrTx, id: number) {
  await db.deleteFrom('survey_options').where('question_id', '=', id).execute();
  await db.deleteFrom('survey_questions').where('id', '=', id).execute();
}

/** Replaces a question's options (values are kept by the caller, so given answers stay valid). */
export async function replaceOptions(
  db: DbOrTx,
  questionId: number,
  options: readonly Omit<Insertable<SurveyOptionsTable>, 'question_id'>[],
) {
  await db.deleteFrom('survey_options').where('question_id', '=', questionId).execute();
  if (options.length > 0)
    await db
      .insertInto('survey_options')
      .values(options.map((o) => ({ ...o, question_id: questionId })))
      .execute();
}
