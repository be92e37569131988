// Ownership: on every route that acts on one user's own data — a declared scope (`config.scope`:
// 'ownCoordinator' or { ownMunicipality: param }) or a permission for own data only (coordinator,
// municipality, learner) — two users of the same role, A and B, each with data of their own:
// - a scope on a parameter: A gets the example's status on A's data, and 403/404 on B's (the
//   example built for B, requested as A); staff get B's; an account without a municipality 403;
// - a scope without a parameter (/mijn-coordinatie): A's page shows A's ownerMark and not B's; a
//   coordinator account without a coordinator record gets 403.
// The app's own routes are walked, and a probe module with both declared scopes proves the
// pipeline's enforcement and this walk even while no module declares a scope on a parameter.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { defineModule, type ModuleRegistry } from '../src/module.ts';
import { MODULES, modules } from '../src/modules/index.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { createAtlasTestApp } from './helpers/atlas.ts';
import { coreRouteExamples } from './helpers/core-route-examples.ts';
import { type Account, factoriesFor, MUNICIPALITY_A, MUNICIPALITY_B } from './helpers/factories.ts';
import { expectedStatus, loadRouteExamples, type RouteExamples, routeKey, type WalkRoute } from './helpers/walk.ts';
import { excerpt, expectationFor, type Ownership, ownershipOf, type Visit, Walker, walkRoutes, whosOf } from './helpers/walker.ts';

interface Owned {
  route: WalkRoute;
  ownership: Ownership;
}

/** Walks the own-data routes of one app. */
class OwnershipWalk {
  readonly walker: Walker;
  readonly owned: Owned[];
  private readonly pairs = new Map<string, Promise<[Account, Account]>>();

  constructor(
    readonly t: TestApp,
    examples: RouteExamples,
    readonly registry: ModuleRegistry,
  ) {
    this.walker = new Walker(t, examples, whosOf(registry));
    this.owned = walkRoutes(t.app.routeTable).flatMap((route) => {
      const ownership = ownershipOf(route);
      return ownership ? [{ route, ownership }] : [];
    });
  }

  /** Two accounts of a role with data of their own (different municipalities, different coordinator records). */
  twoOf(role: Ownership['role']): Promise<[Account, Account]> {
    let pair = this.pairs.get(role);
    if (!pair) {
      const make = factoriesFor(this.t.deps);
      pair = Promise.all([make.user(role, { municipalityCode: MUNICIPALITY_A }), make.user(role, { municipalityCode: MUNICIPALITY_B })]);
      this.pairs.set(role, pair);
    }
    return pair;
  }

  async paramProblems(): Promise<string[]> {
    const problems: string[] = [];
    for (const { route, ownership } of this.owned.filter((o) => o.ownership.kind === 'param')) {
      const [a, b] = await this.twoOf(ownership.role);
      problems.push(...statusProblem(route, 'A on A’s data', await this.walker.visit(route, a)));
      const other = await this.walker.visit(route, b, a);
      if (other.res.statusCode !== 403 && other.res.statusCode !== 404) {
        problems.push(`${routeKey(route)} as A on B’s data: expected 403 or 404, got ${excerpt(other.res)}`);
      }
      if (expectationFor(this.registry, route, { role: 'adviser', grants: [] }).kind === 'allowed') {
        const adviser = await this.walker.account({ label: 'adviser', role: 'adviser', grants: [] });
        problems.push(...statusProblem(route, 'staff on B’s data', await this.walker.visit(route, b, adviser)));
      }
      const none = await factoriesFor(this.t.deps).user(ownership.role, { municipalityCode: null });
      const unlinked = await this.walker.visit(route, a, none);
      if (unlinked.res.statusCode !== 403) {
        problems.push(`${routeKey(route)} as an account without a municipality: expected 403, got ${excerpt(unlinked.res)}`);
      }
    }
    return problems;
  }

  async selfProblems(): Promise<string[]> {
    const problems: string[] = [];
    for (const { route, ownership } of this.owned.filter((o) => o.ownership.kind === 'self')) {
      const [a, b] = await this.twoOf(ownership.role);
      const ofA = await this.walker.visit(route, a);
      problems.push(...statusProblem(route, 'A', ofA));
      if (route.url.includes(':')) {
        // Its own parameter (a record of the user's): B's record requested by A.
        const other = await this.walker.visit(route, b, a);
        if (other.res.statusCode !== 403 && other.res.statusCode !== 404) {
          problems.push(`${routeKey(route)} as A on B’s record: expected 403 or 404, got ${excerpt(other.res)}`);
        }
      } else if (route.method === 'GET') {
        problems.push(...markProblems(route, ofA, await this.walker.visit(route, b)));
      }
      if (ownership.role === 'coordinator') {
        const none = await factoriesFor(this.t.deps).user('coordinator', { coordinatorId: null });
        const unlinked = await this.walker.visit(route, a, none);
        if (unlinked.res.statusCode !== 403) {
          problems.push(`${routeKey(route)} as a coordinator account without a record: expected 403, got ${excerpt(unlinked.res)}`);
        }
      }
    }
    return problems;
  }
}

function statusProblem(route: WalkRoute, who: string, visit: Visit): string[] {
  const expected = expectedStatus(route, visit.example);
  return visit.res.statusCode === expected ? [] : [`${routeKey(route)} as ${who}: expected ${expected}, got ${excerpt(visit.res)}`];
}

/** A's page shows A's mark and not B's, and the other way round. */
function markProblems(route: WalkRoute, ofA: Visit, ofB: Visit): string[] {
  const [markA, markB] = [ofA.example.ownerMark, ofB.example.ownerMark];
  if (markA === undefined || markB === undefined || markA === markB) {
    return [`${routeKey(route)}: the example must give an ownerMark that differs per user`];
  }
  const problems: string[] = [];
  if (!ofA.res.body.includes(markA)) problems.push(`${routeKey(route)}: A’s page does not show A’s mark "${markA}"`);
  if (ofA.res.body.includes(markB)) problems.push(`${routeKey(route)}: A’s page shows B’s mark "${markB}"`);
  if (ofB.res.body.includes(markA)) problems.push(`${routeKey(route)}: B’s page shows A’s mark "${markA}"`);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The app's own routes

let t: TestApp;
let walk: OwnershipWalk;

before(async () => {
  t = await createAtlasTestApp(() => new Date());
  walk = new OwnershipWalk(t, await loadRouteExamples(MODULES, coreRouteExamples), modules);
});

after(async () => {
  await t?.close();
});

test('the routes that act on own data are found (declared scopes and own-data permissions)', (ctx) => {
  assert.ok(walk.owned.length > 0, 'no route acts on own data: the walk below would prove nothing');
  for (const { route, ownership } of walk.owned) {
    const implied = ownership.declared ? '' : ' (implied by the permission; the route declares no config.scope)';
    ctx.diagnostic(`${routeKey(route)}: ${ownership.kind} ${ownership.role}${implied}`);
  }
});

test('a scope on a parameter: A gets its own, 403/404 on B’s, staff B’s; an account without a municipality 403', async () => {
  assert.deepEqual(await walk.paramProblems(), []);
});

test('a scope without a parameter: A’s page shows A’s owner mark and not B’s; a coordinator without a record 403', async () => {
  assert.deepEqual(await walk.selfProblems(), []);
});

// ---------------------------------------------------------------------------------------------
// A probe module with both declared scopes

const probeModule = defineModule({
  name: 'scopeprobe',
  routes: (app) => {
    app.get(
      '/scope-probe/gemeente/:code',
      { config: { permission: 'municipalityOrStaff', scope: { ownMunicipality: 'code' } } },
      async (req) => ({ municipality: (req.params as { code: string }).code }),
    );
    app.get('/scope-probe/mijn', { config: { permission: 'coordinator', scope: 'ownCoordinator' } }, async (req) => ({
      coordinator: req.user?.coordinatorId ?? null,
    }));
    app.post('/scope-probe/mijn', { config: { permission: 'coordinator', scope: 'ownCoordinator' } }, async (_req, reply) =>
      reply.redirect('/scope-probe/mijn', 303),
    );
  },
});

const probeExamples: RouteExamples = {
  'GET /scope-probe/gemeente/:code': async (ctx) => ({ params: { code: ctx.user?.municipalityCode ?? MUNICIPALITY_A } }),
  'GET /scope-probe/mijn': async (ctx) => ({ ownerMark: JSON.stringify({ coordinator: ctx.user?.coordinatorId ?? null }) }),
  'POST /scope-probe/mijn': async () => ({}),
};

test('declared scopes (a probe module): the pipeline refuses other users’ data and this walk proves it', async () => {
  const probe = await createTestApp({ modules: [...MODULES, probeModule] });
  try {
    const probeWalk = new OwnershipWalk(probe, probeExamples, probe.deps.modules);
    probeWalk.owned.splice(0, probeWalk.owned.length, ...probeWalk.owned.filter((o) => o.route.url.startsWith('/scope-probe/')));
    const declared = probeWalk.owned.filter((o) => o.ownership.declared).map((o) => `${routeKey(o.route)} ${o.ownership.kind}`);
    assert.deepEqual(declared.sort(), [
      'GET /scope-probe/gemeente/:code param',
      'GET /scope-probe/mijn self',
      'POST /scope-probe/mijn self',
    ]);
    assert.deepEqual([...(await probeWalk.paramProblems()), ...(await probeWalk.selfProblems())], []);
  } finally {
    await probe.close();
  }
});
