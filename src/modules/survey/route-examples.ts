// How the permission walk (test/permissions.test.ts, test/ownership.test.ts) calls the survey's
// routes (convention: test/helpers/walk.ts). Pages that only read share a survey; every form makes
// its own. Personal-link routes (permission `token`) answer the same to everyone holding the link.
import { MUNICIPALITY_A } from '../../../test/helpers/factories.ts';
import type { ExampleContext, RouteExample, RouteExamples } from '../../../test/helpers/walk.ts';
import { type Fixture, fixtureSurvey } from './testing/fixtures.ts';
import type { SurveyStatus } from './types.ts';

const make = (ctx: ExampleContext, status: SurveyStatus, extra: Parameters<typeof fixtureSurvey>[1] = {}) =>
  fixtureSurvey(ctx.deps, { status, ...extra });
const shared = (ctx: ExampleContext, key: string, status: SurveyStatus, extra: Parameters<typeof fixtureSurvey>[1] = {}) =>
  ctx.shared(`survey:${key}`, () => make(ctx, status, extra));

/** The municipality an account acts for: its own, or (staff) municipality A. */
const codeOf = (ctx: ExampleContext) => ctx.user?.municipalityCode ?? MUNICIPALITY_A;

const surveyForm = {
  titleNl: 'Enquête uit de permissietest',
  titleEn: '',
  introNl: '',
  introEn: '',
  referenceDate: '2019-04-01',
  opensOn: '2019-04-01',
  closesOn: '2099-12-31',
  reminderDays: '7, 2',
  previousSurveyId: '',
};

const withSurvey =
  (status: SurveyStatus, body: RouteExample['body'] = {}, extra: Parameters<typeof fixtureSurvey>[1] = {}) =>
  async (ctx: ExampleContext): Promise<RouteExample> => ({
    params: { id: (await make(ctx, status, extra)).id },
    body,
  });

const readShared =
  (key: string, status: SurveyStatus, extra: Parameters<typeof fixtureSurvey>[1] = {}) =>
  async (ctx: ExampleContext): Promise<RouteExample> => ({
    params: { id: (await shared(ctx, key, status, extra)).id, code: MUNICIPALITY_A, sectionId: 1, questionId: 1, part: 1 },
  });

const sectionOf = async (ctx: ExampleContext, f?: Fixture) => f ?? (await make(ctx, 'draft'));

/** A link of municipality A in a survey: query (GET) or form field (POST). */
const viaLink =
  (
    status: SurveyStatus,
    extra: Parameters<typeof fixtureSurvey>[1],
    body?: (f: Fixture) => RouteExample['body'],
    statusCode?: number,
    sharedKey?: string,
  ) =>
  async (ctx: ExampleContext): Promise<RouteExample> => {
    const f = sharedKey ? await shared(ctx, sharedKey, status, extra) : await make(ctx, status, extra);
    const token = f.tokens.get(MUNICIPALITY_A)!;
    return body
      ? { params: { part: 1 }, body: { token, version: '0', ...body(f) }, status: statusCode }
      : { params: { part: 1 }, query: { token }, status: statusCode };
  };

/** The same pages under the account's own municipality (a survey per request: each account has its own code). */
const viaAccount: typeof viaLink = (status, extra, body, statusCode) => async (ctx) => {
  const code = codeOf(ctx);
  const codes = [code, 'GM0014', 'GM0363'].filter((c, i, a) => a.indexOf(c) === i);
  const f = await make(ctx, status, { ...extra, codes, ...(extra?.submitted ? { submitted: [code] } : {}) });
  return { params: { code, surveyId: f.id, part: 1 }, body: body?.(f), status: statusCode };
};

const answerBody = (f: Fixture) => ({ [`q${f.questionIds[0]}`]: 'ja', [`h${f.questionIds[0]}`]: '', ga: 'verder' });
const jsonSave = (f: Fixture) => ({ questionId: String(f.questionIds[0]), value: 'nee' });

function respondRoutes(prefix: string, via: typeof viaLink): RouteExamples {
  return {
    [`GET ${prefix}`]: via('open', {}, undefined, 200, 'respond-open'),
    [`GET ${prefix}/sectie/:part`]: via('open', {}, undefined, 200, 'respond-open'),
    [`POST ${prefix}/sectie/:part`]: via('open', {}, answerBody),
    [`POST ${prefix}/antwoord`]: via('open', {}, jsonSave, 200),
    [`GET ${prefix}/controle`]: via('open', {}, undefined, 200, 'respond-open'),
    [`POST ${prefix}/indienen`]: via('open', {}, () => ({})),
    [`GET ${prefix}/bevestiging`]: via('open', {}, undefined, 200, 'respond-open'),
    [`GET ${prefix}/terugkoppeling`]: via('closed', { submitted: [MUNICIPALITY_A], reports: true }, undefined, 200, 'respond-report'),
    [`GET ${prefix}/terugkoppeling.pdf`]: via('closed', { submitted: [MUNICIPALITY_A], reports: true }, undefined, 200, 'respond-report'),
  };
}

export const routeExamples: RouteExamples = {
  'POST /beheer/enquetes': async () => ({ body: surveyForm }),
  'POST /beheer/enquetes/instellingen': async () => ({ body: { threshold: '5' } }),
  'GET /beheer/enquetes/:id': readShared('read', 'open'),
  'POST /beheer/enquetes/:id': withSurvey('draft', surveyForm),
  'POST /beheer/enquetes/:id/status': withSurvey('draft', { to: 'open' }),
  'POST /beheer/enquetes/:id/kopie': withSurvey('closed'),
  'GET /beheer/enquetes/:id/vragen': readShared('read', 'open'),
  'POST /beheer/enquetes/:id/secties': withSurvey('draft', { titleNl: 'Nieuw onderdeel', titleEn: '', introNl: '', introEn: '' }),
  'POST /beheer/enquetes/:id/secties/:sectionId': async (ctx) => {
    const f = await sectionOf(ctx);
    return {
      params: { id: f.id, sectionId: f.sectionId },
      body: {
        [`s${f.sectionId}-titleNl`]: 'Hernoemd',
        [`s${f.sectionId}-titleEn`]: '',
        [`s${f.sectionId}-introNl`]: '',
        [`s${f.sectionId}-introEn`]: '',
      },
    };
  },
  'POST /beheer/enquetes/:id/secties/:sectionId/verwijderen': async (ctx) => {
    const f = await sectionOf(ctx);
    const { addSection } = await import('./builder.service.ts');
    const empty = await addSection({ db: ctx.deps.db, actor: ctx.service.actor, now: ctx.deps.now() }, f.id, {
      title: { nl: 'Leeg', en: 'Empty' },
      intro: { nl: '', en: '' },
    });
    return { params: { id: f.id, sectionId: empty } };
  },
  'GET /beheer/enquetes/:id/secties/:sectionId/nieuwe-vraag': async (ctx) => {
    const f = await shared(ctx, 'read', 'open');
    return { params: { id: f.id, sectionId: f.sectionId } };
  },
  'POST /beheer/enquetes/:id/secties/:sectionId/vragen': async (ctx) => {
    const f = await sectionOf(ctx);
    return {
      params: { id: f.id, sectionId: f.sectionId },
      body: { key: 'nieuw', type: 'number', textNl: 'Hoeveel?', min: '0', max: '10' },
    };
  },
  'GET /beheer/enquetes/:id/vragen/:questionId': async (ctx) => {
    const f = await shared(ctx, 'read', 'open');
    return { params: { id: f.id, questionId: f.questionIds[1] } };
  },
  'POST /beheer/enquetes/:id/vragen/:questionId': async (ctx) => {
    const f = await make(ctx, 'open', { submitted: [MUNICIPALITY_A] });
    return {
      params: { id: f.id, questionId: f.questionIds[0] },
      body: { key: 'beleid', type: 'yesno', textNl: 'Heeft uw gemeente beleid?', allowUnknown: '1' },
    };
  },
  'POST /beheer/enquetes/:id/vragen/:questionId/verwijderen': async (ctx) => {
    const f = await make(ctx, 'draft');
    return { params: { id: f.id, questionId: f.questionIds[1] } };
  },
  'POST /beheer/enquetes/:id/vragen/:questionId/verplaatsen': async (ctx) => {
    const f = await make(ctx, 'draft');
    return { params: { id: f.id, questionId: f.questionIds[1] }, body: { direction: 'up' } };
  },
  'GET /beheer/enquetes/:id/voorbeeld/sectie/:part': readShared('read', 'open'),
  'GET /beheer/enquetes/:id/voorbeeld/controle': readShared('read', 'open'),
  'GET /beheer/enquetes/:id/uitnodigingen': readShared('read', 'open'),
  'POST /beheer/enquetes/:id/uitnodigingen/versturen': withSurvey('open'),
  'POST /beheer/enquetes/:id/uitnodigingen/herinneren': withSurvey('open'),
  'GET /beheer/enquetes/:id/uitnodigingen/:code': readShared('read', 'open'),
  'POST /beheer/enquetes/:id/uitnodigingen/:code/ontvangers': async (ctx) => ({
    params: { id: (await make(ctx, 'open')).id, code: MUNICIPALITY_A },
    body: { typed: 'Test (voorbeeld), test@voorbeeld.invalid' },
  }),
  'POST /beheer/enquetes/:id/uitnodigingen/:code/opnieuw': async (ctx) => ({
    params: { id: (await make(ctx, 'open')).id, code: MUNICIPALITY_A },
  }),
  'POST /beheer/enquetes/:id/uitnodigingen/:code/intrekken': async (ctx) => ({
    params: { id: (await make(ctx, 'open')).id, code: MUNICIPALITY_A },
  }),
  'POST /beheer/enquetes/:id/uitnodigingen/:code/heropenen': async (ctx) => ({
    params: { id: (await make(ctx, 'open', { submitted: [MUNICIPALITY_A] })).id, code: MUNICIPALITY_A },
  }),
  'GET /beheer/enquetes/:id/voortgang': readShared('read', 'open'),
  'GET /beheer/enquetes/:id/resultaten': readShared('closed', 'closed', { submitted: [MUNICIPALITY_A] }),
  'GET /beheer/enquetes/:id/export.csv': readShared('closed', 'closed', { submitted: [MUNICIPALITY_A] }),
  'GET /beheer/enquetes/:id/codeboek.csv': readShared('read', 'open'),
  'GET /beheer/enquetes/:id/export.xlsx': readShared('closed', 'closed', { submitted: [MUNICIPALITY_A] }),
  'GET /beheer/enquetes/:id/terugkoppeling': readShared('closed', 'closed', { submitted: [MUNICIPALITY_A] }),
  'POST /beheer/enquetes/:id/terugkoppeling': withSurvey('closed', {}, { submitted: [MUNICIPALITY_A] }),
  'GET /beheer/enquetes/:id/terugkoppeling/:code': readShared('closed', 'closed', { submitted: [MUNICIPALITY_A] }),
  'GET /beheer/enquetes/:id/terugkoppeling/:code/pdf': readShared('closed', 'closed', { submitted: [MUNICIPALITY_A] }),
  'GET /beheer/enquetes/:id/import': readShared('read', 'open'),
  'POST /beheer/enquetes/:id/import': async (ctx) => ({
    params: { id: (await make(ctx, 'draft')).id },
    body: { csv: 'gemeentecode;beleid\nGM0363;ja\n', mode: 'proef' },
    status: 200,
  }),

  ...respondRoutes('/enquete', viaLink),
  ...respondRoutes('/mijn-gemeente/:code/enquetes/:surveyId', viaAccount),
  'GET /mijn-gemeente/enquetes': async (ctx) => {
    const { getMunicipality } = await import('../atlas/index.ts');
    const code = ctx.user?.municipalityCode ?? MUNICIPALITY_A;
    return { ownerMark: (await getMunicipality(ctx.deps.db, code))?.name ?? code };
  },

  'GET /enquetes/:slug': async (ctx) => ({
    params: { slug: (await shared(ctx, 'published', 'published', { submitted: [MUNICIPALITY_A] })).slug },
  }),
  'GET /enquetes/:slug/resultaten.csv': async (ctx) => ({
    params: { slug: (await shared(ctx, 'published', 'published', { submitted: [MUNICIPALITY_A] })).slug },
  }),
  'GET /enquetes/:slug/resultaten.xlsx': async (ctx) => ({
    params: { slug: (await shared(ctx, 'published', 'published', { submitted: [MUNICIPALITY_A] })).slug },
  }),
  'GET /api/v1/surveys/:id/response-rate': readShared('read', 'open'),
  'GET /api/v1/surveys/:id/results': async (ctx) => ({
    params: { id: (await shared(ctx, 'published', 'published', { submitted: [MUNICIPALITY_A] })).id },
  }),
};
