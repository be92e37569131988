// Calendar files (RFC 5545) with the `ics` package: one file per event and one feed of all public
// events. Times are written in UTC (…Z), which every calendar client shows in its own zone; the
// instants are the Europe/Amsterdam wall times staff entered. The online link goes only into a
// registered person's own file.
import { createEvents, type EventAttributes } from 'ics';
import type { EventRow } from './queries.ts';

const PRODUCT_ID = '-//Gemeenten aan zet//Bijeenkomsten//NL';

export interface IcsOptions {
  baseUrl: string;
  /** Include the online link (a registered person's own file). */
  withOnlineLink?: boolean;
}

export function eventUid(e: Pick<EventRow, 'id'>, baseUrl: string): string {
  return `event-${e.id}@${new URL(baseUrl).hostname}`;
}

function attributesOf(e: EventRow, o: IcsOptions): EventAttributes {
  const url = `${o.baseUrl}/bijeenkomsten/${e.id}`;
  const online = o.withOnlineLink && e.online_url ? `\n\nOnline deelnemen: ${e.online_url}` : '';
  const location = e.place ?? (e.online_url ? 'Online' : undefined);
  return {
    uid: eventUid(e, o.baseUrl),
    start: Date.parse(e.starts_at),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(e.ends_at),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: e.title,
    description: `${e.description}\n\nOrganisatie: ${e.organisers}${online}\n\n${url}`,
    location,
    url,
    status: e.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    lastModified: Date.parse(e.updated_at),
    // The sequence grows with every change, so clients replace an older copy.
    sequence: Math.max(0, Math.floor((Date.parse(e.updated_at) - Date.parse(e.created_at)) / 1000)),
  };
}

function render(events: EventRow[], o: IcsOptions, calName?: string): string {
  const { error, value } = createEvents(
    events.map((e) => attributesOf(e, o)),
    { productId: PRODUCT_ID, method: 'PUBLISH', ...(calName ? { calName } : {}) },
  );
  if (error || value === null) throw error ?? new Error('ics: no calendar produced');
  return value;
}

/** One event's file. */
export function eventIcs(e: EventRow, o: IcsOptions): string {
  return render([e], o);
}

/** The feed of public events. */
export function eventsFeedIcs(events: EventRow[], o: IcsOptions): string {
  return render(events, o, 'Gemeenten aan zet — bijeenkomsten');
}
