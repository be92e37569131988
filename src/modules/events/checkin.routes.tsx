// On the day (staff): the mobile check-in list with search, ticking attended, walk-ins, and the
// printable attendance list. Plain forms that post and redirect back (no JavaScript needed).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import type { FieldError } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { formValues, idParam, serviceCtx } from '../../http/route-kit.ts';
import { parseInput } from '../../http/validate.ts';
import { addWalkIn, setAttended } from './attendance.service.ts';
import { presentEvent, presentRegistration } from './presenters.ts';
import { municipalityOptions } from './public.routes.tsx';
import { selectRegistrations } from './registrations.queries.ts';
import { checkinQuery, walkInForm } from './schema.ts';
import type { EventRow } from './service.ts';
import { staffEventOr404 } from './staff.routes.tsx';
import { CheckinPage, PrintListPage } from './views/checkin.tsx';
import { sm } from './views/staff-messages.ts';

const STAFF = { permission: 'staff' as const };

async function checkinPage(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  e: EventRow,
  form: { values: Record<string, string>; errors: FieldError[]; status: number },
) {
  const query = checkinQuery.parse(req.query ?? {}).q;
  const present = await selectRegistrations(deps.db, e.id, { statuses: ['registered'] });
  const shown = query ? await selectRegistrations(deps.db, e.id, { statuses: ['registered'], search: query }) : present;
  const t = sm(req.locale);
  return sendPage(
    req,
    reply,
    {
      title: `${t.checkin}: ${e.title}`,
      status: form.status,
      breadcrumbs: [{ href: `/beheer/bijeenkomsten/${e.id}`, label: e.title }, { label: t.checkin }],
    },
    <CheckinPage
      e={presentEvent(e, req.locale, deps.now())}
      people={shown.map(presentRegistration)}
      query={query}
      attended={present.filter((r) => r.attended).length}
      total={present.length}
      municipalities={await municipalityOptions(deps, e)}
      values={form.values}
      errors={form.errors}
    />,
  );
}

export async function registerCheckinRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/beheer/bijeenkomsten/:id/aanwezigheid', { config: STAFF }, async (req, reply) =>
    checkinPage(deps, req, reply, await staffEventOr404(deps, req), { values: {}, errors: [], status: 200 }),
  );

  app.post('/beheer/bijeenkomsten/:id/aanwezigheid/:registrationId', { config: STAFF }, async (req, reply) => {
    const e = await staffEventOr404(deps, req);
    const attended = formValues(req.body).attended !== '0';
    await setAttended(serviceCtx(req, deps), e.id, idParam(req, 'registrationId'), attended);
    const q = checkinQuery.parse(req.query ?? {}).q;
    return reply.redirect(`/beheer/bijeenkomsten/${e.id}/aanwezigheid${q ? `?q=${encodeURIComponent(q)}` : ''}`, 303);
  });

  app.post('/beheer/bijeenkomsten/:id/inloop', { config: STAFF }, async (req, reply) => {
    const e = await staffEventOr404(deps, req);
    const parsed = parseInput(walkInForm, req.body);
    if (!parsed.ok) return checkinPage(deps, req, reply, e, { values: formValues(req.body), errors: parsed.errors, status: 400 });
    if (parsed.data.municipality !== 'other' && !(await municipalityOptions(deps, e)).some((o) => o.value === parsed.data.municipality)) {
      const message = { nl: 'Kies een gemeente uit de lijst.', en: 'Choose a municipality from the list.' };
      return checkinPage(deps, req, reply, e, { values: formValues(req.body), errors: [{ field: 'municipality', message }], status: 400 });
    }
    await addWalkIn(serviceCtx(req, deps), e.id, parsed.data);
    return reply.redirect(`/beheer/bijeenkomsten/${e.id}/aanwezigheid`, 303);
  });

  app.get('/beheer/bijeenkomsten/:id/presentielijst', { config: STAFF }, async (req, reply) => {
    const e = await staffEventOr404(deps, req);
    const people = (await selectRegistrations(deps.db, e.id, { statuses: ['registered'] })).map(presentRegistration);
    people.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    const options = await municipalityOptions(deps, e);
    return sendPage(
      req,
      reply,
      { title: `${sm(req.locale).printList}: ${e.title}` },
      <PrintListPage
        e={presentEvent(e, req.locale, deps.now())}
        people={people}
        municipalityNames={new Map(options.map((o) => [o.value, o.label]))}
      />,
    );
  });
}
