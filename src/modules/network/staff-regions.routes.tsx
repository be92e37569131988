// /beheer/netwerk/regios (staff): custom regions; a name that exists already is a field error.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type AppDeps, todayOf } from '../../deps.ts';
import type { FieldError } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { formValues, serviceCtx } from '../../http/route-kit.ts';
import { parseInput } from '../../http/validate.ts';
import { attempt, crumbs, STAFF, unknownCodes } from './routes.kit.ts';
import { customRegionForm } from './schema.ts';
import * as svc from './service.ts';
import type { Values } from './views/staff-common.tsx';
import { CustomRegionsPage, regionText } from './views/staff-regions.tsx';

export function registerRegionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const page = async (req: FastifyRequest, reply: FastifyReply, values: Values, errs: FieldError[]) =>
    sendPage(
      req,
      reply,
      { title: regionText(req.locale).title, breadcrumbs: crumbs(req), status: errs.length ? 400 : 200 },
      <CustomRegionsPage regions={await svc.listCustomRegions(deps.db)} values={values} errors={errs} />,
    );
  app.get('/beheer/netwerk/regios', { config: STAFF }, async (req, reply) => page(req, reply, {}, []));
  app.post('/beheer/netwerk/regios', { config: STAFF }, async (req, reply) => {
    const parsed = parseInput(customRegionForm, req.body);
    if (!parsed.ok) return page(req, reply, formValues(req.body), parsed.errors);
    const problems = await unknownCodes(deps.db, parsed.data.codes, todayOf(deps));
    if (problems.length) return page(req, reply, formValues(req.body), problems);
    const done = await attempt(() => svc.createCustomRegion(serviceCtx(req, deps), parsed.data.name, parsed.data.codes));
    if (!done.ok) return page(req, reply, formValues(req.body), done.errors);
    return reply.redirect('/beheer/netwerk/regios', 303);
  });
}
