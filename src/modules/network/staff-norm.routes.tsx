// /beheer/netwerk/norm (admin): the capacity norm, a decimal number within sensible bounds.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import type { FieldError } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { formValues, serviceCtx } from '../../http/route-kit.ts';
import { parseInput } from '../../http/validate.ts';
import { ADMIN, attempt, crumbs, flagged } from './routes.kit.ts';
import { normForm } from './schema.ts';
import * as svc from './service.ts';
import { NormPage, normText } from './views/staff-norm.tsx';

export function registerNormRoutes(app: FastifyInstance, deps: AppDeps): void {
  const page = (req: FastifyRequest, reply: FastifyReply, value: string, errs: FieldError[], saved = false) =>
    sendPage(
      req,
      reply,
      { title: normText(req.locale).title, breadcrumbs: crumbs(req), status: errs.length ? 400 : 200 },
      <NormPage value={value} errors={errs} saved={saved} />,
    );
  app.get('/beheer/netwerk/norm', { config: ADMIN }, async (req, reply) => {
    const value = String(await svc.getNorm(deps.db)).replace('.', req.locale === 'nl' ? ',' : '.');
    return page(req, reply, value, [], flagged(req, 'opgeslagen'));
  });
  app.post('/beheer/netwerk/norm', { config: ADMIN }, async (req, reply) => {
    const typed = formValues(req.body).norm ?? '';
    const parsed = parseInput(normForm, req.body);
    if (!parsed.ok) return page(req, reply, typed, parsed.errors);
    const done = await attempt(() => svc.setNorm(serviceCtx(req, deps), parsed.data.norm));
    if (!done.ok) return page(req, reply, typed, done.errors);
    return reply.redirect('/beheer/netwerk/norm?opgeslagen=1', 303);
  });
}
