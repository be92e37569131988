// Ownership: on every route that acts on one user's own data — a declared scope (`config.scope`:
// 'ownCoordinator' or { ownMunicipality: param }) or a permission for own data only (coordinator,
// municipality, learner) — two users of the same role, A and B, each with data of their own:
// - a scope on a parameter: A gets the example's status on A's data, and 403/404 on B's (the
//   example built for B, requested as A); an account without a municipality gets 403;
// - a scope without a parameter (/mijn-coordinatie): A's page shows A's ownerMark and not B's; a
//   coordinator account without a coordinator record gets 403.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MODULES, modules } from '../src/modules/index.ts';
import type { TestApp } from './helpers/app.ts';
import { createAtlasTestApp } from './helpers/atlas.ts';
import { coreRouteExamples } from './helpers/core-route-examples.ts';
import { type Account, factoriesFor, MUNICIPALITY_A, MUNICIPALITY_B } from './helpers/factories.ts';
import { expectedStatus, loadRouteExamples, routeKey, type WalkRoute } from './helpers/walk.ts';
import { excerpt, type Ownership, ownershipOf, type Visit, Walker, walkRoutes, whosOf } from './helpers/walker.ts';

let t: TestApp;
let walker: Walker;
let owned: { route: WalkRoute; ownership: Ownership }[];

before(async () => {
  t = await createAtlasTestApp(() => new Date());
  walker = new Walker(t, await loadRouteExamples(MODULES, coreRouteExamples), whosOf(modules));
  owned = walkRoutes(t.app.routeTable).flatMap((route) => {
    const ownership = ownershipOf(route);
    return ownership ? [{ route, ownership }] : [];
  });
});

after(async () => {
  await t?.close();
});

/** Two accounts of a role with data of their own (different municipalities, different coordinator records). */
const pairs = new Map<string, Promise<[Account, Account]>>();
function twoOf(role: Ownership['role']): Promise<[Account, Account]> {
  let pair = pairs.get(role);
  if (!pair) {
    const make = factoriesFor(t.deps);
    pair = Promise.all([make.user(role, { municipalityCode: MUNICIPALITY_A }), make.user(role, { municipalityCode: MUNICIPALITY_B })]);
    pairs.set(role, pair);
  }
  return pair;
}

function statusProblem(route: WalkRoute, who: string, visit: Visit): string | null {
  const expected = expectedStatus(route, visit.example);
  return visit.res.statusCode === expected ? null : `${routeKey(route)} as ${who}: expected ${expected}, got ${excerpt(visit.res)}`;
}

test('the routes that act on own data are found (declared scopes and own-data permissions)', (ctx) => {
  assert.ok(owned.length > 0, 'no route acts on own data: the walk below would prove nothing');
  for (const { route, ownership } of owned) {
    ctx.diagnostic(
      `${routeKey(route)}: ${ownership.kind} ${ownership.role}${ownership.declared ? '' : ' (implied by the permission; no config.scope)'}`,
    );
  }
});

test('a scope on a parameter: A gets its own, 403/404 on B’s; an account without a municipality 403', async () => {
  const problems: string[] = [];
  for (const { route, ownership } of owned.filter((o) => o.ownership.kind === 'param')) {
    const [a, b] = await twoOf(ownership.role);
    const own = await walker.visit(route, a);
    const status = statusProblem(route, 'A on A’s data', own);
    if (status) problems.push(status);
    const other = await walker.visit(route, b, a);
    if (other.res.statusCode !== 403 && other.res.statusCode !== 404) {
      problems.push(`${routeKey(route)} as A on B’s data: expected 403 or 404, got ${excerpt(other.res)}`);
    }
    const none = await factoriesFor(t.deps).user(ownership.role, { municipalityCode: null });
    const unlinked = await walker.visit(route, a, none);
    if (unlinked.res.statusCode !== 403) {
      problems.push(`${routeKey(route)} as an account without a municipality: expected 403, got ${excerpt(unlinked.res)}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('a scope without a parameter: A’s page shows A’s owner mark and not B’s; a coordinator without a record 403', async () => {
  const problems: string[] = [];
  for (const { route, ownership } of owned.filter((o) => o.ownership.kind === 'self')) {
    const [a, b] = await twoOf(ownership.role);
    const ofA = await walker.visit(route, a);
    const status = statusProblem(route, 'A', ofA);
    if (status) problems.push(status);
    if (route.url.includes(':')) {
      // Its own parameter (a record of the user's): B's record requested by A.
      const other = await walker.visit(route, b, a);
      if (other.res.statusCode !== 403 && other.res.statusCode !== 404) {
        problems.push(`${routeKey(route)} as A on B’s record: expected 403 or 404, got ${excerpt(other.res)}`);
      }
    } else if (route.method === 'GET') {
      const ofB = await walker.visit(route, b);
      const [markA, markB] = [ofA.example.ownerMark, ofB.example.ownerMark];
      if (markA === undefined || markB === undefined || markA === markB) {
        problems.push(`${routeKey(route)}: the example must give an ownerMark that differs per user`);
      } else {
        if (!ofA.res.body.includes(markA)) problems.push(`${routeKey(route)}: A’s page does not show A’s mark "${markA}"`);
        if (ofA.res.body.includes(markB)) problems.push(`${routeKey(route)}: A’s page shows B’s mark "${markB}"`);
        if (ofB.res.body.includes(markA)) problems.push(`${routeKey(route)}: B’s page shows A’s mark "${markA}"`);
      }
    }
    if (ownership.role === 'coordinator') {
      const none = await factoriesFor(t.deps).user('coordinator', { coordinatorId: null });
      const unlinked = await walker.visit(route, a, none);
      if (unlinked.res.statusCode !== 403) {
        problems.push(`${routeKey(route)} as a coordinator account without a record: expected 403, got ${excerpt(unlinked.res)}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});
