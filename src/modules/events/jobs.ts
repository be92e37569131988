// The events module's background jobs (src/modules/jobs). Every handler is idempotent: it marks
// what it did on each row in the same transaction as the email, so a rerun sends nothing twice.
import { inTransaction } from '../../db/database.ts';
import { SYSTEM_ACTOR } from '../../http/request-user.ts';
import type { JobHandler, JobRunContext } from '../../module.ts';
import { recordAudit } from '../audit/index.ts';
import { queueEmail } from '../outbox/index.ts';
import { EVALUATION_JOB } from './attendance.service.ts';
import { evaluationEmail, reminderEmail } from './emails.ts';
import { retentionCutoff } from './events.logic.ts';
import { linksOf } from './links.ts';
import { deleteAttemptsBefore, selectEvent, selectEventsStartingBetween, selectEventsToErase } from './queries.ts';
import { eraseRegistrants, selectLapsedOffers, selectRegistrations } from './registrations.queries.ts';
import { eventSettings } from './settings.ts';
import { expireOffer, OFFER_DEADLINE_JOB } from './waiting-list.ts';

const systemCtx = (ctx: JobRunContext) => ({ db: ctx.deps.db, actor: SYSTEM_ACTOR, now: ctx.deps.now() });

/** Sends each registered person one reminder, `reminderDays` before the start. */
export async function sendDueReminders(ctx: JobRunContext): Promise<number> {
  const now = ctx.deps.now();
  const { reminderDays } = await eventSettings(ctx.deps.db);
  const events = await selectEventsStartingBetween(
    ctx.deps.db,
    now.toISOString(),
    new Date(now.getTime() + reminderDays * 86_400_000).toISOString(),
  );
  const links = linksOf(ctx.deps);
  let sent = 0;
  for (const { id } of events) {
    const e = (await selectEvent(ctx.deps.db, id))!;
    for (const r of await selectRegistrations(ctx.deps.db, id, { statuses: ['registered'] })) {
      if (r.walk_in || !r.email || !r.name || r.reminder_sent_at) continue;
      await inTransaction(ctx.deps.db, async (trx) => {
        const marked = await trx
          .updateTable('events_registrations')
          .set({ reminder_sent_at: now.toISOString() })
          .where('id', '=', r.id)
          .where('reminder_sent_at', 'is', null)
          .executeTakeFirst();
        if (Number(marked.numUpdatedRows) !== 1) return;
        await queueEmail(trx, { to: r.email!, ...reminderEmail(e, r.name!, links.manage(r.id)), at: now });
        sent += 1;
      });
    }
  }
  return sent;
}

/** Erases the registrants' personal data of events that ended longer ago than the retention term; counts stay. */
export async function eraseExpiredRegistrants(ctx: JobRunContext): Promise<number> {
  const now = ctx.deps.now();
  const { retentionDays } = await eventSettings(ctx.deps.db);
  const cutoff = retentionCutoff(now, retentionDays);
  let events = 0;
  for (const { id } of await selectEventsToErase(ctx.deps.db, cutoff)) {
    ctx.signal?.throwIfAborted();
    await inTransaction(ctx.deps.db, async (trx) => {
      const erased = await eraseRegistrants(trx, id, now.toISOString());
      await trx.updateTable('events_events').set({ erased_at: now.toISOString() }).where('id', '=', id).execute();
      await recordAudit(trx, {
        at: now,
        actor: SYSTEM_ACTOR,
        action: 'erase-registrants',
        entity: 'event',
        entityId: id,
        after: { erased },
      });
    });
    events += 1;
  }
  await deleteAttemptsBefore(ctx.deps.db, new Date(now.getTime() - 86_400_000).toISOString());
  return events;
}

/** Emails the evaluation form to the attendees of one event, each once. */
export async function sendEvaluationEmails(ctx: JobRunContext, eventId: number): Promise<number> {
  const now = ctx.deps.now();
  const e = await selectEvent(ctx.deps.db, eventId);
  if (!e) return 0;
  const links = linksOf(ctx.deps);
  let sent = 0;
  for (const r of await selectRegistrations(ctx.deps.db, eventId)) {
    if (!r.attended || !r.email || !r.name || r.evaluation_sent_at) continue;
    await inTransaction(ctx.deps.db, async (trx) => {
      const marked = await trx
        .updateTable('events_registrations')
        .set({ evaluation_sent_at: now.toISOString() })
        .where('id', '=', r.id)
        .where('evaluation_sent_at', 'is', null)
        .executeTakeFirst();
      if (Number(marked.numUpdatedRows) !== 1) return;
      await queueEmail(trx, { to: r.email!, ...evaluationEmail(e, r.name!, links.evaluation(r.id)), at: now });
      sent += 1;
    });
  }
  return sent;
}

export const eventJobs: JobHandler[] = [
  {
    kind: 'events.reminders',
    description: { nl: 'Stuurt herinneringen vóór bijeenkomsten.', en: 'Sends reminders before events.' },
    every: { minutes: 15 },
    run: async (_job, ctx) => {
      const sent = await sendDueReminders(ctx);
      ctx.log.info({ sent }, 'events: reminders sent');
    },
  },
  {
    kind: OFFER_DEADLINE_JOB,
    description: {
      nl: 'Laat een aangeboden plaats vervallen na de termijn en biedt hem de volgende op de wachtlijst aan.',
      en: 'Ends an offered place after its deadline and offers it to the next on the waiting list.',
    },
    run: async (job, ctx) => {
      const { registrationId } = job.payload as { registrationId: number };
      await expireOffer(systemCtx(ctx), linksOf(ctx.deps), Number(registrationId));
    },
  },
  {
    kind: 'events.offer-sweep',
    description: { nl: 'Ruimt verlopen aanbiedingen op die geen taak meer hebben.', en: 'Ends lapsed offers that have no job left.' },
    every: { minutes: 60 },
    run: async (_job, ctx) => {
      for (const o of await selectLapsedOffers(ctx.deps.db, ctx.deps.now().toISOString())) {
        await expireOffer(systemCtx(ctx), linksOf(ctx.deps), Number(o.id));
      }
    },
  },
  {
    kind: 'events.retention',
    description: {
      nl: 'Wist na de bewaartermijn de gegevens van aangemelde personen; de aantallen blijven.',
      en: 'Erases registrants’ personal data after the retention term; counts stay.',
    },
    every: { minutes: 24 * 60 },
    run: async (_job, ctx) => {
      const events = await eraseExpiredRegistrants(ctx);
      ctx.log.info({ events }, 'events: registrants erased');
    },
  },
  {
    kind: EVALUATION_JOB,
    description: { nl: 'Mailt het evaluatieformulier naar de aanwezigen.', en: 'Emails the evaluation form to attendees.' },
    run: async (job, ctx) => {
      const { eventId } = job.payload as { eventId: number };
      await sendEvaluationEmails(ctx, Number(eventId));
    },
  },
];
