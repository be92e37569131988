// SQL of responses, feedback reports and the module's settings.
import type { Insertable } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { SurveyResponsesTable } from './tables.ts';

export async function selectResponse(db: DbOrTx, surveyId: number, code: string) {
  return db
    .selectFrom('survey_responses')
    .selectAll()
    .where('survey_id', '=', surveyId)
    .where('municipality_code', '=', code)
    .executeTakeFirst();
}

export type ResponseRow = NonNullable<Awaited<ReturnType<typeof selectResponse>>>;

export async function insertResponse(db: DbOrTx, row: Insertable<SurveyResponsesTable>): Promise<number> {
  const { id } = await db.insertInto('survey_responses').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/**
 * Writes a save made on version `expected` (compare-and-set): false when a colleague's save got in
 * between (the caller merges again) or the response is no longer in progress.
 */
export async function casUpdateAnswers(
  db: DbOrTx,
  id: number,
  expected: number,
  next: { version: number; answersJson: string; metaJson: string; at: string },
): Promise<boolean> {
  const r = await db
    .updateTable('survey_responses')
    .set({ version: next.version, answers_json: next.answersJson, answer_meta_json: next.metaJson, updated_at: next.at })
    .where('id', '=', id)
    .where('version', '=', expected)
    .where('status', '=', 'in_progress')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Submits the response if it is still in progress at `expected`; false otherwise (already submitted, or changed meanwhile). */
export async function markSubmitted(
  db: DbOrTx,
  id: number,
  expected: number,
  at: string,
  by: string,
  answersJson: string,
): Promise<boolean> {
  const r = await db
    .updateTable('survey_responses')
    .set({ status: 'submitted', submitted_at: at, submitted_by: by, updated_at: at, answers_json: answersJson, version: expected + 1 })
    .where('id', '=', id)
    .where('status', '=', 'in_progress')
    .where('version', '=', expected)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markReopened(db: DbOrTx, id: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('survey_responses')
    .set((eb) => ({ status: 'in_progress', submitted_at: null, submitted_by: null, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'submitted')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** What the aggregation reads: one row per submitted response. */
export async function selectSubmittedAnswers(db: DbOrTx, surveyId: number) {
  return db
    .selectFrom('survey_responses')
    .select(['municipality_code', 'province_code', 'size_class', 'answers_json'])
    .where('survey_id', '=', surveyId)
    .where('status', '=', 'submitted')
    .execute();
}

/** Every response of a survey (in progress and submitted). */
export async function selectResponses(db: DbOrTx, surveyId: number) {
  return db
    .selectFrom('survey_responses')
    .select(['id', 'municipality_code', 'status', 'source', 'started_at', 'submitted_at', 'answers_json'])
    .where('survey_id', '=', surveyId)
    .execute();
}

export async function selectSubmittedCount(db: DbOrTx, surveyId: number): Promise<number> {
  const row = await db
    .selectFrom('survey_responses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('survey_id', '=', surveyId)
    .where('status', '=', 'submitted')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

// ---- feedback reports

export async function upsertReport(db: DbOrTx, row: { surveyId: number; code: string; jobId: number; dataJson: string; at: string }) {
  await db
    .insertInto('survey_reports')
    .values({
      survey_id: row.surveyId,
      municipality_code: row.code,
      job_id: row.jobId,
      data_json: row.dataJson,
      generated_at: row.at,
      emailed_at: null,
    })
    .onConflict((oc) =>
      oc
        .columns(['survey_id', 'municipality_code'])
        .doUpdateSet({ job_id: row.jobId, data_json: row.dataJson, generated_at: row.at, emailed_at: null }),
    )
    .execute();
}

export async function markReportEmailed(db: DbOrTx, surveyId: number, code: string, at: string) {
  await db
    .updateTable('survey_reports')
    .set({ emailed_at: at })
    .where('survey_id', '=', surveyId)
    .where('municipality_code', '=', code)
    .execute();
}

export async function selectReport(db: DbOrTx, surveyId: number, code: string) {
  return db
    .selectFrom('survey_reports')
    .selectAll()
    .where('survey_id', '=', surveyId)
    .where('municipality_code', '=', code)
    .executeTakeFirst();
}

/** Municipalities whose report the job already made (and emailed, when they had a recipient). */
export async function selectReportsOfJob(db: DbOrTx, surveyId: number, jobId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('survey_reports')
    .select('municipality_code')
    .where('survey_id', '=', surveyId)
    .where('job_id', '=', jobId)
    .execute();
  return new Set(rows.map((r) => r.municipality_code));
}

export async function countReports(db: DbOrTx, surveyId: number): Promise<{ generated: number; emailed: number }> {
  const row = await db
    .selectFrom('survey_reports')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('emailed_at').as('e')])
    .where('survey_id', '=', surveyId)
    .executeTakeFirst();
  return { generated: Number(row?.n ?? 0), emailed: Number(row?.e ?? 0) };
}

// ---- settings

export async function selectSetting(db: DbOrTx, key: string): Promise<string | null> {
  return (await db.selectFrom('survey_settings').select('value').where('key', '=', key).executeTakeFirst())?.value ?? null;
}

export async function upsertSetting(db: DbOrTx, key: string, value: string, at: string) {
  await db
    .insertInto('survey_settings')
    .values({ key, value, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
    .execute();
}
