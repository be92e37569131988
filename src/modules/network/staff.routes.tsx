// Staff pages under /beheer/netwerk (permission staff; the norm is admin-only). Forms post and
// redirect (303); invalid input re-renders the form with status 400. Every change is audited by
// the service in the same transaction.
import ExcelJS from 'exceljs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type AppDeps, todayOf } from '../../deps.ts';
import { errors, type FieldError } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { actorOf } from '../../http/request-user.ts';
import { parseInput } from '../../http/validate.ts';
import type { Crumb } from '../../views/layout.tsx';
import { municipalitiesOnDate, REGION_TYPES, type RegionChoice, regionsOfType } from './atlas-port.ts';
import {
  coordinatorForm,
  coverageForm,
  customRegionForm,
  decisionForm,
  fteForm,
  normForm,
  organisationForm,
  pageDateQuery,
} from './schema.ts';
import * as svc from './service.ts';
import {
  type AssignmentView,
  CoordinatorEditPage,
  CoordinatorList,
  CustomRegionsPage,
  GapReport,
  L,
  NewCoordinatorPage,
  NormPage,
  OrganisationFormPage,
  OrganisationList,
  ProposalList,
  StaffIndex,
} from './views/staff.tsx';

const STAFF = { permission: 'staff' as const };
type Values = Record<string, string | undefined>;
type Params = { Params: { id: string } };

export function crumbs(req: FastifyRequest, ...rest: Crumb[]): Crumb[] {
  return [
    { href: '/beheer', label: L(req.locale, 'Beheer', 'Staff') },
    { href: '/beheer/netwerk', label: L(req.locale, 'Netwerk', 'Network') },
    ...rest,
  ];
}

export const ctxOf = (req: FastifyRequest, deps: AppDeps): svc.Ctx => ({ db: deps.db, actor: actorOf(req.user, req.id), now: deps.now() });

export function formValues(body: unknown): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>))
    if (k !== '_csrf') out[k] = Array.isArray(v) ? v.join(' ') : String(v ?? '');
  return out;
}

const idOf = (req: FastifyRequest<Params>) => {
  const id = Number(req.params.id);
  if (!Number.isInteger(id) || id <= 0) throw errors.notFound();
  return id;
};

export async function regionChoices(deps: AppDeps, date: string): Promise<RegionChoice[]> {
  const out: RegionChoice[] = [];
  for (const type of REGION_TYPES) out.push(...(await regionsOfType(deps.db, type, date)));
  for (const r of await svc.listCustomRegions(deps.db)) out.push({ code: r.code, name: r.name, type: 'custom' });
  return out;
}

/** Codes of a coverage change that do not exist on the date, as a field error. */
export async function unknownCodes(deps: AppDeps, codes: string[], date: string): Promise<FieldError[]> {
  const existing = new Set((await municipalitiesOnDate(deps.db, date)).map((m) => m.code));
  const unknown = codes.filter((c) => !existing.has(c));
  return unknown.length === 0
    ? []
    : [
        {
          field: 'codes',
          message: {
            nl: `Deze gemeenten bestonden niet op die datum: ${unknown.join(', ')}.`,
            en: `These municipalities did not exist on that date: ${unknown.join(', ')}.`,
          },
        },
      ];
}

export async function assignmentViews(deps: AppDeps, coordinatorId: number, today: string): Promise<AssignmentView[]> {
  const list = await svc.assignmentsOf(deps.db, coordinatorId);
  const names = new Map<string, string>();
  for (const m of await municipalitiesOnDate(deps.db, '2019-01-01')) names.set(m.code, m.name);
  for (const m of await municipalitiesOnDate(deps.db, today)) names.set(m.code, m.name);
  return list.map((a) => ({
    code: a.code,
    name: names.get(a.code) ?? a.code,
    validFrom: a.validFrom,
    validTo: a.validTo,
    source: a.source,
  }));
}

function gapCsv(gaps: Awaited<ReturnType<typeof svc.gapsOn>>['gaps']): string {
  const esc = (v: string | number) => (typeof v === 'number' ? String(v) : /[",;\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = ['code,gemeente,status,inwoners,fte,fte_per_100000,extra_fte_nodig'];
  for (const g of gaps) lines.push([g.code, g.name, g.status, g.population, g.fte, g.ftePer100k, g.extraFte].map(esc).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

async function gapXlsx(gaps: Awaited<ReturnType<typeof svc.gapsOn>>['gaps'], norm: number, date: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tekorten');
  ws.columns = [
    { header: 'Code', key: 'code', width: 10 },
    { header: 'Gemeente', key: 'name', width: 30 },
    { header: 'Status', key: 'status', width: 12 },
    { header: 'Inwoners', key: 'population', width: 12 },
    { header: 'FTE', key: 'fte', width: 8 },
    { header: 'FTE per 100.000', key: 'ftePer100k', width: 16 },
    { header: 'Extra FTE nodig', key: 'extraFte', width: 16 },
  ];
  for (const g of gaps) ws.addRow(g);
  ws.addRow([]);
  ws.addRow([`Datum ${date}; norm ${norm} FTE per 100.000 inwoners`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function registerNetworkStaffRoutes(app: FastifyInstance, deps: AppDeps) {
  const today = () => todayOf(deps);

  app.get('/beheer/netwerk', { config: STAFF }, async (req, reply) => {
    const pending = (await svc.listProposals(deps.db, { status: 'pending' })).length;
    return sendPage(
      req,
      reply,
      { title: L(req.locale, 'Beheer netwerk', 'Manage network'), breadcrumbs: crumbs(req).slice(0, 1) },
      <StaffIndex pending={pending} isAdmin={req.user?.role === 'admin'} />,
    );
  });

  // ------------------------------------------------------------ organisations
  app.get('/beheer/netwerk/organisaties', { config: STAFF }, async (req, reply) =>
    sendPage(
      req,
      reply,
      { title: L(req.locale, 'Organisaties', 'Organisations'), breadcrumbs: crumbs(req) },
      <OrganisationList organisations={await svc.listOrganisations(deps.db)} />,
    ),
  );

  const orgPage = (req: FastifyRequest, reply: FastifyReply, id: number | undefined, values: Values, errs: FieldError[]) =>
    sendPage(
      req,
      reply,
      {
        title: id ? L(req.locale, 'Organisatie wijzigen', 'Edit organisation') : L(req.locale, 'Nieuwe organisatie', 'New organisation'),
        breadcrumbs: crumbs(req, { href: '/beheer/netwerk/organisaties', label: L(req.locale, 'Organisaties', 'Organisations') }),
        status: errs.length ? 400 : 200,
      },
      <OrganisationFormPage id={id} values={values} errors={errs} />,
    );

  app.get('/beheer/netwerk/organisaties/nieuw', { config: STAFF }, async (req, reply) =>
    orgPage(req, reply, undefined, { type: 'ggd' }, []),
  );
  app.post('/beheer/netwerk/organisaties/nieuw', { config: STAFF }, async (req, reply) => {
    const parsed = parseInput(organisationForm, req.body);
    if (!parsed.ok) return orgPage(req, reply, undefined, formValues(req.body), parsed.errors);
    await svc.createOrganisation(ctxOf(req, deps), {
      name: parsed.data.name,
      type: parsed.data.type,
      website: parsed.data.website ?? null,
    });
    return reply.redirect('/beheer/netwerk/organisaties', 303);
  });
  app.get<Params>('/beheer/netwerk/organisaties/:id', { config: STAFF }, async (req, reply) => {
    const org = await svc.getOrganisation(deps.db, idOf(req));
    if (!org) throw errors.notFound();
    return orgPage(req, reply, org.id, { name: org.name, type: org.type, website: org.website ?? '' }, []);
  });
  app.post<Params>('/beheer/netwerk/organisaties/:id', { config: STAFF }, async (req, reply) => {
    const id = idOf(req);
    const parsed = parseInput(organisationForm, req.body);
    if (!parsed.ok) return orgPage(req, reply, id, formValues(req.body), parsed.errors);
    await svc.updateOrganisation(ctxOf(req, deps), id, {
      name: parsed.data.name,
      type: parsed.data.type,
      website: parsed.data.website ?? null,
    });
    return reply.redirect('/beheer/netwerk/organisaties', 303);
  });
  app.post<Params>('/beheer/netwerk/organisaties/:id/verwijderen', { config: STAFF }, async (req, reply) => {
    await svc.deleteOrganisation(ctxOf(req, deps), idOf(req));
    return reply.redirect('/beheer/netwerk/organisaties', 303);
  });

  // ------------------------------------------------------------ coordinators
  app.get('/beheer/netwerk/coordinatoren', { config: STAFF }, async (req, reply) =>
    sendPage(
      req,
      reply,
      { title: L(req.locale, 'Zorgcoördinatoren', 'Care coordinators'), breadcrumbs: crumbs(req) },
      <CoordinatorList coordinators={await svc.listCoordinators(deps.db)} today={today()} />,
    ),
  );

  const newPage = async (req: FastifyRequest, reply: FastifyReply, values: Values, errs: FieldError[]) =>
    sendPage(
      req,
      reply,
      {
        title: L(req.locale, 'Nieuwe zorgcoördinator', 'New care coordinator'),
        breadcrumbs: crumbs(req, { href: '/beheer/netwerk/coordinatoren', label: L(req.locale, 'Zorgcoördinatoren', 'Care coordinators') }),
        status: errs.length ? 400 : 200,
      },
      <NewCoordinatorPage values={values} errors={errs} organisations={await svc.listOrganisations(deps.db)} />,
    );
  app.get('/beheer/netwerk/coordinatoren/nieuw', { config: STAFF }, async (req, reply) => newPage(req, reply, { activeFrom: today() }, []));
  app.post('/beheer/netwerk/coordinatoren/nieuw', { config: STAFF }, async (req, reply) => {
    const parsed = parseInput(coordinatorForm, req.body);
    if (!parsed.ok) return newPage(req, reply, formValues(req.body), parsed.errors);
    const d = parsed.data;
    const id = await svc.createCoordinator(ctxOf(req, deps), {
      name: d.name,
      organisationId: d.organisationId,
      phone: d.phone ?? null,
      email: d.email ?? null,
      webPage: d.webPage ?? null,
      fte: d.fte,
      activeFrom: d.activeFrom,
      activeTo: d.activeTo ?? null,
    });
    return reply.redirect(`/beheer/netwerk/coordinatoren/${id}`, 303);
  });

  const editPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: number,
    forms: {
      values?: Values;
      errors?: FieldError[];
      fteValues?: Values;
      fteErrors?: FieldError[];
      coverageValues?: Values;
      coverageErrors?: FieldError[];
    } = {},
  ) => {
    const c = await svc.getCoordinator(deps.db, id);
    if (!c) throw errors.notFound();
    const errs = [...(forms.errors ?? []), ...(forms.fteErrors ?? []), ...(forms.coverageErrors ?? [])];
    const saved = (req.query as Record<string, string>)?.opgeslagen === '1';
    return sendPage(
      req,
      reply,
      {
        title: `${c.name} — ${L(req.locale, 'beheer', 'manage')}`,
        breadcrumbs: crumbs(req, { href: '/beheer/netwerk/coordinatoren', label: L(req.locale, 'Zorgcoördinatoren', 'Care coordinators') }),
        status: errs.length ? 400 : 200,
      },
      <CoordinatorEditPage
        coordinator={c}
        organisations={await svc.listOrganisations(deps.db)}
        values={
          forms.values ?? {
            name: c.name,
            organisationId: String(c.organisationId),
            phone: c.phone ?? '',
            email: c.email ?? '',
            webPage: c.webPage ?? '',
            activeFrom: c.activeFrom,
            activeTo: c.activeTo ?? '',
          }
        }
        errors={forms.errors ?? []}
        fteValues={forms.fteValues ?? { fte: String(c.fte), effectiveFrom: today() }}
        fteErrors={forms.fteErrors ?? []}
        coverageValues={forms.coverageValues ?? { action: 'add', effectiveDate: today() }}
        coverageErrors={forms.coverageErrors ?? []}
        regions={await regionChoices(deps, today())}
        assignments={await assignmentViews(deps, id, today())}
        fteHistory={await svc.fteHistory(deps.db, id)}
        notice={saved ? L(req.locale, 'De wijziging is opgeslagen.', 'The change has been saved.') : undefined}
      />,
    );
  };

  app.get<Params>('/beheer/netwerk/coordinatoren/:id', { config: STAFF }, async (req, reply) => editPage(req, reply, idOf(req)));
  app.post<Params>('/beheer/netwerk/coordinatoren/:id', { config: STAFF }, async (req, reply) => {
    const id = idOf(req);
    const parsed = parseInput(coordinatorForm.omit({ fte: true }), req.body);
    if (!parsed.ok) return editPage(req, reply, id, { values: formValues(req.body), errors: parsed.errors });
    const d = parsed.data;
    await svc.updateCoordinator(ctxOf(req, deps), id, {
      name: d.name,
      organisationId: d.organisationId,
      phone: d.phone ?? null,
      email: d.email ?? null,
      webPage: d.webPage ?? null,
      activeFrom: d.activeFrom,
      activeTo: d.activeTo ?? null,
    });
    return reply.redirect(`/beheer/netwerk/coordinatoren/${id}?opgeslagen=1`, 303);
  });
  app.post<Params>('/beheer/netwerk/coordinatoren/:id/fte', { config: STAFF }, async (req, reply) => {
    const id = idOf(req);
    const parsed = parseInput(fteForm, req.body);
    if (!parsed.ok) return editPage(req, reply, id, { fteValues: formValues(req.body), fteErrors: parsed.errors });
    await svc.changeFte(ctxOf(req, deps), id, parsed.data.fte, parsed.data.effectiveFrom);
    return reply.redirect(`/beheer/netwerk/coordinatoren/${id}?opgeslagen=1`, 303);
  });
  app.post<Params>('/beheer/netwerk/coordinatoren/:id/dekking', { config: STAFF }, async (req, reply) => {
    const id = idOf(req);
    const parsed = parseInput(coverageForm, req.body);
    if (!parsed.ok) return editPage(req, reply, id, { coverageValues: formValues(req.body), coverageErrors: parsed.errors });
    const d = parsed.data;
    const fromRegion = d.region ? await svc.membersOfRegion(deps.db, d.region, d.effectiveDate) : [];
    const codes = [...new Set([...fromRegion, ...d.codes])];
    const problems: FieldError[] =
      codes.length === 0
        ? [
            {
              field: 'codes',
              message: {
                nl: 'Kies een regio of vul minstens één gemeentecode in.',
                en: 'Choose a region or enter at least one municipality code.',
              },
            },
          ]
        : d.action === 'add'
          ? await unknownCodes(deps, codes, d.effectiveDate)
          : [];
    if (problems.length) return editPage(req, reply, id, { coverageValues: formValues(req.body), coverageErrors: problems });
    if (d.action === 'add') await svc.addCoverage(ctxOf(req, deps), id, codes, d.effectiveDate, d.region || 'individual');
    else await svc.endCoverage(ctxOf(req, deps), id, codes, d.effectiveDate);
    return reply.redirect(`/beheer/netwerk/coordinatoren/${id}?opgeslagen=1`, 303);
  });

  // ------------------------------------------------------------ proposals
  app.get('/beheer/netwerk/voorstellen', { config: STAFF }, async (req, reply) => {
    const coordinators = new Map((await svc.listCoordinators(deps.db)).map((c) => [c.id, c.name]));
    const proposals = (await svc.listProposals(deps.db)).map((p) => ({
      ...p,
      coordinatorName: coordinators.get(p.coordinatorId) ?? String(p.coordinatorId),
    }));
    return sendPage(
      req,
      reply,
      { title: L(req.locale, 'Voorstellen dekking', 'Coverage proposals'), breadcrumbs: crumbs(req) },
      <ProposalList proposals={proposals} userId={req.user!.id} />,
    );
  });
  app.post<Params>('/beheer/netwerk/voorstellen/:id', { config: STAFF }, async (req, reply) => {
    const parsed = parseInput(decisionForm, req.body);
    if (!parsed.ok) throw errors.validation(parsed.errors);
    await svc.decideProposal(ctxOf(req, deps), idOf(req), parsed.data.decision);
    return reply.redirect('/beheer/netwerk/voorstellen', 303);
  });

  // ------------------------------------------------------------ custom regions
  const regionsPage = async (req: FastifyRequest, reply: FastifyReply, values: Values, errs: FieldError[]) =>
    sendPage(
      req,
      reply,
      { title: L(req.locale, 'Eigen regio’s', 'Custom regions'), breadcrumbs: crumbs(req), status: errs.length ? 400 : 200 },
      <CustomRegionsPage regions={await svc.listCustomRegions(deps.db)} values={values} errors={errs} />,
    );
  app.get('/beheer/netwerk/regios', { config: STAFF }, async (req, reply) => regionsPage(req, reply, {}, []));
  app.post('/beheer/netwerk/regios', { config: STAFF }, async (req, reply) => {
    const parsed = parseInput(customRegionForm, req.body);
    if (!parsed.ok) return regionsPage(req, reply, formValues(req.body), parsed.errors);
    const problems = await unknownCodes(deps, parsed.data.codes, today());
    if (problems.length) return regionsPage(req, reply, formValues(req.body), problems);
    await svc.createCustomRegion(ctxOf(req, deps), parsed.data.name, parsed.data.codes);
    return reply.redirect('/beheer/netwerk/regios', 303);
  });

  // ------------------------------------------------------------ gap report
  const gapDate = (req: FastifyRequest) => {
    const parsed = parseInput(pageDateQuery, req.query);
    if (!parsed.ok) throw errors.validation(parsed.errors);
    return parsed.data.datum ?? today();
  };
  app.get('/beheer/netwerk/tekorten', { config: STAFF }, async (req, reply) => {
    const date = gapDate(req);
    const { gaps, norm } = await svc.gapsOn(deps.db, date);
    return sendPage(
      req,
      reply,
      { title: L(req.locale, 'Tekorten in het netwerk', 'Gaps in the network'), breadcrumbs: crumbs(req) },
      <GapReport gaps={gaps} norm={norm} date={date} />,
    );
  });
  app.get('/beheer/netwerk/tekorten.csv', { config: STAFF }, async (req, reply) => {
    const date = gapDate(req);
    const { gaps } = await svc.gapsOn(deps.db, date);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="tekorten-${date}.csv"`)
      .header('cache-control', 'private, no-store')
      .send(gapCsv(gaps));
  });
  app.get('/beheer/netwerk/tekorten.xlsx', { config: STAFF }, async (req, reply) => {
    const date = gapDate(req);
    const { gaps, norm } = await svc.gapsOn(deps.db, date);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="tekorten-${date}.xlsx"`)
      .header('cache-control', 'private, no-store')
      .send(await gapXlsx(gaps, norm, date));
  });

  // ------------------------------------------------------------ the norm (admin)
  const normPage = (req: FastifyRequest, reply: FastifyReply, value: string, errs: FieldError[], saved = false) =>
    sendPage(
      req,
      reply,
      { title: L(req.locale, 'Capaciteitsnorm', 'Capacity norm'), breadcrumbs: crumbs(req), status: errs.length ? 400 : 200 },
      <NormPage value={value} errors={errs} saved={saved} />,
    );
  app.get('/beheer/netwerk/norm', { config: { permission: 'admin' } }, async (req, reply) =>
    normPage(
      req,
      reply,
      String(await svc.getNorm(deps.db)).replace('.', req.locale === 'nl' ? ',' : '.'),
      [],
      (req.query as Record<string, string>)?.opgeslagen === '1',
    ),
  );
  app.post('/beheer/netwerk/norm', { config: { permission: 'admin' } }, async (req, reply) => {
    const parsed = parseInput(normForm, req.body);
    if (!parsed.ok) return normPage(req, reply, formValues(req.body).norm ?? '', parsed.errors);
    await svc.setNorm(ctxOf(req, deps), parsed.data.norm);
    return reply.redirect('/beheer/netwerk/norm?opgeslagen=1', 303);
  });
}
