// Walks every registered route (Fastify's own route table, so none can be forgotten) as an
// anonymous visitor and as each role, and checks the declared outcome: anonymous on a route that
// needs a login → 401, a role without the permission → 403, an allowed role → neither.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ROLES, type Role } from '../src/http/permissions.ts';
import { modules } from '../src/modules/index.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import {
  anonymousCsrf,
  type Client,
  createRoleUser,
  expectedOutcome,
  outcomeMatches,
  ROUTE_CHECKS_OWNERSHIP,
  type RouteEntry,
  requestRoute,
  routesOf,
  sessionEnded,
} from './helpers/routes.ts';

let t: TestApp;
let routes: RouteEntry[];

before(async () => {
  t = await createTestApp();
  routes = routesOf(t.app);
});

after(async () => {
  await t?.close();
});

/** The login pages exist once the auth module is registered; until then only anonymous is walked. */
function loginAvailable(): boolean {
  return routes.some((r) => r.method === 'POST' && r.url === '/inloggen');
}

function describeMismatch(route: RouteEntry, who: string, expected: string | number, status: number, body: string) {
  return `${route.method} ${route.url} (${route.permission}) as ${who}: expected ${expected}, got ${status} ${body.slice(0, 120).replace(/\s+/g, ' ')}`;
}

test('the route table lists every route with a declared permission', () => {
  assert.ok(routes.length > 0, 'the route table is empty');
  for (const r of t.app.routeTable) {
    assert.ok(modules.permission(r.permission) !== undefined, `${r.method} ${r.url} has no valid permission (${String(r.permission)})`);
  }
  // The home page and the assets route are registered, so the table really is Fastify's.
  assert.ok(routes.some((r) => r.method === 'GET' && r.url === '/'));
});

test('anonymous: 401 on every route that needs a login, never 401/403 on public ones', async () => {
  const client = anonymousCsrf(t.app);
  const mismatches: string[] = [];
  for (const route of routes) {
    const expected = expectedOutcome(route.permission, null);
    const res = await requestRoute(t, client, route);
    if (!outcomeMatches(expected, res.statusCode)) {
      mismatches.push(describeMismatch(route, 'anonymous', expected, res.statusCode, res.body));
    }
  }
  assert.deepEqual(mismatches, []);
});

for (const role of ROLES) {
  test(`${role}: 403 on routes of other roles, allowed where the permission says so`, async () => {
    assert.ok(loginAvailable(), 'the login pages are registered');
    const { loginAs } = await import('./helpers/auth.ts');
    const user = await createRoleUser(t, role);
    const signIn = async (): Promise<Client> => {
      const s = await loginAs(t, user);
      return { cookies: s.cookies, csrf: s.csrf };
    };
    let client = await signIn();
    const mismatches: string[] = [];
    for (const route of routes) {
      const expected = expectedOutcome(route.permission, role as Role);
      let res = await requestRoute(t, client, route);
      if (res.statusCode === 401 && expected !== 401) {
        // The previous request may have ended the session (logout, password change): sign in again.
        client = await signIn();
        res = await requestRoute(t, client, route);
      }
      const ownership = expected === 'allowed' && res.statusCode === 403 && ROUTE_CHECKS_OWNERSHIP[route.url];
      if (!ownership && !outcomeMatches(expected, res.statusCode)) {
        mismatches.push(describeMismatch(route, role, expected, res.statusCode, res.body));
      }
      if (sessionEnded(res)) client = await signIn();
    }
    assert.deepEqual(mismatches, []);
  });
}

test('staff without two-step verification are sent to enrol it on every staff route (API: 403)', async (ctx) => {
  assert.ok(loginAvailable(), 'the login pages are registered');
  const { createUser, loginAs } = await import('./helpers/auth.ts');
  const user = await createUser(t.deps, { role: 'adviser', totp: false });
  const s = await loginAs(t, user);
  const client: Client = { cookies: s.cookies, csrf: s.csrf };
  const mismatches: string[] = [];
  const staffRoutes = routes.filter((r) => r.permission === 'staff');
  ctx.diagnostic(`${staffRoutes.length} staff routes`);
  for (const route of staffRoutes) {
    const res = await requestRoute(t, client, route);
    const api = route.url.startsWith('/api/');
    const ok = api ? res.statusCode === 403 : res.statusCode === 303 && res.headers.location === '/account/tweestapsverificatie';
    if (!ok) mismatches.push(describeMismatch(route, 'adviser without TOTP', api ? 403 : '303 to enrolment', res.statusCode, res.body));
  }
  assert.deepEqual(mismatches, []);
});
