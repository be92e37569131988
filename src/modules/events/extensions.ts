// What the events module contributes to the advice module (its extension points): every event
// that people from municipalities attended appears in the interaction log of those
// municipalities, and attendance at events for front-line staff is evidence for the
// "front-line staff trained" building block.
import type { Db } from '../../db/database.ts';
import type { FeedInteraction, FeedQuery, InteractionFeed, PolicyEvidenceProvider } from '../advice/index.ts';
import { attendanceBetween } from './attendance.service.ts';
import type { EventType } from './tables.ts';

/** The advice module's word for each kind of event. */
const FEED_TYPE: Record<EventType, string> = {
  workshop: 'workshop',
  'information-session': 'presentation',
  'regional-meeting': 'regional-consultation',
  'congress-session': 'workshop',
  webinar: 'presentation',
};

export async function eventInteractions(db: Db, query: FeedQuery): Promise<FeedInteraction[]> {
  const byEvent = new Map<number, FeedInteraction>();
  for (const r of await attendanceBetween(db, query.from, query.to)) {
    if (!r.municipalityCode) continue;
    let item = byEvent.get(r.eventId);
    if (!item) {
      item = {
        sourceId: String(r.eventId),
        date: r.date,
        type: FEED_TYPE[r.type as EventType] ?? 'workshop',
        title: { nl: r.title, en: r.title },
        municipalityCodes: [],
        url: `/beheer/bijeenkomsten/${r.eventId}`,
      };
      byEvent.set(r.eventId, item);
    }
    if (!item.municipalityCodes.includes(r.municipalityCode)) item.municipalityCodes.push(r.municipalityCode);
  }
  const items = [...byEvent.values()];
  return query.codes ? items.filter((i) => i.municipalityCodes.some((c) => query.codes!.includes(c))) : items;
}

export const eventsInteractionFeed: InteractionFeed = {
  source: 'events',
  label: { nl: 'Bijeenkomsten', en: 'Events' },
  list: eventInteractions,
};

/** How far back attendance counts as evidence (three years before the date). */
const EVIDENCE_YEARS = 3;

export const eventsFrontlineEvidence: PolicyEvidenceProvider = {
  id: 'events.frontline-attendance',
  block: 'frontline-trained',
  async evidenceOn(db, code, date) {
    const from = `${Number(date.slice(0, 4)) - EVIDENCE_YEARS}${date.slice(4)}`;
    const rows = (await attendanceBetween(db, from, date)).filter(
      (r) => r.municipalityCode === code && r.audiences.includes('frontline-staff'),
    );
    if (rows.length === 0) return null;
    const events = new Set(rows.map((r) => r.eventId)).size;
    return {
      count: rows.length,
      summary: {
        nl: `${rows.length} ${rows.length === 1 ? 'persoon' : 'personen'} uit deze gemeente ${rows.length === 1 ? 'was' : 'waren'} bij ${events} ${events === 1 ? 'bijeenkomst' : 'bijeenkomsten'} voor frontlijnmedewerkers (sinds ${from}).`,
        en: `${rows.length} ${rows.length === 1 ? 'person' : 'people'} from this municipality attended ${events} ${events === 1 ? 'event' : 'events'} for front-line staff (since ${from}).`,
      },
      url: `/beheer/bijeenkomsten/bereik?from=${from}&to=${date}`,
    };
  },
};
