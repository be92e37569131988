// A municipality's own scorecard and self-assessment. Permission municipalityOrStaff with the
// ownership scope on :code: the pipeline refuses a municipality account any other code (403). Staff
// see the same page; what they submit here counts as set by an adviser. /mijn-gemeente/beleid shows a
// municipality account its own page without knowing its code.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type AppDeps, todayOf } from '../../deps.ts';
import { errors, type FieldError } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { currentUser, serviceCtx } from '../../http/route-kit.ts';
import { areaName, municipalityExistsOn } from './areas.ts';
import { handleForm, type Values } from './form-kit.ts';
import { knownCode, pageDate } from './municipality.routes.tsx';
import { selfReport, setStatus } from './policy.service.ts';
import { selfReportForm } from './schema.ts';
import { scorecardOf } from './scorecard.ts';
import { SelfScorecardPage, selfTitle } from './views/self.tsx';

const OWN = { permission: 'municipalityOrStaff' as const, scope: { ownMunicipality: 'code' } };

async function renderSelf(deps: AppDeps, req: FastifyRequest, code: string, values: Values, errs: FieldError[]) {
  const today = todayOf(deps);
  const { date, errors: dateErrors } = pageDate(req, today);
  if (!(await municipalityExistsOn(deps.db, code, date))) {
    throw errors.notFound({ nl: 'Deze gemeente bestond niet op deze datum.', en: 'This municipality did not exist on this date.' });
  }
  const [name, card] = await Promise.all([areaName(deps.db, code, date), scorecardOf(deps, deps.db, code, date)]);
  const sent = (req.query as Record<string, unknown> | undefined)?.ontvangen === '1';
  return {
    title: selfTitle(req.locale, name),
    status: dateErrors.length > 0 ? 400 : undefined,
    body: (
      <SelfScorecardPage
        code={code}
        name={name}
        date={date}
        card={card}
        values={{ status: 'in-progress', ...values }}
        errors={[...dateErrors, ...errs]}
        sent={sent}
      />
    ),
  };
}

export function registerSelfRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/mijn-gemeente/beleid', { config: { permission: 'municipality' } }, async (req, reply) => {
    const code = currentUser(req).municipalityCode;
    if (!code) throw errors.forbidden();
    const page = await renderSelf(deps, req, code, {}, []);
    return sendPage(req, reply, page, page.body);
  });

  app.get('/gemeente/:code/beleid', { config: OWN }, async (req, reply) => {
    const page = await renderSelf(deps, req, await knownCode(deps, req), {}, []);
    return sendPage(req, reply, page, page.body);
  });

  app.post('/gemeente/:code/beleid', { config: OWN }, async (req, reply) => {
    const code = await knownCode(deps, req);
    const user = currentUser(req);
    return handleForm(req, reply, {
      schema: selfReportForm,
      render: async (values, errs, status) => {
        const page = await renderSelf(deps, req, code, values, errs);
        return sendPage(req, reply, { ...page, status }, page.body);
      },
      act: async (d) => {
        const input = { status: d.status, evidenceUrl: d.evidence_url ?? null, evidenceNote: d.evidence_note ?? null };
        const ctx = serviceCtx(req, deps);
        if (user.role === 'municipality') await selfReport(ctx, code, d.block, input);
        else await setStatus(ctx, code, d.block, { ...input, effectiveDate: todayOf(deps) });
        return `/gemeente/${code}/beleid?ontvangen=1`;
      },
    });
  });
}
