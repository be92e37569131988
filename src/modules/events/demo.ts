// The events of the 2019 demo scenario (the news item): sessions with heads of public safety,
// regional meetings in Rotterdam and Alkmaar, the congress workshop of 31 October 2019 and
// meetings with police liaison officers, with registrations and attendance from municipalities,
// plus one upcoming webinar open for registration. All people are fictional (.invalid addresses);
// no emails are queued for them.
import type { AppDeps } from '../../deps.ts';
import { SYSTEM_ACTOR } from '../../http/request-user.ts';
import { emailKey } from './events.logic.ts';
import { selectEvents, takePlace } from './queries.ts';
import { insertRegistration } from './registrations.queries.ts';
import type { EventInput } from './schema.ts';
import { createEvent } from './service.ts';

const FIRST = [
  'Anna',
  'Bram',
  'Chantal',
  'Daan',
  'Eva',
  'Farid',
  'Gerda',
  'Hans',
  'Ilse',
  'Jeroen',
  'Karin',
  'Lotte',
  'Mehmet',
  'Nina',
  'Omar',
  'Petra',
  'Ruud',
  'Sanne',
  'Tim',
  'Yara',
];
const LAST = [
  'de Vries',
  'Jansen',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'Dekker',
  'Brouwer',
  'de Wit',
  'Dijkstra',
];

interface DemoEvent {
  input: Omit<EventInput, 'questions' | 'targetCodes' | 'status'> & { questions?: string; targetCodes?: string[] };
  /** Municipalities people came from (2019 codes), and how many registered / attended. */
  from: string[];
  registered: number;
  attended: number;
}

const base = { access: 'public' as const, organisers: 'Programma Gemeenten aan zet (CoMensha en VNG)' };

const EVENTS: DemoEvent[] = [
  {
    input: {
      ...base,
      title: 'Bijeenkomst hoofden openbare orde en veiligheid',
      type: 'information-session',
      audiences: ['heads-of-safety'],
      description:
        'Wat vraagt de aanpak van mensenhandel van gemeenten? Ervaringen van gemeenten die al een aanpak hebben, en de bouwstenen van een lokale aanpak.',
      date: '2019-03-14',
      startTime: '13:30',
      endTime: '16:30',
      place: 'Utrecht, Stadskantoor',
      capacity: 60,
      registrationOpens: '2019-02-01',
      registrationCloses: '2019-03-12',
    },
    from: ['GM0344', 'GM0363', 'GM0518', 'GM0599', 'GM0772', 'GM0855', 'GM0758', 'GM0014', 'GM0193', 'GM0153', 'GM0034', 'GM0106'],
    registered: 42,
    attended: 36,
  },
  {
    input: {
      ...base,
      title: 'Regionale bijeenkomst Rotterdam-Rijnmond',
      type: 'regional-meeting',
      audiences: ['policy-officers', 'heads-of-safety', 'care-partners'],
      description: 'Samen met de gemeenten in Rotterdam-Rijnmond: signalen, de zorgcoördinator en regionale afspraken.',
      date: '2019-05-23',
      startTime: '09:30',
      endTime: '12:30',
      place: 'Rotterdam, Stadhuis, Coolsingel 40',
      capacity: 50,
      registrationOpens: '2019-04-01',
      registrationCloses: '2019-05-21',
      targetProvince: 'PV28',
    },
    from: ['GM0599', 'GM0606', 'GM0622', 'GM0502', 'GM0489', 'GM0597', 'GM0542', 'GM0556'],
    registered: 38,
    attended: 31,
  },
  {
    input: {
      ...base,
      title: 'Regionale bijeenkomst Noord-Holland Noord in Alkmaar',
      type: 'regional-meeting',
      audiences: ['policy-officers', 'frontline-staff', 'care-partners'],
      description: 'Voor gemeenten in Noord-Holland Noord: hoe herken je signalen van mensenhandel en wie doet wat in de regio?',
      date: '2019-09-12',
      startTime: '13:00',
      endTime: '16:00',
      place: 'Alkmaar, Stadskantoor, Mallegatsplein 10',
      capacity: 45,
      registrationOpens: '2019-08-01',
      registrationCloses: '2019-09-10',
      targetCodes: ['GM0361', 'GM0400', 'GM0398', 'GM0405', 'GM0388', 'GM0373'],
    },
    from: ['GM0361', 'GM0400', 'GM0398', 'GM0405', 'GM0388', 'GM0373'],
    registered: 45,
    attended: 39,
  },
  {
    input: {
      ...base,
      title: 'Workshop mensenhandel op het congres criminaliteitspreventie',
      type: 'congress-session',
      audiences: ['frontline-staff', 'policy-officers'],
      description: 'Workshop: signalen van arbeidsuitbuiting, seksuele en criminele uitbuiting herkennen in het werk van de gemeente.',
      date: '2019-10-31',
      startTime: '13:30',
      endTime: '15:00',
      place: 'Congrescentrum, Ede',
      capacity: 40,
      registrationOpens: '2019-09-01',
      registrationCloses: '2019-10-29',
      questions: 'Organisatie en functie',
    },
    from: ['GM0228', 'GM0202', 'GM0200', 'GM0363', 'GM0392', 'GM0546', 'GM0505', 'GM0513', 'GM0718', 'GM0342', 'GM0865', 'GM1895'],
    registered: 40,
    attended: 34,
  },
  {
    input: {
      ...base,
      title: 'Overleg met ketenmariniers en politie mensenhandel',
      type: 'information-session',
      audiences: ['police', 'policy-officers'],
      description: 'Afstemming met de politie-eenheden over signalen uit gemeenten en de rol van de zorgcoördinator.',
      date: '2019-11-21',
      startTime: '10:00',
      endTime: '12:00',
      place: 'Den Haag, Nieuwe Haagse Passage',
      capacity: 30,
      registrationOpens: '2019-10-15',
      registrationCloses: '2019-11-19',
    },
    from: ['GM0518', 'GM0599', 'GM0363', 'GM0344', 'GM0772'],
    registered: 22,
    attended: 19,
  },
];

let seed = 7;
const next = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed;
};

async function fillEvent(deps: AppDeps, eventId: number, d: DemoEvent) {
  const at = `${d.input.registrationOpens}T09:00:00.000Z`;
  for (let i = 0; i < d.registered; i++) {
    const name = `${FIRST[next() % FIRST.length]} ${LAST[next() % LAST.length]}`;
    const email = `deelnemer-${eventId}-${i + 1}@demo.gemeentenaanzet.invalid`;
    const took = await takePlace(deps.db, eventId);
    await insertRegistration(deps.db, {
      event_id: eventId,
      name,
      email,
      email_key: emailKey(email),
      organisation: 'Gemeente (demo)',
      municipality_code: d.from[i % d.from.length],
      answers_json: null,
      status: took ? 'registered' : 'waiting',
      offer_expires_at: null,
      walk_in: 0,
      attended: i < d.attended ? 1 : 0,
      checked_in_at: i < d.attended ? `${d.input.date}T08:00:00.000Z` : null,
      reminder_sent_at: null,
      evaluation_sent_at: null,
      created_at: at,
      updated_at: at,
    });
  }
}

export async function loadEventsDemo(deps: AppDeps, log: (line: string) => void): Promise<void> {
  const existing = new Set((await selectEvents(deps.db)).map((e) => e.title));
  const ctx = { db: deps.db, actor: SYSTEM_ACTOR, now: deps.now() };
  let made = 0;
  for (const d of EVENTS) {
    if (existing.has(d.input.title)) continue;
    const id = await createEvent(ctx, {
      ...d.input,
      questions: d.input.questions ?? '',
      targetCodes: d.input.targetCodes ?? [],
      status: 'published',
    });
    await fillEvent(deps, id, d);
    made += 1;
  }
  const upcomingTitle = 'Webinar: signalen van mensenhandel herkennen';
  if (!existing.has(upcomingTitle)) {
    const now = deps.now();
    const day = new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    await createEvent(ctx, {
      ...base,
      title: upcomingTitle,
      type: 'webinar',
      audiences: ['frontline-staff'],
      description: 'Een uur online over de signalen van mensenhandel voor medewerkers van wijkteams, Burgerzaken en handhaving.',
      date: day,
      startTime: '15:00',
      endTime: '16:00',
      onlineUrl: 'https://webinar.example.invalid/gemeenten-aan-zet',
      capacity: 100,
      registrationOpens: now.toISOString().slice(0, 10),
      registrationCloses: day,
      questions: 'Functie',
      targetCodes: [],
      status: 'published',
    });
    made += 1;
  }
  if (made > 0) log(`Bijeenkomsten: ${made} demo-bijeenkomsten met aanmeldingen en aanwezigheid geladen.`);
}
