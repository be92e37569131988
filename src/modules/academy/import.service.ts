// External completions: staff import a CSV (email, course, date) from another learning platform.
// The dry run names every row it cannot match; the import writes only matched rows, in one
// transaction with its audit entry.
import { inTransaction } from '../../db/database.ts';
import type { ServiceCtx } from '../../deps.ts';
import { isSupportedDate } from '../../http/route-kit.ts';
import type { Localized } from '../../i18n.ts';
import { recordAudit } from '../audit/index.ts';
import { findUserByEmail } from '../auth/index.ts';
import type { CompletionRow } from './academy.logic.ts';
import { insertEnrolment, selectCourses, selectEnrolmentOf, selectLearner } from './queries.ts';

export interface ImportPlan {
  matched: {
    line: number;
    email: string;
    userId: number;
    courseId: number;
    courseTitle: string;
    date: string;
    municipality: string | null;
    existingId: number | null;
  }[];
  unmatched: { line: number; email: string; course: string; reason: Localized }[];
}

export async function planImport(ctx: Pick<ServiceCtx, 'db'>, rows: CompletionRow[]): Promise<ImportPlan> {
  const courses = await selectCourses(ctx.db, false);
  const plan: ImportPlan = { matched: [], unmatched: [] };
  const seen = new Set<string>();
  for (const r of rows) {
    const miss = (reason: Localized) => plan.unmatched.push({ line: r.line, email: r.email, course: r.course, reason });
    const course = courses.find((c) => c.slug === r.course.toLowerCase() || c.title.toLowerCase() === r.course.toLowerCase());
    if (!course) {
      miss({ nl: `Onbekende cursus “${r.course}”: gebruik de titel of de code uit de catalogus.`, en: `Unknown course “${r.course}”.` });
      continue;
    }
    if (!isSupportedDate(r.date)) {
      miss({ nl: `Ongeldige datum “${r.date}”: gebruik JJJJ-MM-DD.`, en: `Invalid date “${r.date}”: use YYYY-MM-DD.` });
      continue;
    }
    const user = r.email ? await findUserByEmail(ctx.db, r.email) : null;
    if (!user || user.status === 'deactivated') {
      miss({ nl: 'Geen account met dit e-mailadres.', en: 'No account with this email address.' });
      continue;
    }
    const key = `${user.id}|${course.id}`;
    if (seen.has(key)) {
      miss({ nl: 'Deze persoon en cursus staan al eerder in het bestand.', en: 'This person and course appear earlier in the file.' });
      continue;
    }
    seen.add(key);
    const existing = await selectEnrolmentOf(ctx.db, user.id, course.id);
    if (existing?.completed_at) {
      miss({ nl: `Al afgerond op ${existing.completed_at}.`, en: `Already completed on ${existing.completed_at}.` });
      continue;
    }
    const municipality = (await selectLearner(ctx.db, user.id))?.municipality_code ?? user.municipality_code ?? null;
    plan.matched.push({
      line: r.line,
      email: r.email,
      userId: user.id,
      courseId: course.id,
      courseTitle: course.title,
      date: r.date,
      municipality,
      existingId: existing?.id ?? null,
    });
  }
  return plan;
}

export async function importCompletions(ctx: ServiceCtx, rows: CompletionRow[]): Promise<ImportPlan> {
  return inTransaction(ctx.db, async (trx) => {
    const plan = await planImport({ db: trx }, rows);
    for (const m of plan.matched) {
      if (m.existingId) await trx.updateTable('academy_enrolments').set({ completed_at: m.date }).where('id', '=', m.existingId).execute();
      else
        await insertEnrolment(trx, {
          course_id: m.courseId,
          user_id: m.userId,
          municipality_code: m.municipality,
          source: 'import',
          enrolled_at: m.date,
          completed_at: m.date,
          score: null,
          certificate_code: null,
          certificate_name: null,
        });
    }
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'import-completions',
      entity: 'course_enrolment',
      entityId: null,
      after: { imported: plan.matched.length, skipped: plan.unmatched.length },
    });
    return plan;
  });
}
