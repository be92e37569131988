// Staff pages for subscribers (permission staff): search and counts, export and erasure on request,
// the CSV import (always "to be confirmed"); the settings page is admin-only.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { errors, type FieldError } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { formValues, idParam, serviceCtx } from '../../http/route-kit.ts';
import { parseInput } from '../../http/validate.ts';
import { newsletterCrumbs } from './editions.routes.tsx';
import { newsSettings, rotateWebhookSecret, saveSettings } from './settings.ts';
import { countByStatus, searchSubscribers, selectSubscriber } from './subscribers.queries.ts';
import { importForm, searchQuery, settingsForm } from './subscribers.schema.ts';
import { eraseSubscriber, exportSubscriber } from './subscribers.service.ts';
import { importSubscribers } from './subscribers-import.ts';
import { s } from './views/editions.tsx';
import { ImportPage, SettingsPage, SubscribersPage } from './views/subscribers.tsx';

const STAFF = { permission: 'staff' as const };
const ADMIN = { permission: 'admin' as const };
type Id = { Params: { id: string } };

async function registerSubscriberListRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/beheer/nieuwsbrief/abonnees', { config: STAFF }, async (req, reply) => {
    const parsed = parseInput(searchQuery, req.query);
    const q = parsed.ok ? parsed.data.q : '';
    const rows = (await searchSubscribers(deps.db, q)).map((r) => ({
      id: Number(r.id),
      email: r.email,
      status: r.status,
      createdAt: r.created_at,
    }));
    const notice = (req.query as Record<string, unknown>)?.gewist === '1' ? s(req.locale).notice : undefined;
    return sendPage(
      req,
      reply,
      { title: s(req.locale).subscribers, breadcrumbs: newsletterCrumbs(req, { label: s(req.locale).subscribers }) },
      <SubscribersPage rows={rows} counts={await countByStatus(deps.db)} q={q} notice={notice} />,
    );
  });
  const subscriber = async (req: FastifyRequest) => {
    const row = await selectSubscriber(deps.db, idParam(req));
    if (!row) throw errors.notFound();
    return row;
  };
  app.get<Id>('/beheer/nieuwsbrief/abonnees/:id/gegevens.json', { config: STAFF }, async (req, reply) => {
    const row = await subscriber(req);
    reply.header('cache-control', 'private, no-store').header('content-disposition', `attachment; filename="abonnee-${row.id}.json"`);
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(await exportSubscriber(deps.db, Number(row.id)), null, 2));
  });
  app.post<Id>('/beheer/nieuwsbrief/abonnees/:id/wissen', { config: STAFF }, async (req, reply) => {
    const row = await subscriber(req);
    await eraseSubscriber(serviceCtx(req, deps), Number(row.id));
    return reply.redirect('/beheer/nieuwsbrief/abonnees?gewist=1', 303);
  });
}

async function registerImportRoutes(app: FastifyInstance, deps: AppDeps) {
  const importPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    errs: FieldError[],
    result?: Awaited<ReturnType<typeof importSubscribers>>,
  ) =>
    sendPage(
      req,
      reply,
      {
        title: s(req.locale).importTitle,
        breadcrumbs: newsletterCrumbs(
          req,
          { href: '/beheer/nieuwsbrief/abonnees', label: s(req.locale).subscribers },
          { label: s(req.locale).importTitle },
        ),
        status: errs.length > 0 ? 400 : 200,
      },
      <ImportPage values={values} errors={errs} result={result} />,
    );
  app.get('/beheer/nieuwsbrief/abonnees/importeren', { config: STAFF }, (req, reply) => importPage(req, reply, {}, []));
  app.post('/beheer/nieuwsbrief/abonnees/importeren', { config: STAFF }, async (req, reply) => {
    const parsed = parseInput(importForm, req.body);
    if (!parsed.ok) return importPage(req, reply, formValues(req.body), parsed.errors);
    const result = await importSubscribers(serviceCtx(req, deps), deps, parsed.data.csv);
    return importPage(req, reply, {}, [], result);
  });
}

async function registerSettingsRoutes(app: FastifyInstance, deps: AppDeps) {
  const settingsPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string> | null,
    errs: FieldError[],
    extra: { newSecret?: string; notice?: string } = {},
  ) => {
    const current = await newsSettings(deps.db);
    const v = values ?? {
      tracking: current.tracking ? 'on' : '',
      ratePerMinute: String(current.ratePerMinute),
      softBounceLimit: String(current.softBounceLimit),
    };
    return sendPage(
      req,
      reply,
      {
        title: s(req.locale).settings,
        breadcrumbs: newsletterCrumbs(req, { label: s(req.locale).settings }),
        status: errs.length > 0 ? 400 : 200,
      },
      <SettingsPage
        values={v}
        errors={errs}
        webhookConfigured={current.webhookConfigured}
        isAdmin
        newSecret={extra.newSecret}
        notice={extra.notice}
      />,
    );
  };
  app.get('/beheer/nieuwsbrief/instellingen', { config: ADMIN }, (req, reply) =>
    settingsPage(req, reply, null, [], {
      notice: (req.query as Record<string, unknown>)?.opgeslagen === '1' ? s(req.locale).notice : undefined,
    }),
  );
  app.post('/beheer/nieuwsbrief/instellingen', { config: ADMIN }, async (req, reply) => {
    const parsed = parseInput(settingsForm, req.body);
    if (!parsed.ok) return settingsPage(req, reply, formValues(req.body), parsed.errors);
    await saveSettings(serviceCtx(req, deps), parsed.data);
    return reply.redirect('/beheer/nieuwsbrief/instellingen?opgeslagen=1', 303);
  });
  app.post('/beheer/nieuwsbrief/instellingen/geheim', { config: ADMIN }, async (req, reply) => {
    const secret = await rotateWebhookSecret(serviceCtx(req, deps));
    reply.header('cache-control', 'private, no-store');
    return settingsPage(req, reply, null, [], { newSecret: secret });
  });
}

export async function registerSubscriberAdminRoutes(app: FastifyInstance, deps: AppDeps) {
  await registerSubscriberListRoutes(app, deps);
  await registerImportRoutes(app, deps);
  await registerSettingsRoutes(app, deps);
}
