// /mijn-coordinatie: a coordinator keeps its own record (from req.user.coordinatorId, never from
// the request): contact details and FTE; a coverage change becomes a proposal an adviser decides.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type AppDeps, todayOf } from '../../deps.ts';
import { errors, type FieldError } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { parseInput } from '../../http/validate.ts';
import { ownCoordinatorForm, proposalForm } from './schema.ts';
import * as svc from './service.ts';
import { assignmentViews, ctxOf, formValues, unknownCodes } from './staff.routes.tsx';
import { L, OwnCoordinatorPage } from './views/staff.tsx';

type Values = Record<string, string | undefined>;
const COORDINATOR = { permission: 'coordinator' as const };

function ownId(req: FastifyRequest): number {
  const id = svc.ownCoordinatorId(req.user);
  if (id === null) throw errors.forbidden();
  return id;
}

export async function registerNetworkSelfRoutes(app: FastifyInstance, deps: AppDeps) {
  const page = async (
    req: FastifyRequest,
    reply: FastifyReply,
    forms: { values?: Values; errors?: FieldError[]; proposalValues?: Values; proposalErrors?: FieldError[] } = {},
  ) => {
    const id = ownId(req);
    const c = await svc.getCoordinator(deps.db, id);
    if (!c) throw errors.forbidden();
    const errs = [...(forms.errors ?? []), ...(forms.proposalErrors ?? [])];
    const q = req.query as Record<string, string>;
    const notice =
      q?.opgeslagen === '1'
        ? L(req.locale, 'Uw gegevens zijn opgeslagen.', 'Your details have been saved.')
        : q?.voorstel === '1'
          ? L(
              req.locale,
              'Uw voorstel is ingediend. Een adviseur beoordeelt het.',
              'Your proposal has been submitted. An adviser will review it.',
            )
          : undefined;
    return sendPage(
      req,
      reply,
      { title: L(req.locale, 'Mijn coördinatie', 'My coordination'), status: errs.length ? 400 : 200 },
      <OwnCoordinatorPage
        coordinator={c}
        values={forms.values ?? { name: c.name, phone: c.phone ?? '', email: c.email ?? '', webPage: c.webPage ?? '', fte: String(c.fte) }}
        errors={forms.errors ?? []}
        proposalValues={forms.proposalValues ?? { action: 'add', effectiveDate: todayOf(deps) }}
        proposalErrors={forms.proposalErrors ?? []}
        assignments={await assignmentViews(deps, id, todayOf(deps))}
        proposals={await svc.listProposals(deps.db, { coordinatorId: id })}
        notice={notice}
      />,
    );
  };

  app.get('/mijn-coordinatie', { config: COORDINATOR }, async (req, reply) => page(req, reply));

  app.post('/mijn-coordinatie', { config: COORDINATOR }, async (req, reply) => {
    const id = ownId(req);
    const parsed = parseInput(ownCoordinatorForm, req.body);
    if (!parsed.ok) return page(req, reply, { values: formValues(req.body), errors: parsed.errors });
    const d = parsed.data;
    await svc.updateOwnCoordinator(
      ctxOf(req, deps),
      id,
      { name: d.name, phone: d.phone ?? null, email: d.email ?? null, webPage: d.webPage ?? null },
      d.fte,
      todayOf(deps),
    );
    return reply.redirect('/mijn-coordinatie?opgeslagen=1', 303);
  });

  app.post('/mijn-coordinatie/voorstel', { config: COORDINATOR }, async (req, reply) => {
    const id = ownId(req);
    const parsed = parseInput(proposalForm, req.body);
    if (!parsed.ok) return page(req, reply, { proposalValues: formValues(req.body), proposalErrors: parsed.errors });
    const d = parsed.data;
    const problems = d.action === 'add' ? await unknownCodes(deps, d.codes, d.effectiveDate) : [];
    if (problems.length) return page(req, reply, { proposalValues: formValues(req.body), proposalErrors: problems });
    await svc.proposeCoverageChange(ctxOf(req, deps), id, {
      action: d.action,
      codes: d.codes,
      effectiveDate: d.effectiveDate,
      note: d.note ?? null,
    });
    return reply.redirect('/mijn-coordinatie?voorstel=1', 303);
  });
}
