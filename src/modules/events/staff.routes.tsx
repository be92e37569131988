// Staff pages of events: list, create, change, one event's registrations and figures, cancelling a
// registration for someone, and sending the evaluation form.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { AppError, errors, type FieldError } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { formValues, idParam, serviceCtx } from '../../http/route-kit.ts';
import { parseInput } from '../../http/validate.ts';
import { regionsByType } from '../atlas/index.ts';
import { eventReport, sendEvaluations } from './attendance.service.ts';
import { amsterdamDate } from './events.logic.ts';
import { linksOf } from './links.ts';
import { eventFormValues, presentEvent, presentRegistration } from './presenters.ts';
import { municipalityOptions } from './public.routes.tsx';
import { countByStatus, selectRegistration, selectRegistrations } from './registrations.queries.ts';
import { cancelRegistration } from './registrations.service.ts';
import { eventForm } from './schema.ts';
import { changeEvent, createEvent, EVENT_NOT_FOUND, type EventRow, getEvent, listEvents } from './service.ts';
import { StaffEventPage, StaffEventsPage } from './views/staff.tsx';
import { EventFormPage } from './views/staff-form.tsx';
import { sm } from './views/staff-messages.ts';

const STAFF = { permission: 'staff' as const };

export async function staffEventOr404(deps: AppDeps, req: FastifyRequest): Promise<EventRow> {
  const e = await getEvent(deps.db, idParam(req));
  if (!e) throw errors.notFound(EVENT_NOT_FOUND);
  return e;
}

function crumbs(req: FastifyRequest, last?: { href?: string; label: string }) {
  const t = sm(req.locale);
  return [{ href: '/beheer', label: t.staff }, { href: '/beheer/bijeenkomsten', label: t.staffTitle }, ...(last ? [last] : [])];
}

async function formPage(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  o: { action: string; heading: string; values: Record<string, string>; errors: FieldError[]; status: number },
) {
  const provinces = await regionsByType(deps.db, 'province', amsterdamDate(deps.now()));
  return sendPage(
    req,
    reply,
    { title: o.heading, status: o.status, breadcrumbs: crumbs(req, { label: o.heading }) },
    <EventFormPage
      action={o.action}
      heading={o.heading}
      values={o.values}
      errors={o.errors}
      provinces={provinces.map((p) => ({ value: p.code, label: p.name }))}
    />,
  );
}

/** Runs a form's write; a 4xx re-renders the form with the messages beside the fields. */
async function saveForm(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  o: { action: string; heading: string },
  write: (input: ReturnType<typeof eventForm.parse>) => Promise<number>,
) {
  const values = formValues(req.body);
  const parsed = parseInput(eventForm, req.body);
  if (!parsed.ok) return formPage(deps, req, reply, { ...o, values, errors: parsed.errors, status: 400 });
  try {
    const id = await write(parsed.data);
    return reply.redirect(`/beheer/bijeenkomsten/${id}`, 303);
  } catch (err) {
    if (!(err instanceof AppError) || err.status >= 500) throw err;
    return formPage(deps, req, reply, {
      ...o,
      values,
      errors: err.fields.length ? err.fields : [{ field: '_', message: err.detail }],
      status: err.status,
    });
  }
}

export async function registerEventStaffRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/beheer/bijeenkomsten', { config: STAFF }, async (req, reply) => {
    const now = deps.now();
    const events = await listEvents(deps.db);
    const rows = await Promise.all(
      events.reverse().map(async (e) => {
        const counts = await countByStatus(deps.db, e.id);
        const attended = (await selectRegistrations(deps.db, e.id)).filter((r) => r.attended).length;
        return { e: presentEvent(e, req.locale, now), status: e.status, taken: e.taken, waiting: counts.waiting, attended };
      }),
    );
    return sendPage(req, reply, { title: sm(req.locale).staffTitle, breadcrumbs: crumbs(req) }, <StaffEventsPage rows={rows} />);
  });

  app.get('/beheer/bijeenkomsten/nieuw', { config: STAFF }, async (req, reply) => {
    const today = amsterdamDate(deps.now());
    const values = {
      registrationOpens: today,
      access: 'public',
      status: 'published',
      capacity: '40',
      startTime: '13:30',
      endTime: '16:30',
    };
    return formPage(deps, req, reply, {
      action: '/beheer/bijeenkomsten/nieuw',
      heading: sm(req.locale).newEvent,
      values,
      errors: [],
      status: 200,
    });
  });

  app.post('/beheer/bijeenkomsten/nieuw', { config: STAFF }, async (req, reply) =>
    saveForm(deps, req, reply, { action: '/beheer/bijeenkomsten/nieuw', heading: sm(req.locale).newEvent }, (input) =>
      createEvent(serviceCtx(req, deps), input),
    ),
  );

  app.get('/beheer/bijeenkomsten/:id', { config: STAFF }, async (req, reply) => {
    const e = await staffEventOr404(deps, req);
    const registrations = (await selectRegistrations(deps.db, e.id)).map(presentRegistration);
    const options = await municipalityOptions(deps, e);
    const notice = (req.query as Record<string, string>)?.klaar === 'evaluatie' ? sm(req.locale).evaluationQueued : undefined;
    return sendPage(
      req,
      reply,
      { title: e.title, breadcrumbs: crumbs(req, { label: e.title }) },
      <StaffEventPage
        e={presentEvent(e, req.locale, deps.now())}
        report={await eventReport(deps.db, e.id)}
        registrations={registrations}
        municipalityNames={new Map(options.map((o) => [o.value, o.label]))}
        inviteLink={
          e.access === 'invitation' && e.invite_key
            ? `${deps.config.publicBaseUrl}/bijeenkomsten/${e.id}?uitnodiging=${e.invite_key}`
            : null
        }
        notice={notice}
      />,
    );
  });

  registerEventEditRoutes(app, deps);
}

function registerEventEditRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/beheer/bijeenkomsten/:id/bewerken', { config: STAFF }, async (req, reply) => {
    const e = await staffEventOr404(deps, req);
    return formPage(deps, req, reply, {
      action: `/beheer/bijeenkomsten/${e.id}/bewerken`,
      heading: `${sm(req.locale).edit}: ${e.title}`,
      values: eventFormValues(e),
      errors: [],
      status: 200,
    });
  });

  app.post('/beheer/bijeenkomsten/:id/bewerken', { config: STAFF }, async (req, reply) => {
    const e = await staffEventOr404(deps, req);
    return saveForm(
      deps,
      req,
      reply,
      { action: `/beheer/bijeenkomsten/${e.id}/bewerken`, heading: `${sm(req.locale).edit}: ${e.title}` },
      async (input) => {
        await changeEvent(serviceCtx(req, deps), e.id, input, linksOf(deps));
        return e.id;
      },
    );
  });

  app.post('/beheer/bijeenkomsten/:id/aanmeldingen/:registrationId/annuleren', { config: STAFF }, async (req, reply) => {
    const e = await staffEventOr404(deps, req);
    const r = await selectRegistration(deps.db, idParam(req, 'registrationId'));
    if (!r || r.event_id !== e.id) throw errors.notFound({ nl: 'Deze aanmelding bestaat niet.', en: 'This registration does not exist.' });
    await cancelRegistration(serviceCtx(req, deps), linksOf(deps), r.id);
    return reply.redirect(`/beheer/bijeenkomsten/${e.id}`, 303);
  });

  app.post('/beheer/bijeenkomsten/:id/evaluatie', { config: STAFF }, async (req, reply) => {
    const e = await staffEventOr404(deps, req);
    await sendEvaluations(serviceCtx(req, deps), e.id);
    return reply.redirect(`/beheer/bijeenkomsten/${e.id}?klaar=evaluatie`, 303);
  });
}
