// Every answer of every GET under /api/v1 matches the OpenAPI document (ADR 0017): the operations
// come from the built document, each is called with its route example (test/helpers/walk.ts) on a
// database holding the reference data and the whole demo scenario, as the callers it admits
// (anonymous and a staff token on public operations, a staff token where a token is needed), and
// status, content type and body are validated with ajv (JSON Schema 2020-12) against the documented
// response; an object may carry no field the document does not name. The pipeline's answers are
// checked the same way: 304 for the ETag just sent (and only where 304 is documented), 400 for a
// control character, 401 without a token, 403 for a signed-in role without the permission, the
// documented 4xx for a path parameter that names nothing, 429 over the rate limit (with its headers);
// the other operations (POST) answer their examples as documented, and 415 for an unknown body type.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadDemo } from '../src/demo/index.ts';
import type { Role } from '../src/http/permissions.ts';
import { createApiToken, TOKEN_ROLES } from '../src/modules/auth/api-tokens.ts';
import { MODULES, modules } from '../src/modules/index.ts';
import type { TestApp } from './helpers/app.ts';
import { createAtlasTestApp } from './helpers/atlas.ts';
import { coreRouteExamples } from './helpers/core-route-examples.ts';
import {
  API_PREFIX,
  type DocumentedOperation,
  type OpenApiDocument,
  openApiDocument,
  operationsOf,
  ResponseChecker,
} from './helpers/openapi.ts';
import {
  exampleFor,
  exampleUrl,
  loadRouteExamples,
  type RouteExample,
  type RouteExamples,
  type WalkRoute,
  walkAddress,
} from './helpers/walk.ts';
import { excerpt, expectationFor, Walker, whosOf } from './helpers/walker.ts';

/** The demo scenario's reference date (DESIGN.md): the network as it was on it has something in every list. */
const DEMO_DATE = '2019-09-30';

let t: TestApp;
let doc: OpenApiDocument;
let checker: ResponseChecker;
let examples: RouteExamples;
let walker: Walker;
const tokens = new Map<Role, Promise<{ token: string; userId: number }>>();

before(async () => {
  t = await createAtlasTestApp(() => new Date());
  await loadDemo(t.deps, () => {});
  examples = await loadRouteExamples(MODULES, coreRouteExamples);
  walker = new Walker(t, examples, whosOf(modules));
  doc = await openApiDocument(t.app);
  checker = new ResponseChecker(doc);
});

after(async () => {
  await t?.close();
});

const getOperations = () => operationsOf(doc).filter((o) => o.method === 'GET' && o.path.startsWith(API_PREFIX));

function routeOf(o: DocumentedOperation): WalkRoute {
  const route = t.app.routeTable.find((r) => r.method === o.method && r.url === o.fastifyUrl);
  if (!route) throw new Error(`${o.method} ${o.path} is documented but not registered as ${o.fastifyUrl}`);
  return route;
}

/** A personal API token of a user of `role` (made once per role). */
function tokenOf(role: Role): Promise<{ token: string; userId: number }> {
  let made = tokens.get(role);
  if (!made) {
    made = (async () => {
      const account = await walker.account({ label: `${role} with an API token`, role, grants: [] })!;
      const { token } = await createApiToken(walker.context(account).service, account.id, 'contract test');
      return { token, userId: account.id };
    })();
    tokens.set(role, made);
  }
  return made;
}

/** Who calls an operation: anonymous where it is public, and a token of every token role it admits. */
function callersOf(route: WalkRoute): (Role | null)[] {
  const open = route.permission === 'public';
  const roles = TOKEN_ROLES.filter((role) => expectationFor(modules, route, { role, grants: [] }).kind === 'allowed');
  return open ? [null, ...roles.slice(-1)] : roles;
}

async function exampleAs(route: WalkRoute, role: Role | null): Promise<{ example: RouteExample; token: string | null }> {
  const fn = exampleFor(examples, route);
  const holder = role === null ? null : await tokenOf(role);
  const account = holder === null || role === null ? null : await walker.account({ label: `${role} with an API token`, role, grants: [] });
  const example = fn ? await fn(walker.context(account)) : {};
  return { example, token: holder?.token ?? null };
}

function request(url: string, token: string | null, example: RouteExample, headers: Record<string, string> = {}): InjectOptions {
  const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return {
    method: 'GET',
    url,
    headers: { ...(example.headers ?? {}), ...auth, ...headers },
    cookies: example.cookies,
    remoteAddress: walkAddress(),
  };
}

const withQuery = (url: string, extra: Record<string, string>) => `${url}${url.includes('?') ? '&' : '?'}${new URLSearchParams(extra)}`;

const documents = (o: DocumentedOperation, status: number) => Object.hasOwn(o.op.responses ?? {}, String(status));

/** The ETag rule: a 200 with an ETag documents 304, and If-None-Match with that ETag gets the 304. */
async function conditional(o: DocumentedOperation, url: string, token: string | null, example: RouteExample, ok: LightMyRequestResponse) {
  const etag = ok.headers.etag as string | undefined;
  // A cached operation documents 304 for all; only some answers carry an ETag (the public cache's are anonymous).
  if (etag === undefined) return [];
  if (!documents(o, 304)) return [`${o.method} ${o.path}: sends an ETag but documents no 304`];
  const again = await t.app.inject(request(url, token, example, { 'if-none-match': etag }));
  const problems = checker.problems(o, again);
  return again.statusCode === 304 ? problems : [...problems, `${o.method} ${o.path}: If-None-Match ${etag} → ${excerpt(again)}`];
}

/** One call as one caller: the example's status and a documented answer. */
async function call(o: DocumentedOperation, route: WalkRoute, role: Role | null, query: Record<string, string> = {}): Promise<string[]> {
  const { example, token } = await exampleAs(route, role);
  const url = exampleUrl(route, { ...example, query: { ...(example.query ?? {}), ...query } });
  const res = await t.app.inject(request(url, token, example));
  const who = role === null ? 'anonymous' : `${role} token`;
  const expected = example.status ?? 200;
  const problems = checker.problems(o, res).map((p) => `${p} (${who}, ${url})`);
  if (res.statusCode !== expected) problems.push(`${o.method} ${url} as ${who}: expected ${expected}, got ${excerpt(res)}`);
  if (res.statusCode === 200) problems.push(...(await conditional(o, url, token, example, res)));
  return problems;
}

test('the document lists GET operations under /api/v1 and each is a registered route', () => {
  const list = getOperations();
  assert.ok(list.length >= 20, `only ${list.length} GET operations`);
  for (const o of list) routeOf(o);
});

test('every GET under /api/v1 answers its example as documented, for every caller it admits (and on the demo date)', async (ctx) => {
  const problems: string[] = [];
  let calls = 0;
  for (const o of getOperations()) {
    const route = routeOf(o);
    const dated = (o.op.parameters ?? []).some((p) => p.in === 'query' && p.name === 'date');
    for (const role of callersOf(route)) {
      problems.push(...(await call(o, route, role)));
      calls++;
      if (dated) {
        problems.push(...(await call(o, route, role, { date: DEMO_DATE })));
        calls++;
      }
    }
  }
  ctx.diagnostic(`${calls} calls`);
  assert.deepEqual(problems, []);
});

test('the pipeline’s answers are documented: 400 for a control character, 401 without a token, 403 for a role without the permission', async () => {
  const problems: string[] = [];
  const denied = whosOf(modules).filter((w) => w.role !== null && w.grants.length === 0);
  for (const o of getOperations()) {
    const route = routeOf(o);
    const [first] = callersOf(route);
    const { example, token } = await exampleAs(route, first);
    const url = exampleUrl(route, example);
    const bad = await t.app.inject(request(withQuery(url, { zoek: 'a\u0001b' }), token, example));
    problems.push(...checker.problems(o, bad));
    if (bad.statusCode !== 400) problems.push(`${o.method} ${o.path} with a control character: ${excerpt(bad)}`);
    if (route.permission === 'public') continue;
    const anonymous = await t.app.inject(request(url, null, example));
    problems.push(...checker.problems(o, anonymous));
    if (anonymous.statusCode !== 401) problems.push(`${o.method} ${o.path} without a token: ${excerpt(anonymous)}`);
    const who = denied.find((w) => expectationFor(modules, route, w).kind === 'denied');
    if (!who) continue;
    const client = await walker.client(await walker.account(who));
    const refused = await t.app.inject({ ...request(url, null, example), cookies: client.cookies });
    problems.push(...checker.problems(o, refused));
    if (refused.statusCode !== 403) problems.push(`${o.method} ${o.path} as ${who.label}: ${excerpt(refused)}`);
  }
  assert.deepEqual(problems, []);
});

/** A value for a path parameter that names nothing, of the parameter's usual shape. */
function unknownValue(name: string): string {
  if (name === 'id' || /Id$/.test(name)) return '987654';
  if (name === 'code') return 'GM9999';
  return 'bestaat-niet-987654';
}

test('a path parameter that names nothing gets a documented 4xx (404, or 400 for a value of the wrong shape)', async () => {
  const problems: string[] = [];
  for (const o of getOperations().filter((x) => x.fastifyUrl.includes(':'))) {
    const route = routeOf(o);
    const [first] = callersOf(route);
    const { example, token } = await exampleAs(route, first);
    const params = Object.fromEntries(Object.keys(example.params ?? {}).map((name) => [name, unknownValue(name)]));
    const url = exampleUrl(route, { params });
    const res = await t.app.inject(request(url, token, example));
    problems.push(...checker.problems(o, res));
    if (res.statusCode !== 404 && res.statusCode !== 400) problems.push(`${o.method} ${url}: ${excerpt(res)}`);
  }
  assert.deepEqual(problems, []);
});

test('over the API rate limit every GET answers the documented 429, with its RateLimit and Retry-After headers', async () => {
  const limited = await createAtlasTestApp(() => new Date(), { config: { apiRateLimitPerMinute: 1 } });
  try {
    const problems: string[] = [];
    for (const o of getOperations()) {
      const route = limited.app.routeTable.find((r) => r.method === o.method && r.url === o.fastifyUrl)!;
      const names = [...o.fastifyUrl.matchAll(/:(\w+)/g)].map((m) => m[1]);
      const url = exampleUrl(route, { params: Object.fromEntries(names.map((name) => [name, unknownValue(name)])) });
      const remoteAddress = walkAddress();
      await limited.app.inject({ url, remoteAddress });
      const over = await limited.app.inject({ url, remoteAddress });
      problems.push(...checker.problems(o, over));
      if (over.statusCode !== 429) problems.push(`${o.method} ${url} over the limit: ${excerpt(over)}`);
      for (const header of ['ratelimit', 'ratelimit-policy', 'retry-after']) {
        if (over.headers[header] === undefined) problems.push(`${o.method} ${url}: 429 without ${header}`);
      }
    }
    assert.deepEqual(problems, []);
  } finally {
    await limited.close();
  }
});

test('every other /api/v1 operation answers its example as documented, and a body of an unsupported type the documented 415', async () => {
  const problems: string[] = [];
  const others = operationsOf(doc).filter((o) => o.method !== 'GET' && o.path.startsWith(API_PREFIX));
  assert.ok(others.length > 0);
  for (const o of others) {
    const route = routeOf(o);
    const { example, res } = await walker.visit(route, null);
    problems.push(...checker.problems(o, res));
    if (res.statusCode !== (example.status ?? 200)) problems.push(`${o.method} ${o.path}: expected ${example.status}, got ${excerpt(res)}`);
    const xml = await t.app.inject({
      method: o.method as InjectOptions['method'],
      url: exampleUrl(route, example),
      headers: { ...(example.headers ?? {}), 'content-type': 'application/x-gaz-unknown' },
      payload: '<a/>',
      remoteAddress: walkAddress(),
    });
    problems.push(...checker.problems(o, xml));
    if (xml.statusCode !== 415) problems.push(`${o.method} ${o.path} with an unknown content type: ${excerpt(xml)}`);
  }
  assert.deepEqual(problems, []);
});
