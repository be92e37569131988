// The programme dashboard (staff): a period's figures and maps, CSV and XLSX downloads and the
// printable activity report. Bad dates or a period that ends before it starts: 400 with the form.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type AppDeps, todayOf } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { formValues } from '../../http/route-kit.ts';
import { parseInput } from '../../http/validate.ts';
import { formatDate, type Locale } from '../../i18n.ts';
import { municipalitiesOn } from '../atlas/index.ts';
import { engagementFor } from './engagement.service.ts';
import { engagementCsv, engagementXlsx } from './exports.ts';
import { engagementMap, maturityMap } from './maps.ts';
import { countryPolicy } from './policy.service.ts';
import { periodQuery } from './schema.ts';
import { DashboardPage, dashboardTitle } from './views/dashboard.tsx';
import { adviceCrumbs } from './views/parts.tsx';
import { ReportPage, reportTitle } from './views/report.tsx';

const STAFF = { permission: 'staff' as const };

/** A year back from `to`: the day after the same date a year earlier. */
export function yearBefore(to: string): string {
  const d = new Date(`${Number(to.slice(0, 4)) - 1}${to.slice(4)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function periodOf(query: unknown, today: string) {
  const parsed = parseInput(periodQuery, query ?? {});
  if (!parsed.ok) return { ok: false as const, errors: parsed.errors };
  const to = parsed.data.tot ?? today;
  const from = parsed.data.van ?? yearBefore(to);
  if (to < from)
    return {
      ok: false as const,
      errors: [
        {
          field: 'tot',
          message: {
            nl: 'De einddatum ligt vóór de begindatum. Kies een latere einddatum.',
            en: 'The end date is before the start date. Choose a later end date.',
          },
        },
      ],
    };
  return { ok: true as const, from, to, date: parsed.data.datum ?? to };
}

async function dashboardData(deps: AppDeps, from: string, to: string, date: string, locale: Locale) {
  const [e, policy, onMap] = await Promise.all([
    engagementFor(deps, deps.db, from, to),
    countryPolicy(deps.db, date),
    municipalitiesOn(deps.db, to),
  ]);
  const fmt = (d: string) => formatDate(d, locale);
  const [eMap, mMap] = await Promise.all([
    engagementMap(
      deps.db,
      e,
      onMap.map((m) => m.code),
      locale,
      fmt,
    ),
    maturityMap(deps.db, date, policy.shares, locale, fmt),
  ]);
  const query = new URLSearchParams({ van: from, tot: to, datum: date }).toString();
  return { e, policyDate: date, tallies: policy.tallies, engagementMap: eMap, maturityMap: mMap, query };
}

function badPeriod(req: FastifyRequest, reply: FastifyReply, errs: { field: string; message: { nl: string; en: string } }[]) {
  const title = dashboardTitle(req.locale);
  return sendPage(
    req,
    reply,
    { title, breadcrumbs: adviceCrumbs(req.locale, { label: title }), status: 400 },
    <DashboardPage values={formValues(req.query)} errors={errs} data={null} />,
  );
}

export function registerDashboardRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/beheer/advies/dashboard', { config: STAFF }, async (req, reply) => {
    const p = periodOf(req.query, todayOf(deps));
    if (!p.ok) return badPeriod(req, reply, p.errors);
    const data = await dashboardData(deps, p.from, p.to, p.date, req.locale);
    const title = dashboardTitle(req.locale);
    return sendPage(
      req,
      reply,
      { title, breadcrumbs: adviceCrumbs(req.locale, { label: title }) },
      <DashboardPage values={{ van: p.from, tot: p.to, datum: p.date }} errors={[]} data={data} />,
    );
  });

  app.get('/beheer/advies/dashboard.csv', { config: STAFF }, async (req, reply) => {
    const p = periodOf(req.query, todayOf(deps));
    if (!p.ok) throw errors.validation(p.errors);
    const e = await engagementFor(deps, deps.db, p.from, p.to);
    reply
      .header('content-disposition', `attachment; filename="interacties-${p.from}-${p.to}.csv"`)
      .header('cache-control', 'private, no-store');
    return reply.type('text/csv; charset=utf-8').send(engagementCsv(e));
  });

  app.get('/beheer/advies/dashboard.xlsx', { config: STAFF }, async (req, reply) => {
    const p = periodOf(req.query, todayOf(deps));
    if (!p.ok) throw errors.validation(p.errors);
    const [e, policy] = await Promise.all([engagementFor(deps, deps.db, p.from, p.to), countryPolicy(deps.db, p.date)]);
    reply
      .header('content-disposition', `attachment; filename="programmadashboard-${p.from}-${p.to}.xlsx"`)
      .header('cache-control', 'private, no-store');
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .send(await engagementXlsx(e, policy.tallies, p.date));
  });

  app.get('/beheer/advies/rapport', { config: STAFF }, async (req, reply) => {
    const today = todayOf(deps);
    const p = periodOf(req.query, today);
    if (!p.ok) return badPeriod(req, reply, p.errors);
    const [e, policy] = await Promise.all([engagementFor(deps, deps.db, p.from, p.to), countryPolicy(deps.db, p.date)]);
    const title = reportTitle(req.locale, p.from, p.to);
    const query = new URLSearchParams({ van: p.from, tot: p.to, datum: p.date }).toString();
    return sendPage(
      req,
      reply,
      {
        title,
        breadcrumbs: adviceCrumbs(
          req.locale,
          { href: `/beheer/advies/dashboard?${query}`, label: dashboardTitle(req.locale) },
          { label: title },
        ),
      },
      <ReportPage e={e} tallies={policy.tallies} policyDate={p.date} today={today} dashboardQuery={query} />,
    );
  });
}
