// How the permission walk (test/permissions.test.ts) calls the advice module's routes: the data each
// request needs, made through this module's services (convention: test/helpers/walk.ts). Pages that
// only read share their records; every form makes its own.
import type { ExampleContext, RouteExample, RouteExamples } from '../../../test/helpers/walk.ts';
import { areaName } from './areas.ts';
import { createContact } from './contacts.write.ts';
import { createInteraction } from './interactions.service.ts';
import { selfReport } from './policy.service.ts';
import { addTask } from './tasks.service.ts';

let made = 0;
const next = () => {
  made += 1;
  return made;
};

const contact = (ctx: ExampleContext, name = `Walk Contact ${next()} (voorbeeld)`) =>
  createContact(ctx.service, {
    area: 'GM0363',
    name,
    role: 'aandachtsfunctionaris',
    email: `walk-${next()}@example.org`,
    phone: null,
    since: null,
    until: null,
    lawfulBasis: 'public-task',
  });

const interaction = (ctx: ExampleContext) =>
  createInteraction(ctx.service, {
    date: '2019-05-01',
    type: 'advice-conversation',
    subject: `Gesprek uit de permissietest ${next()}`,
    summary: 'Samenvatting',
    municipalityCodes: ['GM0363'],
    regionCode: null,
    adviserIds: [],
    contactIds: [],
  });

const sharedContact = (ctx: ExampleContext) => ctx.shared('advice:contact', () => contact(ctx));
const sharedInteraction = (ctx: ExampleContext) => ctx.shared('advice:interaction', () => interaction(ctx));

const interactionBody = { date: '2019-06-01', type: 'phone', subject: 'Telefonisch overleg', summary: 'Kort', municipalities: 'GM0363' };
const statusBody = { block: 'policy-adopted', status: 'in-progress', evidence_note: 'Uit de permissietest' };

/** The municipality a request acts on: a municipality account's own, else Amsterdam. */
const ownCode = (ctx: ExampleContext) => ctx.user?.municipalityCode ?? 'GM0363';

async function ownScorecard(ctx: ExampleContext, extra: Partial<RouteExample> = {}): Promise<RouteExample> {
  const code = ownCode(ctx);
  return {
    params: { code },
    ownerMark: `Beleidsmonitor ${await areaName(ctx.deps.db, code, ctx.deps.now().toISOString().slice(0, 10))}`,
    ...extra,
  };
}

export const routeExamples: RouteExamples = {
  // Staff start, tasks, municipality page
  'POST /beheer/advies/taken/:id/afgerond': async (ctx) => ({
    params: { id: (await addTask(ctx.service, await interaction(ctx), { title: 'Taak', ownerId: null, dueDate: '2030-01-01' })).id },
  }),
  'GET /beheer/advies/gemeente': async () => ({ query: { gemeente: 'GM0363' }, status: 303 }),
  'GET /beheer/advies/gemeente/:code': async () => ({ params: { code: 'GM0363' } }),
  'POST /beheer/advies/gemeente/:code/beleid': async () => ({
    params: { code: 'GM0363' },
    body: { ...statusBody, effective_date: '2019-06-01' },
  }),
  'POST /beheer/advies/gemeente/:code/beleid/:id/beoordeling': async (ctx) => ({
    params: {
      code: 'GM0363',
      id: await selfReport(ctx.service, 'GM0363', 'signal-route', { status: 'in-place', evidenceUrl: null, evidenceNote: null }),
    },
    body: { status: 'in-progress' },
  }),

  // Contacts
  'POST /beheer/advies/contacten/nieuw': async () => ({
    body: {
      area: 'GM0363',
      name: `Nieuwe Contactpersoon ${next()}`,
      role: 'mayor',
      email: `nieuw-${next()}@example.org`,
      lawful_basis: 'public-task',
    },
  }),
  'GET /beheer/advies/contacten/:id': async (ctx) => ({ params: { id: await sharedContact(ctx) } }),
  'GET /beheer/advies/contacten/:id/export': async (ctx) => ({ params: { id: await sharedContact(ctx) } }),
  'POST /beheer/advies/contacten/:id': async (ctx) => ({
    params: { id: await contact(ctx) },
    body: { area: 'GM0363', name: 'Hernoemde Contactpersoon', role: 'alderman', lawful_basis: 'legitimate-interest' },
  }),
  'POST /beheer/advies/contacten/:id/samenvoegen': async (ctx) => ({
    params: { id: await contact(ctx) },
    body: { other: String(await contact(ctx)) },
  }),
  'POST /beheer/advies/contacten/:id/verwijderen': async (ctx) => ({ params: { id: await contact(ctx) }, body: { confirm: '1' } }),

  // Interactions
  'POST /beheer/advies/interacties/nieuw': async () => ({ body: interactionBody }),
  'GET /beheer/advies/interacties/:id': async (ctx) => ({ params: { id: await sharedInteraction(ctx) } }),
  'GET /beheer/advies/interacties/:id/bewerken': async (ctx) => ({ params: { id: await sharedInteraction(ctx) } }),
  'POST /beheer/advies/interacties/:id/bewerken': async (ctx) => ({ params: { id: await interaction(ctx) }, body: interactionBody }),
  'POST /beheer/advies/interacties/:id/taken': async (ctx) => ({
    params: { id: await interaction(ctx) },
    body: { title: 'Terugbellen', due: '2030-01-01' },
  }),

  // Settings and profile
  'POST /beheer/advies/instellingen': async () => ({ body: { threshold: '3' } }),
  'POST /beheer/advies/profiel': async () => ({
    body: { display_name: 'Adviseur uit de test', role_title: 'Adviseur', organisation: 'Programma', published: '1' },
  }),

  // A municipality's own scorecard and self-assessment (scope ownMunicipality on :code)
  'GET /mijn-gemeente/beleid': async (ctx) => ({ ownerMark: (await ownScorecard(ctx)).ownerMark }),
  'GET /gemeente/:code/beleid': async (ctx) => ownScorecard(ctx),
  'POST /gemeente/:code/beleid': async (ctx) => ({ params: { code: ownCode(ctx) }, body: statusBody }),

  // Public support form (a fresh email each time: the per-email limit is tested in advice-support.test.ts)
  'POST /ondersteuning': async () => ({
    body: {
      municipality: 'GM0363',
      name: 'Vraagsteller',
      role: 'other',
      email: `vraag-${next()}@example.org`,
      question: 'Kunnen jullie helpen?',
    },
  }),
};
