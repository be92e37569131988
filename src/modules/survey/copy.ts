// Copying a survey as the start of a new round: the same sections, questions (with their keys, so
// answers can be compared across rounds), options and conditions, as a draft whose previous round
// is the original.
import { inTransaction } from '../../db/database.ts';
import type { ServiceCtx } from '../../deps.ts';
import { recordAudit } from '../audit/index.ts';
import { slugify, uniqueCode } from './builder.logic.ts';
import { bumpSurveyVersion } from './public-version.ts';
import * as q from './surveys.queries.ts';
import { requireSurvey } from './surveys.service.ts';

export async function copySurvey(ctx: ServiceCtx, id: number): Promise<number> {
  const source = await requireSurvey(ctx.db, id);
  return inTransaction(ctx.db, async (trx) => {
    const at = ctx.now.toISOString();
    const title = { nl: `${source.title.nl} (nieuwe ronde)`, en: `${source.title.en} (new round)` };
    const slug = uniqueCode(slugify(title.nl), await q.selectSlugs(trx));
    const copyId = await q.insertSurvey(trx, {
      slug,
      title_nl: title.nl,
      title_en: title.en,
      intro_nl: source.intro.nl,
      intro_en: source.intro.en,
      reference_date: source.referenceDate,
      opens_on: source.opensOn,
      closes_on: source.closesOn,
      reminder_days: source.reminderDays.join(','),
      previous_survey_id: source.id,
      status: 'draft',
      results_version: 0,
      created_at: at,
      updated_at: at,
    });
    const ids = new Map<number, number>();
    for (const s of source.sections) {
      const sectionId = await q.insertSection(trx, {
        survey_id: copyId,
        position: s.position,
        title_nl: s.title.nl,
        title_en: s.title.en,
        intro_nl: s.intro.nl,
        intro_en: s.intro.en,
      });
      for (const x of s.questions) {
        const questionId = await q.insertQuestion(trx, {
          survey_id: copyId,
          section_id: sectionId,
          position: x.position,
          key: x.key,
          type: x.type,
          text_nl: x.text.nl,
          text_en: x.text.en,
          help_nl: x.help.nl,
          help_en: x.help.en,
          required: x.required ? 1 : 0,
          allow_unknown: x.allowUnknown ? 1 : 0,
          condition_question_id: x.condition ? (ids.get(x.condition.questionId) ?? null) : null,
          condition_values: x.condition ? JSON.stringify(x.condition.values) : null,
          min_value: x.min,
          max_value: x.max,
          low_label_nl: x.lowLabel.nl,
          low_label_en: x.lowLabel.en,
          high_label_nl: x.highLabel.nl,
          high_label_en: x.highLabel.en,
        });
        ids.set(x.id, questionId);
        await q.replaceOptions(
          trx,
          questionId,
          x.options.map((o, i) => ({ position: i + 1, value: o.value, label_nl: o.label.nl, label_en: o.label.en })),
        );
      }
    }
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'survey.copy',
      entity: 'survey',
      entityId: copyId,
      after: { from: source.id, slug },
    });
    await bumpSurveyVersion(trx, ctx.now);
    return copyId;
  });
}
