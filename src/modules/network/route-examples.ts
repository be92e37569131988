// How the permission walk (test/permissions.test.ts) calls the network module's routes: the data
// each request needs, made through this module's services or the test factories (convention:
// test/helpers/walk.ts). Pages that only read share their records; every form makes its own.
import type { ExampleContext, RouteExample, RouteExamples } from '../../../test/helpers/walk.ts';
import { getCoordinator, proposeCoverageChange } from './service.ts';

let made = 0;
/** A name no earlier call used (custom region names are unique). */
const unique = (name: string) => {
  made += 1;
  return `${name} ${made}`;
};

const sharedOrganisation = (ctx: ExampleContext) => ctx.shared('network:organisation', () => ctx.make.organisation());
const sharedCoordinator = (ctx: ExampleContext) => ctx.shared('network:coordinator', () => ctx.make.coordinator());

/** The coordinator record of the signed-in coordinator account (routes of permission 'coordinator'). */
async function ownRecord(ctx: ExampleContext) {
  const id = ctx.user?.coordinatorId;
  if (id === null || id === undefined) throw new Error('The example needs a coordinator account linked to a record');
  const record = await getCoordinator(ctx.deps.db, id);
  if (!record) throw new Error(`Coordinator ${id} does not exist`);
  return record;
}

const coordinatorEdit = async (ctx: ExampleContext, body: RouteExample['body']): Promise<RouteExample> => ({
  params: { id: (await ctx.make.coordinator()).id },
  body,
});

export const routeExamples: RouteExamples = {
  // Public pages and API
  'GET /netwerk/gemeente/:code': async () => ({ params: { code: 'GM0363' }, query: { datum: '2019-09-30' } }),
  // Several hits: the list (one hit would redirect to the answer page).
  'GET /netwerk/zoeken': async () => ({ query: { gemeente: 'berg' } }),

  // Staff: organisations
  'POST /beheer/netwerk/organisaties/nieuw': async () => ({ body: { name: 'Organisatie uit de permissietest', type: 'ggd' } }),
  'GET /beheer/netwerk/organisaties/:id': async (ctx) => ({ params: { id: await sharedOrganisation(ctx) } }),
  'POST /beheer/netwerk/organisaties/:id': async (ctx) => ({
    params: { id: await ctx.make.organisation() },
    body: { name: 'Hernoemde organisatie', type: 'shelter', website: 'https://example.org' },
  }),
  'POST /beheer/netwerk/organisaties/:id/verwijderen': async (ctx) => ({ params: { id: await ctx.make.organisation() } }),

  // Staff: coordinators
  'POST /beheer/netwerk/coordinatoren/nieuw': async (ctx) => ({
    body: { name: 'Nieuwe coördinator', organisationId: await ctx.make.organisation(), fte: '0,8', activeFrom: '2019-01-01' },
  }),
  'GET /beheer/netwerk/coordinatoren/:id': async (ctx) => ({ params: { id: (await sharedCoordinator(ctx)).id } }),
  'POST /beheer/netwerk/coordinatoren/:id': async (ctx) =>
    coordinatorEdit(ctx, { name: 'Hernoemde coördinator', organisationId: await ctx.make.organisation(), activeFrom: '2019-01-01' }),
  'POST /beheer/netwerk/coordinatoren/:id/fte': async (ctx) => coordinatorEdit(ctx, { fte: '0,6', effectiveFrom: '2019-06-01' }),
  'POST /beheer/netwerk/coordinatoren/:id/dekking': async (ctx) =>
    coordinatorEdit(ctx, { action: 'add', codes: 'GM0363 GM0014', effectiveDate: '2019-06-01' }),

  // Staff: a coordinator's proposal, decided by someone else
  'POST /beheer/netwerk/voorstellen/:id': async (ctx) => {
    const account = await ctx.make.coordinatorAccount();
    const actor = { userId: account.id, label: account.email };
    const id = await proposeCoverageChange({ ...ctx.service, actor }, account.coordinator.id, {
      action: 'add',
      codes: ['GM0363'],
      effectiveDate: '2019-06-01',
      note: null,
    });
    return { params: { id }, body: { decision: 'approved' } };
  },
  'POST /beheer/netwerk/regios': async () => ({ body: { name: unique('Regio uit de permissietest'), codes: 'GM0363 GM0014' } }),
  'GET /beheer/netwerk/tekorten': async () => ({ query: { datum: '2019-09-30' } }),
  'POST /beheer/netwerk/norm': async () => ({ body: { norm: '0,1' } }),

  // The coordinator's own record: its page shows its own name (and, for another coordinator, not this one's)
  'GET /mijn-coordinatie': async (ctx) => ({ ownerMark: (await ownRecord(ctx)).name }),
  'POST /mijn-coordinatie': async (ctx) => {
    const own = await ownRecord(ctx);
    return { body: { name: own.name, phone: '030 123 45 67', email: '', webPage: '', fte: String(own.fte) } };
  },
  'POST /mijn-coordinatie/voorstel': async () => ({
    body: { action: 'add', codes: 'GM0014', effectiveDate: '2019-06-01', note: 'Uit de permissietest' },
  }),
};
