// Staff pages of the academy: courses (create, change) and importing external completions.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { AppError, errors, type FieldError } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { formValues, idParam, serviceCtx } from '../../http/route-kit.ts';
import { parseInput } from '../../http/validate.ts';
import { parseCompletionsCsv } from './academy.logic.ts';
import { COURSE_NOT_FOUND, changeCourse, courseContent, createCourse, getCourse, listCourses } from './courses.service.ts';
import { importCompletions, planImport } from './import.service.ts';
import { presentCourse } from './presenters.ts';
import type { CourseRow } from './queries.ts';
import { courseForm, importForm } from './schema.ts';
import { CourseFormPage, ImportPage, StaffCoursesPage } from './views/staff.tsx';

const STAFF = { permission: 'staff' as const };

async function formValuesOf(deps: AppDeps, c: CourseRow): Promise<Record<string, string>> {
  const { lessons, questions } = await courseContent(deps.db, c);
  const lessonText = lessons
    .map((l) =>
      [
        `# ${l.title}`,
        l.body,
        l.video_url ? `Video: ${l.video_url}` : '',
        l.image_url ? `Afbeelding: ${l.image_url} | ${l.image_alt ?? ''}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    )
    .join('\n\n');
  const quizText = questions
    .map((q) => [`? ${q.text}`, ...q.options.map((o, i) => `${i === q.correct ? '*' : '-'} ${o}`)].join('\n'))
    .join('\n');
  return {
    title: c.title,
    summary: c.summary,
    kind: c.kind,
    roles: c.roles,
    externalUrl: c.external_url ?? '',
    provider: c.provider ?? '',
    eventIds: c.event_ids,
    passMark: String(c.pass_mark),
    durationMinutes: String(c.duration_minutes),
    lessons: lessonText,
    quiz: quizText,
    status: c.status,
  };
}

async function saveCourse(
  req: FastifyRequest,
  reply: FastifyReply,
  o: { action: string; heading: string },
  write: (input: ReturnType<typeof courseForm.parse>) => Promise<number>,
) {
  const values = formValues(req.body);
  const render = (errs: FieldError[], status: number) =>
    sendPage(
      req,
      reply,
      { title: o.heading, status },
      <CourseFormPage action={o.action} heading={o.heading} values={values} errors={errs} />,
    );
  const parsed = parseInput(courseForm, req.body);
  if (!parsed.ok) return render(parsed.errors, 400);
  try {
    await write(parsed.data);
  } catch (err) {
    if (!(err instanceof AppError) || err.status >= 500) throw err;
    return render(err.fields.length ? err.fields : [{ field: '_', message: err.detail }], err.status);
  }
  return reply.redirect('/beheer/academy', 303);
}

export async function registerAcademyStaffRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/beheer/academy', { config: STAFF }, async (req, reply) => {
    const courses = (await listCourses(deps.db, false)).map((c) => ({ ...presentCourse(c, req.locale), status: c.status }));
    return sendPage(req, reply, { title: 'Academy' }, <StaffCoursesPage courses={courses} />);
  });
  app.get('/beheer/academy/cursussen/nieuw', { config: STAFF }, async (req, reply) =>
    sendPage(
      req,
      reply,
      { title: 'Nieuwe cursus' },
      <CourseFormPage action="/beheer/academy/cursussen/nieuw" heading="Nieuwe cursus" values={{}} errors={[]} />,
    ),
  );
  app.post('/beheer/academy/cursussen/nieuw', { config: STAFF }, async (req, reply) =>
    saveCourse(req, reply, { action: '/beheer/academy/cursussen/nieuw', heading: 'Nieuwe cursus' }, (input) =>
      createCourse(serviceCtx(req, deps), input),
    ),
  );
  app.get('/beheer/academy/cursussen/:id', { config: STAFF }, async (req, reply) => {
    const c = await getCourse(deps.db, idParam(req));
    if (!c) throw errors.notFound(COURSE_NOT_FOUND);
    return sendPage(
      req,
      reply,
      { title: c.title },
      <CourseFormPage action={`/beheer/academy/cursussen/${c.id}`} heading={c.title} values={await formValuesOf(deps, c)} errors={[]} />,
    );
  });
  app.post('/beheer/academy/cursussen/:id', { config: STAFF }, async (req, reply) => {
    const c = await getCourse(deps.db, idParam(req));
    if (!c) throw errors.notFound(COURSE_NOT_FOUND);
    return saveCourse(req, reply, { action: `/beheer/academy/cursussen/${c.id}`, heading: c.title }, async (input) => {
      await changeCourse(serviceCtx(req, deps), c.id, input);
      return c.id;
    });
  });

  app.get('/beheer/academy/import', { config: STAFF }, async (req, reply) =>
    sendPage(req, reply, { title: 'Import' }, <ImportPage csv="" errors={[]} plan={null} imported={false} />),
  );
  app.post('/beheer/academy/import', { config: STAFF }, async (req, reply) => {
    const csv = formValues(req.body).csv ?? '';
    const render = (errs: FieldError[], plan: Awaited<ReturnType<typeof planImport>> | null, imported: boolean, status: number) =>
      sendPage(req, reply, { title: 'Import', status }, <ImportPage csv={csv} errors={errs} plan={plan} imported={imported} />);
    const parsed = parseInput(importForm, req.body);
    if (!parsed.ok) return render(parsed.errors, null, false, 400);
    const rows = parseCompletionsCsv(parsed.data.csv);
    if (!rows.ok) return render([{ field: 'csv', message: rows.message }], null, false, 400);
    if (parsed.data.action === 'check') return render([], await planImport({ db: deps.db }, rows.value), false, 200);
    return render([], await importCompletions(serviceCtx(req, deps), rows.value), true, 200);
  });
}
