// The academy of the 2019 demo scenario: five courses (three e-learnings, a classroom course linked
// to the Alkmaar regional meeting, an external course), enrolments and completions spread over
// municipalities in 2019 (anonymous counts), and one fictional demo learner who can log in.
import type { AppDeps } from '../../deps.ts';
import { SYSTEM_ACTOR } from '../../http/request-user.ts';
import { createLearnerAccount, findUserByEmail } from '../auth/index.ts';
import { listEvents } from '../events/index.ts';
import { createCourse } from './courses.service.ts';
import { insertEnrolment, selectCourses } from './queries.ts';
import type { CourseInput } from './schema.ts';

export const DEMO_LEARNER_EMAIL = 'cursist@demo.gemeentenaanzet.invalid';
const DEMO_LEARNER_PASSWORD = 'demo cursist wachtwoord 2019';

const QUIZ =
  '? Wie coördineert de zorg voor een mogelijk slachtoffer in uw gemeente?\n- De wijkagent\n* De zorgcoördinator mensenhandel\n- Het UWV\n? Is mensenhandel alleen seksuele uitbuiting?\n- Ja\n* Nee: ook arbeidsuitbuiting en criminele uitbuiting\n? Wat doet u met een signaal?\n* Bespreken en melden volgens de interne route\n- Zelf onderzoek doen bij de werkgever';

const LESSONS = (topic: string) =>
  `# Wat is mensenhandel?\nMensenhandel is het uitbuiten van mensen: seksueel, in arbeid of door hen tot criminaliteit te dwingen.\n\nIn ${topic} komt u signalen tegen.\nVideo: https://video.example.invalid/academy/wat-is-mensenhandel\n# Signalen herkennen\nLet op afhankelijkheid, geen eigen papieren, schulden aan een werkgever of bemiddelaar.\nAfbeelding: https://img.example.invalid/academy/signalen.png | Een medewerker aan een balie luistert naar een bezoeker\n# Wat doet u met een signaal?\nBespreek het signaal, volg de interne route en schakel de zorgcoördinator in.`;

const base = {
  externalUrl: undefined,
  provider: undefined,
  eventIds: [] as number[],
  passMark: 70,
  quiz: QUIZ,
  status: 'published' as const,
};

function courses(alkmaarEventId: number | null): CourseInput[] {
  return [
    {
      ...base,
      title: 'Signalen van mensenhandel herkennen',
      summary: 'De basis voor iedereen aan de balie, in het wijkteam of op straat.',
      kind: 'elearning',
      roles: ['frontline'],
      durationMinutes: 45,
      lessons: LESSONS('het werk aan de balie en in de wijk'),
    },
    {
      ...base,
      title: 'Mensenhandel in toezicht en handhaving',
      summary: 'Signalen bij controles van panden, bedrijven en vergunningen.',
      kind: 'elearning',
      roles: ['enforcement'],
      durationMinutes: 60,
      lessons: LESSONS('toezicht en handhaving'),
    },
    {
      ...base,
      title: 'Sociaal domein: van signaal naar zorg',
      summary: 'Hoe een signaal bij de zorgcoördinator komt en wat er daarna gebeurt.',
      kind: 'elearning',
      roles: ['social', 'frontline'],
      durationMinutes: 50,
      lessons: LESSONS('het sociaal domein'),
    },
    {
      ...base,
      title: 'Klassikale training regionale aanpak',
      summary: 'Een dagdeel met gemeenten uit de regio, bij een regionale bijeenkomst.',
      kind: 'classroom',
      roles: ['policy', 'management'],
      durationMinutes: 180,
      lessons: '',
      quiz: '',
      eventIds: alkmaarEventId ? [alkmaarEventId] : [],
    },
    {
      ...base,
      title: 'Leergang aanpak mensenhandel voor beleidsmakers',
      summary: 'Een leergang van een andere aanbieder over beleid en regie.',
      kind: 'external',
      roles: ['policy', 'management'],
      durationMinutes: 480,
      lessons: '',
      quiz: '',
      externalUrl: 'https://leergang.example.invalid/mensenhandel',
      provider: 'Opleidingsinstituut (voorbeeld)',
    },
  ];
}

const SPREAD = [
  'GM0363',
  'GM0599',
  'GM0518',
  'GM0344',
  'GM0772',
  'GM0855',
  'GM0758',
  'GM0014',
  'GM0193',
  'GM0153',
  'GM0361',
  'GM0400',
  'GM0034',
  'GM0106',
  'GM0392',
  'GM0546',
  'GM0505',
  'GM0513',
  'GM0718',
  'GM0342',
  'GM0865',
  'GM1895',
  'GM0622',
  'GM0202',
];

export async function loadAcademyDemo(deps: AppDeps, log: (line: string) => void): Promise<void> {
  if ((await selectCourses(deps.db, false)).length > 0) return;
  const alkmaar = (await listEvents(deps.db)).find((e) => e.title.includes('Alkmaar'));
  const ctx = { db: deps.db, actor: SYSTEM_ACTOR, now: deps.now() };
  const ids: number[] = [];
  for (const c of courses(alkmaar?.id ?? null)) ids.push(await createCourse(ctx, c));
  let n = 0;
  for (const [ci, courseId] of ids.entries()) {
    for (let i = 0; i < 30 - ci * 4; i++) {
      n += 1;
      const month = String(1 + (n % 10)).padStart(2, '0');
      const done = n % 3 !== 0;
      await insertEnrolment(deps.db, {
        course_id: courseId,
        user_id: null,
        municipality_code: SPREAD[(n * 7) % SPREAD.length],
        source: ci < 3 ? 'platform' : 'import',
        enrolled_at: `2019-${month}-05`,
        completed_at: done ? `2019-${month}-20` : null,
        score: done && ci < 3 ? 80 : null,
        certificate_code: null,
        certificate_name: null,
      });
    }
  }
  if (!(await findUserByEmail(deps.db, DEMO_LEARNER_EMAIL))) {
    const user = await createLearnerAccount(deps, SYSTEM_ACTOR, {
      email: DEMO_LEARNER_EMAIL,
      name: 'Demo Cursist',
      password: DEMO_LEARNER_PASSWORD,
    });
    await deps.db
      .insertInto('academy_learners')
      .values({ user_id: user.id, municipality_code: 'GM0361', created_at: deps.now().toISOString() })
      .execute();
    log(`Academy: cursist ${DEMO_LEARNER_EMAIL} / ${DEMO_LEARNER_PASSWORD}`);
  }
  log(`Academy: ${ids.length} demo-cursussen met ${n} inschrijvingen geladen.`);
}
