// Importing a round run elsewhere: a dry run that maps the CSV onto the survey (import-plan.logic.ts)
// against the municipalities of the survey's reference date, and the import itself: the rows
// without a problem become submitted responses (source 'import'), all in one transaction. A draft
// survey that is imported is closed: the round ran elsewhere.
import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/database.ts';
import type { ServiceCtx } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { municipalitiesOn } from '../atlas/index.ts';
import { recordAudit } from '../audit/index.ts';
import { normalizeLabel } from './csv.logic.ts';
import type { ImportPlan } from './import.logic.ts';
import { planImport } from './import-plan.logic.ts';
import { selectInvitations } from './invitations.queries.ts';
import { addInvitationsFor, ensureInvitations } from './invitations.service.ts';
import { insertResponse, selectResponses } from './responses.queries.ts';
import { bumpResultsVersion, updateSurveyRow } from './surveys.queries.ts';
import { questionsOf, type SurveyDef } from './types.ts';

export async function dryRun(db: Db, def: SurveyDef, csv: string): Promise<ImportPlan> {
  const list = await municipalitiesOn(db, def.referenceDate);
  const answered = new Set((await selectResponses(db, def.id)).map((r) => r.municipality_code));
  return planImport(csv, questionsOf(def), {
    names: new Map(list.map((m) => [m.code, m.name])),
    byName: new Map(list.map((m) => [normalizeLabel(m.name), m.code])),
    referenceDate: def.referenceDate,
    answered,
  });
}

export async function commitImport(
  ctx: ServiceCtx,
  def: SurveyDef,
  csv: string,
  today: string,
): Promise<{ imported: number; plan: ImportPlan }> {
  const plan = await dryRun(ctx.db, def, csv);
  if (plan.rows.length === 0)
    throw errors.badRequest({ nl: 'Er is geen rij zonder problemen om te importeren.', en: 'There is no row without problems to import.' });
  await ensureInvitations(ctx, def.id, today);
  await addInvitationsFor(
    ctx,
    def.id,
    plan.rows.map((r) => r.code),
  );
  const invitations = new Map((await selectInvitations(ctx.db, def.id)).map((i) => [i.municipality_code, i]));
  const imported = await inTransaction(ctx.db, async (trx) => {
    const at = ctx.now.toISOString();
    let n = 0;
    for (const row of plan.rows) {
      const invitation = invitations.get(row.code);
      if (!invitation) continue;
      const submittedAt = `${row.submittedOn ?? def.closesOn}T12:00:00.000Z`;
      await insertResponse(trx, {
        survey_id: def.id,
        invitation_id: Number(invitation.id),
        municipality_code: row.code,
        province_code: invitation.province_code,
        size_class: invitation.size_class,
        status: 'submitted',
        source: 'import',
        version: 1,
        answers_json: JSON.stringify(row.answers),
        answer_meta_json: JSON.stringify(Object.fromEntries(Object.keys(row.answers).map((k) => [k, [1, at, 'import']]))),
        started_at: submittedAt,
        updated_at: at,
        submitted_at: submittedAt,
        submitted_by: 'import',
      });
      n += 1;
    }
    await bumpResultsVersion(trx, def.id);
    if (def.status === 'draft') await updateSurveyRow(trx, def.id, { status: 'closed', updated_at: at });
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'survey.import',
      entity: 'survey',
      entityId: def.id,
      after: { imported: n, rows: plan.total, problems: plan.problems.length, codes: plan.rows.map((r) => r.code) },
    });
    return n;
  });
  return { imported, plan };
}
