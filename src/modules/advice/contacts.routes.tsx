// Staff pages for contacts: list and filter (duplicates flagged), create, edit, export as JSON,
// merge a duplicate into a contact, erase a contact everywhere.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type AppDeps, todayOf } from '../../deps.ts';
import { errors, type FieldError } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { formValues, idParam, serviceCtx } from '../../http/route-kit.ts';
import { msg, parseInput } from '../../http/validate.ts';
import { allMunicipalityChoices, regionChoices } from './areas.ts';
import { exportContact, getContact, listContacts } from './contacts.service.ts';
import { type ContactInput, createContact, eraseContact, mergeContacts, updateContact } from './contacts.write.ts';
import { handleForm, type Values } from './form-kit.ts';
import { type ContactFormInput, contactForm, contactQuery, mergeForm } from './schema.ts';
import { ContactListPage, ContactPage, contactListTitle, contactNewTitle, NewContactPage } from './views/contacts.tsx';
import { common } from './views/labels.ts';
import { adviceCrumbs } from './views/parts.tsx';

const STAFF = { permission: 'staff' as const };

function toInput(d: ContactFormInput): ContactInput {
  return {
    area: d.area,
    name: d.name,
    role: d.role,
    email: d.email ?? null,
    phone: d.phone ?? null,
    since: d.since ?? null,
    until: d.until ?? null,
    lawfulBasis: d.lawful_basis,
  };
}

async function areaChoices(deps: AppDeps, req: FastifyRequest) {
  const today = todayOf(deps);
  const regions = await regionChoices(deps.db, today);
  const t = common(req.locale);
  const prefix = (type: string) => (type === 'province' ? t.province : t.safetyRegion);
  return [
    ...(await allMunicipalityChoices(deps.db, today, req.locale)),
    ...regions.flatMap((g) => g.choices.map((r) => ({ value: r.value, label: `${prefix(g.type)} ${r.label}` }))),
  ];
}

const listCrumb = (req: FastifyRequest) => ({ href: '/beheer/advies/contacten', label: contactListTitle(req.locale) });

function registerListAndCreate(app: FastifyInstance, deps: AppDeps) {
  app.get('/beheer/advies/contacten', { config: STAFF }, async (req, reply) => {
    const values = formValues(req.query);
    const parsed = parseInput(contactQuery, req.query ?? {});
    const options = { title: contactListTitle(req.locale), breadcrumbs: adviceCrumbs(req.locale, { label: contactListTitle(req.locale) }) };
    const areas = await areaChoices(deps, req);
    if (!parsed.ok)
      return sendPage(
        req,
        reply,
        { ...options, status: 400 },
        <ContactListPage values={values} errors={parsed.errors} contacts={null} areas={areas} />,
      );
    const contacts = await listContacts(
      deps.db,
      { areas: parsed.data.gebied ? [parsed.data.gebied] : undefined, q: parsed.data.q },
      todayOf(deps),
    );
    return sendPage(req, reply, options, <ContactListPage values={values} errors={[]} contacts={contacts} areas={areas} />);
  });

  const renderNew = async (req: FastifyRequest, values: Values, errs: FieldError[], status = 200) => {
    const title = contactNewTitle(req.locale);
    return {
      title,
      breadcrumbs: adviceCrumbs(req.locale, listCrumb(req), { label: title }),
      status,
      body: <NewContactPage values={values} errors={errs} areas={await areaChoices(deps, req)} />,
    };
  };

  app.get('/beheer/advies/contacten/nieuw', { config: STAFF }, async (req, reply) => {
    const q = (req.query ?? {}) as Record<string, unknown>;
    const page = await renderNew(
      req,
      { area: typeof q.gebied === 'string' ? q.gebied : '', lawful_basis: 'public-task', role: 'aandachtsfunctionaris' },
      [],
    );
    return sendPage(req, reply, page, page.body);
  });

  app.post('/beheer/advies/contacten/nieuw', { config: STAFF }, (req, reply) =>
    handleForm(req, reply, {
      schema: contactForm,
      render: async (values, errs, status) => {
        const page = await renderNew(req, values, errs, status);
        return sendPage(req, reply, page, page.body);
      },
      act: async (d) => `/beheer/advies/contacten/${await createContact(serviceCtx(req, deps), toInput(d))}?opgeslagen=1`,
    }),
  );
}

async function renderContact(deps: AppDeps, req: FastifyRequest, id: number, values: Values | null, errs: FieldError[], status = 200) {
  const today = todayOf(deps);
  const contact = await getContact(deps.db, id, today);
  if (!contact) throw errors.notFound();
  const sameArea = await listContacts(deps.db, { areas: [contact.areaCode] }, today);
  const flagged = new Set(contact.duplicate?.ids ?? []);
  const others = [...sameArea.filter((c) => c.id !== id && !c.erasedAt)];
  for (const fid of flagged)
    if (fid !== id && !others.some((o) => o.id === fid)) {
      const other = await getContact(deps.db, fid, today);
      if (other && !other.erasedAt) others.push(other);
    }
  // The flagged duplicates first: the merge form's default choice is the likely same person.
  others.sort((a, b) => Number(flagged.has(b.id)) - Number(flagged.has(a.id)));
  const q = (req.query ?? {}) as Record<string, unknown>;
  const notice = q.opgeslagen === '1' ? 'saved' : q.samengevoegd === '1' ? 'merged' : null;
  const current: Values = values ?? {
    area: contact.areaCode,
    name: contact.name ?? '',
    role: contact.role,
    email: contact.email ?? '',
    phone: contact.phone ?? '',
    since: contact.since ?? '',
    until: contact.until ?? '',
    lawful_basis: contact.lawfulBasis,
  };
  const title = contact.name ?? `#${id}`;
  return {
    title,
    breadcrumbs: adviceCrumbs(req.locale, listCrumb(req), { label: title }),
    status,
    body: (
      <ContactPage contact={contact} values={current} errors={errs} areas={await areaChoices(deps, req)} others={others} notice={notice} />
    ),
  };
}

const eraseForm = z.object({
  confirm: z.literal(
    '1',
    msg({ nl: 'Vink aan dat u deze persoon overal wilt verwijderen.', en: 'Tick that you want to erase this person everywhere.' }),
  ),
});

function registerOne(app: FastifyInstance, deps: AppDeps) {
  app.get('/beheer/advies/contacten/:id', { config: STAFF }, async (req, reply) => {
    const page = await renderContact(deps, req, idParam(req), null, []);
    return sendPage(req, reply, page, page.body);
  });

  const post = (path: string, schema: z.ZodType, act: (req: FastifyRequest, id: number, data: never) => Promise<string>) =>
    app.post(path, { config: STAFF }, (req, reply) => {
      const id = idParam(req);
      return handleForm(req, reply, {
        schema,
        render: async (values, errs, status) => {
          const page = await renderContact(deps, req, id, path.endsWith(':id') ? values : null, errs, status);
          return sendPage(req, reply, page, page.body);
        },
        act: (data) => act(req, id, data as never),
      });
    });

  post('/beheer/advies/contacten/:id', contactForm, async (req, id, d: ContactFormInput) => {
    await updateContact(serviceCtx(req, deps), id, toInput(d));
    return `/beheer/advies/contacten/${id}?opgeslagen=1`;
  });
  post('/beheer/advies/contacten/:id/samenvoegen', mergeForm, async (req, id, d: z.infer<typeof mergeForm>) => {
    await mergeContacts(serviceCtx(req, deps), id, d.other[0]);
    return `/beheer/advies/contacten/${id}?samengevoegd=1`;
  });
  post('/beheer/advies/contacten/:id/verwijderen', eraseForm, async (req, id) => {
    await eraseContact(serviceCtx(req, deps), id);
    return `/beheer/advies/contacten/${id}`;
  });

  app.get('/beheer/advies/contacten/:id/export', { config: STAFF }, async (req, reply) => {
    const id = idParam(req);
    const data = await exportContact(deps.db, id, todayOf(deps));
    if (!data) throw errors.notFound();
    reply.header('content-disposition', `attachment; filename="contactpersoon-${id}.json"`).header('cache-control', 'private, no-store');
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(data, null, 2));
  });
}

export function registerContactRoutes(app: FastifyInstance, deps: AppDeps) {
  registerListAndCreate(app, deps);
  registerOne(app, deps);
}
