// What every atlas API route shares: input checks that answer 400 with the first field's message,
// OpenAPI documentation from the Zod schemas, the `meta` block, and `serve` — the cached body per
// data version with ETag/304, opted into the edge cache (docs/adr/0007-edge-cache.md).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { type AppDeps, todayOf } from '../../deps.ts';
import { BodyCache } from '../../http/body-cache.ts';
import { allowEdgeCache } from '../../http/edge-cache.ts';
import { errors } from '../../http/errors.ts';
import { parseInput } from '../../http/validate.ts';
import * as S from './api.schema.ts';
import { ATTRIBUTION, ATTRIBUTION_SOURCE } from './service.ts';
import { freshReferenceDataVersion, referenceDataVersion } from './snapshot.ts';

export type Format = 'json' | 'csv';

export const JSON_TYPE = 'application/json; charset=utf-8';
export const CSV_TYPE = 'text/csv; charset=utf-8';
export const GEOJSON_TYPE = 'application/geo+json; charset=utf-8';

/** Validates input; 400 problem+json with the first field's message as detail. */
export function check<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = parseInput(schema, input);
  if (!parsed.ok) throw errors.badRequest(parsed.errors[0].message, parsed.errors);
  return parsed.data;
}

/**
 * Route `schema`s are documentation for OpenAPI only: validation and serialisation stay ours
 * (no-op validator/serializer compilers), so nothing is validated twice.
 */
export const docsOnly = {
  validatorCompiler: () => () => true,
  serializerCompiler: () => (data: unknown) => JSON.stringify(data),
};

export function doc(
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

export const PUBLIC_EDGE = { permission: 'public', edgeCache: true } as const;

export const typeOf = (format: Format) => (format === 'csv' ? CSV_TYPE : JSON_TYPE);
export const formatOf = (query: { format?: Format }, suffixCsv: boolean): Format => (suffixCsv ? 'csv' : (query.format ?? 'json'));

/** A `:code` parameter that may end in `.csv`: the code (upper case, checked) and whether CSV was asked for. */
export function codeParam<T extends z.ZodType<{ code: string }>>(req: FastifyRequest, schema: T): { code: string; suffixCsv: boolean } {
  const raw = String((req.params as { code?: string }).code ?? '');
  const suffixCsv = raw.toLowerCase().endsWith('.csv');
  const { code } = check(schema, { code: (suffixCsv ? raw.slice(0, -4) : raw).toUpperCase() });
  return { code, suffixCsv };
}

export interface AtlasApiKit {
  today: () => string;
  meta: (version: string, date: string, count?: number) => Record<string, unknown>;
  /**
   * Sends the body for `key` on this data version (built once, compressed once), 304 when the client
   * has it; the edge cache may repeat it while the version holds and, for today's date (asked for or
   * implied), while it is still today.
   */
  serve: (
    req: FastifyRequest,
    reply: FastifyReply,
    key: string,
    date: string,
    type: string,
    build: (version: string) => Promise<string>,
  ) => Promise<FastifyReply>;
}

export function atlasApiKit(deps: AppDeps): AtlasApiKit {
  const cache = new BodyCache();
  const today = () => todayOf(deps);
  return {
    today,
    meta: (version, date, count) => ({
      date,
      ...(count !== undefined ? { count } : {}),
      dataVersion: version,
      attribution: ATTRIBUTION,
      source: ATTRIBUTION_SOURCE,
    }),
    async serve(req, reply, key, date, type, build) {
      const version = freshReferenceDataVersion(deps.db) ?? (await referenceDataVersion(deps.db));
      const day = today();
      allowEdgeCache(reply, () => freshReferenceDataVersion(deps.db) === version && (date !== day || today() === date));
      return cache.send(req, reply, `${version}|${key}`, type, () => build(version));
    },
  };
}
