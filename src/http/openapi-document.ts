// The shared part of every operation in the OpenAPI document, derived once from how the pipeline
// treats a route, so that no module has to write it and none can forget it (docs/adr/0017):
// - only /api/v1 is documented, also a route there without tags (the linter then names it);
// - `operationId` from method and URL when the route gives none (`GET /api/v1/regions/:code` →
//   `getRegionsByCode`), unique in the document or the document is not built;
// - `security` from the declared permission: public (and `token`, whose routes check a secret they
//   document themselves as a header) `[]`; everything else the personal API token (`bearerAuth`);
// - the answers the pipeline can give every operation: 400 (the input guard refuses control
//   characters and out-of-range ids in any parameter), 401/403 where a token is needed, 404 where
//   the path has a parameter, 413/415 where there is a body, 429 (the API's rate limit, with its
//   headers), and 304 where the edge or public cache answers If-None-Match; a module's own are kept;
// - every error is the error handler's problem+json (one schema, `Problem`), whatever a module
//   declared for it, and a 304 carries no body.
import type { Config } from '../config.ts';
import { type Json, PROBLEM_SCHEMA, STANDARD_RESPONSES } from './openapi-responses.ts';
import type { PermissionName } from './permissions.ts';

export const DOCUMENTED_PREFIX = '/api/v1/';

type Operation = Json & { responses?: Record<string, Json>; security?: unknown[]; operationId?: string };

const STASH = 'x-gaz-standard-responses';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);
const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** `GET /api/v1/surveys/:id/response-rate` → `getSurveysByIdResponseRate`. */
export function operationIdFor(method: string, url: string): string {
  const path = url.startsWith(DOCUMENTED_PREFIX) ? url.slice(DOCUMENTED_PREFIX.length) : url;
  const words = path
    .split('/')
    .filter(Boolean)
    .flatMap((segment) => {
      const param = /^(?::|\{)(\w+)/.exec(segment);
      return param ? ['by', param[1]] : segment.split(/[^A-Za-z0-9]+/).filter(Boolean);
    });
  return method.toLowerCase() + words.map(capitalise).join('');
}

/** Who may call an operation, in OpenAPI terms. */
export function securityFor(permission: PermissionName | undefined): Record<string, string[]>[] {
  return permission === 'public' || permission === 'token' ? [] : [{ bearerAuth: [] }];
}

/** What of a route decides the pipeline's answers besides its own. */
export interface RouteTraits {
  method: string;
  url: string;
  permission: PermissionName | undefined;
  /** Answered from the edge cache or the public cache, which honour If-None-Match. */
  cached: boolean;
}

/** The pipeline's answers an operation can give (status codes as strings). */
export function standardResponsesFor({ method, url, permission, cached }: RouteTraits): string[] {
  const secured = securityFor(permission).length > 0;
  const out: string[] = [];
  if (cached && method === 'GET') out.push('304');
  out.push('400');
  if (permission === 'token' || secured) out.push('401');
  // 'signedIn' admits every role, and a token of staff without two-step verification is no token (401).
  if (secured && permission !== 'signedIn') out.push('403');
  if (/[:{]\w+/.test(url)) out.push('404');
  if (WITH_BODY.has(method)) out.push('413', '415');
  out.push('429');
  return out;
}

interface RouteTransformInput {
  schema?: unknown;
  url: string;
  route: { method: string | string[]; config?: { permission?: PermissionName; edgeCache?: unknown; publicCache?: unknown } };
}

/** @fastify/swagger's `transform`: per route, before the document is put together. */
export function transformRoute({ schema, url, route }: RouteTransformInput): { schema: Json; url: string } {
  const own = (schema ?? {}) as Json;
  if (!url.startsWith(DOCUMENTED_PREFIX)) return { schema: { ...own, hide: true }, url };
  const method = (Array.isArray(route.method) ? route.method[0] : route.method).toUpperCase();
  const permission = route.config?.permission;
  const cached = Boolean(route.config?.edgeCache || route.config?.publicCache);
  return {
    schema: {
      ...own,
      operationId: own.operationId ?? operationIdFor(method, url),
      security: own.security ?? securityFor(permission),
      [STASH]: standardResponsesFor({ method, url, permission, cached }),
    },
    url,
  };
}

/** An answer of the pipeline: errors are the one problem+json, a 304 has no body. */
function normaliseResponse(status: string, response: Json): Json {
  if (status === '304') {
    const { content: _body, ...rest } = response;
    return rest;
  }
  if (Number(status) >= 400 && !('$ref' in response)) {
    return { ...response, content: { 'application/problem+json': { schema: PROBLEM_REF } } };
  }
  return response;
}

function completeOperation(op: Operation, used: Set<string>) {
  const standard = (op[STASH] as string[] | undefined) ?? [];
  delete op[STASH];
  const responses: Record<string, Json> = {};
  for (const [status, response] of Object.entries(op.responses ?? {})) responses[status] = normaliseResponse(status, response);
  for (const status of standard) {
    if (responses[status]) continue;
    responses[status] = { $ref: `#/components/responses/${STANDARD_RESPONSES[status].name}` };
    used.add(status);
  }
  op.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
}

/** @fastify/swagger's `transformObject`: the whole document, once it is put together. */
export function transformDocument({ openapiObject }: { openapiObject: Partial<Json> }): Json {
  const doc = openapiObject as Json & { paths?: Record<string, Record<string, Operation>>; components?: Json };
  const used = new Set<string>();
  const ids = new Map<string, string>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      completeOperation(op, used);
      const where = `${method.toUpperCase()} ${path}`;
      const id = op.operationId;
      if (id && ids.has(id))
        throw new Error(`OpenAPI: operationId "${id}" of ${where} is also that of ${ids.get(id)}; give one of them its own.`);
      if (id) ids.set(id, where);
    }
  }
  // Only what operations refer to: an unused component is a lint warning.
  const components = (doc.components ?? {}) as Json & { schemas?: Json; responses?: Json };
  const responses = Object.fromEntries([...used].sort().map((s) => [STANDARD_RESPONSES[s].name, STANDARD_RESPONSES[s].response]));
  doc.components = {
    ...components,
    schemas: { ...(components.schemas ?? {}), Problem: PROBLEM_SCHEMA },
    ...(used.size > 0 ? { responses: { ...(components.responses ?? {}), ...responses } } : {}),
  };
  return doc;
}

/**
 * The server of the document: PUBLIC_BASE_URL when it names a public host. Otherwise (development,
 * tests: the default http://localhost:PORT) `/`, a URL relative to the document, i.e. the host that
 * served it, so that a local document never tells clients to call localhost.
 */
export function documentServer(config: Pick<Config, 'publicBaseUrl'>): { url: string; description: string } {
  const base = config.publicBaseUrl.replace(/\/+$/, '');
  let host = 'localhost';
  try {
    host = new URL(base).hostname;
  } catch {
    // not a URL: treated as local
  }
  const local = host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '[::1]' || host === '0.0.0.0';
  return local ? { url: '/', description: 'Dezelfde server als deze beschrijving' } : { url: base, description: 'Gemeenten aan zet' };
}
