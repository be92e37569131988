// Every form and JSON route gets random and malformed input (fast-check) from a role allowed to use
// it, with a valid CSRF token, and must answer below 500; a 400 must say what is wrong (a page
// shows an error message, the API answers problem+json with errors[].field or a detail).
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

const clients = new Map<string, () => Promise<Client>>();
const signedIn = new Map<string, Client>();

async function clientFor(role: Role | null): Promise<Client> {
  const key = role ?? 'anonymous';
  const existing = signedIn.get(key);
  if (existing) return existing;
  let signIn = clients.get(key);
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
    clients.set(key, signIn);
  }
  const client = await signIn();
  signedIn.set(key, client);
  return client;
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

interface BadBody {
  kind: string;
  payload: string;
  contentType: string;
}

function badBodies(fields: string[]): fc.Arbitrary<BadBody> {
  const names = fields.length > 0 ? fc.constantFrom(...fields) : fc.string({ maxLength: 12 });
  const weird = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom(
      '',
      ' ',
      '\u0000',
      '0',
      '-1',
      '1e309',
      'NaN',
      'null',
      'true',
      '[]',
      '{}',
      '<script>x</script>',
      '%00',
      '../../etc/passwd',
      'GM9999',
      '2019-02-30',
      '9999-99-99',
    ),
    fc.integer().map(String),
  );
  const jsonValue = fc.oneof(
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.string({ maxLength: 30 }),
    fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 3 }),
  );
  return fc.oneof(
    // Random form fields, with real field names where the page has a form.
    fc.dictionary(names, weird, { maxKeys: 6 }).map((d) => ({
      kind: 'form',
      payload: new URLSearchParams(d).toString(),
      contentType: 'application/x-www-form-urlencoded',
    })),
    // Repeated fields become arrays; bracket syntax stays a literal name.
    fc.tuple(names, weird, weird).map(([n, a, b]) => ({
      kind: 'form-repeated',
      payload: `${encodeURIComponent(n)}=${encodeURIComponent(a)}&${encodeURIComponent(n)}=${encodeURIComponent(b)}&${encodeURIComponent(n)}[x]=1`,
      contentType: 'application/x-www-form-urlencoded',
    })),
    // Urlencoded garbage.
    fc
      .string({ unit: 'binary', maxLength: 200 })
      .map((s) => ({ kind: 'form-garbage', payload: s, contentType: 'application/x-www-form-urlencoded' })),
    // JSON with wrong types and nesting, on the real field names.
    fc
      .dictionary(names, jsonValue, { maxKeys: 6 })
      .map((d) => ({ kind: 'json-object', payload: JSON.stringify(d), contentType: 'application/json' })),
    fc.jsonValue({ maxDepth: 4 }).map((v) => ({ kind: 'json-any', payload: JSON.stringify(v), contentType: 'application/json' })),
    // Invalid JSON.
    fc.string({ maxLength: 60 }).map((s) => ({ kind: 'json-invalid', payload: `{${s}`, contentType: 'application/json' })),
    // Huge input: over the form body limit, and a long value under it.
    fc.constantFrom(2_000, 60_000, 300_000).chain((size) =>
      names.map((n) => ({
        kind: `huge-${size}`,
        payload: `${encodeURIComponent(n)}=${'a'.repeat(size)}`,
        contentType: 'application/x-www-form-urlencoded',
      })),
    ),
    // A content type nobody accepts.
    fc.string({ maxLength: 40 }).map((s) => ({ kind: 'text', payload: s, contentType: 'text/plain' })),
  );
}

/** Problems with a response to bad input, or null when it is acceptable. */
function problemWith(res: LightMyRequestResponse, api: boolean): string | null {
  // 503 "unavailable" is a deliberate answer (e.g. no reference data imported in this test
  // database), not a failure on the input; any other 5xx is.
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
  // A page: the form again with an error summary / messages beside fields, or an error page
  // whose main content explains what is wrong.
  const main = res.body.match(/<main\b[\s\S]*<\/main>/)?.[0] ?? '';
  if (/role="alert"|utrecht-form-field-error-message/.test(main)) return null;
  const explained = /<h1\b/.test(main) && /<p\b[^>]*>[^<]{10,}/.test(main);
  return explained ? null : '400 page without an error message';
}

test('every form and JSON route answers random and malformed bodies with 4xx and a message, never 5xx', async (ctx) => {
  const loginAvailable = routes.some((r) => r.method === 'POST' && r.url === '/inloggen');
  const targets = routes.filter((r) => FORM_METHODS.includes(r.method));
  const walked: string[] = [];
  for (const route of targets) {
    const role = roleFor(route.permission);
    if (role === undefined || (role !== null && !loginAvailable)) continue;
    const fields = await formFieldsOf(await clientFor(role), route.url);
    const api = route.url.startsWith('/api/');
    await fc.assert(
      fc.asyncProperty(badBodies(fields), async (body) => {
        const client = await clientFor(role);
        const res = await requestRoute(t, client, route, {
          payload: body.payload,
          headers: { 'content-type': body.contentType },
        });
        if (sessionEnded(res)) signedIn.delete(role ?? 'anonymous');
        const problem = problemWith(res, api);
        assert.equal(problem, null, `${route.method} ${route.url} with ${body.kind} body: ${problem}\n${res.body.slice(0, 400)}`);
      }),
      { numRuns: RUNS_PER_ROUTE },
    );
    walked.push(`${route.method} ${route.url}`);
  }
  ctx.diagnostic(`${walked.length} of ${targets.length} form/JSON routes walked, ${RUNS_PER_ROUTE} bodies each`);
  if (targets.length > 0) assert.ok(walked.length > 0, 'no form route could be walked');
});

test('every API GET route with a query answers random query strings below 500, with a message on 400', async (ctx) => {
  const loginAvailable = routes.some((r) => r.method === 'POST' && r.url === '/inloggen');
  const targets = routes.filter((r) => r.method === 'GET' && r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
  const keys = fc.oneof(
    fc.constantFrom('date', 'q', 'limit', 'offset', 'page', 'year', 'sort', 'order', 'code', 'type', 'format', 'lang', 'from', 'to'),
    fc.string({ maxLength: 8 }),
  );
  const values = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom('', '-1', '1e9', '2019-13-45', 'null', 'GM0363', "' OR 1=1 --", 'a'.repeat(5000)),
  );
  let walked = 0;
  for (const route of targets) {
    const role = roleFor(route.permission);
    if (role === undefined || (role !== null && !loginAvailable)) continue;
    walked += 1;
    await fc.assert(
      fc.asyncProperty(fc.dictionary(keys, fc.oneof(values, fc.array(values, { maxLength: 3 })), { maxKeys: 5 }), async (query) => {
        const client = await clientFor(role);
        const search = new URLSearchParams();
        for (const [k, v] of Object.entries(query)) for (const one of [v].flat()) search.append(k, one);
        const res = await requestRoute(t, client, { method: 'GET', url: `${route.url}?${search.toString()}` });
        const problem = problemWith(res, true);
        assert.equal(problem, null, `GET ${route.url}?${search.toString().slice(0, 200)}: ${problem}\n${res.body.slice(0, 400)}`);
      }),
      { numRuns: RUNS_PER_ROUTE },
    );
  }
  ctx.diagnostic(`${walked} of ${targets.length} API GET routes walked, ${RUNS_PER_ROUTE} query strings each`);
});
