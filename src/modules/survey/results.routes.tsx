// Staff routes of a round's outcome: tracking (chart, groups, map, non-responders), results (all
// figures and the open answers), the export with its codebook, and the feedback reports (batch
// with progress, a preview per municipality as HTML and PDF).
import ExcelJS from 'exceljs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type AppDeps, todayOf } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { idParam, serviceCtx } from '../../http/route-kit.ts';
import type { Locale } from '../../i18n.ts';
import { categoricalStyle, countByClass, type LegendClass, renderChoropleth } from '../../views/choropleth/index.ts';
import { boundariesOn } from '../atlas/index.ts';
import { toCsv } from './csv.logic.ts';
import { codebookRows, exportRows } from './export.logic.ts';
import { selectInvitations } from './invitations.queries.ts';
import { groupedOf } from './invitations.service.ts';
import { reportsProgress, startReports } from './jobs.ts';
import { reportPdf } from './report-pdf.ts';
import { liveReport } from './reports.service.ts';
import { countReports, selectResponses } from './responses.queries.ts';
import { surveyResults, type Tracking, textAnswers, tracking } from './results.service.ts';
import { requireSurvey } from './surveys.service.ts';
import { questionsOf, type SurveyDef } from './types.ts';
import { L, staffCrumbs, T } from './views/common.tsx';
import { ReportView } from './views/report.tsx';
import { ReportsPage } from './views/reports.tsx';
import { ResultsBody } from './views/results.tsx';
import { TrackingPage } from './views/tracking.tsx';

const STAFF = { permission: 'staff' as const };

export async function responseMap(deps: AppDeps, survey: SurveyDef, t: Tracking, locale: Locale) {
  const legend: LegendClass[] = [
    { key: 'submitted', label: { nl: 'Ingediend', en: 'Submitted' }, ...categoricalStyle(2) },
    { key: 'started', label: { nl: 'Begonnen, niet ingediend', en: 'Started, not submitted' }, ...categoricalStyle(5) },
    { key: 'none', label: { nl: 'Niet begonnen', en: 'Not started' }, fill: '#f2f2f2', pattern: 'none' },
  ];
  const values = new Map(t.municipalities.map((m) => [m.code, m.submitted ? 'submitted' : m.started ? 'started' : 'none']));
  const counts = countByClass(values.keys(), values, legend);
  const boundaries = await boundariesOn(deps.db, survey.referenceDate);
  if (!boundaries) return { svg: null, legend, counts };
  const names = new Map(t.municipalities.map((m) => [m.code, m.name]));
  const svg = renderChoropleth({
    id: 'gaz-survey-map',
    areas: { topology: boundaries.municipalities, object: 'municipalities' },
    overlay: boundaries.provinces ? { topology: boundaries.provinces, object: 'provinces' } : null,
    values,
    legend,
    title: L(locale, 'Gemeenten naar respons', 'Municipalities by response'),
    description: L(
      locale,
      `Kaart van ${survey.referenceDate}; elke gemeente linkt naar haar uitnodiging.`,
      `Map of ${survey.referenceDate}; each municipality links to its invitation.`,
    ),
    locale,
    linkFor: (code) => (names.has(code) ? `/beheer/enquetes/${survey.id}/uitnodigingen/${code}` : null),
    titleFor: (code, name, cls) => `${names.get(code) ?? name}: ${cls.label[locale]}`,
  });
  return { svg, legend, counts };
}

async function exportData(deps: AppDeps, survey: SurveyDef) {
  const [invitations, responses] = await Promise.all([selectInvitations(deps.db, survey.id), selectResponses(deps.db, survey.id)]);
  const byCode = new Map(responses.map((r) => [r.municipality_code, r]));
  return exportRows(
    questionsOf(survey),
    invitations.map((i) => {
      const r = byCode.get(i.municipality_code);
      return {
        municipality: groupedOf(i),
        status: r?.status ?? 'not_started',
        source: r?.source ?? null,
        submittedAt: r?.submitted_at ?? null,
        answers: r ? JSON.parse(r.answers_json) : {},
      };
    }),
  );
}

function download(reply: FastifyReply, type: string, name: string, body: string | Buffer) {
  return reply
    .type(type)
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'private, no-store')
    .send(body);
}

async function registerReports(app: FastifyInstance, deps: AppDeps) {
  app.get('/beheer/enquetes/:id/terugkoppeling', { config: STAFF }, async (req, reply) => {
    const survey = await requireSurvey(deps.db, idParam(req));
    const invitations = new Map((await selectInvitations(deps.db, survey.id)).map((i) => [i.municipality_code, i.municipality_name]));
    const respondents = (await selectResponses(deps.db, survey.id))
      .filter((r) => r.status === 'submitted')
      .map((r) => ({ code: r.municipality_code, name: invitations.get(r.municipality_code) ?? r.municipality_code }));
    respondents.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    const notice =
      (req.query as Record<string, string | undefined>).melding === 'gestart'
        ? L(req.locale, 'De verzending is gestart.', 'The batch has started.')
        : null;
    return sendPage(
      req,
      reply,
      {
        title: `${L(req.locale, 'Terugkoppeling', 'Feedback reports')} — ${T(req.locale, survey.title)}`,
        breadcrumbs: staffCrumbs(req.locale, survey, { label: L(req.locale, 'Terugkoppeling', 'Feedback reports') }),
      },
      <ReportsPage
        locale={req.locale}
        survey={survey}
        counts={await countReports(deps.db, survey.id)}
        respondents={respondents}
        job={await reportsProgress(deps, survey.id)}
        notice={notice}
      />,
    );
  });

  app.post('/beheer/enquetes/:id/terugkoppeling', { config: STAFF }, async (req, reply) => {
    const survey = await requireSurvey(deps.db, idParam(req));
    if (survey.status !== 'closed' && survey.status !== 'published') {
      throw errors.conflict({ nl: 'Sluit de enquête eerst; daarna kunnen de terugkoppelingen weg.', en: 'Close the survey first.' });
    }
    await startReports(deps, serviceCtx(req, deps).actor, survey.id);
    return reply.redirect(`/beheer/enquetes/${survey.id}/terugkoppeling?melding=gestart`, 303);
  });

  const preview = async (req: FastifyRequest) => {
    const survey = await requireSurvey(deps.db, idParam(req));
    const code = String((req.params as { code?: string }).code ?? '').toUpperCase();
    const data = await liveReport(deps.db, survey, code);
    if (!data)
      throw errors.notFound({
        nl: 'Deze gemeente heeft niet ingediend; er is geen terugkoppeling.',
        en: 'This municipality did not submit; there is no report.',
      });
    return { survey, code, data };
  };
  app.get('/beheer/enquetes/:id/terugkoppeling/:code', { config: STAFF }, async (req, reply) => {
    const { survey, code, data } = await preview(req);
    const crumbs = staffCrumbs(
      req.locale,
      survey,
      { href: `/beheer/enquetes/${survey.id}/terugkoppeling`, label: L(req.locale, 'Terugkoppeling', 'Feedback reports') },
      { label: data.municipality.name },
    );
    return sendPage(
      req,
      reply,
      { title: `${L(req.locale, 'Terugkoppeling', 'Feedback report')} ${data.municipality.name}`, breadcrumbs: crumbs },
      <ReportView
        data={data}
        locale={req.locale}
        pdfHref={`/beheer/enquetes/${survey.id}/terugkoppeling/${code}/pdf`}
        generatedAt={null}
        preview
      />,
    );
  });
  app.get('/beheer/enquetes/:id/terugkoppeling/:code/pdf', { config: STAFF }, async (req, reply) => {
    const { survey, code, data } = await preview(req);
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="terugkoppeling-${survey.slug}-${code}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(await reportPdf(data, req.locale));
  });
}

export async function registerResultsRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/beheer/enquetes/:id/voortgang', { config: STAFF }, async (req, reply) => {
    const survey = await requireSurvey(deps.db, idParam(req));
    const t = await tracking(deps.db, survey, todayOf(deps));
    const map = await responseMap(deps, survey, t, req.locale);
    const crumbs = staffCrumbs(req.locale, survey, { label: L(req.locale, 'Voortgang', 'Progress') });
    return sendPage(
      req,
      reply,
      { title: `${L(req.locale, 'Voortgang', 'Progress')} — ${T(req.locale, survey.title)}`, breadcrumbs: crumbs, islands: ['map'] },
      <TrackingPage locale={req.locale} survey={survey} t={t} map={map} />,
    );
  });

  app.get('/beheer/enquetes/:id/resultaten', { config: STAFF }, async (req, reply) => {
    const survey = await requireSurvey(deps.db, idParam(req));
    const [results, texts] = await Promise.all([surveyResults(deps.db, survey, { staff: true }), textAnswers(deps.db, survey)]);
    const crumbs = staffCrumbs(req.locale, survey, { label: L(req.locale, 'Resultaten', 'Results') });
    return sendPage(
      req,
      reply,
      { title: `${L(req.locale, 'Resultaten', 'Results')} — ${T(req.locale, survey.title)}`, breadcrumbs: crumbs },
      <>
        <h1 class="utrecht-heading-1">
          {L(req.locale, 'Resultaten', 'Results')}: {T(req.locale, survey.title)}
        </h1>
        <ResultsBody survey={survey} results={results} locale={req.locale} texts={texts} />
      </>,
    );
  });

  app.get('/beheer/enquetes/:id/export.csv', { config: STAFF }, async (req, reply) => {
    const survey = await requireSurvey(deps.db, idParam(req));
    return download(reply, 'text/csv; charset=utf-8', `antwoorden-${survey.slug}.csv`, toCsv(await exportData(deps, survey)));
  });
  app.get('/beheer/enquetes/:id/codeboek.csv', { config: STAFF }, async (req, reply) => {
    const survey = await requireSurvey(deps.db, idParam(req));
    return download(reply, 'text/csv; charset=utf-8', `codeboek-${survey.slug}.csv`, toCsv(codebookRows(questionsOf(survey))));
  });
  app.get('/beheer/enquetes/:id/export.xlsx', { config: STAFF }, async (req, reply) => {
    const survey = await requireSurvey(deps.db, idParam(req));
    const wb = new ExcelJS.Workbook();
    wb.title = T(req.locale, survey.title);
    const answers = wb.addWorksheet('Antwoorden');
    for (const row of await exportData(deps, survey)) answers.addRow(row);
    answers.getRow(1).font = { bold: true };
    answers.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
    const book = wb.addWorksheet('Codeboek');
    for (const row of codebookRows(questionsOf(survey))) book.addRow(row);
    book.getRow(1).font = { bold: true };
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    return download(reply, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `antwoorden-${survey.slug}.xlsx`, buffer);
  });

  await registerReports(app, deps);
}
