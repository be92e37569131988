// The OpenAPI document as test data: its operations, a validator of answers against the documented
// responses (ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses), and the structural rules every /api/v1
// operation must follow (test/openapi-contract.test.ts, test/openapi-responses.test.ts, ADR 0017).
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

type Json = Record<string, unknown>;
export type OpenApiDocument = Json & {
  paths: Record<string, Record<string, Operation>>;
  components?: Json;
  servers?: { url: string; description?: string }[];
  security?: unknown[];
};
export interface Operation {
  operationId?: string;
  security?: unknown[];
  parameters?: { name: string; in: string }[];
  responses?: Record<string, Json>;
  [key: string]: unknown;
}

export const API_PREFIX = '/api/v1/';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

export async function openApiDocument(app: FastifyInstance): Promise<OpenApiDocument> {
  const res = await app.inject({ url: '/api/openapi.json' });
  if (res.statusCode !== 200) throw new Error(`/api/openapi.json answered ${res.statusCode}`);
  return res.json() as OpenApiDocument;
}

/** One operation of the document: `GET /api/v1/regions/{code}`, and its URL as Fastify registered it (`/api/v1/regions/:code`). */
export interface DocumentedOperation {
  method: string;
  path: string;
  fastifyUrl: string;
  op: Operation;
}

export function operationsOf(doc: OpenApiDocument): DocumentedOperation[] {
  const out: DocumentedOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (op) out.push({ method: method.toUpperCase(), path, fastifyUrl: path.replace(/\{(\w+)\}/g, ':$1'), op });
    }
  }
  return out;
}

const where = (o: Pick<DocumentedOperation, 'method' | 'path'>) => `${o.method} ${o.path}`;

const unescapeSegment = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/** A JSON pointer (`#/components/responses/NotFound`) in the document. */
function resolvePointer(doc: Json, ref: string): Json {
  let node: unknown = doc;
  for (const part of ref.replace(/^#\//, '').split('/')) node = (node as Json | undefined)?.[unescapeSegment(part)];
  if (node === undefined) throw new Error(`OpenAPI: ${ref} does not exist`);
  return node as Json;
}

/** The response object for a status (a `$ref` resolved), or undefined when it is not documented. */
export function documentedResponse(doc: OpenApiDocument, op: Operation, status: number): Json | undefined {
  const response = op.responses?.[String(status)];
  if (!response) return undefined;
  return typeof response.$ref === 'string' ? resolvePointer(doc, response.$ref) : response;
}

/** What the structural rules say of the document's /api/v1 operations: one sentence per breach. */
export function contractProblems(doc: OpenApiDocument): string[] {
  const problems: string[] = [];
  const ids = new Map<string, string>();
  for (const o of operationsOf(doc)) {
    if (!o.path.startsWith(API_PREFIX)) continue;
    const name = where(o);
    const id = o.op.operationId;
    if (typeof id !== 'string' || id === '') problems.push(`${name}: no operationId`);
    else if (ids.has(id)) problems.push(`${name}: operationId ${id} is also that of ${ids.get(id)}`);
    else ids.set(id, name);
    if (!Array.isArray(o.op.security)) problems.push(`${name}: no security (public operations say security: [])`);
    const statuses = Object.keys(o.op.responses ?? {});
    const ok = statuses.filter((s) => /^2/.test(s));
    if (ok.length === 0) problems.push(`${name}: no 2xx response`);
    for (const status of statuses) {
      const response = documentedResponse(doc, o.op, Number(status)) ?? {};
      const content = response.content as Record<string, { schema?: Json }> | undefined;
      const noBody = status === '204' || status === '304';
      if (noBody && content) problems.push(`${name}: ${status} documents a body`);
      if (noBody) continue;
      if (!content || Object.keys(content).length === 0) problems.push(`${name}: ${status} has no response schema`);
      for (const [type, media] of Object.entries(content ?? {})) {
        if (!media.schema || Object.keys(media.schema).length === 0) problems.push(`${name}: ${status} ${type} has no schema`);
        if (Number(status) >= 400 && type !== 'application/problem+json') problems.push(`${name}: ${status} is ${type}, not problem+json`);
      }
    }
    if (!statuses.some((s) => /^4/.test(s))) problems.push(`${name}: no 4xx response`);
  }
  return problems;
}

/**
 * Every object schema that lists its properties admits no others (unevaluatedProperties: false,
 * which also holds across oneOf/allOf): a field the API sends but does not document fails.
 */
function closeObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closeObjects);
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) out[k] = k === 'examples' || k === 'example' ? v : closeObjects(v);
  const open = 'additionalProperties' in out || 'unevaluatedProperties' in out || 'patternProperties' in out;
  if (out.properties && typeof out.properties === 'object' && !open) out.unevaluatedProperties = false;
  return out;
}

const bareType = (contentType: string | undefined) => (contentType ?? '').split(';')[0].trim().toLowerCase();
const isJson = (type: string) => type === 'application/json' || type.endsWith('+json');

/** Checks answers against the document: status documented, content type documented, body valid. */
export class ResponseChecker {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly doc: OpenApiDocument) {
    addFormats.default(this.ajv);
    this.ajv.addSchema(closeObjects({ ...doc, $id: 'openapi.json' }) as Json);
  }

  /** The validator of one documented body: `at` is the response's pointer segments (its own, or the component it refers to). */
  private validator(at: string[], type: string): ValidateFunction {
    const pointer = [...at, 'content', type, 'schema']
      .map((seg) => encodeURIComponent(seg.replace(/~/g, '~0').replace(/\//g, '~1')))
      .join('/');
    let fn = this.compiled.get(pointer);
    if (!fn) {
      fn = this.ajv.compile({ $ref: `openapi.json#/${pointer}` });
      this.compiled.set(pointer, fn);
    }
    return fn;
  }

  /** What is wrong with an answer of `o` (empty: it matches the document). */
  problems(o: DocumentedOperation, res: LightMyRequestResponse): string[] {
    const label = `${where(o)} → ${res.statusCode}`;
    const raw = o.op.responses?.[String(res.statusCode)];
    const response = documentedResponse(this.doc, o.op, res.statusCode);
    if (!response) return [`${label}: status not documented (${res.body.slice(0, 120)})`];
    const content = response.content as Record<string, unknown> | undefined;
    const type = bareType(res.headers['content-type'] as string | undefined);
    if (!content) return res.rawPayload.length === 0 ? [] : [`${label}: a body (${type}) where the document says none`];
    if (!Object.hasOwn(content, type))
      return [`${label}: content type ${type || '(none)'} not documented (${Object.keys(content).join(', ')})`];
    let body: unknown = res.body;
    if (isJson(type)) {
      try {
        body = JSON.parse(res.body);
      } catch {
        return [`${label}: ${type} that is not JSON`];
      }
    }
    const at =
      typeof raw?.$ref === 'string'
        ? raw.$ref.replace(/^#\//, '').split('/').map(unescapeSegment)
        : ['paths', o.path, o.method.toLowerCase(), 'responses', String(res.statusCode)];
    const validate = this.validator(at, type);
    if (validate(body)) return [];
    return (validate.errors ?? [])
      .slice(0, 5)
      .map((e) => `${label}: ${e.instancePath || '(body)'} ${e.message} ${JSON.stringify(e.params)}`);
  }
}
