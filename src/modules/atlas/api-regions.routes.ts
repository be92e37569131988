// /api/v1/regions (JSON, CSV) and /api/v1/regions/{code}: provinces, safety regions, GGD regions.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { type AtlasApiKit, check, codeParam, doc, docsOnly, formatOf, PUBLIC_EDGE, typeOf } from './api.kit.ts';
import * as S from './api.schema.ts';
import * as P from './presenters.ts';
import { getRegion, REGION_TYPES, regionsByType } from './service.ts';
import type { Region } from './types.ts';

const regionsDoc = doc(
  'Regio’s',
  'Provincies, veiligheidsregio’s en GGD-regio’s (indeling 2025, toegekend via een punt binnen elke gemeente).',
  { querystring: S.regionListQuery, ok: S.regionListResponse },
);

const regionDoc = doc('Eén regio', 'Regio met de gemeenten die er op de datum bij horen. Voeg .csv toe voor CSV.', {
  params: S.regionParams,
  querystring: S.listQuery,
  ok: S.regionDetailResponse,
});

export function registerRegionApi(app: FastifyInstance, deps: AppDeps, kit: AtlasApiKit): void {
  const regionsHandler = (suffixCsv: boolean) => async (req: FastifyRequest, reply: FastifyReply) => {
    const query = check(S.regionListQuery, req.query);
    const date = query.date ?? kit.today();
    const format = formatOf(query, suffixCsv);
    return kit.serve(req, reply, `r|${query.type ?? '*'}|${date}|${format}`, date, typeOf(format), async (version) => {
      const list: Region[] = [];
      for (const t of query.type ? [query.type] : REGION_TYPES) list.push(...(await regionsByType(deps.db, t, date)));
      if (format === 'csv') return P.regionsCsv(list);
      return JSON.stringify({
        data: list.map(P.presentRegion),
        meta: { ...kit.meta(version, date, list.length), type: query.type ?? null },
      });
    });
  };
  app.get('/api/v1/regions', { config: PUBLIC_EDGE, schema: regionsDoc, ...docsOnly }, regionsHandler(false));
  app.get('/api/v1/regions.csv', { config: PUBLIC_EDGE, schema: { ...regionsDoc, hide: true }, ...docsOnly }, regionsHandler(true));

  app.get('/api/v1/regions/:code', { config: PUBLIC_EDGE, schema: regionDoc, ...docsOnly }, async (req, reply) => {
    const { code, suffixCsv } = codeParam(req, S.regionParams);
    const query = check(S.listQuery, req.query);
    const date = query.date ?? kit.today();
    const format = formatOf(query, suffixCsv);
    return kit.serve(req, reply, `rd|${code}|${date}|${format}`, date, typeOf(format), async (version) => {
      const region = await getRegion(deps.db, code, date);
      if (!region) throw errors.notFound({ nl: `Regio ${code} bestaat niet in de gegevens.`, en: `Region ${code} is not in the data.` });
      if (format === 'csv') return P.regionDetailCsv(region);
      return JSON.stringify({ data: P.presentRegionDetail(region), meta: kit.meta(version, date, region.members.length) });
    });
  });
}
