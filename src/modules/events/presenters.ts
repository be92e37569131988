// View models: what a page or the API gets of an event or a registration (never a row as is).
import { formatDate, type Locale } from '../../i18n.ts';
import { amsterdamIso, amsterdamLocal, registrationWindow, type WindowState } from './events.logic.ts';
import { AUDIENCE_LABELS, TYPE_LABELS } from './labels.ts';
import type { EventRow } from './queries.ts';
import type { RegistrationRow } from './registrations.queries.ts';
import { questionsOf } from './service.ts';
import type { Audience, EventType } from './tables.ts';

export interface EventView {
  id: number;
  title: string;
  type: EventType;
  typeLabel: string;
  audiences: { code: Audience; label: string }[];
  description: string;
  /** Amsterdam wall times. */
  date: string;
  dateLabel: string;
  startTime: string;
  endTime: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  online: boolean;
  organisers: string;
  capacity: number;
  placesLeft: number;
  access: 'public' | 'invitation';
  window: WindowState;
  registrationOpens: string;
  registrationCloses: string;
  cancelled: boolean;
  questions: { id: string; label: string }[];
  url: string;
}

export function presentEvent(e: EventRow, locale: Locale, now: Date): EventView {
  const start = amsterdamLocal(e.starts_at);
  return {
    id: e.id,
    title: e.title,
    type: e.type,
    typeLabel: TYPE_LABELS[e.type][locale],
    audiences: e.audiences
      .split(' ')
      .filter((a): a is Audience => a in AUDIENCE_LABELS)
      .map((a) => ({ code: a, label: AUDIENCE_LABELS[a][locale] })),
    description: e.description,
    date: start.slice(0, 10),
    dateLabel: formatDate(start.slice(0, 10), locale),
    startTime: start.slice(11),
    endTime: amsterdamLocal(e.ends_at).slice(11),
    startsAt: e.starts_at,
    endsAt: e.ends_at,
    place: e.place,
    online: e.online_url !== null,
    organisers: e.organisers,
    capacity: e.capacity,
    placesLeft: Math.max(0, e.capacity - e.taken),
    access: e.access,
    window: registrationWindow(e, now),
    registrationOpens: e.registration_opens,
    registrationCloses: e.registration_closes,
    cancelled: e.status === 'cancelled',
    questions: questionsOf(e),
    url: `/bijeenkomsten/${e.id}`,
  };
}

/** The public fields of an event in the API. */
export function presentApiEvent(e: EventRow, baseUrl: string, now: Date) {
  return {
    id: e.id,
    title: e.title,
    type: e.type,
    audiences: e.audiences.split(' ').filter(Boolean),
    description: e.description,
    startsAt: amsterdamIso(e.starts_at),
    endsAt: amsterdamIso(e.ends_at),
    timeZone: 'Europe/Amsterdam',
    place: e.place,
    online: e.online_url !== null,
    organisers: e.organisers,
    capacity: e.capacity,
    placesLeft: Math.max(0, e.capacity - e.taken),
    registration: { access: e.access, opens: e.registration_opens, closes: e.registration_closes, state: registrationWindow(e, now) },
    status: e.status === 'cancelled' ? 'cancelled' : 'scheduled',
    url: `${baseUrl}/bijeenkomsten/${e.id}`,
    ics: `${baseUrl}/bijeenkomsten/${e.id}/agenda.ics`,
  };
}

/** schema.org/Event as JSON-LD; the online link is never in it (only registered people get it). */
export function eventJsonLd(e: EventRow, baseUrl: string): string {
  const url = `${baseUrl}/bijeenkomsten/${e.id}`;
  const mode = e.place && e.online_url ? 'Mixed' : e.place ? 'Offline' : 'Online';
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: e.title,
    description: e.description,
    startDate: amsterdamIso(e.starts_at),
    endDate: amsterdamIso(e.ends_at),
    eventStatus: `https://schema.org/${e.status === 'cancelled' ? 'EventCancelled' : 'EventScheduled'}`,
    eventAttendanceMode: `https://schema.org/${mode}EventAttendanceMode`,
    location: e.place ? { '@type': 'Place', name: e.place, address: e.place } : { '@type': 'VirtualLocation', url },
    organizer: { '@type': 'Organization', name: e.organisers },
    maximumAttendeeCapacity: e.capacity,
    remainingAttendeeCapacity: Math.max(0, e.capacity - e.taken),
    isAccessibleForFree: true,
    inLanguage: 'nl',
    url,
  };
  // A data block, not a script: "<" is escaped so the text can never close the element.
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

export interface RegistrationView {
  id: number;
  name: string;
  organisation: string;
  municipalityCode: string | null;
  status: RegistrationRow['status'];
  attended: boolean;
  walkIn: boolean;
  answers: Record<string, string>;
  offerExpiresAt: string | null;
}

export function presentRegistration(r: RegistrationRow): RegistrationView {
  return {
    id: r.id,
    name: r.name ?? '—',
    organisation: r.organisation ?? '',
    municipalityCode: r.municipality_code,
    status: r.status,
    attended: r.attended === 1,
    walkIn: r.walk_in === 1,
    answers: r.answers_json ? (JSON.parse(r.answers_json) as Record<string, string>) : {},
    offerExpiresAt: r.offer_expires_at,
  };
}

/** An event as the values of the staff form (for editing). */
export function eventFormValues(e: EventRow): Record<string, string> {
  const start = amsterdamLocal(e.starts_at);
  return {
    title: e.title,
    type: e.type,
    audiences: e.audiences,
    description: e.description,
    date: start.slice(0, 10),
    startTime: start.slice(11),
    endTime: amsterdamLocal(e.ends_at).slice(11),
    place: e.place ?? '',
    onlineUrl: e.online_url ?? '',
    organisers: e.organisers,
    capacity: String(e.capacity),
    registrationOpens: e.registration_opens,
    registrationCloses: e.registration_closes,
    access: e.access,
    questions: questionsOf(e)
      .map((q) => q.label)
      .join('\n'),
    targetProvince: e.target_province ?? '',
    targetCodes: e.target_codes,
    status: e.status,
  };
}
