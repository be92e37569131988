// Reach of the academy: enrolments and completions per municipality, course and period; and as
// the "front-line staff trained" evidence of the advice module's policy monitor.
import type { Db } from '../../db/database.ts';
import type { PolicyEvidenceProvider } from '../advice/index.ts';
import { selectCourses, selectEnrolmentFacts } from './queries.ts';

export interface ReachFilter {
  from: string;
  to: string;
  courseId?: number;
  municipalityCode?: string;
}

export interface ReachCount {
  municipalityCode: string;
  courseId: number;
  enrolments: number;
  completions: number;
}

/** Enrolments begun and completions reached in the period (inclusive dates), per municipality and course. */
export async function academyReach(db: Db, f: ReachFilter): Promise<ReachCount[]> {
  const out = new Map<string, ReachCount>();
  for (const e of await selectEnrolmentFacts(db)) {
    if (!e.municipality_code) continue;
    if (f.courseId && e.course_id !== f.courseId) continue;
    if (f.municipalityCode && e.municipality_code !== f.municipalityCode) continue;
    const enrolled = e.enrolled_at >= f.from && e.enrolled_at <= f.to;
    const completed = e.completed_at !== null && e.completed_at >= f.from && e.completed_at <= f.to;
    if (!enrolled && !completed) continue;
    const key = `${e.municipality_code}|${e.course_id}`;
    const c = out.get(key) ?? { municipalityCode: e.municipality_code, courseId: Number(e.course_id), enrolments: 0, completions: 0 };
    if (enrolled) c.enrolments += 1;
    if (completed) c.completions += 1;
    out.set(key, c);
  }
  return [...out.values()];
}

/** Completions per municipality over a period (all courses). */
export async function completionsByMunicipality(db: Db, from: string, to: string): Promise<Map<string, number>> {
  const per = new Map<string, number>();
  for (const r of await academyReach(db, { from, to })) per.set(r.municipalityCode, (per.get(r.municipalityCode) ?? 0) + r.completions);
  return per;
}

export const courseTitles = async (db: Db) => new Map((await selectCourses(db, false)).map((c) => [Number(c.id), c.title]));

const EVIDENCE_YEARS = 3;

export const academyTrainedEvidence: PolicyEvidenceProvider = {
  id: 'academy.trained',
  block: 'frontline-trained',
  async evidenceOn(db, code, date) {
    const from = `${Number(date.slice(0, 4)) - EVIDENCE_YEARS}${date.slice(4)}`;
    const rows = await academyReach(db, { from, to: date, municipalityCode: code });
    const completions = rows.reduce((s, r) => s + r.completions, 0);
    const enrolments = rows.reduce((s, r) => s + r.enrolments, 0);
    if (completions === 0 && enrolments === 0) return null;
    return {
      count: completions,
      summary: {
        nl: `${completions} ${completions === 1 ? 'medewerker rondde' : 'medewerkers rondden'} een cursus van de Mensenhandel Academy af (${enrolments} ingeschreven sinds ${from}).`,
        en: `${completions} ${completions === 1 ? 'worker' : 'workers'} completed a Human Trafficking Academy course (${enrolments} enrolled since ${from}).`,
      },
      url: `/beheer/academy/bereik?from=${from}&to=${date}`,
    };
  },
};
