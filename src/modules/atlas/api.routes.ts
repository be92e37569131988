// Open-data API of the atlas (/api/v1/…): JSON, CSV (?format=csv or a .csv suffix) and GeoJSON.
// Chain per route: permission 'public' → Zod validation in the handler → cached body → ETag/304.
// Route `schema`s are documentation for OpenAPI only: validation and serialisation stay ours
// (no-op validator/serializer compilers), so nothing is validated twice.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { type AppDeps, todayOf } from '../../deps.ts';
import { BodyCache } from '../../http/body-cache.ts';
import { allowEdgeCache } from '../../http/edge-cache.ts';
import { errors } from '../../http/errors.ts';
import { parseInput } from '../../http/validate.ts';
import * as S from './api.schema.ts';
import { toGeoJson } from './geojson.ts';
import * as P from './presenters.ts';
import {
  ATTRIBUTION,
  ATTRIBUTION_SOURCE,
  boundariesOn,
  freshReferenceDataVersion,
  getMunicipality,
  getRegion,
  municipalitiesOn,
  REGION_TYPES,
  type Region,
  referenceDataVersion,
  regionsByType,
} from './service.ts';

type Format = 'json' | 'csv';

function check<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = parseInput(schema, input);
  if (!parsed.ok) throw errors.badRequest(parsed.errors[0].message, parsed.errors);
  return parsed.data;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const CSV_TYPE = 'text/csv; charset=utf-8';
const GEOJSON_TYPE = 'application/geo+json; charset=utf-8';

const docsOnly = {
  validatorCompiler: () => () => true,
  serializerCompiler: () => (data: unknown) => JSON.stringify(data),
};

function doc(
  summary: string,
  description: string,
  opts: { querystring?: z.ZodType; params?: z.ZodType; ok: z.ZodType | null; okType?: string },
) {
  const problemSchema = S.jsonSchema(S.problem);
  return {
    tags: ['atlas'],
    summary,
    description,
    ...(opts.querystring ? { querystring: S.jsonSchema(opts.querystring) } : {}),
    ...(opts.params ? { params: S.jsonSchema(opts.params) } : {}),
    response: {
      200: opts.ok
        ? {
            description: 'OK',
            content: { 'application/json': { schema: S.jsonSchema(opts.ok) }, 'text/csv': { schema: { type: 'string' } } },
          }
        : { description: 'OK', content: { [opts.okType ?? 'application/geo+json']: { schema: { type: 'object' } } } },
      304: { description: 'Niet gewijzigd (If-None-Match)' },
      400: { description: 'Ongeldige parameter', content: { 'application/problem+json': { schema: problemSchema } } },
      ...(opts.params
        ? { 404: { description: 'Onbekende code', content: { 'application/problem+json': { schema: problemSchema } } } }
        : {}),
    },
  };
}

export async function registerAtlasApi(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const cache = new BodyCache();
  const fast = { ...docsOnly };
  const today = () => todayOf(deps);
  const meta = (version: string, date: string, count?: number) => ({
    date,
    ...(count !== undefined ? { count } : {}),
    dataVersion: version,
    attribution: ATTRIBUTION,
    source: ATTRIBUTION_SOURCE,
  });

  /**
   * Sends the body for `key` on this data version (built once, compressed once), 304 when the client
   * has it; the edge cache may repeat it while the version holds and, for today's date (asked for or
   * implied), while it is still today.
   */
  async function serve(
    req: FastifyRequest,
    reply: FastifyReply,
    key: string,
    date: string,
    type: string,
    build: (version: string) => Promise<string>,
  ) {
    const version = freshReferenceDataVersion(deps.db) ?? (await referenceDataVersion(deps.db));
    const day = today();
    allowEdgeCache(reply, () => freshReferenceDataVersion(deps.db) === version && (date !== day || today() === date));
    return cache.send(req, reply, `${version}|${key}`, type, () => build(version));
  }

  const typeOf = (format: Format) => (format === 'csv' ? CSV_TYPE : JSON_TYPE);
  const formatOf = (query: { format?: Format }, suffixCsv: boolean): Format => (suffixCsv ? 'csv' : (query.format ?? 'json'));

  // --- municipalities ---
  const listHandler = (suffixCsv: boolean) => async (req: FastifyRequest, reply: FastifyReply) => {
    const query = check(S.listQuery, req.query);
    const date = query.date ?? today();
    const format = formatOf(query, suffixCsv);
    return serve(req, reply, `m|${date}|${format}`, date, typeOf(format), async (version) => {
      const list = await municipalitiesOn(deps.db, date);
      if (format === 'csv') return P.municipalitiesCsv(list);
      return JSON.stringify({ data: list.map(P.presentMunicipality), meta: meta(version, date, list.length) });
    });
  };
  const listDoc = doc(
    'Gemeenten op een datum',
    'Alle gemeenten die op de gegeven datum bestonden, met provincie en inwonertal (peildatum van het dichtstbijzijnde referentiejaar).',
    {
      querystring: S.listQuery,
      ok: S.municipalityListResponse,
    },
  );
  app.get('/api/v1/municipalities', { config: { permission: 'public', edgeCache: true }, schema: listDoc, ...fast }, listHandler(false));
  app.get(
    '/api/v1/municipalities.csv',
    { config: { permission: 'public', edgeCache: true }, schema: { ...listDoc, hide: true }, ...fast },
    listHandler(true),
  );

  app.get(
    '/api/v1/municipalities.geojson',
    {
      config: { permission: 'public', edgeCache: true },
      schema: doc(
        'Gemeentegrenzen als GeoJSON',
        'FeatureCollection (RFC 7946, WGS84, coördinaten op 5 decimalen) van de gemeenten op de datum. Vóór 2021: grenzen 2019; vanaf 2023: grenzen 2025; 2021–2022: grenzen 2019 met samengevoegde gemeenten als hun opvolger.',
        {
          querystring: S.geojsonQuery,
          ok: null,
        },
      ),
      ...fast,
    },
    async (req, reply) => {
      const query = check(S.geojsonQuery, req.query);
      const date = query.date ?? today();
      const boundaries = await boundariesOn(deps.db, date);
      if (!boundaries)
        throw errors.unavailable({
          nl: 'Er zijn nog geen referentiegegevens geïmporteerd.',
          en: 'No reference data has been imported yet.',
        });
      return serve(req, reply, `g|${boundaries.version}|${date}`, date, GEOJSON_TYPE, async (version) => {
        const list = await municipalitiesOn(deps.db, date);
        return JSON.stringify(toGeoJson(boundaries, list, meta(version, date, list.length)));
      });
    },
  );

  const detailHandler = async (req: FastifyRequest, reply: FastifyReply) => {
    const raw = String((req.params as { code: string }).code ?? '');
    const suffixCsv = raw.toLowerCase().endsWith('.csv');
    const { code } = check(S.municipalityParams, { code: (suffixCsv ? raw.slice(0, -4) : raw).toUpperCase() });
    const query = check(S.listQuery, req.query);
    const format = formatOf(query, suffixCsv);
    const date = query.date ?? today();
    return serve(req, reply, `d|${code}|${date}|${format}`, date, typeOf(format), async (version) => {
      const m = await getMunicipality(deps.db, code, date);
      if (!m)
        throw errors.notFound({
          nl: `Gemeente ${code} bestaat niet in de gegevens (2019–heden).`,
          en: `Municipality ${code} is not in the data (2019–now).`,
        });
      if (format === 'csv') return P.municipalityDetailCsv(m);
      return JSON.stringify({ data: P.presentMunicipalityDetail(m), meta: meta(version, date) });
    });
  };
  app.get(
    '/api/v1/municipalities/:code',
    {
      config: { permission: 'public', edgeCache: true },
      schema: doc(
        'Eén gemeente',
        'Gemeente met geldigheid (validTo is exclusief), voorgangers, opvolgers (met oppervlakteaandeel bij een splitsing), regio’s en inwonertal. Ook opgeheven gemeenten. Voeg .csv toe voor CSV.',
        {
          params: S.municipalityParams,
          querystring: S.listQuery,
          ok: S.municipalityDetailResponse,
        },
      ),
      ...fast,
    },
    detailHandler,
  );

  // --- regions ---
  const regionsHandler = (suffixCsv: boolean) => async (req: FastifyRequest, reply: FastifyReply) => {
    const query = check(S.regionListQuery, req.query);
    const date = query.date ?? today();
    const format = formatOf(query, suffixCsv);
    return serve(req, reply, `r|${query.type ?? '*'}|${date}|${format}`, date, typeOf(format), async (version) => {
      const types = query.type ? [query.type] : REGION_TYPES;
      const list: Region[] = [];
      for (const t of types) list.push(...(await regionsByType(deps.db, t, date)));
      if (format === 'csv') return P.regionsCsv(list);
      return JSON.stringify({ data: list.map(P.presentRegion), meta: { ...meta(version, date, list.length), type: query.type ?? null } });
    });
  };
  const regionsDoc = doc(
    'Regio’s',
    'Provincies, veiligheidsregio’s en GGD-regio’s (indeling 2025, toegekend via een punt binnen elke gemeente).',
    {
      querystring: S.regionListQuery,
      ok: S.regionListResponse,
    },
  );
  app.get('/api/v1/regions', { config: { permission: 'public', edgeCache: true }, schema: regionsDoc, ...fast }, regionsHandler(false));
  app.get(
    '/api/v1/regions.csv',
    { config: { permission: 'public', edgeCache: true }, schema: { ...regionsDoc, hide: true }, ...fast },
    regionsHandler(true),
  );

  app.get(
    '/api/v1/regions/:code',
    {
      config: { permission: 'public', edgeCache: true },
      schema: doc('Eén regio', 'Regio met de gemeenten die er op de datum bij horen. Voeg .csv toe voor CSV.', {
        params: S.regionParams,
        querystring: S.listQuery,
        ok: S.regionDetailResponse,
      }),
      ...fast,
    },
    async (req, reply) => {
      const raw = String((req.params as { code: string }).code ?? '');
      const suffixCsv = raw.toLowerCase().endsWith('.csv');
      const { code } = check(S.regionParams, { code: (suffixCsv ? raw.slice(0, -4) : raw).toUpperCase() });
      const query = check(S.listQuery, req.query);
      const date = query.date ?? today();
      const format = formatOf(query, suffixCsv);
      return serve(req, reply, `rd|${code}|${date}|${format}`, date, typeOf(format), async (version) => {
        const region = await getRegion(deps.db, code, date);
        if (!region) throw errors.notFound({ nl: `Regio ${code} bestaat niet in de gegevens.`, en: `Region ${code} is not in the data.` });
        if (format === 'csv') return P.regionDetailCsv(region);
        return JSON.stringify({ data: P.presentRegionDetail(region), meta: meta(version, date, region.members.length) });
      });
    },
  );
}
