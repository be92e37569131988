// The waiting list: a freed place is offered to the first on the list with a deadline to confirm
// (a job expires the offer and moves on); without anyone waiting the place is released.
import { inTransaction } from '../../db/database.ts';
import type { ServiceCtx } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { enqueueJob } from '../jobs/index.ts';
import { queueEmail } from '../outbox/index.ts';
import { offerEmail } from './emails.ts';
import type { RegistrationLinks } from './links.ts';
import { queueRegistrationEmail } from './notify.ts';
import { eventsChanged } from './public-version.ts';
import { type EventRow, releasePlace, selectEvent } from './queries.ts';
import { moveStatus, selectFirstWaiting, selectRegistration } from './registrations.queries.ts';
import { eventSettings } from './settings.ts';

export const OFFER_DEADLINE_JOB = 'events.offer-deadline';

/** Gives a place that became free to the first on the waiting list, or releases it. Call inside the transaction that freed it. */
export async function freePlace(ctx: ServiceCtx, links: RegistrationLinks, e: EventRow): Promise<number | null> {
  // A place is released or offered: the public pages show the places left.
  eventsChanged(ctx.db);
  const { offerHours } = await eventSettings(ctx.db);
  for (;;) {
    const next = await selectFirstWaiting(ctx.db, e.id);
    if (!next) {
      await releasePlace(ctx.db, e.id);
      return null;
    }
    // The deadline never lies after the start of the event.
    const deadline = new Date(Math.min(ctx.now.getTime() + offerHours * 3600_000, Date.parse(e.starts_at)));
    const moved = await moveStatus(ctx.db, next.id, 'waiting', {
      status: 'offered',
      offer_expires_at: deadline.toISOString(),
      updated_at: ctx.now.toISOString(),
    });
    if (!moved) continue;
    await recordAudit(ctx.db, { at: ctx.now, actor: ctx.actor, action: 'offer', entity: 'event_registration', entityId: next.id });
    if (next.email && next.name)
      await queueEmail(ctx.db, { to: next.email, ...offerEmail(e, next.name, links.manage(next.id), deadline.toISOString()), at: ctx.now });
    await enqueueJob(ctx, {
      kind: OFFER_DEADLINE_JOB,
      payload: { registrationId: next.id },
      runAt: deadline,
      key: `events.offer:${next.id}`,
    });
    return next.id;
  }
}

/** The person offered a freed place takes it (before the deadline): registered, with the confirmation and calendar file. */
export async function confirmOffer(ctx: ServiceCtx, links: RegistrationLinks, registrationId: number): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const r = await selectRegistration(trx, registrationId);
    if (r?.status !== 'offered')
      throw errors.badRequest({ nl: 'Er staat geen plaats voor u klaar.', en: 'No place is being held for you.' });
    if (r.offer_expires_at && Date.parse(r.offer_expires_at) <= ctx.now.getTime())
      throw errors.badRequest({
        nl: 'De termijn om te bevestigen is verstreken; de plaats is naar de volgende op de wachtlijst gegaan.',
        en: 'The deadline to confirm has passed.',
      });
    const moved = await moveStatus(trx, r.id, 'offered', {
      status: 'registered',
      offer_expires_at: null,
      updated_at: ctx.now.toISOString(),
    });
    if (!moved) return;
    await recordAudit(trx, { at: ctx.now, actor: ctx.actor, action: 'confirm-offer', entity: 'event_registration', entityId: r.id });
    const e = (await selectEvent(trx, r.event_id))!;
    await queueRegistrationEmail({ ...ctx, db: trx }, links, e, { ...r, status: 'registered' });
  });
}

/** Ends an offer whose deadline passed and offers the place to the next; idempotent (the job may run twice). */
export async function expireOffer(ctx: ServiceCtx, links: RegistrationLinks, registrationId: number): Promise<boolean> {
  return inTransaction(ctx.db, async (trx) => {
    const r = await selectRegistration(trx, registrationId);
    if (r?.status !== 'offered' || !r.offer_expires_at || Date.parse(r.offer_expires_at) > ctx.now.getTime()) return false;
    if (!(await moveStatus(trx, r.id, 'offered', { status: 'expired', updated_at: ctx.now.toISOString() }))) return false;
    await recordAudit(trx, { at: ctx.now, actor: ctx.actor, action: 'offer-expired', entity: 'event_registration', entityId: r.id });
    const e = (await selectEvent(trx, r.event_id))!;
    await freePlace({ ...ctx, db: trx }, links, e);
    return true;
  });
}
