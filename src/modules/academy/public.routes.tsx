// Public academy pages: catalogue, course page, self sign-up (rate limited per address and per
// email, honeypot), confirming the email, and the public certificate verification.
import type { FastifyInstance } from 'fastify';
import { type AppDeps, todayOf } from '../../deps.ts';
import { AppError, errors } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { formValues } from '../../http/route-kit.ts';
import { parseInput } from '../../http/validate.ts';
import { atlasPublicCache, municipalitiesOn } from '../atlas/index.ts';
import { amsterdamDate, getPublicEvent } from '../events/index.ts';
import { isCertificateCode } from './academy.logic.ts';
import { COURSE_NOT_FOUND, courseContent, getCourseBySlug, listCourses } from './courses.service.ts';
import { confirmSignup, pendingSignup, signUp, verifyCertificate } from './learning.service.ts';
import { presentCourse } from './presenters.ts';
import { academyPublicCache } from './public-version.ts';
import { selectEnrolmentOf } from './queries.ts';
import { passwordForm, signupForm } from './schema.ts';
import { am } from './views/messages.ts';
import { CataloguePage, ConfirmPage, CoursePage, SignupPage, VerifyPage } from './views/public.tsx';

const PUBLIC = { permission: 'public' as const };
/** The catalogue and the course pages: anonymous answers kept by the public cache while the academy version holds. */
const CACHED = { permission: 'public', publicCache: academyPublicCache } as const;

export async function registerAcademyPublicRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/academy', { config: CACHED }, async (req, reply) => {
    const courses = (await listCourses(deps.db)).map((c) => presentCourse(c, req.locale));
    return sendPage(req, reply, { title: am(req.locale).title, cacheControl: 'public, max-age=60' }, <CataloguePage courses={courses} />);
  });

  app.get<{ Params: { slug: string } }>('/academy/cursussen/:slug', { config: CACHED }, async (req, reply) => {
    const course = await getCourseBySlug(deps.db, String(req.params.slug));
    if (course?.status !== 'published') throw errors.notFound(COURSE_NOT_FOUND);
    const { lessons } = await courseContent(deps.db, course);
    const learner =
      req.user?.role === 'learner' ? { enrolmentId: (await selectEnrolmentOf(deps.db, req.user.id, course.id))?.id ?? null } : null;
    const view = presentCourse(course, req.locale);
    const sessions = [];
    for (const id of view.eventIds) {
      const e = await getPublicEvent(deps.db, id);
      if (e) sessions.push({ id: e.id, title: e.title, date: amsterdamDate(e.starts_at) });
    }
    return sendPage(
      req,
      reply,
      {
        title: course.title,
        // Public for anonymous visitors only: a signed-in learner sees the enrol button (sendPage makes that answer private).
        cacheControl: 'public, max-age=60',
        breadcrumbs: [{ href: '/academy', label: am(req.locale).title }, { label: course.title }],
      },
      <CoursePage c={view} lessonTitles={lessons.map((l) => l.title)} learner={learner} sessions={sessions} />,
    );
  });

  registerSignupRoutes(app, deps);
}

async function municipalityOptionsOf(deps: AppDeps) {
  return (await municipalitiesOn(deps.db, todayOf(deps)))
    .map((m) => ({ value: m.code, label: m.name }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
}

function registerSignupRoutes(app: FastifyInstance, deps: AppDeps) {
  const municipalityOptions = () => municipalityOptionsOf(deps);

  // The form and its "sent" notice are the same for every anonymous visitor: kept by the public cache
  // (today's municipalities), the form posting without a CSRF token (ADR 0020).
  app.get('/academy/aanmelden', { config: { permission: 'public', publicCache: atlasPublicCache } }, async (req, reply) => {
    const sent = (req.query as Record<string, string>)?.klaar === '1';
    return sendPage(
      req,
      reply,
      { title: am(req.locale).signupTitle, cacheControl: 'public, max-age=300' },
      <SignupPage municipalities={await municipalityOptions()} values={{}} errors={[]} sent={sent} />,
    );
  });

  app.post(
    '/academy/aanmelden',
    { config: { permission: 'public', csrf: 'signed-in', rateLimit: { max: 10, timeWindow: '10 minutes' } } },
    async (req, reply) => {
      const values = formValues(req.body);
      if (values.website) return reply.redirect('/academy/aanmelden?klaar=1', 303);
      const render = async (errs: AppError['fields'], status: number) =>
        sendPage(
          req,
          reply,
          { title: am(req.locale).signupTitle, status },
          <SignupPage municipalities={await municipalityOptions()} values={values} errors={errs} sent={false} />,
        );
      const parsed = parseInput(signupForm, req.body);
      if (!parsed.ok) return render(parsed.errors, 400);
      try {
        await signUp(
          deps,
          { db: deps.db, actor: { userId: null, label: 'academy sign-up', requestId: req.id }, now: deps.now() },
          parsed.data,
        );
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        return render(err.fields.length ? err.fields : [{ field: '_', message: err.detail }], err.status);
      }
      return reply.redirect('/academy/aanmelden?klaar=1', 303);
    },
  );

  app.get<{ Params: { token: string } }>('/academy/bevestigen/:token', { config: { permission: 'token' } }, async (req, reply) => {
    const done = (req.query as Record<string, string>)?.klaar === '1';
    const valid = (await pendingSignup(deps.db, String(req.params.token), deps.now())) !== null;
    return sendPage(
      req,
      reply,
      { title: am(req.locale).confirmTitle, status: valid || done ? 200 : 404 },
      <ConfirmPage token={String(req.params.token)} valid={valid} errors={[]} done={done} />,
    );
  });

  app.post<{ Params: { token: string } }>(
    '/academy/bevestigen/:token',
    { config: { permission: 'token', rateLimit: { max: 10, timeWindow: '10 minutes' } } },
    async (req, reply) => {
      const token = String(req.params.token);
      const parsed = parseInput(passwordForm, req.body);
      if (!parsed.ok)
        return sendPage(
          req,
          reply,
          { title: am(req.locale).confirmTitle, status: 400 },
          <ConfirmPage token={token} valid errors={parsed.errors} done={false} />,
        );
      await confirmSignup(
        deps,
        { db: deps.db, actor: { userId: null, label: 'academy sign-up', requestId: req.id }, now: deps.now() },
        token,
        parsed.data.password,
      );
      return reply.redirect(`/academy/bevestigen/${token}?klaar=1`, 303);
    },
  );

  registerVerifyRoute(app, deps);
}

function registerVerifyRoute(app: FastifyInstance, deps: AppDeps) {
  app.get<{ Params: { code: string } }>('/academy/certificaat/:code', { config: PUBLIC }, async (req, reply) => {
    const code = String(req.params.code).toUpperCase();
    const found = isCertificateCode(code) ? await verifyCertificate(deps.db, code) : null;
    reply.header('x-robots-tag', 'noindex');
    return sendPage(req, reply, { title: am(req.locale).verifyTitle, status: found ? 200 : 404 }, <VerifyPage code={code} found={found} />);
  });
}
