// Support requests from /ondersteuning, without an account: the request becomes an intake interaction
// of the municipality with a task for the adviser responsible for it (settings: per safety region or
// province, with a fallback); the requester is kept as a contact (lawful basis: consent) and gets a
// confirmation, the adviser a notice — both through the outbox, in the same transaction. Limited per
// email address here (keyed hash in advice_request_throttle, like the login throttle) and per client
// address by the route.
import { createHmac } from 'node:crypto';
import { inTransaction } from '../../db/database.ts';
import { type AppDeps, type ServiceCtx, todayOf } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { queueEmail } from '../outbox/index.ts';
import { areaName, municipalityExistsOn } from './areas.ts';
import { emailKey } from './contacts.logic.ts';
import { insertContact, selectContacts } from './contacts.queries.ts';
import { writeInteraction } from './interactions.service.ts';
import { staffById } from './people.ts';
import { responsibleAdviser } from './settings.service.ts';
import { recordRequest, selectRequestTimes } from './support.queries.ts';
import type { ContactRole } from './tables.ts';
import { writeTask } from './tasks.service.ts';

export const REQUEST_LIMIT = { max: 3, windowHours: 24 };
/** Days an adviser has to answer a request (the task's due date). */
export const ANSWER_WITHIN_DAYS = 5;

export interface SupportRequestInput {
  municipalityCode: string;
  name: string;
  role: ContactRole;
  email: string;
  question: string;
}

function throttleKey(deps: AppDeps, email: string): string {
  return `email:${createHmac('sha256', deps.config.sessionSecret)
    .update(emailKey(email) ?? '')
    .digest('hex')
    .slice(0, 40)}`;
}

async function checkEmailLimit(deps: AppDeps, key: string): Promise<void> {
  const since = new Date(deps.now().getTime() - REQUEST_LIMIT.windowHours * 3600_000).toISOString();
  const rows = await selectRequestTimes(deps.db, key, since);
  if (rows.length >= REQUEST_LIMIT.max) {
    throw errors.tooManyRequests({
      nl: `U heeft vandaag al ${REQUEST_LIMIT.max} vragen gestuurd vanaf dit e-mailadres. De adviseurs nemen contact met u op; u kunt morgen weer een vraag sturen.`,
      en: `You have already sent ${REQUEST_LIMIT.max} questions from this email address today. The advisers will contact you; you can send another question tomorrow.`,
    });
  }
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Handles a support request; returns the new interaction's id. */
export async function submitSupportRequest(deps: AppDeps, ctx: ServiceCtx, input: SupportRequestInput): Promise<number> {
  const today = todayOf(deps);
  if (!(await municipalityExistsOn(deps.db, input.municipalityCode, today))) {
    throw errors.validation([
      { field: 'municipality', message: { nl: 'Kies uw gemeente uit de lijst.', en: 'Choose your municipality from the list.' } },
    ]);
  }
  const key = throttleKey(deps, input.email);
  await checkEmailLimit(deps, key);
  const [municipalityName, ownerId, staff, existing] = await Promise.all([
    areaName(deps.db, input.municipalityCode, today),
    responsibleAdviser(deps.db, input.municipalityCode, today),
    staffById(deps.db),
    selectContacts(deps.db, { areas: [input.municipalityCode] }),
  ]);
  const known = existing.find((c) => c.erased_at === null && c.email_key === emailKey(input.email));
  const owner = ownerId === null ? null : (staff.get(ownerId) ?? null);
  return inTransaction(deps.db, async (trx) => {
    const at = ctx.now.toISOString();
    await recordRequest(trx, key, at, new Date(ctx.now.getTime() - 2 * REQUEST_LIMIT.windowHours * 3600_000).toISOString());
    let contactId = known ? Number(known.id) : null;
    if (contactId === null) {
      const row = {
        municipality_code: input.municipalityCode,
        region_code: null,
        name: input.name,
        role: input.role,
        email: input.email,
        email_key: emailKey(input.email),
        phone: null,
        since: today,
        until: null,
        lawful_basis: 'consent' as const,
        erased_at: null,
        created_at: at,
        updated_at: at,
      };
      contactId = await insertContact(trx, row);
      await recordAudit(trx, {
        at: ctx.now,
        actor: ctx.actor,
        action: 'create',
        entity: 'advice_contact',
        entityId: contactId,
        after: { area: input.municipalityCode, name: input.name, role: input.role, email: input.email, lawfulBasis: 'consent' },
      });
    }
    const id = await writeInteraction(
      trx,
      ctx,
      {
        date: today,
        type: 'intake',
        subject: `Ondersteuningsvraag van ${municipalityName}`,
        summary: input.question,
        municipalityCodes: [input.municipalityCode],
        regionCode: null,
        adviserIds: owner ? [owner.id] : [],
        contactIds: [contactId],
      },
      'support-request',
    );
    await writeTask(trx, ctx, id, {
      title: `Beantwoord de ondersteuningsvraag van ${municipalityName}`,
      ownerId: owner?.id ?? null,
      dueDate: addDays(today, ANSWER_WITHIN_DAYS),
    });
    await queueEmail(trx, confirmationEmail(input, municipalityName, ctx.now));
    if (owner) await queueEmail(trx, adviserNotice(deps, owner.email, municipalityName, id, ctx.now));
    return id;
  });
}

function confirmationEmail(input: SupportRequestInput, municipalityName: string, at: Date) {
  return {
    to: input.email,
    subject: 'Uw vraag aan de adviseurs van Gemeenten aan zet',
    text: [
      `Beste ${input.name},`,
      '',
      `Wij hebben uw vraag over de aanpak van mensenhandel in ${municipalityName} ontvangen. Een adviseur van het programma neemt binnen ${ANSWER_WITHIN_DAYS} werkdagen contact met u op.`,
      '',
      'Uw vraag:',
      input.question,
      '',
      'Met vriendelijke groet,',
      'Het programma Gemeenten aan zet',
    ].join('\n'),
    at,
  };
}

function adviserNotice(deps: AppDeps, to: string, municipalityName: string, interactionId: number, at: Date) {
  const link = `${deps.config.publicBaseUrl}/beheer/advies/interacties/${interactionId}`;
  return {
    to,
    subject: `Nieuwe ondersteuningsvraag van ${municipalityName}`,
    text: [
      `Er is een ondersteuningsvraag binnengekomen van ${municipalityName}. U bent de verantwoordelijke adviseur.`,
      '',
      `Bekijk de vraag en de taak: ${link}`,
    ].join('\n'),
    at,
  };
}
