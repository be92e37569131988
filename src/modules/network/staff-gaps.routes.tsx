// /beheer/netwerk/tekorten (staff): the gap report on a date (`?datum=`, the one date rule), as a
// page, CSV and Excel.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type AppDeps, todayOf } from '../../deps.ts';
import { sendPage } from '../../http/render.tsx';
import { dateFromQuery } from '../../http/route-kit.ts';
import { gapCsv, gapXlsx } from './gaps-export.ts';
import { crumbs, STAFF } from './routes.kit.ts';
import * as svc from './service.ts';
import { GapReport, gapText } from './views/staff-gaps.tsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerGapRoutes(app: FastifyInstance, deps: AppDeps): void {
  const dateOf = (req: FastifyRequest) => dateFromQuery(req.query, 'datum', todayOf(deps));
  app.get('/beheer/netwerk/tekorten', { config: STAFF }, async (req, reply) => {
    const date = dateOf(req);
    const { gaps, norm } = await svc.gapsOn(deps.db, date);
    return sendPage(
      req,
      reply,
      { title: gapText(req.locale).title, breadcrumbs: crumbs(req) },
      <GapReport gaps={gaps} norm={norm} date={date} />,
    );
  });
  app.get('/beheer/netwerk/tekorten.csv', { config: STAFF }, async (req, reply) => {
    const date = dateOf(req);
    const { gaps } = await svc.gapsOn(deps.db, date);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="tekorten-${date}.csv"`)
      .header('cache-control', 'private, no-store')
      .send(gapCsv(gaps));
  });
  app.get('/beheer/netwerk/tekorten.xlsx', { config: STAFF }, async (req, reply) => {
    const date = dateOf(req);
    const { gaps, norm } = await svc.gapsOn(deps.db, date);
    return reply
      .type(XLSX)
      .header('content-disposition', `attachment; filename="tekorten-${date}.xlsx"`)
      .header('cache-control', 'private, no-store')
      .send(await gapXlsx(gaps, norm, date));
  });
}
