// The survey API under /api/v1/surveys, documented in OpenAPI (tag "surveys") from Zod schemas.
// Public callers see surveys once they are open and results once they are published, with small
// groups suppressed; staff (an API token of an adviser or admin) see everything unsuppressed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type AppDeps, todayOf } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { idParam } from '../../http/route-kit.ts';
import type { SurveyResults } from './aggregate.logic.ts';
import { choicesOf } from './answers.logic.ts';
import type { RateRow } from './groups.logic.ts';
import { surveyPublicCache } from './public-version.ts';
import { surveyResults, tracking } from './results.service.ts';
import { suppressionThreshold } from './settings.service.ts';
import { suppressBreakdown } from './suppress.logic.ts';
import { getSurveyDef, listSurveys } from './surveys.service.ts';
import { questionsOf, type SurveyDef } from './types.ts';

const localized = z.object({ nl: z.string(), en: z.string() });
const surveyItem = z.object({
  id: z.number().int(),
  slug: z.string(),
  title: localized,
  status: z.enum(['draft', 'open', 'closed', 'published']),
  referenceDate: z.string().describe('Peildatum: de gemeenten van deze datum zijn uitgenodigd.'),
  opensOn: z.string(),
  closesOn: z.string(),
  resultsUrl: z.string().nullable(),
});
const rateGroup = z.object({
  code: z.string(),
  name: z.string(),
  invited: z.number().int(),
  started: z.number().int().nullable(),
  submitted: z.number().int().nullable(),
  rate: z.number().nullable(),
  suppressed: z.boolean().describe('true: minder respondenten dan de drempel (of terug te rekenen); cijfers weggelaten.'),
});
const responseRate = z.object({
  invited: z.number().int(),
  started: z.number().int(),
  submitted: z.number().int(),
  rate: z.number().nullable().describe('submitted / invited (0–1).'),
  byProvince: z.array(rateGroup),
  bySizeClass: z.array(rateGroup),
});
const figures = z.object({
  code: z.string(),
  name: z.string(),
  respondents: z.number().int().nullable(),
  unknown: z.number().int().nullable(),
  counts: z.array(z.object({ value: z.string(), count: z.number().int(), share: z.number().nullable() })).nullable(),
  stats: z.object({ n: z.number().int(), mean: z.number(), median: z.number(), min: z.number(), max: z.number() }).nullable(),
  suppressed: z.enum(['small', 'complementary']).nullable(),
});
const results = z.object({
  survey: z.object({ id: z.number().int(), slug: z.string(), title: localized }),
  threshold: z.number().int().nullable().describe('null: niet onderdrukt (medewerkers).'),
  responses: z.number().int(),
  questions: z.array(
    z.object({
      key: z.string(),
      type: z.string(),
      text: localized,
      choices: z.array(z.object({ value: z.string(), label: localized })),
      country: figures,
      byProvince: z.array(figures),
      bySizeClass: z.array(figures),
    }),
  ),
});
const problem = z.object({ status: z.number().int(), detail: z.string(), title: z.string().optional() });

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'output' }) as Record<string, unknown>;
  return rest;
}

function doc(summary: string, description: string, ok: z.ZodType, withId: boolean) {
  return {
    tags: ['surveys'],
    summary,
    description,
    ...(withId
      ? { params: { type: 'object', properties: { id: { type: 'integer', description: 'Id van de enquête' } }, required: ['id'] } }
      : {}),
    response: {
      200: { description: 'OK', content: { 'application/json': { schema: jsonSchema(ok) } } },
      ...(withId
        ? {
            404: {
              description: 'Onbekend of (nog) niet openbaar',
              content: { 'application/problem+json': { schema: jsonSchema(problem) } },
            },
          }
        : {}),
    },
  };
}

const docsOnly = { validatorCompiler: () => () => true, serializerCompiler: () => (data: unknown) => JSON.stringify(data) };
/** Anonymous answers kept by the public cache while the survey version holds (./public-version.ts). */
const PUBLIC = { permission: 'public', publicCache: surveyPublicCache } as const;

const isStaff = (req: FastifyRequest) => req.user?.role === 'admin' || req.user?.role === 'adviser';

/** Anonymous answers are public (and kept by the public cache); a signed-in user's may show drafts and unsuppressed figures. */
function cacheHeader(req: FastifyRequest, reply: FastifyReply) {
  reply.header('cache-control', req.user ? 'private, no-store' : 'public, max-age=60');
}

const notFound = () =>
  errors.notFound({ nl: 'Deze enquête bestaat niet of is (nog) niet openbaar.', en: 'This survey does not exist or is not public (yet).' });

async function visible(deps: AppDeps, req: FastifyRequest, need: 'open' | 'published'): Promise<SurveyDef> {
  const def = await getSurveyDef(deps.db, idParam(req));
  if (!def) throw notFound();
  if (isStaff(req)) return def;
  const ok = need === 'published' ? def.status === 'published' : def.status !== 'draft';
  if (!ok) throw notFound();
  return def;
}

function rateGroups(rows: RateRow[], threshold: number | null) {
  const hidden =
    threshold === null
      ? rows.map(() => null)
      : suppressBreakdown(
          rows.map((r) => r.submitted),
          threshold,
        );
  return rows.map((r, i) =>
    hidden[i]
      ? { code: r.key, name: r.label.nl, invited: r.invited, started: null, submitted: null, rate: null, suppressed: true }
      : { code: r.key, name: r.label.nl, invited: r.invited, started: r.started, submitted: r.submitted, rate: r.rate, suppressed: false },
  );
}

export function presentResults(def: SurveyDef, r: SurveyResults) {
  const byId = new Map(questionsOf(def).map((q) => [q.id, q]));
  return {
    survey: { id: def.id, slug: def.slug, title: def.title },
    threshold: r.threshold,
    responses: r.responses.country,
    questions: r.questions.map((x) => {
      const q = byId.get(x.questionId)!;
      const choices = choicesOf(q);
      const group = (f: SurveyResults['questions'][number]['country']) => ({
        code: f.key,
        name: f.label.nl,
        respondents: f.suppressed ? null : f.respondents,
        unknown: f.suppressed ? null : f.unknown,
        counts: f.suppressed
          ? null
          : choices.map((c, i) => ({
              value: c.value,
              count: f.counts[i] ?? 0,
              share: f.respondents - f.unknown > 0 ? (f.counts[i] ?? 0) / (f.respondents - f.unknown) : null,
            })),
        stats: f.suppressed ? null : f.stats,
        suppressed: f.suppressed,
      });
      return {
        key: q.key,
        type: q.type,
        text: q.text,
        choices: choices.map((c) => ({ value: c.value, label: c.label })),
        country: group(x.country),
        byProvince: x.provinces.map(group),
        bySizeClass: x.sizeClasses.map(group),
      };
    }),
  };
}

export async function registerSurveyApi(app: FastifyInstance, deps: AppDeps) {
  app.get(
    '/api/v1/surveys',
    {
      config: PUBLIC,
      schema: doc(
        'Enquêtes',
        'Enquêtes onder alle gemeenten: open, gesloten of gepubliceerd (medewerkers zien ook concepten).',
        z.object({ data: z.array(surveyItem) }),
        false,
      ),
      ...docsOnly,
    },
    async (req, reply) => {
      cacheHeader(req, reply);
      const list = await listSurveys(deps.db, isStaff(req) ? undefined : ['open', 'closed', 'published']);
      return {
        data: list.map((s) => ({
          id: s.id,
          slug: s.slug,
          title: s.title,
          status: s.status,
          referenceDate: s.referenceDate,
          opensOn: s.opensOn,
          closesOn: s.closesOn,
          resultsUrl: s.status === 'published' ? `${deps.config.publicBaseUrl}/enquetes/${s.slug}` : null,
        })),
      };
    },
  );

  app.get(
    '/api/v1/surveys/:id/response-rate',
    {
      config: PUBLIC,
      schema: doc(
        'Respons van een enquête',
        'Uitgenodigd, begonnen en ingediend, in totaal en per provincie en CBS-grootteklasse. Buiten de medewerkers worden kleine groepen onderdrukt.',
        responseRate,
        true,
      ),
      ...docsOnly,
    },
    async (req, reply) => {
      const def = await visible(deps, req, 'open');
      cacheHeader(req, reply);
      const t = await tracking(deps.db, def, todayOf(deps));
      const threshold = isStaff(req) ? null : await suppressionThreshold(deps.db);
      return {
        invited: t.total.invited,
        started: t.total.started,
        submitted: t.total.submitted,
        rate: t.total.rate,
        byProvince: rateGroups(t.byProvince, threshold),
        bySizeClass: rateGroups(t.bySizeClass, threshold),
      };
    },
  );

  app.get(
    '/api/v1/surveys/:id/results',
    {
      config: PUBLIC,
      schema: doc(
        'Resultaten van een enquête',
        'Per vraag voor Nederland, per provincie en per grootteklasse. Openbaar na publicatie, met kleine groepen onderdrukt en zonder open antwoorden; medewerkers zien alles.',
        results,
        true,
      ),
      ...docsOnly,
    },
    async (req, reply) => {
      const def = await visible(deps, req, 'published');
      cacheHeader(req, reply);
      return presentResults(def, await surveyResults(deps.db, def, { staff: isStaff(req) }));
    },
  );
}
