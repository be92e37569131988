// Pure rules of the events module (no I/O): Europe/Amsterdam wall times ↔ UTC, the registration
// window, what a registration becomes, the no-show rate, the retention cut-off, questions.
import type { Localized } from '../../i18n.ts';
import type { RegistrationStatus } from './tables.ts';

export const TIME_ZONE = 'Europe/Amsterdam';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A UTC instant as Amsterdam wall time `YYYY-MM-DDTHH:mm`. */
export function amsterdamLocal(isoUtc: string | Date): string {
  const d = typeof isoUtc === 'string' ? new Date(isoUtc) : isoUtc;
  const p = Object.fromEntries(parts.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** Minutes Amsterdam is ahead of UTC at this instant (60 in winter, 120 in summer). */
export function amsterdamOffsetMinutes(at: Date): number {
  const local = amsterdamLocal(at);
  return Math.round((Date.parse(`${local}:00Z`) - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * An Amsterdam wall time `YYYY-MM-DDTHH:mm` as a UTC instant. In the autumn hour that occurs twice
 * the first (summer-time) one is taken; a spring time that does not exist moves an hour on.
 */
export function amsterdamToUtc(local: string): Date {
  const asUtc = Date.parse(`${local}:00Z`);
  for (const offset of [120, 60]) {
    const candidate = new Date(asUtc - offset * 60_000);
    if (amsterdamLocal(candidate) === local) return candidate;
  }
  return new Date(asUtc - 60 * 60_000);
}

/** `2019-10-31T13:30:00+01:00`: the instant with Amsterdam's offset (for schema.org). */
export function amsterdamIso(isoUtc: string): string {
  const d = new Date(isoUtc);
  const offset = amsterdamOffsetMinutes(d);
  const sign = offset >= 0 ? '+' : '-';
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const mm = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${amsterdamLocal(d)}:00${sign}${hh}:${mm}`;
}

/** The Amsterdam calendar date of an instant. */
export function amsterdamDate(isoUtc: string | Date): string {
  return amsterdamLocal(isoUtc).slice(0, 10);
}

export type WindowState = 'not-yet' | 'open' | 'closed' | 'past';

/** Whether the form takes registrations now (dates inclusive, in Amsterdam). */
export function registrationWindow(
  e: { registration_opens: string; registration_closes: string; starts_at: string },
  now: Date,
): WindowState {
  if (now.getTime() >= Date.parse(e.starts_at)) return 'past';
  const today = amsterdamDate(now);
  if (today < e.registration_opens) return 'not-yet';
  if (today > e.registration_closes) return 'closed';
  return 'open';
}

/** What a new registration becomes, given whether the capacity check (the conditional update) took a place. */
export function newRegistrationStatus(tookPlace: boolean): RegistrationStatus {
  return tookPlace ? 'registered' : 'waiting';
}

/** Statuses that hold a place (they count in `taken`). */
export const HOLDS_PLACE: readonly RegistrationStatus[] = ['registered', 'offered'];

export interface AttendanceFigures {
  /** Registered beforehand (not walk-ins), place held at the event. */
  registered: number;
  attended: number;
  walkIns: number;
  noShows: number;
  /** noShows / registered, 0–1; null when nobody registered. */
  noShowRate: number | null;
}

export function attendanceFigures(rows: { status: RegistrationStatus; attended: number; walk_in: number }[]): AttendanceFigures {
  let registered = 0;
  let attended = 0;
  let walkIns = 0;
  let registeredAttended = 0;
  for (const r of rows) {
    if (r.walk_in) {
      walkIns += 1;
      if (r.attended) attended += 1;
      continue;
    }
    if (r.status !== 'registered') continue;
    registered += 1;
    if (r.attended) {
      attended += 1;
      registeredAttended += 1;
    }
  }
  const noShows = registered - registeredAttended;
  return { registered, attended, walkIns, noShows, noShowRate: registered === 0 ? null : noShows / registered };
}

/** Events that ended before this instant have their registrants erased (retention in days). */
export function retentionCutoff(now: Date, retentionDays: number): string {
  return new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
}

/** When reminders go out: `daysBefore` days before the start. */
export function reminderDue(startsAt: string, now: Date, daysBefore: number): boolean {
  const start = Date.parse(startsAt);
  return now.getTime() < start && now.getTime() >= start - daysBefore * 86_400_000;
}

export interface Question {
  id: string;
  label: string;
}

/** Questions from a textarea: one per line (empty lines skipped), at most 10, each at most 200 characters. */
export function parseQuestions(text: string): { ok: true; questions: Question[] } | { ok: false; message: Localized } {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > 10) return { ok: false, message: { nl: 'Stel hoogstens 10 vragen.', en: 'Ask at most 10 questions.' } };
  const long = lines.findIndex((l) => l.length > 200);
  if (long >= 0)
    return {
      ok: false,
      message: { nl: `Vraag ${long + 1} is langer dan 200 tekens. Maak hem korter.`, en: `Question ${long + 1} is over 200 characters.` },
    };
  return { ok: true, questions: lines.map((label, i) => ({ id: `q${i + 1}`, label })) };
}

/** A normalised email for comparison (double registrations are recognised on this). */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** Classes of the reach map: none, 1, 2–4, 5–9, 10 or more. */
export const REACH_CLASSES = [
  { key: '1', min: 1, max: 1, label: { nl: '1', en: '1' } },
  { key: '2-4', min: 2, max: 4, label: { nl: '2 tot 4', en: '2 to 4' } },
  { key: '5-9', min: 5, max: 9, label: { nl: '5 tot 9', en: '5 to 9' } },
  { key: '10+', min: 10, max: Number.POSITIVE_INFINITY, label: { nl: '10 of meer', en: '10 or more' } },
] as const;

export function reachClass(n: number): string | null {
  return REACH_CLASSES.find((c) => n >= c.min && n <= c.max)?.key ?? null;
}
