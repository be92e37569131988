// Scheduled reminders: one job per survey and reminder day (e.g. 7 and 2 days before closing, at
// 08:00 UTC), enqueued in the caller's transaction when the survey opens or its closing date or
// reminder days change. The handler (jobs.ts) mails those who have not submitted; each invitation
// gets each round at most once (survey_reminders), so a rerun sends nothing twice.
import type { ServiceCtx } from '../../deps.ts';
import { cancelJob, enqueueJob } from '../jobs/index.ts';
import { daysBefore } from './groups.logic.ts';

export const REMINDER_JOB = 'survey.reminders';

export const reminderKey = (surveyId: number, days: number) => `survey:${surveyId}:reminder:${days}`;

/** The moment the reminder `days` before closing goes out. */
export function reminderAt(closesOn: string, days: number): Date {
  return new Date(`${daysBefore(closesOn, days)}T08:00:00Z`);
}

/** Replaces the survey's scheduled reminders by those of `days` (none: just cancels `previous`). */
export async function scheduleReminders(
  ctx: ServiceCtx,
  surveyId: number,
  closesOn: string,
  days: readonly number[],
  previous: readonly number[],
) {
  for (const d of new Set([...previous, ...days])) await cancelJob(ctx, { key: reminderKey(surveyId, d) });
  for (const d of days) {
    const runAt = reminderAt(closesOn, d);
    if (runAt.getTime() <= ctx.now.getTime()) continue; // that day has passed
    await enqueueJob(ctx, { kind: REMINDER_JOB, payload: { surveyId, days: d, closesOn }, runAt, key: reminderKey(surveyId, d) });
  }
}
