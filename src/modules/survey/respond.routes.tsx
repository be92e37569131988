// The respondent's pages, twice: under /enquete for a personal link (permission `token`; the token
// travels in the query string or the form, never in the path, which the request log records) and
// under /mijn-gemeente/:code/enquetes/:surveyId for a signed-in municipality (scope
// ownMunicipality on `code`). Pages work without JavaScript; the survey-form island saves field by
// field through POST …/antwoord.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type AppDeps, todayOf } from '../../deps.ts';
import { AppError } from '../../http/errors.ts';
import type { PermissionName, RouteScope } from '../../http/permissions.ts';
import { sendPage } from '../../http/render.tsx';
import { serviceCtx } from '../../http/route-kit.ts';
import { reportPdf } from './report-pdf.ts';
import { sentReport } from './reports.service.ts';
import { renderSection, saveFromForm, saveFromJson } from './respond-save.tsx';
import { isProblem, type LinkProblem, partOf, type Respondent, respondentFromAccount, respondentFromToken } from './respondent.ts';
import { confirmationRecipients, responseState, submitResponse } from './responses.service.ts';
import { T } from './views/common.tsx';
import { ReportView } from './views/report.tsx';
import { ConfirmationPage, LinkProblemPage, ReviewPage, StartPage } from './views/respond-pages.tsx';
import { respondHref } from './views/respond-section.tsx';

type Resolve = (req: FastifyRequest, options?: { reportOnly?: boolean }) => Promise<Respondent | LinkProblem>;

export interface RespondVariant {
  prefix: string;
  permission: PermissionName;
  scope?: RouteScope;
  resolve: Resolve;
}

async function withRespondent(
  variant: RespondVariant,
  req: FastifyRequest,
  reply: FastifyReply,
  options: { reportOnly?: boolean },
  run: (r: Respondent) => Promise<unknown>,
) {
  const r = await variant.resolve(req, options);
  if (isProblem(r))
    return sendPage(req, reply, { title: 'Link', status: r.status }, <LinkProblemPage locale={req.locale} message={r.message} />);
  return run(r);
}

async function reportAvailable(deps: AppDeps, r: Respondent): Promise<boolean> {
  return (
    (r.survey.status === 'closed' || r.survey.status === 'published') &&
    (await sentReport(deps.db, r.survey.id, r.invitation.municipality_code)) !== null
  );
}

async function baseProps(deps: AppDeps, req: FastifyRequest, r: Respondent) {
  const state = await responseState(deps.db, r.survey.id, r.invitation.municipality_code);
  return {
    locale: req.locale,
    survey: r.survey,
    municipalityName: r.invitation.municipality_name,
    loc: r.loc,
    state,
    editable: r.editable && state.status !== 'submitted',
    reportAvailable: await reportAvailable(deps, r),
  };
}

function registerPages(app: FastifyInstance, deps: AppDeps, v: RespondVariant) {
  const config = { permission: v.permission, ...(v.scope ? { scope: v.scope } : {}) };
  const page = (req: FastifyRequest, reply: FastifyReply, r: Respondent, title: string, body: preact.ComponentChildren, status = 200) =>
    sendPage(req, reply, { title: `${title} — ${r.invitation.municipality_name}`, status, islands: ['survey-form'] }, body);

  app.get(v.prefix, { config }, (req, reply) =>
    withRespondent(v, req, reply, {}, async (r) =>
      page(req, reply, r, T(req.locale, r.survey.title), <StartPage {...(await baseProps(deps, req, r))} />),
    ),
  );

  app.get(`${v.prefix}/sectie/:part`, { config }, (req, reply) =>
    withRespondent(v, req, reply, {}, async (r) => {
      const index = partOf(req, r.survey);
      const q = req.query as Record<string, string | undefined>;
      return renderSection(deps, req, reply, r, index, {
        notice: q.opgeslagen ? 'saved' : null,
        updatedIds: (q.bijgewerkt ?? '').split(',').filter(Boolean).map(Number),
      });
    }),
  );

  app.post(`${v.prefix}/sectie/:part`, { config }, (req, reply) =>
    withRespondent(v, req, reply, {}, (r) => saveFromForm(deps, req, reply, r)),
  );
  app.post(`${v.prefix}/antwoord`, { config }, (req, reply) => withRespondent(v, req, reply, {}, (r) => saveFromJson(deps, req, reply, r)));

  app.get(`${v.prefix}/controle`, { config }, (req, reply) =>
    withRespondent(v, req, reply, {}, async (r) =>
      page(req, reply, r, T(req.locale, r.survey.title), <ReviewPage {...(await baseProps(deps, req, r))} errors={[]} />),
    ),
  );

  app.post(`${v.prefix}/indienen`, { config }, (req, reply) =>
    withRespondent(v, req, reply, {}, async (r) => {
      try {
        const confirmTo = await confirmationRecipients(deps.db, r.invitation, todayOf(deps), r.signedInEmail);
        await submitResponse(
          { ...serviceCtx(req, deps) },
          { survey: r.survey, invitation: r.invitation, who: r.who, confirmTo },
          todayOf(deps),
        );
      } catch (e) {
        if (!(e instanceof AppError) || e.status !== 400) throw e;
        return page(
          req,
          reply,
          r,
          T(req.locale, r.survey.title),
          <ReviewPage {...(await baseProps(deps, req, r))} errors={e.fields} />,
          400,
        );
      }
      return reply.redirect(respondHref(r.loc, '/bevestiging'), 303);
    }),
  );

  app.get(`${v.prefix}/bevestiging`, { config }, (req, reply) =>
    withRespondent(v, req, reply, {}, async (r) =>
      page(req, reply, r, T(req.locale, r.survey.title), <ConfirmationPage {...(await baseProps(deps, req, r))} />),
    ),
  );

  registerReportPages(app, deps, v, config, page);
}

type Page = (
  req: FastifyRequest,
  reply: FastifyReply,
  r: Respondent,
  title: string,
  body: preact.ComponentChildren,
  status?: number,
) => unknown;

function registerReportPages(
  app: FastifyInstance,
  deps: AppDeps,
  v: RespondVariant,
  config: { permission: PermissionName; scope?: RouteScope },
  page: Page,
) {
  const report = async (r: Respondent) => {
    if (!(await reportAvailable(deps, r))) return null;
    return sentReport(deps.db, r.survey.id, r.invitation.municipality_code);
  };
  const noReport = (req: FastifyRequest, reply: FastifyReply) =>
    sendPage(
      req,
      reply,
      { title: 'Terugkoppeling', status: 404 },
      <LinkProblemPage
        locale={req.locale}
        message={{
          nl: 'De terugkoppeling is nog niet verstuurd. U ontvangt een e-mail zodra zij klaarstaat.',
          en: 'The feedback report has not been sent yet. You will receive an email when it is ready.',
        }}
      />,
    );

  app.get(`${v.prefix}/terugkoppeling`, { config }, (req, reply) =>
    withRespondent(v, req, reply, { reportOnly: true }, async (r) => {
      const sent = await report(r);
      if (!sent) return noReport(req, reply);
      const pdfHref = respondHref(r.loc, '/terugkoppeling.pdf');
      return page(
        req,
        reply,
        r,
        T(req.locale, { nl: 'Terugkoppeling', en: 'Feedback report' }),
        <ReportView data={sent.data} locale={req.locale} pdfHref={pdfHref} generatedAt={sent.generatedAt} />,
      );
    }),
  );

  app.get(`${v.prefix}/terugkoppeling.pdf`, { config }, (req, reply) =>
    withRespondent(v, req, reply, { reportOnly: true }, async (r) => {
      const sent = await report(r);
      if (!sent) return noReport(req, reply);
      const pdf = await reportPdf(sent.data, req.locale);
      const name = `terugkoppeling-${r.survey.slug}-${r.invitation.municipality_code}.pdf`;
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${name}"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    }),
  );
}

export function registerRespondRoutes(app: FastifyInstance, deps: AppDeps) {
  registerPages(app, deps, { prefix: '/enquete', permission: 'token', resolve: (req, o) => respondentFromToken(req, deps, o) });
  registerPages(app, deps, {
    prefix: '/mijn-gemeente/:code/enquetes/:surveyId',
    permission: 'municipalityOrStaff',
    scope: { ownMunicipality: 'code' },
    resolve: (req) => respondentFromAccount(req, deps),
  });
}
