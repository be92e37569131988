// The staff view of one municipality and its policy forms: set a block's status from a date, and
// confirm or correct a self-report. /beheer/advies/gemeente?gemeente=GM… (a GET form) redirects.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type AppDeps, todayOf } from '../../deps.ts';
import { errors, type FieldError } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { DATE_MESSAGE, idParam, isSupportedDate, serviceCtx } from '../../http/route-kit.ts';
import { areaName, municipalityExistsOn, municipalityKnown } from './areas.ts';
import { listContacts } from './contacts.service.ts';
import { feedInteractions } from './feed.ts';
import { handleForm, type Values } from './form-kit.ts';
import { listInteractions } from './interactions.service.ts';
import { reviewSelfReport, setStatus } from './policy.service.ts';
import { reviewForm, statusForm } from './schema.ts';
import { scorecardOf } from './scorecard.ts';
import { listTasks } from './tasks.service.ts';
import { MunicipalityPage } from './views/municipality.tsx';
import { adviceCrumbs } from './views/parts.tsx';

const STAFF = { permission: 'staff' as const };

/** The code in the route, upper case; 404 when the atlas never knew it. */
export async function knownCode(deps: AppDeps, req: FastifyRequest): Promise<string> {
  const code = String((req.params as Record<string, unknown>).code ?? '').toUpperCase();
  if (!(await municipalityKnown(deps.db, code)))
    throw errors.notFound({ nl: 'Deze gemeente bestaat niet.', en: 'This municipality does not exist.' });
  return code;
}

/** `?datum=` of a page (default today), or a field error that the page shows beside the date. */
export function pageDate(req: FastifyRequest, today: string): { date: string; errors: FieldError[] } {
  const raw = (req.query as Record<string, unknown> | undefined)?.datum;
  if (raw === undefined || raw === '') return { date: today, errors: [] };
  return isSupportedDate(raw) ? { date: raw, errors: [] } : { date: today, errors: [{ field: 'datum', message: DATE_MESSAGE }] };
}

async function renderPage(deps: AppDeps, req: FastifyRequest, code: string, values: Values, errs: FieldError[]) {
  const today = todayOf(deps);
  const { date, errors: dateErrors } = pageDate(req, today);
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  const [name, contacts, interactions, tasks, exists] = await Promise.all([
    areaName(deps.db, code, date),
    listContacts(deps.db, { areas: [code] }, today),
    listInteractions(deps.db, { municipality: code }, today),
    listTasks(deps.db, { open: true, codes: [code] }, today),
    municipalityExistsOn(deps.db, code, date),
  ]);
  const feed = await feedInteractions(deps, deps.db, { from: yearAgo, to: today, codes: interactions.codes ?? [code] });
  const card = exists ? await scorecardOf(deps, deps.db, code, date) : null;
  const q = (req.query ?? {}) as Record<string, unknown>;
  const notice = q.opgeslagen === '1' ? 'saved' : q.beoordeeld === '1' ? 'reviewed' : null;
  const formValues: Values = { effective_date: today, status: 'in-progress', ...values };
  return {
    title: name,
    breadcrumbs: adviceCrumbs(req.locale, { label: name }),
    status: dateErrors.length > 0 ? 400 : undefined,
    body: (
      <MunicipalityPage
        code={code}
        name={name}
        date={date}
        contacts={contacts.filter((c) => !c.erasedAt)}
        interactions={interactions}
        feed={feed.items}
        tasks={tasks}
        card={card}
        values={formValues}
        errors={[...dateErrors, ...errs]}
        notice={notice}
      />
    ),
  };
}

export function registerMunicipalityRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/beheer/advies/gemeente', { config: STAFF }, async (req, reply) => {
    const code = String((req.query as Record<string, unknown>)?.gemeente ?? '').toUpperCase();
    if (!/^GM\d{4}$/.test(code)) return reply.redirect('/beheer/advies/interacties', 303);
    return reply.redirect(`/beheer/advies/gemeente/${code}`, 303);
  });

  app.get('/beheer/advies/gemeente/:code', { config: STAFF }, async (req, reply) => {
    const page = await renderPage(deps, req, await knownCode(deps, req), {}, []);
    return sendPage(req, reply, page, page.body);
  });

  app.post('/beheer/advies/gemeente/:code/beleid', { config: STAFF }, async (req, reply) => {
    const code = await knownCode(deps, req);
    return handleForm(req, reply, {
      schema: statusForm,
      render: async (values, errs, status) => {
        const page = await renderPage(deps, req, code, values, errs);
        return sendPage(req, reply, { ...page, status }, page.body);
      },
      act: async (d) => {
        const input = {
          status: d.status,
          evidenceUrl: d.evidence_url ?? null,
          evidenceNote: d.evidence_note ?? null,
          effectiveDate: d.effective_date,
        };
        await setStatus(serviceCtx(req, deps), code, d.block, input);
        return `/beheer/advies/gemeente/${code}?datum=${d.effective_date}&opgeslagen=1#beleid`;
      },
    });
  });

  app.post('/beheer/advies/gemeente/:code/beleid/:id/beoordeling', { config: STAFF }, async (req, reply) => {
    const code = await knownCode(deps, req);
    const id = idParam(req);
    return handleForm(req, reply, {
      schema: reviewForm,
      render: async (_values, errs, status) => {
        const page = await renderPage(deps, req, code, {}, errs);
        return sendPage(req, reply, { ...page, status }, page.body);
      },
      act: async (d) => {
        await reviewSelfReport(serviceCtx(req, deps), code, id, { status: d.status, note: d.note ?? null });
        return `/beheer/advies/gemeente/${code}?beoordeeld=1#beleid`;
      },
    });
  });
}
