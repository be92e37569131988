// The survey's background jobs (src/modules/jobs): scheduled and manual reminders, the batch of
// feedback reports (progress shown on the survey's staff page) and closing surveys whose closing
// day has passed. Every handler is idempotent: what it did is recorded in this module's tables in
// the same transaction as the email it queued, so a rerun after a crash repeats nothing.

import { inTransaction } from '../../db/database.ts';
import { type AppDeps, todayOf } from '../../deps.ts';
import { type Actor, SYSTEM_ACTOR } from '../../http/request-user.ts';
import type { JobHandler, JobRunContext } from '../../module.ts';
import { recordAudit } from '../audit/index.ts';
import { enqueueJob, jobProgress } from '../jobs/index.ts';
import { queueEmail } from '../outbox/index.ts';
import { reportMail } from './emails.ts';
import { selectInvitations, selectRecipients } from './invitations.queries.ts';
import { resolveRecipients } from './invitations.service.ts';
import { issueLink, linkUrl } from './links.ts';
import { sendReminderRound } from './reminder-round.ts';
import { REMINDER_JOB } from './reminders.ts';
import { reportFrom, reportInputs } from './reports.service.ts';
import { markReportEmailed, selectReportsOfJob, selectSetting, upsertReport, upsertSetting } from './responses.queries.ts';
import { selectSurveys, updateSurveyRow } from './surveys.queries.ts';
import { requireSurvey } from './surveys.service.ts';

export const REPORTS_JOB = 'survey.reports';
const ACTOR = { ...SYSTEM_ACTOR, label: 'survey jobs' };

const ctxOf = (deps: AppDeps) => ({ db: deps.db, actor: ACTOR, now: deps.now() });

const reminders: JobHandler = {
  kind: REMINDER_JOB,
  description: { nl: 'Herinneringen voor een enquête', en: 'Survey reminders' },
  async run(job, ctx) {
    const p = job.payload as { surveyId: number; days?: number; round?: string; closesOn: string };
    const survey = await requireSurvey(ctx.deps.db, p.surveyId);
    if (survey.closesOn !== p.closesOn) return; // the closing date moved: a new job was scheduled
    const round = p.round ?? `d${p.days}`;
    await sendReminderRound(ctxOf(ctx.deps), ctx.deps.config.publicBaseUrl, p.surveyId, round, todayOf(ctx.deps), ctx.progress);
  },
};

/** Staff send a reminder round now (to those who have not submitted). */
export async function remindNow(deps: AppDeps, actor: Actor, surveyId: number): Promise<number> {
  const survey = await requireSurvey(deps.db, surveyId);
  const now = deps.now();
  return inTransaction(deps.db, async (trx) => {
    const id = await enqueueJob(
      { db: trx, now },
      { kind: REMINDER_JOB, payload: { surveyId, round: `manual-${now.toISOString()}`, closesOn: survey.closesOn } },
    );
    await recordAudit(trx, { at: now, actor, action: 'survey.reminders.manual', entity: 'survey', entityId: surveyId, after: { job: id } });
    return id;
  });
}

const reportsKey = (surveyId: number) => `reports-job-${surveyId}`;

/** Starts (or returns the running) batch of feedback reports of a survey. */
export async function startReports(deps: AppDeps, actor: Actor, surveyId: number): Promise<number> {
  const now = deps.now();
  return inTransaction(deps.db, async (trx) => {
    const id = await enqueueJob({ db: trx, now }, { kind: REPORTS_JOB, payload: { surveyId }, key: `survey:${surveyId}:reports` });
    await upsertSetting(trx, reportsKey(surveyId), String(id), now.toISOString());
    await recordAudit(trx, { at: now, actor, action: 'survey.reports.start', entity: 'survey', entityId: surveyId, after: { job: id } });
    return id;
  });
}

/** The latest report batch of a survey and how far it is. */
export async function reportsProgress(deps: AppDeps, surveyId: number) {
  const id = await selectSetting(deps.db, reportsKey(surveyId));
  return id === null ? null : jobProgress(deps.db, Number(id));
}

async function sendReports(job: { id: number; payload: unknown }, ctx: JobRunContext) {
  const { deps } = ctx;
  const { surveyId } = job.payload as { surveyId: number };
  const def = await requireSurvey(deps.db, surveyId);
  if (def.status !== 'closed' && def.status !== 'published') return;
  const inputs = await reportInputs(deps.db, def);
  const done = await selectReportsOfJob(deps.db, surveyId, job.id);
  const invitations = new Map((await selectInvitations(deps.db, surveyId)).map((i) => [i.municipality_code, i]));
  const recipientRows = await selectRecipients(deps.db, surveyId);
  const codes = [...inputs.answers.keys()].sort();
  const today = todayOf(deps);
  for (const [n, code] of codes.entries()) {
    ctx.signal?.throwIfAborted();
    const data = reportFrom(inputs, code);
    const invitation = invitations.get(code);
    if (done.has(code) || !data || !invitation) continue;
    const recipients = await resolveRecipients(deps.db, invitation, recipientRows, today);
    const now = deps.now();
    await inTransaction(deps.db, async (trx) => {
      await upsertReport(trx, { surveyId, code, jobId: job.id, dataJson: JSON.stringify(data), at: now.toISOString() });
      for (const r of recipients) {
        const token = await issueLink(trx, Number(invitation.id), 'report', def.closesOn, now);
        const base = deps.config.publicBaseUrl;
        await queueEmail(trx, {
          to: r.email,
          at: now,
          ...reportMail(data, linkUrl(base, token, '/enquete/terugkoppeling'), linkUrl(base, token, '/enquete/terugkoppeling.pdf')),
        });
      }
      if (recipients.length > 0) await markReportEmailed(trx, surveyId, code, now.toISOString());
    });
    await ctx.progress(n + 1, codes.length);
  }
  await recordAudit(deps.db, {
    at: deps.now(),
    actor: ACTOR,
    action: 'survey.reports.sent',
    entity: 'survey',
    entityId: surveyId,
    after: { job: job.id, reports: codes.length },
  });
}

const reports: JobHandler = {
  kind: REPORTS_JOB,
  description: { nl: 'Terugkoppelingen van een enquête maken en versturen', en: 'Make and send the feedback reports of a survey' },
  maxAttempts: 5,
  run: (job, ctx) => sendReports(job, ctx),
};

const closeDue: JobHandler = {
  kind: 'survey.close-due',
  description: { nl: 'Enquêtes sluiten na hun sluitingsdatum', en: 'Close surveys after their closing date' },
  every: { minutes: 60 },
  async run(_job, ctx) {
    const today = todayOf(ctx.deps);
    for (const s of await selectSurveys(ctx.deps.db, ['open'])) {
      if (s.closes_on >= today) continue;
      const now = ctx.deps.now();
      await inTransaction(ctx.deps.db, async (trx) => {
        await updateSurveyRow(trx, Number(s.id), { status: 'closed', updated_at: now.toISOString() });
        await recordAudit(trx, {
          at: now,
          actor: ACTOR,
          action: 'survey.closed',
          entity: 'survey',
          entityId: Number(s.id),
          before: { status: 'open' },
          after: { status: 'closed', reason: 'closing date passed' },
        });
      });
    }
  },
};

export const surveyJobs: JobHandler[] = [reminders, reports, closeDue];
