// The builder: sections and questions of a survey. Once answers exist, a change that would break
// them is refused with the reason (builder.logic.ts); text fixes always go through. Each write is
// one transaction with its audit entry.
import { inTransaction } from '../../db/database.ts';
import type { ServiceCtx } from '../../deps.ts';
import { errors, type FieldError } from '../../http/errors.ts';
import type { Localized } from '../../i18n.ts';
import { recordAudit } from '../audit/index.ts';
import {
  additionProblems,
  changeProblems,
  conditionProblems,
  deletionProblems,
  KEY_PATTERN,
  type QuestionDraft,
  slugify,
  uniqueCode,
  usageOf,
} from './builder.logic.ts';
import { selectResponses, selectSubmittedCount } from './responses.queries.ts';
import * as q from './surveys.queries.ts';
import { requireSurvey } from './surveys.service.ts';
import { type QuestionDef, questionsOf, type SurveyDef } from './types.ts';

export interface SectionInput {
  title: Localized;
  intro: Localized;
}

const refuse = (field: string, problems: Localized[]) => {
  if (problems.length > 0)
    throw errors.badRequest(
      problems[0],
      problems.map((message) => ({ field, message })),
    );
};

function audit(ctx: ServiceCtx, db: ServiceCtx['db'], action: string, entityId: number, before: unknown, after: unknown) {
  return recordAudit(db, { at: ctx.now, actor: ctx.actor, action, entity: 'survey_question', entityId, before, after });
}

export async function addSection(ctx: ServiceCtx, surveyId: number, input: SectionInput): Promise<number> {
  const def = await requireSurvey(ctx.db, surveyId);
  return inTransaction(ctx.db, async (trx) => {
    const position = Math.max(0, ...def.sections.map((s) => s.position)) + 1;
    const id = await q.insertSection(trx, {
      survey_id: surveyId,
      position,
      title_nl: input.title.nl,
      title_en: input.title.en || input.title.nl,
      intro_nl: input.intro.nl,
      intro_en: input.intro.en,
    });
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'survey.section.create',
      entity: 'survey_section',
      entityId: id,
      after: { surveyId, ...input },
    });
    return id;
  });
}

function sectionOf(def: SurveyDef, sectionId: number) {
  const section = def.sections.find((s) => s.id === sectionId);
  if (!section) throw errors.notFound({ nl: 'Deze sectie bestaat niet.', en: 'This section does not exist.' });
  return section;
}

export async function updateSection(ctx: ServiceCtx, surveyId: number, sectionId: number, input: SectionInput): Promise<void> {
  const section = sectionOf(await requireSurvey(ctx.db, surveyId), sectionId);
  await inTransaction(ctx.db, async (trx) => {
    await q.updateSectionRow(trx, sectionId, {
      title_nl: input.title.nl,
      title_en: input.title.en || input.title.nl,
      intro_nl: input.intro.nl,
      intro_en: input.intro.en,
    });
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'survey.section.update',
      entity: 'survey_section',
      entityId: sectionId,
      before: { title: section.title, intro: section.intro },
      after: input,
    });
  });
}

export async function deleteSection(ctx: ServiceCtx, surveyId: number, sectionId: number): Promise<void> {
  const section = sectionOf(await requireSurvey(ctx.db, surveyId), sectionId);
  if (section.questions.length > 0) {
    throw errors.conflict({
      nl: 'Deze sectie heeft nog vragen. Verwijder of verplaats die eerst.',
      en: 'This section still has questions. Delete or move them first.',
    });
  }
  await inTransaction(ctx.db, async (trx) => {
    await q.deleteSectionRow(trx, sectionId);
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'survey.section.delete',
      entity: 'survey_section',
      entityId: sectionId,
      before: { title: section.title },
    });
  });
}

/** Gives new options a value (from their label), keeps the values of existing ones. */
function withOptionValues(options: QuestionDraft['options']): QuestionDraft['options'] {
  const taken = new Set(options.map((o) => o.value).filter(Boolean));
  return options.map((o) => {
    if (o.value) return o;
    const value = uniqueCode(slugify(o.label.nl), taken);
    taken.add(value);
    return { ...o, value };
  });
}

function columnsOf(draft: QuestionDraft) {
  return {
    key: draft.key,
    type: draft.type,
    text_nl: draft.text.nl,
    text_en: draft.text.en || draft.text.nl,
    help_nl: draft.help.nl,
    help_en: draft.help.en,
    required: draft.required ? 1 : 0,
    allow_unknown: draft.allowUnknown ? 1 : 0,
    condition_question_id: draft.condition?.questionId ?? null,
    condition_values: draft.condition ? JSON.stringify(draft.condition.values) : null,
    min_value: draft.type === 'number' ? draft.min : null,
    max_value: draft.type === 'number' ? draft.max : null,
    low_label_nl: draft.lowLabel.nl,
    low_label_en: draft.lowLabel.en,
    high_label_nl: draft.highLabel.nl,
    high_label_en: draft.highLabel.en,
  };
}

function optionRows(draft: QuestionDraft) {
  return draft.type === 'single' || draft.type === 'multiple'
    ? draft.options.map((o, i) => ({ position: i + 1, value: o.value, label_nl: o.label.nl, label_en: o.label.en || o.label.nl }))
    : [];
}

function checkKey(def: SurveyDef, draft: QuestionDraft, questionId: number | null): FieldError[] {
  if (!KEY_PATTERN.test(draft.key)) {
    return [
      {
        field: 'key',
        message: {
          nl: 'Gebruik voor de code kleine letters, cijfers, - en _, beginnend met een letter (bijvoorbeeld beleid_apv).',
          en: 'Use lower-case letters, digits, - and _ for the code, starting with a letter.',
        },
      },
    ];
  }
  if (questionsOf(def).some((x) => x.key === draft.key && x.id !== questionId)) {
    return [
      {
        field: 'key',
        message: {
          nl: `Code ‘${draft.key}’ is al in gebruik in deze enquête. Kies een andere.`,
          en: `Code ‘${draft.key}’ is taken in this survey.`,
        },
      },
    ];
  }
  return [];
}

export async function addQuestion(ctx: ServiceCtx, surveyId: number, sectionId: number, input: QuestionDraft): Promise<number> {
  const def = await requireSurvey(ctx.db, surveyId);
  const section = sectionOf(def, sectionId);
  const draft = { ...input, options: withOptionValues(input.options) };
  const keyErrors = checkKey(def, draft, null);
  if (keyErrors.length > 0) throw errors.validation(keyErrors);
  refuse('condition', conditionProblems(def, null, sectionId, draft.condition));
  refuse('required', additionProblems(def.status, draft, await selectSubmittedCount(ctx.db, surveyId)));
  return inTransaction(ctx.db, async (trx) => {
    const position = Math.max(0, ...section.questions.map((x) => x.position)) + 1;
    const id = await q.insertQuestion(trx, { survey_id: surveyId, section_id: sectionId, position, ...columnsOf(draft) });
    await q.replaceOptions(trx, id, optionRows(draft));
    await audit(ctx, trx, 'survey.question.create', id, null, { surveyId, sectionId, ...draft });
    return id;
  });
}

function questionIn(def: SurveyDef, questionId: number): QuestionDef {
  const question = questionsOf(def).find((x) => x.id === questionId);
  if (!question) throw errors.notFound({ nl: 'Deze vraag bestaat niet.', en: 'This question does not exist.' });
  return question;
}

async function usage(ctx: ServiceCtx, surveyId: number, question: QuestionDef) {
  const rows = await selectResponses(ctx.db, surveyId);
  return usageOf(
    question,
    rows.map((r) => ({ submitted: r.status === 'submitted', answers: JSON.parse(r.answers_json) })),
  );
}

export async function updateQuestion(ctx: ServiceCtx, surveyId: number, questionId: number, input: QuestionDraft): Promise<void> {
  const def = await requireSurvey(ctx.db, surveyId);
  const old = questionIn(def, questionId);
  const draft = { ...input, options: withOptionValues(input.options) };
  const keyErrors = checkKey(def, draft, questionId);
  if (keyErrors.length > 0) throw errors.validation(keyErrors);
  refuse('condition', conditionProblems(def, questionId, old.sectionId, draft.condition));
  refuse('_', changeProblems(def.status, old, draft, await usage(ctx, surveyId, old)));
  await inTransaction(ctx.db, async (trx) => {
    await q.updateQuestionRow(trx, questionId, columnsOf(draft));
    await q.replaceOptions(trx, questionId, optionRows(draft));
    await audit(ctx, trx, 'survey.question.update', questionId, old, draft);
  });
}

export async function deleteQuestion(ctx: ServiceCtx, surveyId: number, questionId: number): Promise<void> {
  const def = await requireSurvey(ctx.db, surveyId);
  const old = questionIn(def, questionId);
  const dependants = questionsOf(def).filter((x) => x.condition?.questionId === questionId);
  refuse('_', deletionProblems(def.status, await usage(ctx, surveyId, old), dependants));
  await inTransaction(ctx.db, async (trx) => {
    await q.deleteQuestionRow(trx, questionId);
    await audit(ctx, trx, 'survey.question.delete', questionId, old, null);
  });
}

/** Moves a question one place up or down within its section (conditions must still point at earlier questions). */
export async function moveQuestion(ctx: ServiceCtx, surveyId: number, questionId: number, direction: 'up' | 'down'): Promise<void> {
  const def = await requireSurvey(ctx.db, surveyId);
  const question = questionIn(def, questionId);
  const list = sectionOf(def, question.sectionId).questions;
  const i = list.findIndex((x) => x.id === questionId);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (j < 0 || j >= list.length) return;
  const [a, b] = [list[i], list[j]];
  const earlier = direction === 'up' ? b : a;
  const later = direction === 'up' ? a : b;
  if (later.condition?.questionId === earlier.id) {
    throw errors.conflict({
      nl: `Vraag ‘${later.text.nl}’ hangt af van ‘${earlier.text.nl}’ en moet erna blijven staan.`,
      en: `Question ‘${later.text.en}’ depends on ‘${earlier.text.en}’ and must stay after it.`,
    });
  }
  await inTransaction(ctx.db, async (trx) => {
    await q.updateQuestionRow(trx, a.id, { position: b.position });
    await q.updateQuestionRow(trx, b.id, { position: a.position === b.position ? a.position + (direction === 'up' ? 1 : -1) : a.position });
    await audit(ctx, trx, 'survey.question.move', questionId, { position: a.position }, { position: b.position });
  });
}
