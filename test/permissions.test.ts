// The permission walk: every route in Fastify's route table (so none can be forgotten), sent as an
// anonymous visitor, as every role and as a holder of every grant. Where the permission table says
// no, the answer is exactly 401 (anonymous) or 403; where it says yes, exactly the status of the
// route's example (test/helpers/walk.ts) — the page really answers, not just "not 401/403".
// Routes with permission 'token' decide themselves; their example says what each caller gets.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { PermissionName } from '../src/http/permissions.ts';
import { defineModule } from '../src/module.ts';
import { MODULES, modules } from '../src/modules/index.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { createUser, loginAs } from './helpers/auth.ts';
import { exampleFor, exampleRequest, examplesWithoutRoute, type RouteExamples, routesWithoutExample } from './helpers/walk.ts';
import { startWalk } from './helpers/walk-app.ts';
import { excerpt, expectationFor, needsExample, Walker, walkRoutes, whosOf } from './helpers/walker.ts';

const METRICS_TOKEN = 'walk-metrics-token-0123456789';

let t: TestApp;
let examples: RouteExamples;
let walker: Walker;
const whos = whosOf(modules);

before(async () => {
  ({ t, examples, walker } = await startWalk({ whos, config: { metricsToken: METRICS_TOKEN } }));
});

after(async () => {
  await t?.close();
});

const routes = () => walkRoutes(t.app.routeTable);

test('the route table lists every route with a declared permission', () => {
  assert.ok(t.app.routeTable.length > 0, 'the route table is empty');
  for (const r of t.app.routeTable) {
    assert.ok(modules.permission(r.permission) !== undefined, `${r.method} ${r.url} has no valid permission (${String(r.permission)})`);
  }
  // The home page and the assets route are registered, so the table really is Fastify's.
  assert.ok(t.app.routeTable.some((r) => r.method === 'GET' && r.url === '/'));
  assert.ok(t.app.routeTable.some((r) => r.method === 'GET' && r.url === '/assets/:file'));
});

test('every route with a parameter or a method other than GET has a route example, and every example a route', () => {
  assert.deepEqual(routesWithoutExample(routes(), examples), [], 'add these to src/modules/<name>/route-examples.ts');
  assert.deepEqual(examplesWithoutRoute(t.app.routeTable, examples), [], 'these examples name routes that do not exist');
});

test('a HEAD route beside a GET has the GET’s permission and scope (the walk sends the GET)', () => {
  const byKey = new Map(t.app.routeTable.map((r) => [`${r.method} ${r.url}`, r]));
  const differ = t.app.routeTable
    .filter((r) => r.method === 'HEAD' && byKey.has(`GET ${r.url}`))
    .filter((r) => {
      const get = byKey.get(`GET ${r.url}`)!;
      return get.permission !== r.permission || JSON.stringify(get.scope) !== JSON.stringify(r.scope);
    })
    .map((r) => r.url);
  assert.deepEqual(differ, []);
});

for (const who of whos) {
  test(`${who.label}: exactly 401/403 where the permission says no, exactly the example's status where it says yes`, async (ctx) => {
    const mismatches: string[] = [];
    const list = routes();
    for (const route of list) {
      const problem = await walker.check(route, who, modules);
      if (problem) mismatches.push(problem);
    }
    ctx.diagnostic(`${list.length} routes`);
    assert.deepEqual(mismatches, []);
  });
}

test('staff without two-step verification are sent to enrol it on every route staff may use (API: 403)', async (ctx) => {
  const user = await createUser(t.deps, { role: 'adviser', totp: false });
  const s = await loginAs(t, user);
  const mismatches: string[] = [];
  // The routes the TOTP rule guards: an adviser holds the permission, and it is neither public nor 'signedIn'.
  const staffRoutes = routes().filter(
    (r) =>
      r.permission !== 'signedIn' &&
      r.permission !== 'token' &&
      modules.permission(r.permission)?.roles !== 'anyone' &&
      expectationFor(modules, r, { role: 'adviser', grants: [] }).kind === 'allowed' &&
      !(needsExample(r) && !exampleFor(examples, r)), // named by the completeness test
  );
  ctx.diagnostic(`${staffRoutes.length} staff routes`);
  for (const route of staffRoutes) {
    const example = await walker.probe(route, modules);
    const res = await t.app.inject(exampleRequest(route, example, { cookies: s.cookies, csrf: s.csrf }));
    const api = route.url.startsWith('/api/');
    const ok = api ? res.statusCode === 403 : res.statusCode === 303 && res.headers.location === '/account/tweestapsverificatie';
    if (!ok) mismatches.push(`${route.method} ${route.url}: expected ${api ? 403 : '303 to enrolment'}, got ${excerpt(res)}`);
  }
  assert.ok(staffRoutes.length > 0);
  assert.deepEqual(mismatches, []);
});

test('a grant opens its permission to a user whose role lacks it, and nothing else (a module with a granted permission)', async () => {
  // Until a real module declares one (e.g. news' `editor`), a probe module does.
  const permission = 'walkProbe' as PermissionName;
  const probe = defineModule({
    name: 'walkprobe',
    permissions: { walkProbe: { roles: ['admin'], grant: 'walk-probe', description: 'Probe of the permission walk' } },
    routes: (app) => {
      app.get('/walk-probe', { config: { permission } }, async () => ({ ok: true }));
    },
  });
  const g = await createTestApp({ modules: [...MODULES, probe] });
  try {
    const registry = g.deps.modules;
    const gwhos = whosOf(registry);
    const holder = gwhos.find((w) => w.grants.includes('walk-probe'));
    assert.ok(holder, 'the walk sends a holder of the grant');
    assert.equal(holder.role, 'learner');
    const route = { method: 'GET', url: '/walk-probe', permission };
    assert.deepEqual(expectationFor(registry, route, holder), { kind: 'allowed' });
    assert.deepEqual(expectationFor(registry, route, { role: 'learner', grants: [] }), { kind: 'denied', status: 403 });
    const probeWalker = new Walker(g, {}, gwhos);
    const mismatches: string[] = [];
    for (const who of gwhos) {
      const problem = await probeWalker.check(route, who, registry);
      if (problem) mismatches.push(problem);
    }
    assert.deepEqual(mismatches, []);
  } finally {
    await g.close();
  }
});
