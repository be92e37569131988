// On the day and afterwards: check-in (tick attended), walk-ins, attendance figures per event,
// the evaluation form, and reach (attendance per municipality over a period).
import { type Db, inTransaction } from '../../db/database.ts';
import type { ServiceCtx } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { enqueueJob } from '../jobs/index.ts';
import { type AttendanceFigures, amsterdamDate, amsterdamToUtc, attendanceFigures } from './events.logic.ts';
import { selectEvent } from './queries.ts';
import {
  countByStatus,
  hasEvaluation,
  insertEvaluation,
  insertRegistration,
  selectAttendance,
  selectEvaluationSummary,
  selectRegistration,
  selectRegistrations,
} from './registrations.queries.ts';
import { EVENT_NOT_FOUND } from './service.ts';

export const EVALUATION_JOB = 'events.evaluations';

export async function setAttended(ctx: ServiceCtx, eventId: number, registrationId: number, attended: boolean): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const r = await selectRegistration(trx, registrationId);
    if (!r || r.event_id !== eventId)
      throw errors.notFound({ nl: 'Deze aanmelding bestaat niet.', en: 'This registration does not exist.' });
    if (r.status !== 'registered' && !r.walk_in)
      throw errors.badRequest({
        nl: 'Alleen aangemelde deelnemers kunnen worden afgevinkt.',
        en: 'Only registered people can be checked in.',
      });
    await trx
      .updateTable('events_registrations')
      .set({ attended: attended ? 1 : 0, checked_in_at: attended ? ctx.now.toISOString() : null, updated_at: ctx.now.toISOString() })
      .where('id', '=', r.id)
      .execute();
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: attended ? 'check-in' : 'check-in-undone',
      entity: 'event_registration',
      entityId: r.id,
    });
  });
}

/** Someone who comes without registering: added as attended (walk-ins take no place of the capacity). */
export async function addWalkIn(
  ctx: ServiceCtx,
  eventId: number,
  input: { name: string; organisation?: string; municipality: string },
): Promise<number> {
  return inTransaction(ctx.db, async (trx) => {
    const e = await selectEvent(trx, eventId);
    if (!e) throw errors.notFound(EVENT_NOT_FOUND);
    const at = ctx.now.toISOString();
    const id = await insertRegistration(trx, {
      event_id: eventId,
      name: input.name,
      email: null,
      email_key: `walk-in-${eventId}-${Date.now()}-${Math.random().toString(36).slice(2)}`,
      organisation: input.organisation ?? null,
      municipality_code: input.municipality === 'other' ? null : input.municipality,
      answers_json: null,
      status: 'registered',
      offer_expires_at: null,
      walk_in: 1,
      attended: 1,
      checked_in_at: at,
      reminder_sent_at: null,
      evaluation_sent_at: null,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'walk-in',
      entity: 'event_registration',
      entityId: id,
      after: { eventId },
    });
    return id;
  });
}

export interface EventReport extends AttendanceFigures {
  byStatus: Awaited<ReturnType<typeof countByStatus>>;
  evaluations: { n: number; avg: number | null };
  /** Attended per municipality code ('' = another organisation). */
  byMunicipality: Map<string, number>;
}

export async function eventReport(db: Db, eventId: number): Promise<EventReport> {
  const rows = await selectRegistrations(db, eventId);
  const byMunicipality = new Map<string, number>();
  for (const r of rows) {
    if (!r.attended) continue;
    const k = r.municipality_code ?? '';
    byMunicipality.set(k, (byMunicipality.get(k) ?? 0) + 1);
  }
  return {
    ...attendanceFigures(rows),
    byStatus: await countByStatus(db, eventId),
    evaluations: await selectEvaluationSummary(db, eventId),
    byMunicipality,
  };
}

/** Emails the evaluation form to every attendee (a job; each person once). */
export async function sendEvaluations(ctx: ServiceCtx, eventId: number): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const e = await selectEvent(trx, eventId);
    if (!e) throw errors.notFound(EVENT_NOT_FOUND);
    if (Date.parse(e.ends_at) > ctx.now.getTime())
      throw errors.badRequest({ nl: 'Stuur de evaluatie na afloop van de bijeenkomst.', en: 'Send the evaluation after the event.' });
    await enqueueJob({ db: trx, now: ctx.now }, { kind: EVALUATION_JOB, payload: { eventId }, key: `events.evaluations:${eventId}` });
    await recordAudit(trx, { at: ctx.now, actor: ctx.actor, action: 'send-evaluations', entity: 'event', entityId: eventId });
  });
}

export async function submitEvaluation(
  ctx: ServiceCtx,
  registrationId: number,
  input: { rating: number; comment?: string },
): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const r = await selectRegistration(trx, registrationId);
    if (!r?.attended || r.email === null)
      throw errors.notFound({ nl: 'Dit evaluatieformulier bestaat niet (meer).', en: 'This evaluation form no longer exists.' });
    if (await hasEvaluation(trx, r.id))
      throw errors.conflict({ nl: 'U heeft deze bijeenkomst al beoordeeld. Dank u wel!', en: 'You have already evaluated this event.' });
    await insertEvaluation(trx, {
      event_id: r.event_id,
      registration_id: r.id,
      rating: input.rating,
      comment: input.comment ?? null,
      created_at: ctx.now.toISOString(),
    });
  });
}

export interface AttendanceRecord {
  eventId: number;
  title: string;
  type: string;
  /** Amsterdam date of the event. */
  date: string;
  municipalityCode: string | null;
  audiences: string[];
}

/** Every attended registration of events between two Amsterdam dates (inclusive). */
export async function attendanceBetween(db: Db, from: string, to: string): Promise<AttendanceRecord[]> {
  const fromUtc = amsterdamToUtc(`${from}T00:00`).toISOString();
  const next = new Date(Date.parse(`${to}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const toUtc = amsterdamToUtc(`${next}T00:00`).toISOString();
  const rows = await selectAttendance(db, fromUtc, toUtc);
  return rows.map((r) => ({
    eventId: Number(r.event_id),
    title: r.title,
    type: r.type,
    date: amsterdamDate(r.starts_at),
    municipalityCode: r.municipality_code,
    audiences: r.audiences.split(' ').filter(Boolean),
  }));
}

/** Attendance per municipality code over a period (people, and distinct events). */
export async function attendanceByMunicipality(db: Db, from: string, to: string): Promise<Map<string, { people: number; events: number }>> {
  const per = new Map<string, { people: number; events: Set<number> }>();
  for (const r of await attendanceBetween(db, from, to)) {
    if (!r.municipalityCode) continue;
    const entry = per.get(r.municipalityCode) ?? { people: 0, events: new Set<number>() };
    entry.people += 1;
    entry.events.add(r.eventId);
    per.set(r.municipalityCode, entry);
  }
  return new Map([...per].map(([code, v]) => [code, { people: v.people, events: v.events.size }]));
}
