// Results and tracking: the aggregation of a survey's submitted answers (aggregate.logic.ts), kept
// per results version (bumped on every submit, reopen and import) and threshold; suppressed unless
// for staff. Participation per municipality for the response rate, its series and the map.
import type { Db } from '../../db/database.ts';
import { BoundedCache } from '../../http/bounded-cache.ts';
import { aggregate, type SurveyResults, suppressResults, textQuestionIdsOf } from './aggregate.logic.ts';
import { isTextQuestion } from './answers.logic.ts';
import { dailySeries, type Group, groupsOf, type Participation, type RateRow, responseRates } from './groups.logic.ts';
import { selectInvitations } from './invitations.queries.ts';
import { groupedOf } from './invitations.service.ts';
import { selectResponses, selectSubmittedAnswers } from './responses.queries.ts';
import { suppressionThreshold } from './settings.service.ts';
import { getSurveyDef } from './surveys.service.ts';
import { type GroupedMunicipality, type QuestionDef, questionsOf, type SurveyDef } from './types.ts';

/** Per database (tests and the bench open several in one process), per survey and results version. */
const caches = new WeakMap<Db, BoundedCache<Promise<SurveyResults>>>();

function cacheOf(db: Db): BoundedCache<Promise<SurveyResults>> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new BoundedCache<Promise<SurveyResults>>({ maxEntries: 200 });
    caches.set(db, cache);
  }
  return cache;
}

export async function groupsOfSurvey(
  db: Db,
  surveyId: number,
): Promise<{ provinces: Group[]; sizeClasses: Group[]; invited: GroupedMunicipality[] }> {
  const invited = (await selectInvitations(db, surveyId)).map(groupedOf);
  return { ...groupsOf(invited), invited };
}

async function computeResults(db: Db, def: SurveyDef): Promise<SurveyResults> {
  const groups = await groupsOfSurvey(db, def.id);
  const rows = await selectSubmittedAnswers(db, def.id);
  const inputs = rows.map((r) => ({ provinceCode: r.province_code, sizeClass: r.size_class, answers: JSON.parse(r.answers_json) }));
  return aggregate(questionsOf(def), inputs, groups);
}

/**
 * The results of a survey: for staff everything; otherwise with groups below the threshold hidden
 * (suppress.logic.ts) and without text questions.
 */
export async function surveyResults(db: Db, def: SurveyDef, options: { staff: boolean }): Promise<SurveyResults> {
  const full = await cacheOf(db).memo(`${def.id}|${def.resultsVersion}`, () => computeResults(db, def));
  if (options.staff) return full;
  return suppressResults(full, await suppressionThreshold(db), textQuestionIdsOf(questionsOf(def)));
}

/** Forget cached results (tests and the bench measure a cold aggregation). */
export function forgetResults(db: Db): void {
  caches.delete(db);
}

export interface TextAnswer {
  code: string;
  name: string;
  text: string;
}

/** Staff only: the text answers per text question, by municipality name. */
export async function textAnswers(db: Db, def: SurveyDef): Promise<Map<number, TextAnswer[]>> {
  const names = new Map((await selectInvitations(db, def.id)).map((i) => [i.municipality_code, i.municipality_name]));
  const rows = await selectSubmittedAnswers(db, def.id);
  const out = new Map<number, TextAnswer[]>();
  const texts: QuestionDef[] = questionsOf(def).filter(isTextQuestion);
  for (const r of rows) {
    const answers = JSON.parse(r.answers_json) as Record<string, unknown>;
    for (const q of texts) {
      const v = answers[String(q.id)];
      if (typeof v !== 'string') continue;
      const list = out.get(q.id) ?? [];
      list.push({ code: r.municipality_code, name: names.get(r.municipality_code) ?? r.municipality_code, text: v });
      out.set(q.id, list);
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return out;
}

export interface ParticipationView extends Participation, GroupedMunicipality {
  startedAt: string | null;
  submittedAt: string | null;
  invitedAt: string | null;
}

export interface Tracking {
  municipalities: ParticipationView[];
  total: RateRow;
  byProvince: RateRow[];
  bySizeClass: RateRow[];
  series: ReturnType<typeof dailySeries>;
}

/** Who was invited, started and submitted; rates per group; the cumulative series from opening to today (or closing). */
export async function tracking(db: Db, def: SurveyDef, today: string): Promise<Tracking> {
  const invitations = await selectInvitations(db, def.id);
  const responses = new Map((await selectResponses(db, def.id)).map((r) => [r.municipality_code, r]));
  const municipalities: ParticipationView[] = invitations.map((i) => {
    const r = responses.get(i.municipality_code);
    return {
      ...groupedOf(i),
      started: r !== undefined,
      submitted: r?.status === 'submitted',
      startedAt: r?.started_at ?? null,
      submittedAt: r?.status === 'submitted' ? r.submitted_at : null,
      invitedAt: i.invited_at,
    };
  });
  const rates = responseRates(municipalities, groupsOf(municipalities));
  const end = today < def.closesOn ? today : def.closesOn;
  const from = [def.opensOn, end].sort()[0];
  const series = dailySeries(
    from,
    end,
    municipalities.flatMap((m) => (m.startedAt ? [m.startedAt] : [])),
    municipalities.flatMap((m) => (m.submittedAt ? [m.submittedAt] : [])),
  );
  return { municipalities, ...rates, series };
}

/** A survey's response on a date: invited, started and submitted in total (for other modules). */
export async function surveyResponseRate(db: Db, surveyId: number, today: string) {
  const def = await getSurveyDef(db, surveyId);
  if (!def) return null;
  const t = await tracking(db, def, today);
  return { invited: t.total.invited, started: t.total.started, submitted: t.total.submitted, rate: t.total.rate };
}
