// /mijn-coordinatie: a coordinator keeps its own record — never one named in the request: the
// route's scope `ownCoordinator` makes the pipeline refuse accounts without a linked record, and the
// record is `ownCoordinatorId(req)`. Contact details and FTE are saved; a coverage change becomes a
// proposal an adviser decides.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type AppDeps, todayOf } from '../../deps.ts';
import { errors, type FieldError } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { formValues, ownCoordinatorId, serviceCtx } from '../../http/route-kit.ts';
import { parseInput } from '../../http/validate.ts';
import { assignmentViews, attempt, flagged, OWN_COORDINATOR, unknownCodes } from './routes.kit.ts';
import { ownCoordinatorForm, proposalForm } from './schema.ts';
import * as svc from './service.ts';
import { OwnCoordinatorPage, ownText } from './views/own-coordinator.tsx';
import type { Values } from './views/staff-common.tsx';

interface OwnForms {
  values?: Values;
  errors?: FieldError[];
  proposalValues?: Values;
  proposalErrors?: FieldError[];
}

function ownPage(deps: AppDeps) {
  return async (req: FastifyRequest, reply: FastifyReply, forms: OwnForms = {}) => {
    const id = ownCoordinatorId(req);
    const c = await svc.getCoordinator(deps.db, id);
    if (!c) throw errors.forbidden();
    const t = ownText(req.locale);
    const errs = [...(forms.errors ?? []), ...(forms.proposalErrors ?? [])];
    const notice = flagged(req, 'opgeslagen') ? t.saved : flagged(req, 'voorstel') ? t.proposed : undefined;
    return sendPage(
      req,
      reply,
      { title: t.title, status: errs.length ? 400 : 200 },
      <OwnCoordinatorPage
        coordinator={c}
        values={forms.values ?? { name: c.name, phone: c.phone ?? '', email: c.email ?? '', webPage: c.webPage ?? '', fte: String(c.fte) }}
        errors={forms.errors ?? []}
        proposalValues={forms.proposalValues ?? { action: 'add', effectiveDate: todayOf(deps) }}
        proposalErrors={forms.proposalErrors ?? []}
        assignments={await assignmentViews(deps.db, id, todayOf(deps))}
        proposals={await svc.listProposals(deps.db, { coordinatorId: id })}
        notice={notice}
      />,
    );
  };
}

export function registerNetworkSelfRoutes(app: FastifyInstance, deps: AppDeps): void {
  const page = ownPage(deps);
  app.get('/mijn-coordinatie', { config: OWN_COORDINATOR }, async (req, reply) => page(req, reply));

  app.post('/mijn-coordinatie', { config: OWN_COORDINATOR }, async (req, reply) => {
    const parsed = parseInput(ownCoordinatorForm, req.body);
    if (!parsed.ok) return page(req, reply, { values: formValues(req.body), errors: parsed.errors });
    const d = parsed.data;
    const contact = { name: d.name, phone: d.phone ?? null, email: d.email ?? null, webPage: d.webPage ?? null };
    const done = await attempt(() => svc.updateOwnCoordinator(serviceCtx(req, deps), ownCoordinatorId(req), contact, d.fte, todayOf(deps)));
    if (!done.ok) return page(req, reply, { values: formValues(req.body), errors: done.errors });
    return reply.redirect('/mijn-coordinatie?opgeslagen=1', 303);
  });

  app.post('/mijn-coordinatie/voorstel', { config: OWN_COORDINATOR }, async (req, reply) => {
    const parsed = parseInput(proposalForm, req.body);
    if (!parsed.ok) return page(req, reply, { proposalValues: formValues(req.body), proposalErrors: parsed.errors });
    const d = parsed.data;
    const problems = d.action === 'add' ? await unknownCodes(deps.db, d.codes, d.effectiveDate) : [];
    if (problems.length) return page(req, reply, { proposalValues: formValues(req.body), proposalErrors: problems });
    await svc.proposeCoverageChange(serviceCtx(req, deps), ownCoordinatorId(req), {
      action: d.action,
      codes: d.codes,
      effectiveDate: d.effectiveDate,
      note: d.note ?? null,
    });
    return reply.redirect('/mijn-coordinatie?voorstel=1', 303);
  });
}
