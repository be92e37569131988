// Reminder rounds: each invitation that has not submitted gets a round at most once, its record
// and its emails in one transaction, so a rerun after a crash sends nobody the same round twice.
import { inTransaction } from '../../db/database.ts';
import type { ServiceCtx } from '../../deps.ts';
import { recordAudit } from '../audit/index.ts';
import { reminderMail } from './emails.ts';
import * as q from './invitations.queries.ts';
import { mailRecipients, resolveRecipients } from './invitations.service.ts';
import { selectResponses } from './responses.queries.ts';
import { requireSurvey } from './surveys.service.ts';

/**
 * Sends reminder round `round` to every invited municipality that has not submitted: each
 * invitation in its own transaction with its record of the round, so a rerun after a crash
 * continues where it stopped and sends nobody the same round twice. Returns how many were reminded.
 */
export async function sendReminderRound(
  ctx: ServiceCtx,
  base: string,
  surveyId: number,
  round: string,
  today: string,
  progress?: (done: number, total: number) => Promise<void>,
): Promise<number> {
  const survey = await requireSurvey(ctx.db, surveyId);
  if (survey.status !== 'open' || survey.closesOn < today) return 0;
  const responses = new Map((await selectResponses(ctx.db, surveyId)).map((r) => [r.municipality_code, r.status]));
  const due = (await q.selectInvitations(ctx.db, surveyId)).filter(
    (i) => i.invited_at !== null && responses.get(i.municipality_code) !== 'submitted',
  );
  const recipientRows = await q.selectRecipients(ctx.db, surveyId);
  let reminded = 0;
  for (const [n, invitation] of due.entries()) {
    const recipients = await resolveRecipients(ctx.db, invitation, recipientRows, today);
    const started = responses.has(invitation.municipality_code);
    await inTransaction(ctx.db, async (trx) => {
      if (recipients.length === 0 || !(await q.recordReminder(trx, Number(invitation.id), round, ctx.now.toISOString()))) return;
      await mailRecipients({ ...ctx, db: trx }, base, survey, invitation, recipients, (s, i, link, r) =>
        reminderMail(s, i.municipality_name, link, r.name, started),
      );
      reminded += 1;
    });
    await progress?.(n + 1, due.length);
  }
  await recordAudit(ctx.db, {
    at: ctx.now,
    actor: ctx.actor,
    action: 'survey.reminders.send',
    entity: 'survey',
    entityId: surveyId,
    after: { round, reminded },
  });
  return reminded;
}
