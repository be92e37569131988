// The learner's own routes (permission `learner`): enrol, lessons, the quiz, the certificate PDF,
// "my courses", the download of their data and deleting it; and a municipality's own counts.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type AppDeps, todayOf } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { currentUser, idParam, serviceCtx } from '../../http/route-kit.ts';
import { getMunicipality } from '../atlas/index.ts';
import { certificatePdf } from './certificate.ts';
import { COURSE_NOT_FOUND, courseContent, getCourseBySlug } from './courses.service.ts';
import { completeLesson, enrol, learnerMunicipality, ownEnrolment, submitQuiz } from './learning.service.ts';
import { deleteMyData, myData } from './mydata.service.ts';
import { selectCourse, selectEnrolmentsOfUser, selectProgress } from './queries.ts';
import { academyReach, courseTitles } from './reach.service.ts';
import { LessonPage, MunicipalityPage, MyPage, QuizPage } from './views/learn.tsx';
import { am } from './views/messages.ts';

const LEARNER = { permission: 'learner' as const };

async function enrolmentOf(deps: AppDeps, req: FastifyRequest) {
  const e = await ownEnrolment(deps.db, currentUser(req).id, idParam(req));
  const course = (await selectCourse(deps.db, e.course_id))!;
  return { e, course, content: await courseContent(deps.db, course) };
}

export async function registerLearnerRoutes(app: FastifyInstance, deps: AppDeps) {
  app.post('/academy/inschrijven', { config: LEARNER }, async (req, reply) => {
    const user = currentUser(req);
    const slug = String((req.body as Record<string, unknown>)?.course ?? '');
    const course = await getCourseBySlug(deps.db, slug);
    if (!course) throw errors.notFound(COURSE_NOT_FOUND);
    const id = await enrol(serviceCtx(req, deps), user.id, await learnerMunicipality(deps.db, user.id, user.municipalityCode), course.id);
    return reply.redirect(`/academy/leren/${id}/les/1`, 303);
  });

  app.get('/academy/leren/:id/les/:position', { config: LEARNER }, async (req, reply) => {
    const { e, course, content } = await enrolmentOf(deps, req);
    const position = idParam(req, 'position');
    const l = content.lessons.find((x) => x.position === position);
    if (!l) throw errors.notFound({ nl: 'Deze les bestaat niet.', en: 'This lesson does not exist.' });
    const done = (await selectProgress(deps.db, e.id)).some((p) => Number(p.lesson_id) === l.id);
    const lesson = { position, title: l.title, body: l.body, imageUrl: l.image_url, imageAlt: l.image_alt, videoUrl: l.video_url };
    return sendPage(
      req,
      reply,
      { title: `${l.title} — ${course.title}` },
      <LessonPage course={course.title} enrolmentId={e.id} lesson={lesson} total={content.lessons.length} done={done} />,
    );
  });

  app.post('/academy/leren/:id/les/:position', { config: LEARNER }, async (req, reply) => {
    const user = currentUser(req);
    const position = idParam(req, 'position');
    const { e, content } = await enrolmentOf(deps, req);
    await completeLesson(serviceCtx(req, deps), user.id, e.id, position);
    const next = position < content.lessons.length ? `les/${position + 1}` : 'toets';
    return reply.redirect(`/academy/leren/${e.id}/${next}`, 303);
  });

  app.get('/academy/leren/:id/toets', { config: LEARNER }, async (req, reply) => {
    const { e, course, content } = await enrolmentOf(deps, req);
    const result = e.completed_at ? { score: e.score ?? 100, passed: true, certificateCode: e.certificate_code } : null;
    return sendPage(
      req,
      reply,
      { title: `${am(req.locale).quiz}: ${course.title}` },
      <QuizPage
        course={course.title}
        enrolmentId={e.id}
        passMark={course.pass_mark}
        questions={content.questions}
        errors={[]}
        result={result}
      />,
    );
  });

  app.post('/academy/leren/:id/toets', { config: LEARNER }, async (req, reply) => {
    const user = currentUser(req);
    const { e, course, content } = await enrolmentOf(deps, req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const answers = content.questions.map((_, i) => {
      const n = Number(body[`q${i}`]);
      return Number.isInteger(n) && n >= 0 ? n : null;
    });
    const outcome = await submitQuiz(serviceCtx(req, deps), { id: user.id, name: user.name }, e.id, answers);
    return sendPage(
      req,
      reply,
      { title: `${am(req.locale).quiz}: ${course.title}`, status: outcome.passed ? 200 : 422 },
      <QuizPage
        course={course.title}
        enrolmentId={e.id}
        passMark={course.pass_mark}
        questions={content.questions}
        errors={[]}
        result={outcome}
      />,
    );
  });

  registerOwnDataRoutes(app, deps);
}

function registerOwnDataRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/academy/leren/:id/certificaat.pdf', { config: LEARNER }, async (req, reply) => {
    const { e, course } = await enrolmentOf(deps, req);
    if (!e.certificate_code || !e.completed_at)
      throw errors.notFound({ nl: 'Er is (nog) geen certificaat voor deze cursus.', en: 'There is no certificate for this course (yet).' });
    const pdf = await certificatePdf({
      name: e.certificate_name ?? '',
      course: course.title,
      date: e.completed_at,
      code: e.certificate_code,
      verifyUrl: `${deps.config.publicBaseUrl}/academy/certificaat/${e.certificate_code}`,
    });
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="certificaat-${course.slug}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(pdf);
  });

  app.get('/academy/mijn', { config: LEARNER }, async (req, reply) => {
    const user = currentUser(req);
    const titles = await courseTitles(deps.db);
    const courses = await Promise.all(
      (await selectEnrolmentsOfUser(deps.db, user.id)).map(async (e) => {
        const course = (await selectCourse(deps.db, e.course_id))!;
        const total = (await courseContent(deps.db, course)).lessons.length;
        return {
          enrolmentId: e.id,
          title: titles.get(Number(e.course_id)) ?? '',
          slug: course.slug,
          done: (await selectProgress(deps.db, e.id)).length,
          total,
          completedAt: e.completed_at,
          hasCertificate: e.certificate_code !== null,
          source: e.source,
        };
      }),
    );
    return sendPage(req, reply, { title: am(req.locale).myTitle }, <MyPage name={user.name ?? user.email} courses={courses} errors={[]} />);
  });

  app.get('/academy/mijn/gegevens.json', { config: LEARNER }, async (req, reply) => {
    const user = currentUser(req);
    reply.header('content-disposition', 'attachment; filename="mijn-gegevens-academy.json"').header('cache-control', 'private, no-store');
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(await myData(deps.db, user), null, 2));
  });

  app.post('/academy/mijn/verwijderen', { config: LEARNER }, async (req, reply) => {
    const user = currentUser(req);
    if (
      String((req.body as Record<string, unknown>)?.confirm ?? '')
        .trim()
        .toUpperCase() !== 'VERWIJDER'
    ) {
      const message = { nl: 'Typ VERWIJDER om te bevestigen dat u alles wilt wissen.', en: 'Type VERWIJDER to confirm.' };
      return sendPage(
        req,
        reply,
        { title: am(req.locale).myTitle, status: 400 },
        <MyPage name={user.name ?? user.email} courses={[]} errors={[{ field: 'confirm', message }]} />,
      );
    }
    await deleteMyData(deps, user);
    return reply.redirect('/academy?verwijderd=1', 303);
  });

  registerMunicipalityRoute(app, deps);
}

function registerMunicipalityRoute(app: FastifyInstance, deps: AppDeps) {
  app.get('/academy/mijn-gemeente', { config: { permission: 'municipality' } }, async (req, reply) => {
    const code = currentUser(req).municipalityCode;
    if (!code) throw errors.forbidden();
    const today = todayOf(deps);
    const from = `${Number(today.slice(0, 4)) - 3}${today.slice(4)}`;
    const titles = await courseTitles(deps.db);
    const rows = (await academyReach(deps.db, { from, to: today, municipalityCode: code })).map((r) => ({
      course: titles.get(r.courseId) ?? '',
      enrolments: r.enrolments,
      completions: r.completions,
    }));
    const name = (await getMunicipality(deps.db, code, today))?.name ?? code;
    return sendPage(
      req,
      reply,
      { title: am(req.locale).municipalityTitle },
      <MunicipalityPage name={name} code={code} from={from} to={today} rows={rows} />,
    );
  });
}
