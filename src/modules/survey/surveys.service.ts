// Surveys: reading a survey with its questions, creating and changing one, the status flow, copying
// a survey as the start of a new round. Writes take (ctx, …) and are one transaction with their
// audit entry; reads take (db, …).

import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/database.ts';
import type { ServiceCtx } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import type { Localized } from '../../i18n.ts';
import { recordAudit } from '../audit/index.ts';
import { slugify, transitionProblems, uniqueCode } from './builder.logic.ts';
import { deleteUnsentInvitations } from './invitations.queries.ts';
import { extendRespondLinks } from './links.ts';
import { bumpSurveyVersion } from './public-version.ts';
import { scheduleReminders } from './reminders.ts';
import type { SurveyRow } from './surveys.queries.ts';
import * as q from './surveys.queries.ts';
import type { SurveyStatus } from './tables.ts';
import type { QuestionDef, SectionDef, SurveyDef, SurveySummary } from './types.ts';

export function presentSummary(r: SurveyRow): SurveySummary {
  return {
    id: Number(r.id),
    slug: r.slug,
    title: { nl: r.title_nl, en: r.title_en },
    intro: { nl: r.intro_nl, en: r.intro_en },
    referenceDate: r.reference_date,
    opensOn: r.opens_on,
    closesOn: r.closes_on,
    status: r.status,
    previousSurveyId: r.previous_survey_id === null ? null : Number(r.previous_survey_id),
    reminderDays: r.reminder_days === '' ? [] : r.reminder_days.split(',').map(Number),
    resultsVersion: Number(r.results_version),
  };
}

function questionOf(r: q.QuestionRow, options: Map<number, QuestionDef['options']>): QuestionDef {
  return {
    id: Number(r.id),
    key: r.key,
    sectionId: Number(r.section_id),
    position: Number(r.position),
    type: r.type,
    text: { nl: r.text_nl, en: r.text_en },
    help: { nl: r.help_nl, en: r.help_en },
    required: Number(r.required) === 1,
    allowUnknown: Number(r.allow_unknown) === 1,
    condition:
      r.condition_question_id === null
        ? null
        : { questionId: Number(r.condition_question_id), values: JSON.parse(r.condition_values ?? '[]') },
    min: r.min_value === null ? null : Number(r.min_value),
    max: r.max_value === null ? null : Number(r.max_value),
    lowLabel: { nl: r.low_label_nl, en: r.low_label_en },
    highLabel: { nl: r.high_label_nl, en: r.high_label_en },
    options: options.get(Number(r.id)) ?? [],
  };
}

/** A survey with its sections and questions in order, or null. */
export async function getSurveyDef(db: Db, id: number): Promise<SurveyDef | null> {
  const row = await q.selectSurvey(db, id);
  if (!row) return null;
  const [sections, questions, optionRows] = await Promise.all([
    q.selectSections(db, id),
    q.selectQuestions(db, id),
    q.selectOptions(db, id),
  ]);
  const options = new Map<number, QuestionDef['options']>();
  for (const o of optionRows) {
    const list = options.get(Number(o.question_id)) ?? [];
    list.push({ value: o.value, label: { nl: o.label_nl, en: o.label_en } });
    options.set(Number(o.question_id), list);
  }
  const bySection = new Map<number, QuestionDef[]>();
  for (const r of questions) {
    const def = questionOf(r, options);
    bySection.set(def.sectionId, [...(bySection.get(def.sectionId) ?? []), def]);
  }
  const list: SectionDef[] = sections.map((s) => ({
    id: Number(s.id),
    position: Number(s.position),
    title: { nl: s.title_nl, en: s.title_en },
    intro: { nl: s.intro_nl, en: s.intro_en },
    questions: bySection.get(Number(s.id)) ?? [],
  }));
  return { ...presentSummary(row), sections: list };
}

export async function requireSurvey(db: Db, id: number): Promise<SurveyDef> {
  const def = await getSurveyDef(db, id);
  if (!def) throw errors.notFound({ nl: 'Deze enquête bestaat niet.', en: 'This survey does not exist.' });
  return def;
}

export async function listSurveys(db: Db, statuses?: readonly SurveyStatus[]): Promise<SurveySummary[]> {
  return (await q.selectSurveys(db, statuses)).map(presentSummary);
}

export async function surveyBySlug(db: Db, slug: string): Promise<SurveySummary | null> {
  const row = await q.selectSurveyBySlug(db, slug);
  return row ? presentSummary(row) : null;
}

export interface SurveyInput {
  title: Localized;
  intro: Localized;
  referenceDate: string;
  opensOn: string;
  closesOn: string;
  reminderDays: number[];
  previousSurveyId: number | null;
}

const BAD_PREVIOUS: Localized = {
  nl: 'Kies als vorige meting een andere, bestaande enquête.',
  en: 'Choose another, existing survey as the previous round.',
};

async function checkPrevious(db: Db, id: number | null, previous: number | null) {
  if (previous === null) return;
  if (previous === id || !(await q.selectSurvey(db, previous)))
    throw errors.badRequest(BAD_PREVIOUS, [{ field: 'previousSurveyId', message: BAD_PREVIOUS }]);
}

function columnsOf(input: SurveyInput, at: string) {
  return {
    title_nl: input.title.nl,
    title_en: input.title.en || input.title.nl,
    intro_nl: input.intro.nl,
    intro_en: input.intro.en,
    reference_date: input.referenceDate,
    opens_on: input.opensOn,
    closes_on: input.closesOn,
    reminder_days: input.reminderDays.join(','),
    previous_survey_id: input.previousSurveyId,
    updated_at: at,
  };
}

export async function createSurvey(ctx: ServiceCtx, input: SurveyInput): Promise<number> {
  await checkPrevious(ctx.db, null, input.previousSurveyId);
  return inTransaction(ctx.db, async (trx) => {
    const at = ctx.now.toISOString();
    const slug = uniqueCode(slugify(input.title.nl), await q.selectSlugs(trx));
    const id = await q.insertSurvey(trx, { ...columnsOf(input, at), slug, status: 'draft', results_version: 0, created_at: at });
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'survey.create',
      entity: 'survey',
      entityId: id,
      after: { slug, ...input },
    });
    await bumpSurveyVersion(trx, ctx.now);
    return id;
  });
}

const REFERENCE_LOCKED: Localized = {
  nl: 'De peildatum ligt vast zodra de enquête open is geweest: de uitnodigingen en resultaten horen bij de gemeenten van die datum.',
  en: 'The reference date is fixed once the survey has been open: invitations and results belong to the municipalities of that date.',
};

export async function updateSurvey(ctx: ServiceCtx, id: number, input: SurveyInput): Promise<void> {
  const before = await requireSurvey(ctx.db, id);
  if (before.status !== 'draft' && input.referenceDate !== before.referenceDate) {
    throw errors.badRequest(REFERENCE_LOCKED, [{ field: 'referenceDate', message: REFERENCE_LOCKED }]);
  }
  await checkPrevious(ctx.db, id, input.previousSurveyId);
  await inTransaction(ctx.db, async (trx) => {
    await q.updateSurveyRow(trx, id, columnsOf(input, ctx.now.toISOString()));
    if (before.closesOn !== input.closesOn) await extendRespondLinks(trx, id, input.closesOn);
    // A draft was never sent: its prepared invitations follow the new reference date.
    if (before.referenceDate !== input.referenceDate) await deleteUnsentInvitations(trx, id);
    if (before.status === 'open') await scheduleReminders({ ...ctx, db: trx }, id, input.closesOn, input.reminderDays, before.reminderDays);
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'survey.update',
      entity: 'survey',
      entityId: id,
      before: summaryForAudit(before),
      after: input,
    });
    await bumpSurveyVersion(trx, ctx.now);
  });
}

function summaryForAudit(def: SurveySummary) {
  const { id: _id, resultsVersion: _v, ...rest } = def;
  return rest;
}

/** Moves the survey along draft → open → closed → published (closed ⇄ open, published → closed). */
export async function changeStatus(ctx: ServiceCtx, id: number, to: SurveyStatus, today: string): Promise<void> {
  const def = await requireSurvey(ctx.db, id);
  const problems = transitionProblems(def, to, today);
  if (problems.length > 0) throw errors.conflict(problems[0]);
  await inTransaction(ctx.db, async (trx) => {
    await q.updateSurveyRow(trx, id, { status: to, updated_at: ctx.now.toISOString() });
    const c = { ...ctx, db: trx };
    if (to === 'open') await scheduleReminders(c, id, def.closesOn, def.reminderDays, def.reminderDays);
    else await scheduleReminders(c, id, def.closesOn, [], def.reminderDays);
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: `survey.${to}`,
      entity: 'survey',
      entityId: id,
      before: { status: def.status },
      after: { status: to },
    });
    await bumpSurveyVersion(trx, ctx.now);
  });
}
