// Test kit of the events module: an app with the reference data at a movable clock, an event made
// through the staff service, registrations through the public service, and the emails queued.
import type { TestApp } from '../../../../test/helpers/app.ts';
import { createAtlasTestApp } from '../../../../test/helpers/atlas.ts';
import { SYSTEM_ACTOR } from '../../../http/request-user.ts';
import { getOutboxMessage, outboxCounts } from '../../outbox/index.ts';
import { linksOf } from '../links.ts';
import { register } from '../registrations.service.ts';
import type { EventInput } from '../schema.ts';
import { createEvent } from '../service.ts';

export interface Clock {
  now: () => Date;
  set: (iso: string) => void;
}

export function clockAt(iso: string): Clock {
  let at = new Date(iso);
  return { now: () => at, set: (next) => (at = new Date(next)) };
}

export async function eventsTestApp(clock: Clock): Promise<TestApp> {
  return createAtlasTestApp(() => clock.now());
}

export const CONGRESS: EventInput = {
  title: 'Workshop op het congres',
  type: 'congress-session',
  audiences: ['frontline-staff'],
  description: 'Signalen herkennen.',
  date: '2019-10-31',
  startTime: '13:30',
  endTime: '15:00',
  place: 'Ede',
  onlineUrl: 'https://meet.example.org/workshop',
  organisers: 'Gemeenten aan zet',
  capacity: 3,
  registrationOpens: '2019-09-01',
  registrationCloses: '2019-10-30',
  access: 'public',
  questions: 'Dieetwensen',
  targetProvince: undefined,
  targetCodes: [],
  status: 'published',
};

export async function makeEvent(t: TestApp, overrides: Partial<EventInput> = {}): Promise<number> {
  return createEvent({ db: t.deps.db, actor: SYSTEM_ACTOR, now: t.deps.now() }, { ...CONGRESS, ...overrides });
}

let people = 0;

export async function registerPerson(
  t: TestApp,
  eventId: number,
  overrides: { email?: string; municipality?: string; name?: string } = {},
) {
  people += 1;
  const input = {
    name: overrides.name ?? `Persoon ${people}`,
    email: overrides.email ?? `persoon-${people}@example.org`,
    organisation: 'Gemeente',
    municipality: overrides.municipality ?? 'GM0363',
  };
  return register({ db: t.deps.db, actor: SYSTEM_ACTOR, now: t.deps.now() }, linksOf(t.deps), eventId, input);
}

export interface QueuedEmail {
  id: number;
  to: string;
  subject: string;
  text: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

/** Every queued email (ids are sequential in a fresh test database). */
export async function allEmails(t: TestApp): Promise<QueuedEmail[]> {
  const c = await outboxCounts(t.deps.db);
  const total = c.pending + c.sending + c.sent + c.failed;
  const out: QueuedEmail[] = [];
  for (let id = 1; id <= total; id++) {
    const m = await getOutboxMessage(t.deps.db, id);
    if (m) out.push({ id, to: m.to, subject: m.subject, text: m.text, attachments: m.attachments });
  }
  return out;
}

export async function emailsTo(t: TestApp, to: string): Promise<QueuedEmail[]> {
  return (await allEmails(t)).filter((m) => m.to === to);
}

/** The personal link's path in an email text. */
export function manageLinkIn(text: string): string {
  const m = text.match(/\/bijeenkomsten\/aanmelding\/[\w-]+/);
  if (!m) throw new Error(`no personal link in: ${text}`);
  return m[0];
}
