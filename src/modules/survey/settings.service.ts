// The module's settings (admin): the suppression threshold of figures shown outside the staff area.
import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/database.ts';
import type { ServiceCtx } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { surveyChanged } from './public-version.ts';
import { selectSetting, upsertSetting } from './responses.queries.ts';
import { DEFAULT_SUPPRESSION_THRESHOLD, MAX_SUPPRESSION_THRESHOLD, MIN_SUPPRESSION_THRESHOLD } from './suppress.logic.ts';

const THRESHOLD_KEY = 'suppression_threshold';

export async function suppressionThreshold(db: Db): Promise<number> {
  const raw = await selectSetting(db, THRESHOLD_KEY);
  const n = raw === null ? Number.NaN : Number(raw);
  return Number.isInteger(n) ? n : DEFAULT_SUPPRESSION_THRESHOLD;
}

export async function setSuppressionThreshold(ctx: ServiceCtx, value: number): Promise<void> {
  if (!Number.isInteger(value) || value < MIN_SUPPRESSION_THRESHOLD || value > MAX_SUPPRESSION_THRESHOLD) {
    const message = {
      nl: `Vul een heel getal in van ${MIN_SUPPRESSION_THRESHOLD} tot en met ${MAX_SUPPRESSION_THRESHOLD}, bijvoorbeeld 5.`,
      en: `Enter a whole number from ${MIN_SUPPRESSION_THRESHOLD} to ${MAX_SUPPRESSION_THRESHOLD}, for example 5.`,
    };
    throw errors.badRequest(message, [{ field: 'threshold', message }]);
  }
  const before = await suppressionThreshold(ctx.db);
  await inTransaction(ctx.db, async (trx) => {
    await upsertSetting(trx, THRESHOLD_KEY, String(value), ctx.now.toISOString());
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'survey.settings.update',
      entity: 'survey_settings',
      entityId: THRESHOLD_KEY,
      before: { threshold: before },
      after: { threshold: value },
    });
    surveyChanged(trx);
  });
}
