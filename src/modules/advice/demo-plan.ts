// The advice module's part of the 2019 demo scenario (DESIGN.md): the 21 municipalities (two of them
// with their region) that the programme's 2019 news item names as intensive contacts between October
// 2018 and October 2019, lighter contact with many others, and fictional contact persons, all
// labelled "(voorbeeld)". Pure data and a deterministic spread, no I/O.
import type { ContactRole, InteractionType, PolicyStatusValue } from './tables.ts';

export const DEMO_PERIOD = { from: '2018-10-01', to: '2019-10-31' };

/** The 21 intensive contacts: code, and the safety region for "Assen/Drenthe" and "Haarlem/Kennemerland". */
export const DEMO_INTENSIVE: { code: string; region?: string }[] = [
  { code: 'GM0361' }, // Alkmaar
  { code: 'GM0034' }, // Almere
  { code: 'GM0363' }, // Amsterdam
  { code: 'GM0106', region: 'VR03' }, // Assen/Drenthe
  { code: 'GM0758' }, // Breda
  { code: 'GM0518' }, // Den Haag ('s-Gravenhage)
  { code: 'GM0400' }, // Den Helder
  { code: 'GM0505' }, // Dordrecht
  { code: 'GM0772' }, // Eindhoven
  { code: 'GM0153' }, // Enschede
  { code: 'GM0392', region: 'VR12' }, // Haarlem/Kennemerland
  { code: 'GM0014' }, // Groningen
  { code: 'GM0513' }, // Gouda
  { code: 'GM0546' }, // Leiden
  { code: 'GM1895' }, // Oldambt
  { code: 'GM0855' }, // Tilburg
  { code: 'GM0342' }, // Soest
  { code: 'GM0622' }, // Vlaardingen
  { code: 'GM0718' }, // Vlissingen
  { code: 'GM0865' }, // Vught
  { code: 'GM0193' }, // Zwolle
];

const FIRST = [
  'Sanne',
  'Daan',
  'Fatima',
  'Joris',
  'Lotte',
  'Mehmet',
  'Eva',
  'Ruben',
  'Noor',
  'Bram',
  'Yara',
  'Thijs',
  'Iris',
  'Karim',
  'Femke',
  'Lucas',
];
const LAST = [
  'de Vries',
  'Jansen',
  'el Amrani',
  'Bakker',
  'Visser',
  'Yilmaz',
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
];
const ROLES: ContactRole[] = ['aandachtsfunctionaris', 'policy-safety', 'manager-social', 'alderman'];

/** A fictional person for the n-th contact, with an address under the demo domain. */
export function demoPerson(n: number): { name: string; email: string; role: ContactRole } {
  const first = FIRST[n % FIRST.length];
  const last = LAST[(n * 7 + 3) % LAST.length];
  const slug = `${first}.${last}`.toLowerCase().replace(/[^a-z.]+/g, '');
  return { name: `${first} ${last} (voorbeeld)`, email: `${slug}.${n}@demo.gemeentenaanzet.invalid`, role: ROLES[n % ROLES.length] };
}

const TYPES: InteractionType[] = ['advice-conversation', 'phone', 'email', 'advice-conversation', 'workshop', 'presentation'];

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface PlannedInteraction {
  date: string;
  type: InteractionType;
  subject: string;
  codes: string[];
  region: string | null;
}

const SUBJECTS = [
  'Adviesgesprek over het beleidsplan mensenhandel',
  'Telefonisch overleg over de meldroute voor signalen',
  'Afstemming per e-mail over de rol van de aandachtsfunctionaris',
  'Gesprek over samenwerking met het RIEC en de zorgcoördinator',
  'Workshop signalen herkennen voor frontlijnmedewerkers',
  'Presentatie aan de gemeenteraad over de aanpak van mensenhandel',
];

/** 3 to 5 interactions for each of the 21, spread over the period; the two with a region meet it twice. */
export function intensivePlan(): PlannedInteraction[] {
  const out: PlannedInteraction[] = [];
  DEMO_INTENSIVE.forEach((m, i) => {
    const n = 3 + (i % 3);
    for (let k = 0; k < n; k++) {
      const withRegion = m.region !== undefined && k >= 1 && k <= 2;
      out.push({
        date: addDays(DEMO_PERIOD.from, (i * 37 + k * 83) % 395),
        type: withRegion ? 'regional-consultation' : TYPES[(i + k) % TYPES.length],
        subject: withRegion ? 'Regionaal overleg over de aanpak mensenhandel' : SUBJECTS[(i + k) % SUBJECTS.length],
        codes: [m.code],
        region: withRegion ? (m.region ?? null) : null,
      });
    }
  });
  // Just outside the period: they must not count for it.
  out.push({ date: '2018-09-28', type: 'phone', subject: 'Eerste kennismaking', codes: ['GM0193'], region: null });
  out.push({ date: '2019-11-05', type: 'email', subject: 'Nabespreking congres', codes: ['GM0855'], region: null });
  return out;
}

/** One or two lighter contacts each for municipalities outside the 21 (codes chosen by the loader). */
export function lighterPlan(codes: string[]): PlannedInteraction[] {
  return codes.flatMap((code, i) =>
    Array.from({ length: 1 + (i % 2) }, (_, k) => ({
      date: addDays(DEMO_PERIOD.from, (i * 53 + k * 151 + 11) % 395),
      type: (['phone', 'email', 'advice-conversation'] as const)[(i + k) % 3],
      subject: k === 0 ? 'Kennismaking met de adviseurs van het programma' : 'Vervolgvraag over de lokale aanpak',
      codes: [code],
      region: null,
    })),
  );
}

/** Regional meetings with a region as a whole (no single host municipality): Rotterdam, Alkmaar, Zeeland. */
export const REGIONAL_MEETINGS: PlannedInteraction[] = [
  { date: '2019-02-12', type: 'regional-consultation', subject: 'Regionale bijeenkomst Rotterdam-Rijnmond', codes: [], region: 'VR17' },
  {
    date: '2019-06-18',
    type: 'regional-consultation',
    subject: 'Regionale bijeenkomst Rotterdam-Rijnmond, tweede ronde',
    codes: [],
    region: 'VR17',
  },
  {
    date: '2019-04-09',
    type: 'regional-consultation',
    subject: 'Regionale bijeenkomst Noord-Holland-Noord in Alkmaar',
    codes: [],
    region: 'VR10',
  },
  { date: '2019-09-24', type: 'presentation', subject: 'Presentatie aan de Zeeuwse gemeenten', codes: [], region: 'PV29' },
];

/** Later years, so other periods are not empty; Weesp shows how a former municipality is found. */
export const LATER: PlannedInteraction[] = [
  { date: '2020-06-15', type: 'advice-conversation', subject: 'Adviesgesprek Weesp over de meldroute', codes: ['GM0457'], region: null },
  { date: '2021-03-01', type: 'phone', subject: 'Telefonisch contact Weesp over de fusie met Amsterdam', codes: ['GM0457'], region: null },
  { date: '2021-11-10', type: 'advice-conversation', subject: 'Gesprek over de regionale opvang', codes: ['GM0599'], region: null },
  { date: '2023-05-22', type: 'workshop', subject: 'Workshop arbeidsuitbuiting', codes: ['GM0344', 'GM0307'], region: null },
];

/** A spread of policy statuses over time for a municipality (by its index in the plan). */
export function statusPlan(i: number): { block: string; status: PolicyStatusValue; date: string; note: string }[] {
  const steps: { block: string; status: PolicyStatusValue; date: string; note: string }[] = [
    {
      block: 'contact-official',
      status: 'in-place',
      date: addDays('2018-06-01', (i * 17) % 300),
      note: 'Aandachtsfunctionaris benoemd (voorbeeld).',
    },
    {
      block: 'policy-adopted',
      status: 'in-progress',
      date: addDays('2018-09-01', (i * 23) % 200),
      note: 'Paragraaf in het integraal veiligheidsplan in voorbereiding.',
    },
  ];
  if (i % 2 === 0)
    steps.push({
      block: 'policy-adopted',
      status: 'in-place',
      date: addDays('2019-03-01', (i * 11) % 200),
      note: 'Vastgesteld door de raad (voorbeeld).',
    });
  if (i % 3 !== 2)
    steps.push({
      block: 'signal-route',
      status: i % 3 === 0 ? 'in-place' : 'in-progress',
      date: addDays('2019-01-15', (i * 13) % 250),
      note: '',
    });
  if (i % 4 === 1)
    steps.push({
      block: 'frontline-trained',
      status: 'in-progress',
      date: addDays('2019-02-01', (i * 19) % 240),
      note: 'Eerste training gegeven.',
    });
  if (i % 5 === 0)
    steps.push({
      block: 'chain-consultation',
      status: 'in-place',
      date: addDays('2018-11-01', (i * 7) % 300),
      note: 'Neemt deel aan het casusoverleg van het RIEC.',
    });
  if (i % 3 === 1) steps.push({ block: 'all-forms-covered', status: 'not-started', date: addDays('2019-04-01', (i * 5) % 150), note: '' });
  if (i % 6 === 2)
    steps.push({
      block: 'shelter-arrangements',
      status: 'in-place',
      date: addDays('2019-05-01', (i * 3) % 120),
      note: 'Afspraken met de regionale opvang.',
    });
  return steps;
}
