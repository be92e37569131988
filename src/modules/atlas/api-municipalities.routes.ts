// /api/v1/municipalities (JSON, CSV), /api/v1/municipalities.geojson and /api/v1/municipalities/{code}.
// Chain per route: permission 'public' → Zod validation in the handler → cached body → ETag/304.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { allRequired, polygonFeatureCollection } from '../../http/openapi-schemas.ts';
import { type AtlasApiKit, check, codeParam, doc, docsOnly, formatOf, GEOJSON_TYPE, PUBLIC_EDGE, typeOf } from './api.kit.ts';
import * as S from './api.schema.ts';
import { boundariesOn } from './boundaries.ts';
import { toGeoJson } from './geojson.ts';
import * as P from './presenters.ts';
import { getMunicipality, municipalitiesOn } from './service.ts';

const listDoc = doc(
  'Gemeenten op een datum',
  'Alle gemeenten die op de gegeven datum bestonden, met provincie en inwonertal (peildatum van het dichtstbijzijnde referentiejaar).',
  { querystring: S.listQuery, ok: S.municipalityListResponse },
);

const geojsonBase = doc(
  'Gemeentegrenzen als GeoJSON',
  'FeatureCollection (RFC 7946, WGS84, coördinaten op 5 decimalen) van de gemeenten op de datum. Vóór 2021: grenzen 2019; vanaf 2023: grenzen 2025; 2021–2022: grenzen 2019 met samengevoegde gemeenten als hun opvolger.',
  { querystring: S.geojsonQuery, ok: null },
);
const nullableString = { type: ['string', 'null'] } as const;
/** The FeatureCollection toGeoJson() makes: (multi)polygons, the municipality's fields, the meta block with the boundaries' year. */
const geojsonSchema = polygonFeatureCollection(
  allRequired({
    code: { type: 'string' },
    name: { type: 'string' },
    provinceCode: nullableString,
    provinceName: nullableString,
    population: { type: ['integer', 'null'] },
    populationReferenceDate: nullableString,
  }),
  S.jsonSchema(
    S.meta.extend({
      referenceYear: z.number().int().describe('Het jaar van de grenzen.'),
      derived: z.boolean().describe('true: grenzen van een ander jaar, samengevoegd naar de gemeenten van de datum.'),
    }),
  ),
);
const geojsonDoc = {
  ...geojsonBase,
  response: {
    ...geojsonBase.response,
    200: { description: 'OK', content: { 'application/geo+json': { schema: geojsonSchema } } },
    503: { description: 'Er zijn nog geen referentiegegevens geïmporteerd' },
  },
};

const detailDoc = doc(
  'Eén gemeente',
  'Gemeente met geldigheid (validTo is exclusief), voorgangers, opvolgers (met oppervlakteaandeel bij een splitsing), regio’s en inwonertal. Ook opgeheven gemeenten. Voeg .csv toe voor CSV.',
  { params: S.municipalityParams, querystring: S.listQuery, ok: S.municipalityDetailResponse },
);

export function registerMunicipalityApi(app: FastifyInstance, deps: AppDeps, kit: AtlasApiKit): void {
  const listHandler = (suffixCsv: boolean) => async (req: FastifyRequest, reply: FastifyReply) => {
    const query = check(S.listQuery, req.query);
    const date = query.date ?? kit.today();
    const format = formatOf(query, suffixCsv);
    return kit.serve(req, reply, `m|${date}|${format}`, date, typeOf(format), async (version) => {
      const list = await municipalitiesOn(deps.db, date);
      if (format === 'csv') return P.municipalitiesCsv(list);
      return JSON.stringify({ data: list.map(P.presentMunicipality), meta: kit.meta(version, date, list.length) });
    });
  };
  app.get('/api/v1/municipalities', { config: PUBLIC_EDGE, schema: listDoc, ...docsOnly }, listHandler(false));
  app.get('/api/v1/municipalities.csv', { config: PUBLIC_EDGE, schema: { ...listDoc, hide: true }, ...docsOnly }, listHandler(true));

  app.get('/api/v1/municipalities.geojson', { config: PUBLIC_EDGE, schema: geojsonDoc, ...docsOnly }, async (req, reply) => {
    const query = check(S.geojsonQuery, req.query);
    const date = query.date ?? kit.today();
    const boundaries = await boundariesOn(deps.db, date);
    if (!boundaries)
      throw errors.unavailable({ nl: 'Er zijn nog geen referentiegegevens geïmporteerd.', en: 'No reference data has been imported yet.' });
    return kit.serve(req, reply, `g|${boundaries.version}|${date}`, date, GEOJSON_TYPE, async (version) => {
      const list = await municipalitiesOn(deps.db, date);
      return JSON.stringify(toGeoJson(boundaries, list, kit.meta(version, date, list.length)));
    });
  });

  app.get('/api/v1/municipalities/:code', { config: PUBLIC_EDGE, schema: detailDoc, ...docsOnly }, async (req, reply) => {
    const { code, suffixCsv } = codeParam(req, S.municipalityParams);
    const query = check(S.listQuery, req.query);
    const format = formatOf(query, suffixCsv);
    const date = query.date ?? kit.today();
    return kit.serve(req, reply, `d|${code}|${date}|${format}`, date, typeOf(format), async (version) => {
      const m = await getMunicipality(deps.db, code, date);
      if (!m)
        throw errors.notFound({
          nl: `Gemeente ${code} bestaat niet in de gegevens (2019–heden).`,
          en: `Municipality ${code} is not in the data (2019–now).`,
        });
      if (format === 'csv') return P.municipalityDetailCsv(m);
      return JSON.stringify({ data: P.presentMunicipalityDetail(m), meta: kit.meta(version, date) });
    });
  });
}
