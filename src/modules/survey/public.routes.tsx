// Public routes: /enquetes (published surveys), /enquetes/{slug} (results as shown outside the staff
// area: small groups hidden, no open answers) with aggregated CSV/XLSX downloads; and
// /mijn-gemeente/enquetes for a signed-in municipality. Anonymous responses carry an ETag per
// results version and threshold.
import ExcelJS from 'exceljs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type AppDeps, todayOf } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { conditionalGet, etagFor } from '../../http/http-cache.ts';
import { sendPage } from '../../http/render.tsx';
import { getMunicipality } from '../atlas/index.ts';
import { toCsv } from './csv.logic.ts';
import { aggregatedRows } from './export.logic.ts';
import { selectInvitation } from './invitations.queries.ts';
import { surveyPublicCache } from './public-version.ts';
import { selectResponses } from './responses.queries.ts';
import { surveyResults, tracking } from './results.service.ts';
import { suppressionThreshold } from './settings.service.ts';
import { listSurveys, requireSurvey, surveyBySlug } from './surveys.service.ts';
import { questionsOf, type SurveyDef } from './types.ts';
import { L, T } from './views/common.tsx';
import { MySurveysPage, PublicResultsPage, PublishedListPage } from './views/public.tsx';

/** Anonymous answers kept by the public cache while the survey version holds (./public-version.ts). */
const PUBLIC = { permission: 'public', publicCache: surveyPublicCache } as const;
const CACHE = 'public, max-age=300';

async function published(deps: AppDeps, req: FastifyRequest): Promise<SurveyDef> {
  const slug = String((req.params as { slug?: string }).slug ?? '');
  const summary = /^[a-z0-9-]{1,60}$/.test(slug) ? await surveyBySlug(deps.db, slug) : null;
  if (summary?.status !== 'published')
    throw errors.notFound({
      nl: 'Deze enquête bestaat niet of is nog niet gepubliceerd.',
      en: 'This survey does not exist or has not been published.',
    });
  return requireSurvey(deps.db, summary.id);
}

/** 304 when the anonymous client has this version; for signed-in users nothing is cached. */
async function fresh(deps: AppDeps, req: FastifyRequest, reply: FastifyReply, survey: SurveyDef, kind: string): Promise<boolean> {
  if (req.user) return false;
  const tag = etagFor(
    `${survey.id}|${survey.resultsVersion}|${await suppressionThreshold(deps.db)}|${kind}|${req.locale}|${req.server.assets.css}`,
  );
  if (conditionalGet(req, reply, tag, { maxAge: 300 })) {
    reply.send();
    return true;
  }
  return false;
}

export async function registerPublicRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/enquetes', { config: PUBLIC }, async (req, reply) =>
    sendPage(
      req,
      reply,
      { title: L(req.locale, 'Enquêtes', 'Surveys'), cacheControl: CACHE },
      <PublishedListPage locale={req.locale} surveys={await listSurveys(deps.db, ['published'])} />,
    ),
  );

  app.get('/enquetes/:slug', { config: PUBLIC }, async (req, reply) => {
    const survey = await published(deps, req);
    if (await fresh(deps, req, reply, survey, 'page')) return reply;
    const [results, t] = await Promise.all([surveyResults(deps.db, survey, { staff: false }), tracking(deps.db, survey, todayOf(deps))]);
    return sendPage(
      req,
      reply,
      {
        title: T(req.locale, survey.title),
        cacheControl: CACHE,
        description: L(
          req.locale,
          'Resultaten van de enquête onder alle gemeenten over hun aanpak van mensenhandel.',
          'Results of the survey of all municipalities.',
        ),
      },
      <PublicResultsPage locale={req.locale} survey={survey} results={results} rate={t.total} />,
    );
  });

  app.get('/enquetes/:slug/resultaten.csv', { config: PUBLIC }, async (req, reply) => {
    const survey = await published(deps, req);
    if (await fresh(deps, req, reply, survey, 'csv')) return reply;
    const rows = aggregatedRows(questionsOf(survey), await surveyResults(deps.db, survey, { staff: false }), 'nl');
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="resultaten-${survey.slug}.csv"`)
      .header('cache-control', CACHE)
      .send(toCsv(rows));
  });

  app.get('/enquetes/:slug/resultaten.xlsx', { config: PUBLIC }, async (req, reply) => {
    const survey = await published(deps, req);
    if (await fresh(deps, req, reply, survey, 'xlsx')) return reply;
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Resultaten');
    for (const row of aggregatedRows(questionsOf(survey), await surveyResults(deps.db, survey, { staff: false }), 'nl')) sheet.addRow(row);
    sheet.getRow(1).font = { bold: true };
    const body = Buffer.from(await wb.xlsx.writeBuffer());
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="resultaten-${survey.slug}.xlsx"`)
      .header('cache-control', CACHE)
      .send(body);
  });

  registerMine(app, deps);
}

function registerMine(app: FastifyInstance, deps: AppDeps) {
  app.get('/mijn-gemeente/enquetes', { config: { permission: 'municipality' } }, async (req, reply) => {
    const code = req.user?.municipalityCode;
    if (!code) throw errors.forbidden();
    const all = await listSurveys(deps.db, ['open', 'closed', 'published']);
    const surveys = [];
    const states = new Map<number, string>();
    for (const s of all) {
      if (!(await selectInvitation(deps.db, s.id, code))) continue;
      surveys.push(s);
      const r = (await selectResponses(deps.db, s.id)).find((x) => x.municipality_code === code);
      states.set(
        s.id,
        r?.status === 'submitted'
          ? L(req.locale, 'ingediend', 'submitted')
          : r
            ? L(req.locale, 'begonnen', 'started')
            : L(req.locale, 'nog niet begonnen', 'not started'),
      );
    }
    const name = (await getMunicipality(deps.db, code))?.name ?? code;
    return sendPage(
      req,
      reply,
      { title: L(req.locale, 'Enquêtes van mijn gemeente', 'My municipality’s surveys') },
      <MySurveysPage locale={req.locale} code={code} name={name} surveys={surveys} states={states} />,
    );
  });
}
