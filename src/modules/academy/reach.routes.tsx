// Reach of the academy (staff): enrolments and completions per municipality, course and period on
// a map, and as CSV and XLSX; and the API: /api/v1/courses (public) and /api/v1/reach (staff).
import ExcelJS from 'exceljs';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type AppDeps, todayOf } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { rangeError } from '../../http/route-kit.ts';
import { parseInput, parseOrThrow } from '../../http/validate.ts';
import { municipalitiesOn } from '../atlas/index.ts';
import { attendanceByMunicipality, reachMap } from '../events/index.ts';
import { courseContent, listCourses } from './courses.service.ts';
import { presentApiCourse } from './presenters.ts';
import { academyPublicCache } from './public-version.ts';
import { academyReach, courseTitles } from './reach.service.ts';
import { periodQuery } from './schema.ts';
import { AcademyReachPage } from './views/staff.tsx';

const STAFF = { permission: 'staff' as const };
const DOCS_ONLY = { validatorCompiler: () => () => true, serializerCompiler: () => (data: unknown) => JSON.stringify(data) };

function periodOf(req: FastifyRequest, today: string) {
  const parsed = parseInput(periodQuery, req.query);
  const lastYear = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  const course = Number((req.query as Record<string, string>)?.course) || undefined;
  if (!parsed.ok) return { from: lastYear, to: today, course, errors: parsed.errors };
  const from = parsed.data.from ?? lastYear;
  const to = parsed.data.to ?? today;
  return { from, to, course, errors: from > to ? [rangeError('to')] : [] };
}

async function reachRows(deps: AppDeps, p: { from: string; to: string; course?: number }) {
  const [titles, municipalities] = await Promise.all([courseTitles(deps.db), municipalitiesOn(deps.db, p.to)]);
  const names = new Map(municipalities.map((m) => [m.code, m.name]));
  return (await academyReach(deps.db, { from: p.from, to: p.to, courseId: p.course }))
    .map((r) => ({
      code: r.municipalityCode,
      name: names.get(r.municipalityCode) ?? r.municipalityCode,
      courseId: r.courseId,
      course: titles.get(r.courseId) ?? '',
      enrolments: r.enrolments,
      completions: r.completions,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.course.localeCompare(b.course, 'nl'));
}

const HEADER = ['gemeente_code', 'gemeente', 'cursus', 'inschrijvingen', 'afgerond'];

export async function registerAcademyReachRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/beheer/academy/bereik', { config: STAFF }, async (req, reply) => {
    const p = periodOf(req, todayOf(deps));
    const rows = p.errors.length ? [] : await reachRows(deps, p);
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.code, (counts.get(r.code) ?? 0) + r.completions);
    const map = await reachMap(
      deps.db,
      p.to,
      counts,
      {
        id: 'academy-reach',
        title: { nl: 'Afgeronde cursussen per gemeente', en: 'Courses completed per municipality' },
        unit: { nl: 'afgerond', en: 'completed' },
      },
      req.locale,
    );
    const courses = (await listCourses(deps.db, false)).map((c) => ({ value: String(c.id), label: c.title }));
    const query = new URLSearchParams({ from: p.from, to: p.to, ...(p.course ? { course: String(p.course) } : {}) }).toString();
    return sendPage(
      req,
      reply,
      { title: 'Bereik van de academy', status: p.errors.length ? 400 : 200 },
      <AcademyReachPage
        from={p.from}
        to={p.to}
        courseId={p.course ? String(p.course) : ''}
        courses={courses}
        errors={p.errors}
        svg={map.svg}
        legend={map.legend}
        counts={map.counts}
        rows={rows}
        query={query}
      />,
    );
  });

  app.get('/beheer/academy/bereik.csv', { config: STAFF }, async (req, reply) => {
    const p = periodOf(req, todayOf(deps));
    if (p.errors.length) throw errors.validation(p.errors);
    const quote = (v: string | number) => (typeof v === 'number' ? String(v) : `"${v.replace(/"/g, '""')}"`);
    const lines = [
      HEADER.join(','),
      ...(await reachRows(deps, p)).map((r) => [r.code, r.name, r.course, r.enrolments, r.completions].map(quote).join(',')),
    ];
    reply.header('content-disposition', `attachment; filename="academy-bereik-${p.from}-${p.to}.csv"`);
    return reply.type('text/csv; charset=utf-8').send(`\uFEFF${lines.join('\r\n')}\r\n`);
  });

  app.get('/beheer/academy/bereik.xlsx', { config: STAFF }, async (req, reply) => {
    const p = periodOf(req, todayOf(deps));
    if (p.errors.length) throw errors.validation(p.errors);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Bereik');
    sheet.addRow(HEADER);
    for (const r of await reachRows(deps, p)) sheet.addRow([r.code, r.name, r.course, r.enrolments, r.completions]);
    reply.header('content-disposition', `attachment; filename="academy-bereik-${p.from}-${p.to}.xlsx"`);
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(Buffer.from(await book.xlsx.writeBuffer()));
  });

  registerAcademyApi(app, deps);
}

function registerAcademyApi(app: FastifyInstance, deps: AppDeps) {
  const course = {
    type: 'object',
    properties: {
      id: { type: 'integer' },
      slug: { type: 'string' },
      title: { type: 'string' },
      summary: { type: 'string' },
      kind: { type: 'string', enum: ['elearning', 'classroom', 'external'] },
      roles: { type: 'array', items: { type: 'string' } },
      lessons: { type: 'integer' },
      durationMinutes: { type: 'integer' },
      passMark: { type: ['integer', 'null'] },
      externalUrl: { type: ['string', 'null'] },
      provider: { type: ['string', 'null'] },
      url: { type: 'string' },
    },
  };
  app.get(
    '/api/v1/courses',
    {
      config: { permission: 'public', publicCache: academyPublicCache },
      ...DOCS_ONLY,
      schema: {
        tags: ['academy'],
        summary: 'De cursussen van de Mensenhandel Academy',
        description: 'Openbare gegevens van de gepubliceerde cursussen.',
        response: { 200: { type: 'object', properties: { data: { type: 'array', items: course } } } },
      },
    },
    async (_req, reply) => {
      const courses = await listCourses(deps.db);
      const data = await Promise.all(
        courses.map(async (c) => presentApiCourse(c, deps.config.publicBaseUrl, (await courseContent(deps.db, c)).lessons.length)),
      );
      reply.header('cache-control', 'public, max-age=60');
      return { data };
    },
  );

  registerReachApi(app, deps);
}

function registerReachApi(app: FastifyInstance, deps: AppDeps) {
  const row = {
    type: 'object',
    properties: {
      municipalityCode: { type: 'string' },
      name: { type: 'string' },
      attendance: { type: 'integer', description: 'Aanwezigen bij bijeenkomsten' },
      events: { type: 'integer' },
      enrolments: { type: 'integer' },
      completions: { type: 'integer' },
    },
  };
  const date = { type: 'string', format: 'date', description: 'JJJJ-MM-DD (inclusief)' };
  app.get(
    '/api/v1/reach',
    {
      config: { permission: 'staff' },
      ...DOCS_ONLY,
      schema: {
        tags: ['academy'],
        summary: 'Bereik per gemeente (medewerkers)',
        description:
          'Per gemeente: aanwezigen bij bijeenkomsten, inschrijvingen en afgeronde cursussen in de periode. Vereist een persoonlijk API-token van een medewerker.',

        querystring: { type: 'object', properties: { from: date, to: date } },
        response: {
          200: {
            type: 'object',
            properties: {
              data: { type: 'array', items: row },
              meta: { type: 'object', properties: { from: { type: 'string' }, to: { type: 'string' } } },
            },
          },
        },
      },
    },
    async (req) => {
      const q = parseOrThrow(periodQuery, req.query);
      const to = q.to ?? todayOf(deps);
      const from = q.from ?? `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
      if (from > to) throw errors.validation([rangeError('to')]);
      const [attendance, academy, municipalities] = await Promise.all([
        attendanceByMunicipality(deps.db, from, to),
        academyReach(deps.db, { from, to }),
        municipalitiesOn(deps.db, to),
      ]);
      const names = new Map(municipalities.map((m) => [m.code, m.name]));
      const per = new Map<
        string,
        { municipalityCode: string; name: string; attendance: number; events: number; enrolments: number; completions: number }
      >();
      const entry = (code: string) =>
        per.get(code) ??
        per
          .set(code, { municipalityCode: code, name: names.get(code) ?? code, attendance: 0, events: 0, enrolments: 0, completions: 0 })
          .get(code)!;
      for (const [code, a] of attendance) Object.assign(entry(code), { attendance: a.people, events: a.events });
      for (const r of academy) {
        const e = entry(r.municipalityCode);
        e.enrolments += r.enrolments;
        e.completions += r.completions;
      }
      return { data: [...per.values()].sort((a, b) => a.municipalityCode.localeCompare(b.municipalityCode)), meta: { from, to } };
    },
  );
}
