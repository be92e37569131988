// /beheer/netwerk/organisaties (staff): list, new, edit, delete.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { errors, type FieldError } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { formValues, idParam, serviceCtx } from '../../http/route-kit.ts';
import { parseInput } from '../../http/validate.ts';
import { attempt, crumbs, STAFF } from './routes.kit.ts';
import { organisationForm } from './schema.ts';
import * as svc from './service.ts';
import type { Values } from './views/staff-common.tsx';
import { OrganisationFormPage, OrganisationList, organisationText } from './views/staff-organisations.tsx';

export function registerOrganisationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const formPage = (req: FastifyRequest, reply: FastifyReply, id: number | undefined, values: Values, errs: FieldError[]) => {
    const t = organisationText(req.locale);
    return sendPage(
      req,
      reply,
      {
        title: id ? t.edit : t.new,
        breadcrumbs: crumbs(req, { href: '/beheer/netwerk/organisaties', label: t.list }),
        status: errs.length ? 400 : 200,
      },
      <OrganisationFormPage id={id} values={values} errors={errs} />,
    );
  };

  /** Saves the form (create when `id` is undefined); a wrong field re-renders it with what was typed. */
  const save = async (req: FastifyRequest, reply: FastifyReply, id?: number) => {
    const parsed = parseInput(organisationForm, req.body);
    if (!parsed.ok) return formPage(req, reply, id, formValues(req.body), parsed.errors);
    const input = { name: parsed.data.name, type: parsed.data.type, website: parsed.data.website ?? null };
    const ctx = serviceCtx(req, deps);
    const done = await attempt(async () => {
      if (id === undefined) await svc.createOrganisation(ctx, input);
      else await svc.updateOrganisation(ctx, id, input);
    });
    if (!done.ok) return formPage(req, reply, id, formValues(req.body), done.errors);
    return reply.redirect('/beheer/netwerk/organisaties', 303);
  };

  app.get('/beheer/netwerk/organisaties', { config: STAFF }, async (req, reply) =>
    sendPage(
      req,
      reply,
      { title: organisationText(req.locale).list, breadcrumbs: crumbs(req) },
      <OrganisationList organisations={await svc.listOrganisations(deps.db)} />,
    ),
  );
  app.get('/beheer/netwerk/organisaties/nieuw', { config: STAFF }, async (req, reply) =>
    formPage(req, reply, undefined, { type: 'ggd' }, []),
  );
  app.post('/beheer/netwerk/organisaties/nieuw', { config: STAFF }, async (req, reply) => save(req, reply));
  app.get('/beheer/netwerk/organisaties/:id', { config: STAFF }, async (req, reply) => {
    const org = await svc.getOrganisation(deps.db, idParam(req));
    if (!org) throw errors.notFound();
    return formPage(req, reply, org.id, { name: org.name, type: org.type, website: org.website ?? '' }, []);
  });
  app.post('/beheer/netwerk/organisaties/:id', { config: STAFF }, async (req, reply) => save(req, reply, idParam(req)));
  app.post('/beheer/netwerk/organisaties/:id/verwijderen', { config: STAFF }, async (req, reply) => {
    await svc.deleteOrganisation(serviceCtx(req, deps), idParam(req));
    return reply.redirect('/beheer/netwerk/organisaties', 303);
  });
}
