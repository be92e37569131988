// Events: create, change and read them. Every write is one transaction with its audit entry.
import { randomBytes } from 'node:crypto';
import { type Db, inTransaction } from '../../db/database.ts';
import type { ServiceCtx } from '../../deps.ts';
import { errors, type FieldError } from '../../http/errors.ts';
import { municipalitiesOn } from '../atlas/index.ts';
import { recordAudit } from '../audit/index.ts';
import { offerNewPlaces } from './capacity.ts';
import { amsterdamDate, amsterdamToUtc, parseQuestions, type Question } from './events.logic.ts';
import type { RegistrationLinks } from './links.ts';
import { bumpEventsVersion } from './public-version.ts';
import { type EventFilter, type EventRow, insertEvent, selectEvent, selectEvents, updateEvent } from './queries.ts';
import type { EventInput } from './schema.ts';
import type { EventStatus } from './tables.ts';

export type { EventRow };

export const EVENT_NOT_FOUND = { nl: 'Deze bijeenkomst bestaat niet.', en: 'This event does not exist.' };

/** Checks what the schema cannot (questions, codes on the date) and returns the columns to store. */
async function columnsOf(db: Db, input: EventInput) {
  const fields: FieldError[] = [];
  const questions = parseQuestions(input.questions);
  if (!questions.ok) fields.push({ field: 'questions', message: questions.message });
  if (input.targetCodes.length > 0) {
    const known = new Set((await municipalitiesOn(db, input.date)).map((m) => m.code));
    const unknown = input.targetCodes.filter((c) => !known.has(c));
    if (unknown.length > 0)
      fields.push({
        field: 'targetCodes',
        message: {
          nl: `Deze codes bestonden niet op ${input.date}: ${unknown.join(', ')}. Controleer ze.`,
          en: `These codes did not exist on ${input.date}: ${unknown.join(', ')}.`,
        },
      });
  }
  if (fields.length > 0) throw errors.validation(fields);
  return {
    title: input.title,
    type: input.type,
    audiences: input.audiences.join(' '),
    description: input.description,
    starts_at: amsterdamToUtc(`${input.date}T${input.startTime}`).toISOString(),
    ends_at: amsterdamToUtc(`${input.date}T${input.endTime}`).toISOString(),
    place: input.place ?? null,
    online_url: input.onlineUrl ?? null,
    organisers: input.organisers,
    capacity: input.capacity,
    registration_opens: input.registrationOpens,
    registration_closes: input.registrationCloses,
    access: input.access,
    questions_json: JSON.stringify(questions.ok ? questions.questions : []),
    target_codes: [...new Set(input.targetCodes)].join(' '),
    target_province: input.targetProvince ?? null,
    status: input.status,
  };
}

export async function createEvent(ctx: ServiceCtx, input: EventInput): Promise<number> {
  const columns = await columnsOf(ctx.db, input);
  return inTransaction(ctx.db, async (trx) => {
    const at = ctx.now.toISOString();
    const id = await insertEvent(trx, {
      ...columns,
      taken: 0,
      invite_key: columns.access === 'invitation' ? randomBytes(12).toString('base64url') : null,
      erased_at: null,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(trx, { at: ctx.now, actor: ctx.actor, action: 'create', entity: 'event', entityId: id, after: columns });
    await bumpEventsVersion(trx, ctx.now);
    return id;
  });
}

/**
 * Changes an event. With `links`, places added by a higher capacity are offered to the waiting list
 * in the same transaction (staff pages pass them; without, the places simply stay open).
 */
export async function changeEvent(ctx: ServiceCtx, id: number, input: EventInput, links?: RegistrationLinks): Promise<void> {
  const columns = await columnsOf(ctx.db, input);
  await inTransaction(ctx.db, async (trx) => {
    const before = await selectEvent(trx, id);
    if (!before) throw errors.notFound(EVENT_NOT_FOUND);
    if (columns.capacity < before.taken)
      throw errors.validation([
        {
          field: 'capacity',
          message: {
            nl: `Er hebben al ${before.taken} mensen een plaats. Kies minstens ${before.taken} plaatsen.`,
            en: `${before.taken} people already have a place. Choose at least ${before.taken} places.`,
          },
        },
      ]);
    const inviteKey = columns.access === 'invitation' ? (before.invite_key ?? randomBytes(12).toString('base64url')) : null;
    await updateEvent(trx, id, { ...columns, invite_key: inviteKey, updated_at: ctx.now.toISOString() });
    await recordAudit(trx, { at: ctx.now, actor: ctx.actor, action: 'update', entity: 'event', entityId: id, before, after: columns });
    if (links && columns.capacity > before.capacity) await offerNewPlaces({ ...ctx, db: trx }, links, id);
    await bumpEventsVersion(trx, ctx.now);
  });
}

export async function getEvent(db: Db, id: number): Promise<EventRow | null> {
  return (await selectEvent(db, id)) ?? null;
}

/** A published (or cancelled) event as the public sees it; drafts are staff-only. */
export async function getPublicEvent(db: Db, id: number): Promise<EventRow | null> {
  const e = await selectEvent(db, id);
  return e && e.status !== 'draft' ? e : null;
}

export async function listEvents(db: Db, filter: EventFilter = {}): Promise<EventRow[]> {
  return selectEvents(db, filter);
}

/** Public events (published or cancelled), optionally aimed at a province (directly or through a target municipality). */
export async function listPublicEvents(db: Db, filter: Omit<EventFilter, 'statuses'> & { province?: string } = {}): Promise<EventRow[]> {
  const statuses: EventStatus[] = ['published', 'cancelled'];
  const rows = await selectEvents(db, { ...filter, statuses });
  if (!filter.province) return rows;
  const out: EventRow[] = [];
  for (const e of rows) {
    if (e.target_province === filter.province) out.push(e);
    else if (e.target_codes) {
      const inProvince = new Set(
        (await municipalitiesOn(db, amsterdamDate(e.starts_at))).filter((m) => m.provinceCode === filter.province).map((m) => m.code),
      );
      if (e.target_codes.split(' ').some((c) => inProvince.has(c))) out.push(e);
    }
  }
  return out;
}

export function questionsOf(e: Pick<EventRow, 'questions_json'>): Question[] {
  return JSON.parse(e.questions_json) as Question[];
}
