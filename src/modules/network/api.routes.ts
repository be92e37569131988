// Open-data API of the network: summary, coverage per municipality, coordinators, GeoJSON and the
// monthly timeline. Public, cached (ETag on (url, data version)), problem+json errors.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type AppDeps, todayOf } from '../../deps.ts';
import type { BodyCache } from '../../http/body-cache.ts';
import { errors } from '../../http/errors.ts';
import { parseOrThrow } from '../../http/validate.ts';
import { searchMunicipalitiesOn } from './atlas-port.ts';
import { coverageGeoJson } from './geo.ts';
import { presentCoverageRow, presentPublicCoordinator, presentSummary } from './present.ts';
import { apiDateQuery, apiTimelineQuery, searchQuery } from './schema.ts';
import { networkDataVersion, networkOn, timeline } from './service.ts';

const PUBLIC = { permission: 'public' as const };

/** Answers 304 when the client has this version; otherwise sends the (cached) body with ETag + Cache-Control. */
function sendCached(
  bodies: BodyCache,
  req: FastifyRequest,
  reply: FastifyReply,
  version: string,
  produce: () => Promise<unknown> | unknown,
  type = 'application/json; charset=utf-8',
) {
  return bodies.send(req, reply, `${version}|${req.locale}|${req.url}`, type, async () => {
    const body = await produce();
    return typeof body === 'string' ? body : JSON.stringify(body);
  });
}

const dateQs = {
  type: 'object',
  properties: { date: { type: 'string', description: 'Datum JJJJ-MM-DD (standaard: vandaag)', examples: ['2019-09-30'] } },
} as const;

function checkTimelineRange(from: string, to: string) {
  if (from > to)
    throw errors.validation([
      { field: 'from', message: { nl: 'De begindatum moet vóór de einddatum liggen.', en: 'The start date must be before the end date.' } },
    ]);
  const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
  if (months > 240)
    throw errors.validation([
      { field: 'from', message: { nl: 'Vraag hoogstens 20 jaar tegelijk op.', en: 'Ask for at most 20 years at once.' } },
    ]);
}

export async function registerNetworkApi(app: FastifyInstance, deps: AppDeps, bodies: BodyCache) {
  /** A public GET answering for one date (`?date=`, default today), cached per data version. */
  const dateRoute = (
    url: string,
    doc: { summary: string; description: string },
    produce: (date: string) => Promise<unknown>,
    type?: string,
  ) =>
    app.get(url, { config: PUBLIC, schema: { tags: ['network'], ...doc, querystring: dateQs } }, async (req, reply) => {
      const date = parseOrThrow(apiDateQuery, req.query).date ?? todayOf(deps);
      return sendCached(bodies, req, reply, await networkDataVersion(deps.db), () => produce(date), type);
    });

  dateRoute(
    '/api/v1/network/summary',
    {
      summary: 'Het netwerk van zorgcoördinatoren op een datum: kerncijfers',
      description: 'Aantal actieve zorgcoördinatoren, gedekte gemeenten en inwoners op de gevraagde datum.',
    },
    async (date) => presentSummary((await networkOn(deps.db, date)).summary),
  );

  dateRoute(
    '/api/v1/network/coverage',
    {
      summary: 'Dekking en capaciteit per gemeente op een datum',
      description:
        'Per gemeente: status (covered | remote), capaciteit (adequate | insufficient | none) tegen de norm, FTE per 100.000 inwoners en de zorgcoördinatoren.',
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
    },
    (date) => coverageGeoJson(deps.db, date),
    'application/geo+json; charset=utf-8',
  );

  app.get(
    '/api/v1/network/timeline',
    {
      config: PUBLIC,
      schema: {
        tags: ['network'],
        summary: 'Groei van het netwerk per maand',
        description: 'Per maand (laatste dag van de maand): actieve zorgcoördinatoren, gedekte gemeenten en inwoners.',
        querystring: {
          type: 'object',
          properties: {
            from: { type: 'string', description: 'Begindatum JJJJ-MM-DD (standaard: een jaar vóór de einddatum)' },
            to: { type: 'string', description: 'Einddatum JJJJ-MM-DD (standaard: vandaag)' },
          },
        },
      },
    },
    async (req, reply) => {
      const q = parseOrThrow(apiTimelineQuery, req.query);
      const to = q.to ?? todayOf(deps);
      const from = q.from ?? `${Number(to.slice(0, 4)) - 1}${to.slice(4, 8)}01`;
      checkTimelineRange(from, to);
      return sendCached(bodies, req, reply, await networkDataVersion(deps.db), async () => ({
        data: await timeline(deps.db, from, to),
        meta: { from, to },
      }));
    },
  );

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
      },
    },
    async (req, reply) => {
      const q = parseOrThrow(searchQuery, req.query);
      const term = q.q.trim();
      const date = q.date ?? todayOf(deps);
      return sendCached(bodies, req, reply, await networkDataVersion(deps.db), async () => ({
        data:
          term.length < 2
            ? []
            : (await searchMunicipalitiesOn(deps.db, term, date, 10)).map((f) => ({
                code: f.code,
                name: f.name,
                formerName: f.matchedFormerName ?? null,
              })),
      }));
    },
  );
}
