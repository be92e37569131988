// Every route gets random and malformed input (fast-check) from a role allowed to use it, with a
// valid CSRF token, and must answer below 500; a 400 must say what is wrong (a page shows an error
// message, the API answers problem+json with errors[].field or a detail). Bodies of every form and
// JSON route, query strings of every GET route, values of every route parameter; and a NUL byte in
// any form field is a 400 naming that field. It runs in the suite that runs on SQLite and again on
// PostgreSQL (TEST_DATABASE_URL), and checks that it really is on the engine asked for: PostgreSQL
// refuses what SQLite takes (NUL in text, integers past 2^31-1), so only there is the guard proven.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import type { PermissionName, Role } from '../src/http/permissions.ts';
import { modules } from '../src/modules/index.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import {
  anonymousCsrf,
  type Client,
  createRoleUser,
  fillParams,
  type RouteEntry,
  requestRoute,
  routesOf,
  sessionEnded,
} from './helpers/routes.ts';

const RUNS_PER_ROUTE = 25;
const FORM_METHODS = ['POST', 'PUT', 'PATCH'];

let t: TestApp;
let routes: RouteEntry[];
const tally = { requests: 0, serverErrors: 0, where: new Set<string>() };

before(async () => {
  t = await createTestApp();
  routes = routesOf(t.app);
});

after(async () => {
  await t?.close();
});

/** The role the route is walked as (null: anonymous), or undefined when it cannot be reached in this test. */
function roleFor(permission: PermissionName): Role | null | undefined {
  const roles = modules.permission(permission)!.roles;
  if (roles === 'anyone') return permission === 'token' ? undefined : null;
  return roles.includes('admin' as never) ? 'admin' : roles[0];
}

const signIns = new Map<string, () => Promise<Client>>();
const signedIn = new Map<string, Client>();

async function clientFor(role: Role | null): Promise<Client> {
  const key = role ?? 'anonymous';
  const existing = signedIn.get(key);
  if (existing) return existing;
  let signIn = signIns.get(key);
  if (!signIn) {
    if (role === null) {
      signIn = async () => anonymousCsrf(t.app);
    } else {
      const { loginAs } = await import('./helpers/auth.ts');
      const user = await createRoleUser(t, role);
      signIn = async () => {
        const s = await loginAs(t, user);
        return { cookies: s.cookies, csrf: s.csrf };
      };
    }
    signIns.set(key, signIn);
  }
  const client = await signIn();
  signedIn.set(key, client);
  return client;
}

/** Sends a request as the route's role, counts it, and forgets a session the request ended. */
async function send(route: RouteEntry, role: Role | null, extra: Parameters<typeof requestRoute>[3] = {}) {
  const res = await requestRoute(t, await clientFor(role), route, extra);
  tally.requests += 1;
  if (res.statusCode >= 500 && !(res.statusCode === 503 && /unavailable/.test(res.body))) {
    tally.serverErrors += 1;
    tally.where.add(`${route.method} ${route.url}`);
  }
  if (sessionEnded(res)) signedIn.delete(role ?? 'anonymous');
  return res;
}

/** Field names of the form served at the same path, so wrong values reach real fields too. */
async function formFieldsOf(client: Client, url: string): Promise<string[]> {
  const res = await t.app.inject({ method: 'GET', url: fillParams(url), cookies: client.cookies });
  if (res.statusCode !== 200 || !String(res.headers['content-type']).includes('text/html')) return [];
  const names = new Set<string>();
  for (const m of res.body.matchAll(/<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"/g)) {
    if (m[1] !== '_csrf') names.add(m[1]);
  }
  return [...names];
}

/** Values that have broken routes: controls, numbers past what integer columns hold, odd dates and text. */
const nasty = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000@probe.invalid',
  '\u0001\u001f',
  '0',
  '-1',
  '2147483648',
  '99999999999999999999',
  '1e309',
  '0x10',
  '1e-320',
  'NaN',
  'null',
  '[]',
  '<script>x</script>',
  '%00',
  '../../etc/passwd',
  'GM9999',
  '0000-01-01',
  '2019-02-30',
  '9999-99-99',
  "' OR 1=1 --",
  '😀',
);
const weird = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), nasty, fc.integer().map(String));

interface BadBody {
  kind: string;
  payload: string;
  contentType: string;
}

function badBodies(fields: string[]): fc.Arbitrary<BadBody> {
  const names = fields.length > 0 ? fc.constantFrom(...fields) : fc.string({ maxLength: 12 });
  const form = (kind: string) => (payload: string) => ({ kind, payload, contentType: 'application/x-www-form-urlencoded' });
  const json = (kind: string) => (payload: string) => ({ kind, payload, contentType: 'application/json' });
  const jsonValue = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), weird, fc.array(weird, { maxLength: 3 }));
  return fc.oneof(
    fc.dictionary(names, weird, { maxKeys: 6 }).map((d) => form('form')(new URLSearchParams(d).toString())),
    fc.tuple(names, weird, weird).map(([n, a, b]) => {
      const [k, x, y] = [n, a, b].map(encodeURIComponent);
      return form('form-repeated')(`${k}=${x}&${k}=${y}&${k}[x]=1`);
    }),
    fc.string({ unit: 'binary', maxLength: 200 }).map(form('form-garbage')),
    fc.dictionary(names, jsonValue, { maxKeys: 6 }).map((d) => json('json-object')(JSON.stringify(d))),
    fc.jsonValue({ maxDepth: 4 }).map((v) => json('json-any')(JSON.stringify(v))),
    fc.string({ maxLength: 60 }).map((s) => json('json-invalid')(`{${s}`)),
    fc
      .constantFrom(2_000, 60_000, 300_000)
      .chain((size) => names.map((n) => form(`huge-${size}`)(`${encodeURIComponent(n)}=${'a'.repeat(size)}`))),
    fc.string({ maxLength: 40 }).map((s) => ({ kind: 'text', payload: s, contentType: 'text/plain' })),
  );
}

/** Problems with a response to bad input, or null when it is acceptable. */
function problemWith(res: LightMyRequestResponse, api: boolean): string | null {
  // 503 "unavailable" is a deliberate answer (e.g. no reference data in this test database).
  if (res.statusCode === 503 && /unavailable/.test(res.body)) return null;
  if (res.statusCode >= 500) return `answered ${res.statusCode}`;
  if (res.statusCode !== 400) return null;
  const type = String(res.headers['content-type'] ?? '');
  if (api || type.includes('json')) {
    if (!type.includes('application/problem+json')) return `400 without problem+json (${type})`;
    const body = res.json() as { detail?: unknown; errors?: { field?: unknown }[] };
    const named =
      Array.isArray(body.errors) && body.errors.length > 0 && body.errors.every((e) => typeof e.field === 'string' && e.field !== '');
    if (!named && !(typeof body.detail === 'string' && body.detail.length > 0)) return '400 problem+json names no field and has no detail';
    return null;
  }
  const main = res.body.match(/<main\b[\s\S]*<\/main>/)?.[0] ?? '';
  if (/role="alert"|utrecht-form-field-error-message/.test(main)) return null;
  return /<h1\b/.test(main) && /<p\b[^>]*>[^<]{10,}/.test(main) ? null : '400 page without an error message';
}

/** The routes of `methods` the test can reach, with their role. */
function reachable(filter: (r: RouteEntry) => boolean): { route: RouteEntry; role: Role | null }[] {
  const out: { route: RouteEntry; role: Role | null }[] = [];
  for (const route of routes.filter(filter)) {
    const role = roleFor(route.permission);
    if (role !== undefined) out.push({ route, role });
  }
  return out;
}

const isApi = (url: string) => url.startsWith('/api/');

test('runs on the database engine the suite asked for', (ctx) => {
  const expected = process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite';
  assert.equal(t.database.dialect, expected);
  ctx.diagnostic(`engine: ${t.database.dialect}`);
});

test('every form and JSON route answers random and malformed bodies with 4xx and a message, never 5xx', async (ctx) => {
  const targets = reachable((r) => FORM_METHODS.includes(r.method));
  for (const { route, role } of targets) {
    const fields = await formFieldsOf(await clientFor(role), route.url);
    await fc.assert(
      fc.asyncProperty(badBodies(fields), async (body) => {
        const res = await send(route, role, { payload: body.payload, headers: { 'content-type': body.contentType } });
        const problem = problemWith(res, isApi(route.url));
        assert.equal(problem, null, `${route.method} ${route.url} with ${body.kind} body: ${problem}\n${res.body.slice(0, 400)}`);
      }),
      { numRuns: RUNS_PER_ROUTE },
    );
  }
  ctx.diagnostic(`${targets.length} form/JSON routes walked, ${RUNS_PER_ROUTE} bodies each`);
  assert.ok(targets.length > 0, 'no form route could be walked');
});

test('a NUL byte in any field of any form is a 400 that names the field', async (ctx) => {
  let checked = 0;
  for (const { route, role } of reachable((r) => FORM_METHODS.includes(r.method))) {
    const fields = [...(await formFieldsOf(await clientFor(role), route.url)), 'extra_field'];
    for (const field of fields) {
      const client = await clientFor(role);
      const payload = new URLSearchParams({ _csrf: client.csrf, [field]: 'a\u0000@probe.invalid' }).toString();
      const res = await send(route, role, { payload, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      assert.equal(res.statusCode, 400, `${route.method} ${route.url} field ${field}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      assert.ok(res.body.includes(field), `${route.method} ${route.url}: the 400 names ${field}`);
      checked += 1;
    }
  }
  ctx.diagnostic(`${checked} route/field pairs refused a NUL byte with a 400 naming the field`);
});

test('every GET route answers random query strings below 500, with a message on 400', async (ctx) => {
  const keys = fc.oneof(
    fc.constantFrom(
      'date',
      'datum',
      'q',
      'limit',
      'offset',
      'page',
      'year',
      'sort',
      'order',
      'code',
      'type',
      'format',
      'lang',
      'from',
      'to',
      'id',
    ),
    fc.string({ maxLength: 8 }),
  );
  const values = fc.oneof(fc.string({ maxLength: 30 }), nasty, fc.constant('a'.repeat(5000)));
  const targets = reachable((r) => r.method === 'GET' && !r.url.startsWith('/api/docs') && !r.url.includes('*'));
  for (const { route, role } of targets) {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(keys, fc.oneof(values, fc.array(values, { maxLength: 3 })), { maxKeys: 5 }), async (query) => {
        const search = new URLSearchParams();
        for (const [k, v] of Object.entries(query)) for (const one of [v].flat()) search.append(k, one);
        const url = `${fillParams(route.url)}?${search.toString()}`;
        const res = await send(route, role, { url });
        const problem = problemWith(res, isApi(route.url));
        assert.equal(problem, null, `GET ${url.slice(0, 200)}: ${problem}\n${res.body.slice(0, 400)}`);
      }),
      { numRuns: RUNS_PER_ROUTE },
    );
  }
  ctx.diagnostic(`${targets.length} GET routes walked, ${RUNS_PER_ROUTE} query strings each`);
});

test('every route parameter answers random values below 500; an id past 2^31-1 names nothing (404)', async (ctx) => {
  const targets = reachable((r) => r.url.includes(':') && !r.url.startsWith('/api/docs'));
  for (const { route, role } of targets) {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(nasty, fc.string({ maxLength: 20 }), fc.bigInt({ min: 0n, max: 10n ** 20n }).map(String)),
        async (value) => {
          const url = route.url.replace(/:(\w+)(\([^)]*\))?/g, () => encodeURIComponent(value));
          const res = await send(route, role, { url });
          const problem = problemWith(res, isApi(route.url));
          assert.equal(problem, null, `${route.method} ${url.slice(0, 200)}: ${problem}\n${res.body.slice(0, 400)}`);
        },
      ),
      { numRuns: RUNS_PER_ROUTE },
    );
    if (/:(\w*Id|\w*_id|id)\b/.test(route.url)) {
      const url = route.url.replace(/:(\w*Id|\w*_id|id)\b/g, '2147483648').replace(/:(\w+)/g, (_m, n: string) => fillParams(`:${n}`));
      const res = await send(route, role, { url });
      assert.equal(res.statusCode, 404, `${route.method} ${url}: ${res.statusCode}`);
    }
  }
  ctx.diagnostic(`${targets.length} routes with parameters walked, ${RUNS_PER_ROUTE} values each`);
});

test('no request of this file was answered with a 5xx', (ctx) => {
  ctx.diagnostic(`${tally.requests} requests on ${t.database.dialect}, ${tally.serverErrors} answered 5xx`);
  assert.deepEqual([...tally.where], [], 'routes that answered 5xx');
});
