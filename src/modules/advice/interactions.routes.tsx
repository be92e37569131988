// Staff pages for interactions: the searchable list (with other modules' feed items, read-only), a new
// interaction (optionally with a first task), one interaction with its tasks, editing, adding a task.
// The create and edit forms accept bodies up to 2 MB, so a summary that is too long is refused beside
// its field with the limit named instead of by the body parser.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type AppDeps, todayOf } from '../../deps.ts';
import { errors, type FieldError } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { formValues, idParam, serviceCtx } from '../../http/route-kit.ts';
import { parseInput } from '../../http/validate.ts';
import { allMunicipalityChoices, regionChoices } from './areas.ts';
import { listContacts } from './contacts.service.ts';
import { feedInteractions } from './feed.ts';
import { handleForm, type Values } from './form-kit.ts';
import {
  createInteraction,
  getInteraction,
  type InteractionInput,
  interactionInput,
  listInteractions,
  updateInteraction,
} from './interactions.service.ts';
import { staffMembers } from './people.ts';
import { type InteractionFormInput, interactionForm, interactionQuery, taskForm } from './schema.ts';
import { addTask, listTasks } from './tasks.service.ts';
import { InteractionFormPage, interactionFormTitle } from './views/interaction-form.tsx';
import { InteractionListPage, InteractionView, interactionListTitle } from './views/interaction-pages.tsx';
import { ROLE_LABELS } from './views/labels.ts';
import { adviceCrumbs } from './views/parts.tsx';

const STAFF = { permission: 'staff' as const };
const FORM_BODY_LIMIT = 2 * 1024 * 1024;

function toInput(d: InteractionFormInput): InteractionInput {
  return {
    date: d.date,
    type: d.type,
    subject: d.subject,
    summary: d.summary,
    municipalityCodes: d.municipalities,
    regionCode: d.region ?? null,
    adviserIds: d.advisers,
    contactIds: d.contacts,
  };
}

async function staffChoices(deps: AppDeps) {
  return (await staffMembers(deps.db)).map((s) => ({ value: String(s.id), label: s.name }));
}

async function formChoices(deps: AppDeps, req: FastifyRequest, areas: string[]) {
  const today = todayOf(deps);
  const contacts = areas.length > 0 ? await listContacts(deps.db, { areas }, today) : [];
  return {
    municipalities: await allMunicipalityChoices(deps.db, today, req.locale),
    regions: await regionChoices(deps.db, today),
    staff: await staffChoices(deps),
    contacts: contacts
      .filter((c) => !c.erasedAt && c.name)
      .map((c) => ({ value: String(c.id), label: `${c.name} (${ROLE_LABELS[c.role][req.locale]}, ${c.areaName})` })),
  };
}

function areasOf(values: Values): string[] {
  return [...(values.municipalities ?? '').split(/\s+/), values.region ?? ''].filter(Boolean);
}

async function renderForm(deps: AppDeps, req: FastifyRequest, id: number | undefined, values: Values, errs: FieldError[]) {
  const title = interactionFormTitle(req.locale, id !== undefined);
  const crumbs = adviceCrumbs(
    req.locale,
    { href: '/beheer/advies/interacties', label: interactionListTitle(req.locale) },
    { label: title },
  );
  return {
    title,
    crumbs,
    body: <InteractionFormPage id={id} values={values} errors={errs} choices={await formChoices(deps, req, areasOf(values))} />,
  };
}

function registerList(app: FastifyInstance, deps: AppDeps) {
  app.get('/beheer/advies/interacties', { config: STAFF }, async (req, reply) => {
    const values = formValues(req.query);
    const parsed = parseInput(interactionQuery, req.query ?? {});
    const today = todayOf(deps);
    const [municipalities, staff] = await Promise.all([allMunicipalityChoices(deps.db, today, req.locale), staffChoices(deps)]);
    const title = interactionListTitle(req.locale);
    const options = { title, breadcrumbs: adviceCrumbs(req.locale, { label: title }) };
    const props = { values, municipalities, staff, feed: [], feedFailed: [], pageHref: () => '' };
    if (!parsed.ok)
      return sendPage(req, reply, { ...options, status: 400 }, <InteractionListPage {...props} errors={parsed.errors} result={null} />);
    const q = parsed.data;
    const result = await listInteractions(
      deps.db,
      { municipality: q.gemeente, adviserId: q.adviseur ?? undefined, type: q.type, from: q.van, to: q.tot, q: q.q, page: q.pagina },
      today,
    );
    const from = q.van ?? `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    const feed =
      q.adviseur || q.q
        ? { items: [], failed: [] }
        : await feedInteractions(deps, deps.db, { from, to: q.tot ?? today, codes: result.codes ?? undefined });
    const pageHref = (page: number) => {
      const params = new URLSearchParams(Object.entries(values).filter(([k, v]) => k !== 'pagina' && v !== ''));
      params.set('pagina', String(page));
      return `/beheer/advies/interacties?${params.toString()}`;
    };
    return sendPage(
      req,
      reply,
      options,
      <InteractionListPage
        {...props}
        errors={[]}
        result={result}
        feed={feed.items.filter((i) => !q.type || i.type === q.type)}
        feedFailed={feed.failed.map((f) => f[req.locale])}
        pageHref={pageHref}
      />,
    );
  });
}

function registerCreate(app: FastifyInstance, deps: AppDeps) {
  app.get('/beheer/advies/interacties/nieuw', { config: STAFF }, async (req, reply) => {
    const query = (req.query ?? {}) as Record<string, unknown>;
    const gemeente = typeof query.gemeente === 'string' && /^GM\d{4}$/.test(query.gemeente) ? query.gemeente : '';
    const values: Values = {
      date: todayOf(deps),
      type: 'advice-conversation',
      municipalities: gemeente,
      advisers: String(req.user?.id ?? ''),
    };
    const page = await renderForm(deps, req, undefined, values, []);
    return sendPage(req, reply, { title: page.title, breadcrumbs: page.crumbs }, page.body);
  });

  app.post('/beheer/advies/interacties/nieuw', { config: STAFF, bodyLimit: FORM_BODY_LIMIT }, (req, reply) =>
    handleForm(req, reply, {
      schema: interactionForm,
      render: async (values, errs, status) => {
        const page = await renderForm(deps, req, undefined, values, errs);
        return sendPage(req, reply, { title: page.title, breadcrumbs: page.crumbs, status }, page.body);
      },
      act: async (d) => {
        const task = d.task_title && d.task_due ? { title: d.task_title, ownerId: d.task_owner, dueDate: d.task_due } : undefined;
        const id = await createInteraction(serviceCtx(req, deps), toInput(d), task);
        return `/beheer/advies/interacties/${id}?${task && task.dueDate < todayOf(deps) ? 'te-laat' : 'opgeslagen'}=1`;
      },
    }),
  );
}

async function renderDetail(deps: AppDeps, req: FastifyRequest, id: number, values: Values, errs: FieldError[]) {
  const detail = await getInteraction(deps.db, id);
  if (!detail) throw errors.notFound();
  const [tasks, staff] = await Promise.all([listTasks(deps.db, { interactionId: id }, todayOf(deps)), staffChoices(deps)]);
  const q = (req.query ?? {}) as Record<string, unknown>;
  const notice = q['te-laat'] === '1' ? 'pastDue' : q.klaar === '1' ? 'taskDone' : q.opgeslagen === '1' ? 'saved' : null;
  const crumbs = adviceCrumbs(
    req.locale,
    { href: '/beheer/advies/interacties', label: interactionListTitle(req.locale) },
    { label: detail.subject },
  );
  return {
    title: detail.subject,
    crumbs,
    body: <InteractionView detail={detail} tasks={tasks} staff={staff} values={values} errors={errs} notice={notice} />,
  };
}

function registerDetail(app: FastifyInstance, deps: AppDeps) {
  app.get('/beheer/advies/interacties/:id', { config: STAFF }, async (req, reply) => {
    const page = await renderDetail(deps, req, idParam(req), {}, []);
    return sendPage(req, reply, { title: page.title, breadcrumbs: page.crumbs }, page.body);
  });

  app.post('/beheer/advies/interacties/:id/taken', { config: STAFF }, (req, reply) => {
    const id = idParam(req);
    return handleForm(req, reply, {
      schema: taskForm,
      render: async (values, errs, status) => {
        const page = await renderDetail(deps, req, id, values, errs);
        return sendPage(req, reply, { title: page.title, breadcrumbs: page.crumbs, status }, page.body);
      },
      act: async (d) => {
        const { pastDue } = await addTask(serviceCtx(req, deps), id, { title: d.title, ownerId: d.owner, dueDate: d.due });
        return `/beheer/advies/interacties/${id}?${pastDue ? 'te-laat' : 'opgeslagen'}=1`;
      },
    });
  });
}

function registerEdit(app: FastifyInstance, deps: AppDeps) {
  app.get('/beheer/advies/interacties/:id/bewerken', { config: STAFF }, async (req, reply) => {
    const id = idParam(req);
    const input = await interactionInput(deps.db, id);
    if (!input) throw errors.notFound();
    const values: Values = {
      date: input.date,
      type: input.type,
      subject: input.subject,
      summary: input.summary,
      municipalities: input.municipalityCodes.join(' '),
      region: input.regionCode ?? '',
      advisers: input.adviserIds.join(' '),
      contacts: input.contactIds.join(' '),
    };
    const page = await renderForm(deps, req, id, values, []);
    return sendPage(req, reply, { title: page.title, breadcrumbs: page.crumbs }, page.body);
  });

  app.post('/beheer/advies/interacties/:id/bewerken', { config: STAFF, bodyLimit: FORM_BODY_LIMIT }, (req, reply) => {
    const id = idParam(req);
    return handleForm(req, reply, {
      schema: interactionForm,
      render: async (values, errs, status) => {
        if (!(await interactionInput(deps.db, id))) throw errors.notFound();
        const page = await renderForm(deps, req, id, values, errs);
        return sendPage(req, reply, { title: page.title, breadcrumbs: page.crumbs, status }, page.body);
      },
      act: async (d) => {
        await updateInteraction(serviceCtx(req, deps), id, toInput(d));
        return `/beheer/advies/interacties/${id}?opgeslagen=1`;
      },
    });
  });
}

export function registerInteractionRoutes(app: FastifyInstance, deps: AppDeps) {
  registerList(app, deps);
  registerCreate(app, deps);
  registerDetail(app, deps);
  registerEdit(app, deps);
}
