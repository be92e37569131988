// /beheer/netwerk/coordinatoren (staff): the list, a new coordinator, and one coordinator's page
// with three forms — details, FTE from a date, coverage by region or codes from a date. Each form
// that is wrong re-renders the page with status 400, its own messages and what was typed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type AppDeps, todayOf } from '../../deps.ts';
import { errors, type FieldError } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { formValues, idParam, serviceCtx } from '../../http/route-kit.ts';
import { parseInput } from '../../http/validate.ts';
import { ruleMessages } from './messages.ts';
import { assignmentViews, attempt, crumbs, flagged, regionChoices, STAFF, unknownCodes } from './routes.kit.ts';
import { coordinatorForm, coordinatorRecordForm, coverageForm, fteForm } from './schema.ts';
import * as svc from './service.ts';
import { staffText, type Values } from './views/staff-common.tsx';
import { CoordinatorEditPage, CoordinatorList, coordinatorText, NewCoordinatorPage } from './views/staff-coordinators.tsx';

interface EditForms {
  values?: Values;
  errors?: FieldError[];
  fteValues?: Values;
  fteErrors?: FieldError[];
  coverageValues?: Values;
  coverageErrors?: FieldError[];
}

const listCrumb = (req: FastifyRequest) => ({ href: '/beheer/netwerk/coordinatoren', label: coordinatorText(req.locale).list });

function recordInput(d: {
  name: string;
  organisationId: number;
  phone?: string;
  email?: string;
  webPage?: string;
  activeFrom: string;
  activeTo?: string;
}) {
  return {
    name: d.name,
    organisationId: d.organisationId,
    phone: d.phone ?? null,
    email: d.email ?? null,
    webPage: d.webPage ?? null,
    activeFrom: d.activeFrom,
    activeTo: d.activeTo ?? null,
  };
}

/** The two pages of this resource, rendered with the given form state. */
function coordinatorPages(deps: AppDeps) {
  const today = () => todayOf(deps);
  const newPage = async (req: FastifyRequest, reply: FastifyReply, values: Values, errs: FieldError[]) =>
    sendPage(
      req,
      reply,
      { title: coordinatorText(req.locale).new, breadcrumbs: crumbs(req, listCrumb(req)), status: errs.length ? 400 : 200 },
      <NewCoordinatorPage values={values} errors={errs} organisations={await svc.listOrganisations(deps.db)} />,
    );

  const editPage = async (req: FastifyRequest, reply: FastifyReply, id: number, forms: EditForms = {}) => {
    const c = await svc.getCoordinator(deps.db, id);
    if (!c) throw errors.notFound();
    const errs = [...(forms.errors ?? []), ...(forms.fteErrors ?? []), ...(forms.coverageErrors ?? [])];
    const t = staffText(req.locale);
    const values = forms.values ?? {
      name: c.name,
      organisationId: String(c.organisationId),
      phone: c.phone ?? '',
      email: c.email ?? '',
      webPage: c.webPage ?? '',
      activeFrom: c.activeFrom,
      activeTo: c.activeTo ?? '',
    };
    return sendPage(
      req,
      reply,
      { title: `${c.name} — ${t.manage}`, breadcrumbs: crumbs(req, listCrumb(req)), status: errs.length ? 400 : 200 },
      <CoordinatorEditPage
        coordinator={c}
        organisations={await svc.listOrganisations(deps.db)}
        values={values}
        errors={forms.errors ?? []}
        fteValues={forms.fteValues ?? { fte: String(c.fte), effectiveFrom: today() }}
        fteErrors={forms.fteErrors ?? []}
        coverageValues={forms.coverageValues ?? { action: 'add', effectiveDate: today() }}
        coverageErrors={forms.coverageErrors ?? []}
        regions={await regionChoices(deps.db, today())}
        assignments={await assignmentViews(deps.db, id, today())}
        fteHistory={await svc.fteHistory(deps.db, id)}
        notice={flagged(req, 'opgeslagen') ? t.saved : undefined}
      />,
    );
  };
  return { newPage, editPage };
}

const savedRedirect = (reply: FastifyReply, id: number) => reply.redirect(`/beheer/netwerk/coordinatoren/${id}?opgeslagen=1`, 303);

export function registerCoordinatorRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { newPage, editPage } = coordinatorPages(deps);
  app.get('/beheer/netwerk/coordinatoren', { config: STAFF }, async (req, reply) =>
    sendPage(
      req,
      reply,
      { title: coordinatorText(req.locale).list, breadcrumbs: crumbs(req) },
      <CoordinatorList coordinators={await svc.listCoordinators(deps.db)} />,
    ),
  );
  app.get('/beheer/netwerk/coordinatoren/nieuw', { config: STAFF }, async (req, reply) =>
    newPage(req, reply, { activeFrom: todayOf(deps) }, []),
  );
  app.post('/beheer/netwerk/coordinatoren/nieuw', { config: STAFF }, async (req, reply) => {
    const parsed = parseInput(coordinatorForm, req.body);
    if (!parsed.ok) return newPage(req, reply, formValues(req.body), parsed.errors);
    const done = await attempt(() => svc.createCoordinator(serviceCtx(req, deps), { ...recordInput(parsed.data), fte: parsed.data.fte }));
    if (!done.ok) return newPage(req, reply, formValues(req.body), done.errors);
    return reply.redirect(`/beheer/netwerk/coordinatoren/${done.value}`, 303);
  });
  registerCoordinatorForms(app, deps, editPage);
}

/** The three forms of one coordinator's page: details, FTE from a date, coverage from a date. */
function registerCoordinatorForms(app: FastifyInstance, deps: AppDeps, editPage: ReturnType<typeof coordinatorPages>['editPage']): void {
  app.get('/beheer/netwerk/coordinatoren/:id', { config: STAFF }, async (req, reply) => editPage(req, reply, idParam(req)));
  app.post('/beheer/netwerk/coordinatoren/:id', { config: STAFF }, async (req, reply) => {
    const id = idParam(req);
    const parsed = parseInput(coordinatorRecordForm, req.body);
    if (!parsed.ok) return editPage(req, reply, id, { values: formValues(req.body), errors: parsed.errors });
    const done = await attempt(() => svc.updateCoordinator(serviceCtx(req, deps), id, recordInput(parsed.data)));
    if (!done.ok) return editPage(req, reply, id, { values: formValues(req.body), errors: done.errors });
    return savedRedirect(reply, id);
  });
  app.post('/beheer/netwerk/coordinatoren/:id/fte', { config: STAFF }, async (req, reply) => {
    const id = idParam(req);
    const parsed = parseInput(fteForm, req.body);
    if (!parsed.ok) return editPage(req, reply, id, { fteValues: formValues(req.body), fteErrors: parsed.errors });
    const done = await attempt(() => svc.changeFte(serviceCtx(req, deps), id, parsed.data.fte, parsed.data.effectiveFrom));
    if (!done.ok) return editPage(req, reply, id, { fteValues: formValues(req.body), fteErrors: done.errors });
    return savedRedirect(reply, id);
  });
  app.post('/beheer/netwerk/coordinatoren/:id/dekking', { config: STAFF }, async (req, reply) => {
    const id = idParam(req);
    const parsed = parseInput(coverageForm, req.body);
    if (!parsed.ok) return editPage(req, reply, id, { coverageValues: formValues(req.body), coverageErrors: parsed.errors });
    const d = parsed.data;
    const fromRegion = d.region ? await svc.membersOfRegion(deps.db, d.region, d.effectiveDate) : [];
    const codes = [...new Set([...fromRegion, ...d.codes])];
    const problems: FieldError[] =
      codes.length === 0
        ? [{ field: 'codes', message: ruleMessages.regionOrCodes }]
        : d.action === 'add'
          ? await unknownCodes(deps.db, codes, d.effectiveDate)
          : [];
    if (problems.length) return editPage(req, reply, id, { coverageValues: formValues(req.body), coverageErrors: problems });
    const ctx = serviceCtx(req, deps);
    if (d.action === 'add') await svc.addCoverage(ctx, id, codes, d.effectiveDate, d.region || 'individual');
    else await svc.endCoverage(ctx, id, codes, d.effectiveDate);
    return savedRedirect(reply, id);
  });
}
