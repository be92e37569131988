// Feedback reports: a municipality's own answers beside its province, size class and the country
// (as shown outside the staff area), with its previous round's answers carried over mergers
// (carry.logic.ts, via the atlas' mapToDate). Built live for staff previews; frozen into
// survey_reports when the batch (jobs.ts) sends them, so the municipality reads what was sent.
import type { Db } from '../../db/database.ts';
import { mapToDate } from '../atlas/index.ts';
import { previousSources } from './carry.logic.ts';
import { selectInvitations } from './invitations.queries.ts';
import { groupedOf } from './invitations.service.ts';
import { buildReport, type PreviousContext, type ReportData } from './report.logic.ts';
import { selectReport, selectSubmittedAnswers } from './responses.queries.ts';
import { surveyResults } from './results.service.ts';
import { getSurveyDef } from './surveys.service.ts';
import { type Answers, type GroupedMunicipality, questionsOf, type SurveyDef } from './types.ts';

export interface ReportInputs {
  def: SurveyDef;
  results: Awaited<ReturnType<typeof surveyResults>>;
  municipalities: Map<string, GroupedMunicipality>;
  answers: Map<string, Answers>;
  previous: ((code: string) => PreviousContext | null) | null;
}

/** What every report of a survey needs, loaded once (the batch builds 342 reports from it). */
export async function reportInputs(db: Db, def: SurveyDef): Promise<ReportInputs> {
  const results = await surveyResults(db, def, { staff: false });
  const municipalities = new Map((await selectInvitations(db, def.id)).map((i) => [i.municipality_code, groupedOf(i)]));
  const answers = new Map(
    (await selectSubmittedAnswers(db, def.id)).map((r) => [r.municipality_code, JSON.parse(r.answers_json) as Answers]),
  );
  return { def, results, municipalities, answers, previous: await previousLookup(db, def) };
}

async function previousLookup(db: Db, def: SurveyDef): Promise<ReportInputs['previous']> {
  if (def.previousSurveyId === null) return null;
  const prev = await getSurveyDef(db, def.previousSurveyId);
  if (!prev) return null;
  const names = new Map((await selectInvitations(db, prev.id)).map((i) => [i.municipality_code, i.municipality_name]));
  const prevAnswers = new Map(
    (await selectSubmittedAnswers(db, prev.id)).map((r) => [r.municipality_code, JSON.parse(r.answers_json) as Answers]),
  );
  const respondents = [...prevAnswers.keys()].map((code) => ({ code, name: names.get(code) ?? code }));
  const successors = new Map<string, { code: string; share: number }[]>();
  for (const r of respondents) successors.set(r.code, await mapToDate(db, r.code, prev.referenceDate, def.referenceDate));
  const questionsByKey = new Map(questionsOf(prev).map((q) => [q.key, q]));
  return (code) => {
    const sources = previousSources(code, respondents, (c) => successors.get(c) ?? []);
    return {
      title: prev.title,
      questionsByKey,
      sources: sources.map((source) => ({ source, answers: prevAnswers.get(source.code) ?? {} })),
    };
  };
}

/** The report of one municipality, built now (null when it did not submit). */
export function reportFrom(inputs: ReportInputs, code: string): ReportData | null {
  const m = inputs.municipalities.get(code);
  const own = inputs.answers.get(code);
  if (!m || !own) return null;
  return buildReport(inputs.def, inputs.results, m, own, inputs.previous ? inputs.previous(code) : null);
}

export async function liveReport(db: Db, def: SurveyDef, code: string): Promise<ReportData | null> {
  return reportFrom(await reportInputs(db, def), code);
}

/** The report as it was sent, or null when none was sent yet. */
export async function sentReport(db: Db, surveyId: number, code: string): Promise<{ data: ReportData; generatedAt: string } | null> {
  const row = await selectReport(db, surveyId, code);
  return row ? { data: JSON.parse(row.data_json) as ReportData, generatedAt: row.generated_at } : null;
}
