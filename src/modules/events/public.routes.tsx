// Public event pages: the list, one page per event (schema.org JSON-LD, registration form), the
// calendar feed and one calendar file per event, and the registration POST.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { AppError, errors } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { formValues, idParam } from '../../http/route-kit.ts';
import { parseInput } from '../../http/validate.ts';
import { municipalitiesOn, regionsByType } from '../atlas/index.ts';
import { amsterdamDate } from './events.logic.ts';
import { eventIcs, eventsFeedIcs } from './ics.ts';
import { linksOf } from './links.ts';
import { eventJsonLd, presentEvent } from './presenters.ts';
import { eventsPublicCache } from './public-version.ts';
import { register } from './registrations.service.ts';
import { listQuery, registrationForm } from './schema.ts';
import { EVENT_NOT_FOUND, type EventRow, getPublicEvent, listPublicEvents } from './service.ts';
import { em } from './views/messages.ts';
import { EventPage, EventsListPage, type Option } from './views/public.tsx';
import { CheckEmailPage } from './views/registration.tsx';

const PUBLIC_CACHE = 'public, max-age=60';
/** Anonymous answers kept by the public cache while the events version holds (./public-version.ts); an open
 * registration form carries a CSRF token, so such a page is never kept. */
const CACHED = { permission: 'public', publicCache: eventsPublicCache } as const;
const ICS_TYPE = 'text/calendar; charset=utf-8';

export async function municipalityOptions(deps: AppDeps, e: EventRow): Promise<Option[]> {
  const list = await municipalitiesOn(deps.db, amsterdamDate(e.starts_at));
  return list.map((m) => ({ value: m.code, label: m.name })).sort((a, b) => a.label.localeCompare(b.label, 'nl'));
}

async function eventOr404(deps: AppDeps, req: FastifyRequest): Promise<EventRow> {
  const e = await getPublicEvent(deps.db, idParam(req));
  if (!e) throw errors.notFound(EVENT_NOT_FOUND);
  return e;
}

async function renderEventPage(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  e: EventRow,
  form: { values: Record<string, string>; errors: AppError['fields']; status: number },
) {
  const view = presentEvent(e, req.locale, deps.now());
  const invite =
    typeof (req.query as Record<string, unknown>)?.uitnodiging === 'string'
      ? String((req.query as Record<string, string>).uitnodiging)
      : form.values.invite;
  const canRegister = e.access === 'public' || (invite !== undefined && invite === e.invite_key);
  const open = view.window === 'open' && !view.cancelled && canRegister;
  return sendPage(
    req,
    reply,
    {
      title: e.title,
      status: form.status,
      description: e.description.slice(0, 160),
      breadcrumbs: [{ href: '/bijeenkomsten', label: em(req.locale).listTitle }, { label: e.title }],
      cacheControl: form.status === 200 && e.access === 'public' ? PUBLIC_CACHE : undefined,
    },
    <EventPage
      e={view}
      jsonLd={eventJsonLd(e, deps.config.publicBaseUrl)}
      canRegister={canRegister}
      form={open ? { e: view, municipalities: await municipalityOptions(deps, e), values: form.values, errors: form.errors, invite } : null}
    />,
  );
}

export async function registerEventPublicRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/bijeenkomsten', { config: CACHED }, async (req, reply) => {
    const parsed = parseInput(listQuery, req.query);
    if (!parsed.ok) throw errors.badRequest({ nl: 'Kies een filter uit de lijst.', en: 'Choose a filter from the list.' }, parsed.errors);
    const now = deps.now();
    const events = await listPublicEvents(deps.db, parsed.data);
    const views = events.map((e) => presentEvent(e, req.locale, now));
    const provinces = await regionsByType(deps.db, 'province', amsterdamDate(now));
    return sendPage(
      req,
      reply,
      { title: em(req.locale).listTitle, cacheControl: PUBLIC_CACHE },
      <EventsListPage
        upcoming={views.filter((v) => Date.parse(v.endsAt) >= now.getTime())}
        past={views.filter((v) => Date.parse(v.endsAt) < now.getTime()).reverse()}
        provinces={provinces.map((p) => ({ value: p.code, label: p.name }))}
        filter={parsed.data}
      />,
    );
  });

  app.get('/bijeenkomsten/agenda.ics', { config: CACHED }, async (_req, reply) => {
    const events = (await listPublicEvents(deps.db)).filter((e) => e.access === 'public');
    reply.type(ICS_TYPE).header('cache-control', PUBLIC_CACHE).header('content-disposition', 'inline; filename="bijeenkomsten.ics"');
    return reply.send(eventsFeedIcs(events, { baseUrl: deps.config.publicBaseUrl }));
  });

  app.get('/bijeenkomsten/:id', { config: CACHED }, async (req, reply) => {
    return renderEventPage(deps, req, reply, await eventOr404(deps, req), { values: {}, errors: [], status: 200 });
  });

  app.get('/bijeenkomsten/:id/agenda.ics', { config: CACHED }, async (req, reply) => {
    const e = await eventOr404(deps, req);
    reply
      .type(ICS_TYPE)
      .header('cache-control', PUBLIC_CACHE)
      .header('content-disposition', `attachment; filename="bijeenkomst-${e.id}.ics"`);
    return reply.send(eventIcs(e, { baseUrl: deps.config.publicBaseUrl }));
  });

  app.get('/bijeenkomsten/:id/aangemeld', { config: CACHED }, async (req, reply) => {
    const e = await eventOr404(deps, req);
    return sendPage(
      req,
      reply,
      { title: em(req.locale).checkEmailTitle, cacheControl: PUBLIC_CACHE },
      <CheckEmailPage e={presentEvent(e, req.locale, deps.now())} />,
    );
  });

  app.post(
    '/bijeenkomsten/:id/aanmelden',
    // Anonymous visitors send it from the kept event page, without a CSRF token (ADR 0020).
    { config: { permission: 'public', csrf: 'signed-in', rateLimit: { max: 20, timeWindow: '10 minutes' } } },
    async (req, reply) => {
      const e = await eventOr404(deps, req);
      const values = formValues(req.body);
      // A filled-in honeypot: a robot. It gets the same answer as a person, and nothing is stored.
      if (values.website) return reply.redirect(`/bijeenkomsten/${e.id}/aangemeld`, 303);
      const parsed = parseInput(registrationForm, req.body);
      if (!parsed.ok) return renderEventPage(deps, req, reply, e, { values, errors: parsed.errors, status: 400 });
      try {
        await register(
          { db: deps.db, actor: { userId: req.user?.id ?? null, label: 'registration', requestId: req.id }, now: deps.now() },
          linksOf(deps),
          e.id,
          parsed.data,
          values,
        );
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        const fields = err.fields.length > 0 ? err.fields : [{ field: '_', message: err.detail }];
        return renderEventPage(deps, req, reply, (await getPublicEvent(deps.db, e.id))!, { values, errors: fields, status: err.status });
      }
      return reply.redirect(`/bijeenkomsten/${e.id}/aangemeld`, 303);
    },
  );
}
