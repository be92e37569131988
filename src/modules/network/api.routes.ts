// Open-data API of the network: summary, coverage per municipality, coordinators, GeoJSON, the
// monthly timeline and the finder's suggestions. Public, cached (ETag on (url, data version)), and
// anonymous answers kept by the public cache while the data version holds (networkPublicCache);
// problem+json errors. Dates follow the one rule (route-kit's dateFromQuery); a timeline is at most
// MAX_TIMELINE_MONTHS months, and that bound is named in its 400.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type AppDeps, todayOf } from '../../deps.ts';
import type { BodyCache } from '../../http/body-cache.ts';
import { errors } from '../../http/errors.ts';
import { dateFromQuery, rangeError } from '../../http/route-kit.ts';
import { searchMunicipalities } from '../atlas/index.ts';
import * as S from './api.schema.ts';
import { coverageGeoJson } from './geojson.ts';
import { presentCoverageRow, presentPublicCoordinator, presentSummary } from './presenters.ts';
import { assertTimelineBound, networkDataVersion, networkOn, networkPublicCache, timeline } from './service.ts';
import { MAX_TIMELINE_MONTHS, monthStartBefore, supportedFrom } from './timeline.logic.ts';

/** Public, and kept in the public cache while the network's data (and the atlas') is unchanged. */
const PUBLIC = { permission: 'public', publicCache: networkPublicCache } as const;

const dateQs = {
  type: 'object',
  properties: {
    date: { type: 'string', description: 'Datum JJJJ-MM-DD, 2000-01-01 t/m 2099-12-31 (standaard: vandaag)', examples: ['2019-09-30'] },
  },
} as const;

type Produce = (date: string) => Promise<unknown>;
type Doc = { summary: string; description: string; ok: Record<string, unknown> };

/** The documented 200 (OpenAPI); the pipeline's errors, 304 and the rest are added for every route (src/http/openapi-document.ts). */
const okResponse = (schema: Record<string, unknown>, mediaType = 'application/json') => ({
  200: { description: 'OK', content: { [mediaType]: { schema } } },
});
/** Bodies are sent as the cached strings they are: the response schema documents, it does not serialise. */
const docsOnly = { serializerCompiler: () => (data: unknown) => JSON.stringify(data) };

export async function registerNetworkApi(app: FastifyInstance, deps: AppDeps, bodies: BodyCache) {
  /** Answers 304 when the client has this version; otherwise sends the (cached) body with ETag + Cache-Control. */
  const sendCached = async (
    req: FastifyRequest,
    reply: FastifyReply,
    produce: () => Promise<unknown>,
    type = 'application/json; charset=utf-8',
  ) => {
    const version = await networkDataVersion(deps.db);
    return bodies.send(req, reply, `${version}|${req.locale}|${req.url}`, type, async () => {
      const body = await produce();
      return typeof body === 'string' ? body : JSON.stringify(body);
    });
  };

  /** A public GET answering for one date (`?date=`, default today), cached per data version. */
  const dateRoute = (url: string, { ok, ...doc }: Doc, produce: Produce, type?: string) => {
    const response = okResponse(ok, type?.split(';')[0]);
    return app.get(
      url,
      { config: PUBLIC, schema: { tags: ['network'], ...doc, querystring: dateQs, response }, ...docsOnly },
      async (req, reply) => {
        const date = dateFromQuery(req.query, 'date', todayOf(deps));
        return sendCached(req, reply, () => produce(date), type);
      },
    );
  };

  registerDateRoutes(dateRoute, deps);
  registerTimeline(app, deps, sendCached);
  registerSearch(app, deps, sendCached);
}

type SendCached = (req: FastifyRequest, reply: FastifyReply, produce: () => Promise<unknown>) => Promise<FastifyReply>;
type DateRoute = (url: string, doc: Doc, produce: Produce, type?: string) => unknown;

function registerDateRoutes(dateRoute: DateRoute, deps: AppDeps) {
  dateRoute(
    '/api/v1/network/summary',
    {
      summary: 'Het netwerk van zorgcoördinatoren op een datum: kerncijfers',
      description: 'Aantal actieve zorgcoördinatoren, gedekte gemeenten en inwoners op de gevraagde datum.',
      ok: S.summarySchema,
    },
    async (date) => presentSummary((await networkOn(deps.db, date)).summary),
  );
  dateRoute(
    '/api/v1/network/coverage',
    {
      summary: 'Dekking en capaciteit per gemeente op een datum',
      description:
        'Per gemeente: status (covered | remote), capaciteit (adequate | insufficient | none) tegen de norm, FTE per 100.000 inwoners en de zorgcoördinatoren.',
      ok: S.coverageSchema,
    },
    async (date) => {
      const n = await networkOn(deps.db, date);
      return {
        data: n.result.municipalities.map((m) => presentCoverageRow(m, n)),
        meta: { date, norm: n.result.norm, normUnit: 'FTE per 100.000 inwoners', count: n.result.municipalities.length },
      };
    },
  );
  dateRoute(
    '/api/v1/network/coordinators',
    {
      summary: 'Actieve zorgcoördinatoren op een datum',
      description: 'Per zorgcoördinator: organisatie, openbare contactgegevens, FTE, gedekte gemeenten en FTE per 100.000 inwoners.',
      ok: S.coordinatorsSchema,
    },
    async (date) => {
      const n = await networkOn(deps.db, date);
      return {
        data: n.result.coordinators.map((c) => presentPublicCoordinator(c, n)),
        meta: { date, count: n.result.coordinators.length },
      };
    },
  );
  dateRoute(
    '/api/v1/network/coverage.geojson',
    {
      summary: 'Dekking per gemeente als GeoJSON (RFC 7946)',
      description: 'FeatureCollection met de gemeentegrenzen van de datum en per gemeente status, capaciteit en FTE per 100.000 inwoners.',
      ok: S.coverageGeoJsonSchema,
    },
    (date) => coverageGeoJson(deps.db, date),
    'application/geo+json; charset=utf-8',
  );
}

/** The range of a timeline request: valid dates, in order, at most MAX_TIMELINE_MONTHS months (400s name the field). */
export function timelineRange(query: unknown, today: string): { from: string; to: string } {
  const to = dateFromQuery(query, 'to', today);
  const from = dateFromQuery(query, 'from', supportedFrom(monthStartBefore(to, 12)));
  if (from > to) throw errors.validation([rangeError('to')]);
  return { from, to };
}

function registerTimeline(app: FastifyInstance, deps: AppDeps, sendCached: SendCached) {
  const description = `Per maand (laatste dag van de maand): actieve zorgcoördinatoren, gedekte gemeenten en inwoners. Hoogstens ${MAX_TIMELINE_MONTHS} maanden per verzoek.`;
  app.get(
    '/api/v1/network/timeline',
    {
      config: PUBLIC,
      schema: {
        tags: ['network'],
        summary: 'Groei van het netwerk per maand',
        description,
        querystring: {
          type: 'object',
          properties: {
            from: { type: 'string', description: 'Begindatum JJJJ-MM-DD (standaard: een jaar vóór de einddatum)' },
            to: { type: 'string', description: 'Einddatum JJJJ-MM-DD (standaard: vandaag)' },
          },
        },
        response: okResponse(S.timelineSchema),
      },
      ...docsOnly,
    },
    async (req, reply) => {
      const { from, to } = timelineRange(req.query, todayOf(deps));
      assertTimelineBound(from, to);
      return sendCached(req, reply, async () => ({ data: await timeline(deps.db, from, to), meta: { from, to } }));
    },
  );
}

function registerSearch(app: FastifyInstance, deps: AppDeps, sendCached: SendCached) {
  app.get(
    '/api/v1/network/search',
    {
      config: PUBLIC,
      schema: {
        tags: ['network'],
        summary: 'Gemeenten zoeken voor de zoeker (ook vroegere namen)',
        description: 'Suggesties bij het typen: code, naam en, bij een vroegere naam, waarom deze gemeente.',
        querystring: {
          type: 'object',
          properties: {
            q: { type: 'string', description: 'Zoekterm' },
            date: { type: 'string', description: 'Datum JJJJ-MM-DD (standaard: vandaag)' },
          },
        },
        response: okResponse(S.searchSchema),
      },
      ...docsOnly,
    },
    async (req, reply) => {
      const raw = (req.query as Record<string, unknown> | undefined)?.q;
      const term = typeof raw === 'string' ? raw.slice(0, 100).trim() : '';
      const date = dateFromQuery(req.query, 'date', todayOf(deps));
      return sendCached(req, reply, async () => ({
        data:
          term.length < 2
            ? []
            : (await searchMunicipalities(deps.db, term, date, 10)).map((f) => ({
                code: f.code,
                name: f.name,
                formerName: f.matchedFormerName ?? null,
              })),
      }));
    },
  );
}
