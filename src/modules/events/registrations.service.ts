// Registration without an account: the capacity check, the waiting list, double registrations,
// cancellation and the confirmation email with the calendar file — each one transaction with its
// audit entry and its emails (outbox).
import { createHash } from 'node:crypto';
import { type Db, inTransaction } from '../../db/database.ts';
import type { ServiceCtx } from '../../deps.ts';
import { AppError, errors } from '../../http/errors.ts';
import { municipalitiesOn } from '../atlas/index.ts';
import { recordAudit } from '../audit/index.ts';
import { queueEmail } from '../outbox/index.ts';
import { alreadyRegisteredEmail, cancelledEmail } from './emails.ts';
import { amsterdamDate, emailKey, newRegistrationStatus, registrationWindow } from './events.logic.ts';
import type { RegistrationLinks } from './links.ts';
import { queueRegistrationEmail } from './notify.ts';
import { eventsChanged } from './public-version.ts';
import { countAttempts, type EventRow, insertAttempt, selectEvent, takePlace } from './queries.ts';
import { insertRegistration, selectRegistrationByEmail } from './registrations.queries.ts';
import type { RegistrationInput } from './schema.ts';
import { EVENT_NOT_FOUND, questionsOf } from './service.ts';
import { freePlace } from './waiting-list.ts';

export type RegistrationOutcome = 'registered' | 'waiting' | 'duplicate';

/** At most this many registration attempts per email address per hour (beside the per-address limit of the route). */
export const ATTEMPTS_PER_EMAIL_PER_HOUR = 5;

const CLOSED = { nl: 'De aanmelding voor deze bijeenkomst is gesloten.', en: 'Registration for this event is closed.' };

function emailHash(email: string): string {
  return createHash('sha256').update(emailKey(email)).digest('hex');
}

async function checkRegistrable(db: Db, e: EventRow | undefined, input: RegistrationInput, now: Date): Promise<EventRow> {
  if (!e || e.status === 'draft') throw errors.notFound(EVENT_NOT_FOUND);
  if (e.status === 'cancelled') throw errors.badRequest({ nl: 'Deze bijeenkomst gaat niet door.', en: 'This event has been cancelled.' });
  if (registrationWindow(e, now) !== 'open') throw errors.badRequest(CLOSED);
  if (e.access === 'invitation' && input.invite !== e.invite_key)
    throw errors.badRequest({
      nl: 'Aanmelden kan alleen met de link uit de uitnodiging. Open die link opnieuw.',
      en: 'Registration is by invitation only. Open the link from your invitation again.',
    });
  if (input.municipality !== 'other') {
    const known = (await municipalitiesOn(db, amsterdamDate(e.starts_at))).some((m) => m.code === input.municipality);
    if (!known)
      throw errors.validation([
        { field: 'municipality', message: { nl: 'Kies een gemeente uit de lijst.', en: 'Choose a municipality from the list.' } },
      ]);
  }
  return e;
}

function answersOf(e: EventRow, answers: Record<string, string>): string | null {
  const picked = Object.fromEntries(
    questionsOf(e)
      .map((q) => [q.id, (answers[q.id] ?? '').trim().slice(0, 500)] as const)
      .filter(([, v]) => v !== ''),
  );
  return Object.keys(picked).length > 0 ? JSON.stringify(picked) : null;
}

async function registerOnce(
  ctx: ServiceCtx,
  links: RegistrationLinks,
  eventId: number,
  input: RegistrationInput,
  answers: Record<string, string>,
): Promise<{ outcome: RegistrationOutcome; id: number }> {
  return inTransaction(ctx.db, async (trx) => {
    const c = { ...ctx, db: trx };
    const e = await checkRegistrable(trx, await selectEvent(trx, eventId), input, ctx.now);
    const key = emailKey(input.email);
    const existing = await selectRegistrationByEmail(trx, eventId, key);
    if (existing && existing.status !== 'cancelled' && existing.status !== 'expired') {
      await queueEmail(trx, {
        to: input.email.trim(),
        ...alreadyRegisteredEmail(e, existing.name, links.manage(existing.id)),
        at: ctx.now,
      });
      return { outcome: 'duplicate' as const, id: existing.id };
    }
    const status = newRegistrationStatus(await takePlace(trx, eventId));
    const at = ctx.now.toISOString();
    const values = {
      event_id: eventId,
      name: input.name,
      email: input.email.trim(),
      email_key: key,
      organisation: input.organisation,
      municipality_code: input.municipality === 'other' ? null : input.municipality,
      answers_json: answersOf(e, answers),
      status,
      offer_expires_at: null,
      walk_in: 0,
      attended: 0,
      checked_in_at: null,
      reminder_sent_at: null,
      evaluation_sent_at: null,
      created_at: at,
      updated_at: at,
    };
    // Registering again after a cancellation: the old row makes way, and the new one joins at the back.
    if (existing) await trx.deleteFrom('events_registrations').where('id', '=', existing.id).execute();
    const id = await insertRegistration(trx, values);
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'register',
      entity: 'event_registration',
      entityId: id,
      after: { eventId, status, municipalityCode: values.municipality_code },
    });
    // The places taken (or the waiting list) changed: the public pages show it.
    eventsChanged(trx);
    await queueRegistrationEmail(c, links, e, { ...values, id });
    return { outcome: status as RegistrationOutcome, id };
  });
}

/**
 * Registers a person for an event: a place while there is one (the capacity check is a
 * conditional update inside this transaction), else the waiting list. The same email twice is
 * recognised: no second registration, an email with the existing link instead.
 */
export async function register(
  ctx: ServiceCtx,
  links: RegistrationLinks,
  eventId: number,
  input: RegistrationInput,
  answers: Record<string, string> = {},
): Promise<{ outcome: RegistrationOutcome; id: number }> {
  const hash = emailHash(input.email);
  const since = new Date(ctx.now.getTime() - 3600_000).toISOString();
  if ((await countAttempts(ctx.db, hash, since)) >= ATTEMPTS_PER_EMAIL_PER_HOUR) {
    const message = {
      nl: 'Met dit e-mailadres is het afgelopen uur te vaak een aanmelding geprobeerd. Probeer het over een uur opnieuw.',
      en: 'Too many attempts with this email address in the past hour. Try again in an hour.',
    };
    throw new AppError(429, 'too_many_requests', message, [{ field: 'email', message }]);
  }
  await insertAttempt(ctx.db, hash, ctx.now.toISOString());
  try {
    return await registerOnce(ctx, links, eventId, input, answers);
  } catch (err) {
    if (err instanceof AppError) throw err;
    // Two registrations with one email at the same moment: the unique index refused the second;
    // run it again, and it finds the first.
    const again = await selectRegistrationByEmail(ctx.db, eventId, emailKey(input.email));
    if (!again) throw err;
    return registerOnce(ctx, links, eventId, input, answers);
  }
}

/** Cancels a registration (by its personal link, or by staff); a freed place goes to the first on the waiting list. */
export async function cancelRegistration(ctx: ServiceCtx, links: RegistrationLinks, registrationId: number): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const c = { ...ctx, db: trx };
    const r = await trx.selectFrom('events_registrations').selectAll().where('id', '=', registrationId).executeTakeFirst();
    if (!r || r.email === null)
      throw errors.notFound({ nl: 'Deze aanmelding bestaat niet (meer).', en: 'This registration no longer exists.' });
    if (r.status === 'cancelled' || r.status === 'expired') return;
    const e = (await selectEvent(trx, r.event_id))!;
    if (Date.parse(e.starts_at) <= ctx.now.getTime())
      throw errors.badRequest({ nl: 'De bijeenkomst is al begonnen; annuleren kan niet meer.', en: 'The event has started.' });
    const heldPlace = r.status === 'registered' || r.status === 'offered';
    await trx
      .updateTable('events_registrations')
      .set({ status: 'cancelled', offer_expires_at: null, updated_at: ctx.now.toISOString() })
      .where('id', '=', r.id)
      .execute();
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'cancel',
      entity: 'event_registration',
      entityId: r.id,
      before: { status: r.status },
    });
    await queueEmail(trx, { to: r.email, ...cancelledEmail(e, r.name ?? ''), at: ctx.now });
    if (heldPlace) await freePlace(c, links, e);
  });
}
