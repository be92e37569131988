// How the permission walk (test/permissions.test.ts, test/ownership.test.ts) calls the academy's
// routes (convention: test/helpers/walk.ts). Learner routes act on the learner's own enrolments.
import type { ExampleContext, RouteExamples } from '../../../test/helpers/walk.ts';
import { SYSTEM_ACTOR } from '../../http/request-user.ts';
import { newCertificateCode } from './academy.logic.ts';
import { createCourse } from './courses.service.ts';
import { createPendingSignup, enrol } from './learning.service.ts';
import { insertEnrolment, selectCourse } from './queries.ts';
import type { CourseInput } from './schema.ts';

let n = 0;
const course = (): CourseInput => ({
  title: `Walk-cursus ${++n}`,
  summary: 'Voor de permissietest.',
  kind: 'elearning',
  roles: ['frontline'],
  externalUrl: undefined,
  provider: undefined,
  eventIds: [],
  passMark: 50,
  durationMinutes: 20,
  lessons: '# Les een\nTekst.\n# Les twee\nMeer tekst.',
  quiz: '? Vraag\n- fout\n* goed',
  status: 'published',
});

const system = (ctx: ExampleContext) => ({ db: ctx.deps.db, actor: SYSTEM_ACTOR, now: ctx.deps.now() });
const sharedCourse = (ctx: ExampleContext) => ctx.shared('academy:course', () => createCourse(system(ctx), course()));
const slugOf = async (ctx: ExampleContext, id: number) => (await selectCourse(ctx.deps.db, id))!.slug;

/** An enrolment of the signed-in learner (walk: each user gets their own). */
async function ownEnrolment(ctx: ExampleContext) {
  const user = ctx.user!;
  return enrol(ctx.service, user.id, user.municipalityCode, await sharedCourse(ctx));
}

/** A completed enrolment with a certificate (of the signed-in learner, or nobody's for the public page). */
async function certified(ctx: ExampleContext, userId: number | null) {
  const code = newCertificateCode();
  const id = await insertEnrolment(ctx.deps.db, {
    course_id: await sharedCourse(ctx),
    user_id: userId,
    municipality_code: 'GM0363',
    source: 'platform',
    enrolled_at: '2019-09-01',
    completed_at: '2019-09-02',
    score: 100,
    certificate_code: code,
    certificate_name: 'Walk Cursist',
  });
  return { id, code };
}

const pending = (ctx: ExampleContext) =>
  createPendingSignup(
    ctx.deps.db,
    { email: `walk-signup-${++n}-${process.pid}@example.org`, name: 'Walk Aanmelder', municipality: 'GM0363' },
    ctx.deps.now(),
  );

export const routeExamples: RouteExamples = {
  'GET /academy/cursussen/:slug': async (ctx) => ({ params: { slug: await slugOf(ctx, await sharedCourse(ctx)) } }),
  'POST /academy/aanmelden': async () => ({
    body: { name: 'Walk Aanmelder', email: `walk-${++n}-${process.pid}@example.org`, municipality: 'GM0363' },
  }),
  'GET /academy/bevestigen/:token': async (ctx) => ({ params: { token: await pending(ctx) } }),
  'POST /academy/bevestigen/:token': async (ctx) => ({
    params: { token: await pending(ctx) },
    body: { password: 'een lange zin als wachtwoord' },
  }),
  'GET /academy/certificaat/:code': async (ctx) => ({
    params: { code: (await ctx.shared('academy:certificate', () => certified(ctx, null))).code },
  }),

  'POST /academy/inschrijven': async (ctx) => ({ body: { course: await slugOf(ctx, await createCourse(system(ctx), course())) } }),
  'GET /academy/leren/:id/les/:position': async (ctx) => ({ params: { id: await ownEnrolment(ctx), position: 1 } }),
  'POST /academy/leren/:id/les/:position': async (ctx) => ({ params: { id: await ownEnrolment(ctx), position: 1 } }),
  'GET /academy/leren/:id/toets': async (ctx) => ({ params: { id: await ownEnrolment(ctx) } }),
  'POST /academy/leren/:id/toets': async (ctx) => ({ params: { id: await ownEnrolment(ctx) }, body: { q0: '1' }, status: 200 }),
  'GET /academy/leren/:id/certificaat.pdf': async (ctx) => ({ params: { id: (await certified(ctx, ctx.user!.id)).id } }),
  'GET /academy/mijn': async (ctx) => ({ ownerMark: ctx.user!.name }),
  'GET /academy/mijn/gegevens.json': async (ctx) => ({ ownerMark: ctx.user!.email }),
  'POST /academy/mijn/verwijderen': async (ctx) => {
    await ctx.freshUser();
    return { body: { confirm: 'VERWIJDER' } };
  },
  'GET /academy/mijn-gemeente': async (ctx) => ({ ownerMark: ctx.user!.municipalityCode! }),

  'POST /beheer/academy/cursussen/nieuw': async () => ({
    body: {
      title: `Walk nieuwe cursus ${++n}`,
      summary: 'x',
      kind: 'external',
      roles: 'policy',
      externalUrl: 'https://example.org/c',
      passMark: '70',
      durationMinutes: '60',
      status: 'published',
    },
  }),
  'GET /beheer/academy/cursussen/:id': async (ctx) => ({ params: { id: await sharedCourse(ctx) } }),
  'POST /beheer/academy/cursussen/:id': async (ctx) => ({
    params: { id: await createCourse(system(ctx), course()) },
    body: {
      title: 'Gewijzigde walk-cursus',
      summary: 'y',
      kind: 'elearning',
      roles: ['frontline', 'social'],
      passMark: '60',
      durationMinutes: '25',
      lessons: '# Les\nTekst.',
      quiz: '',
      status: 'draft',
    },
  }),
  'POST /beheer/academy/import': async () => ({
    body: { csv: 'email;cursus;datum\nniemand@example.org;x;2019-01-01', action: 'check' },
    status: 200,
  }),
};
