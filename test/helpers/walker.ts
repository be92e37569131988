// The permission walk's machinery (test/permissions.test.ts, test/ownership.test.ts): who is walked,
// their accounts and reused logins, the context route examples get, and one request of a route as
// one of them compared with exactly what it must answer. The convention itself is in walk.ts.
import type { LightMyRequestResponse } from 'fastify';
import { mayHold, ROLES, type Role } from '../../src/http/permissions.ts';
import type { ModuleRegistry } from '../../src/module.ts';
import type { TestApp } from './app.ts';
import { loginAs } from './auth.ts';
import { type Account, factoriesFor, TEST_ACTOR, type UserOverrides } from './factories.ts';
import { anonymousCsrf } from './routes.ts';
import {
  type ExampleContext,
  exampleFor,
  exampleRequest,
  expectedStatus,
  hasParams,
  type RouteExample,
  type RouteExamples,
  routeKey,
  type WalkClient,
  type WalkRoute,
} from './walk.ts';

/** Someone the walk sends requests as: anonymous (role null), a role, or a role holding grants. */
export interface Who {
  label: string;
  role: Role | null;
  grants: string[];
}

/** Anonymous, every role, and for every permission with a grant a user of a role without it holding the grant. */
export function whosOf(registry: ModuleRegistry): Who[] {
  const out: Who[] = [{ label: 'anonymous', role: null, grants: [] }, ...ROLES.map((role) => ({ label: role, role, grants: [] }))];
  for (const spec of Object.values(registry.permissions)) {
    const grant = spec.grant;
    if (!grant || out.some((w) => w.grants.includes(grant))) continue;
    const role = [...ROLES].reverse().find((r) => !mayHold(spec, r));
    if (role) out.push({ label: `${role} with grant ${grant}`, role, grants: [grant] });
  }
  return out;
}

export type Expectation = { kind: 'denied'; status: 401 | 403 } | { kind: 'allowed' } | { kind: 'route-decides' };

/** What the permission table says a caller gets on a route. */
export function expectationFor(registry: ModuleRegistry, route: WalkRoute, who: Pick<Who, 'role' | 'grants'>): Expectation {
  if (route.permission === 'token') return { kind: 'route-decides' };
  const spec = registry.permission(route.permission);
  if (!spec) throw new Error(`${routeKey(route)}: unknown permission ${route.permission}`);
  if (mayHold(spec, who.role, who.grants)) return { kind: 'allowed' };
  return { kind: 'denied', status: who.role === null ? 401 : 403 };
}

/** Routes to walk: every route of the table once; a HEAD only where no GET of the same URL exists. */
export function walkRoutes(table: readonly WalkRoute[]): WalkRoute[] {
  const seen = new Set<string>();
  const gets = new Set(table.filter((r) => r.method === 'GET').map((r) => r.url));
  const out: WalkRoute[] = [];
  for (const r of table) {
    if (r.method === 'OPTIONS' || (r.method === 'HEAD' && gets.has(r.url)) || seen.has(routeKey(r))) continue;
    seen.add(routeKey(r));
    out.push(r);
  }
  return out.sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method));
}

/** True when a route cannot be walked without an example (a parameter, or not a GET). */
export function needsExample(route: WalkRoute): boolean {
  return hasParams(route.url) || (route.method !== 'GET' && route.method !== 'HEAD');
}

export function excerpt(res: LightMyRequestResponse): string {
  const location = res.headers.location ? ` → ${res.headers.location}` : '';
  return `${res.statusCode}${location} ${res.body.slice(0, 160).replace(/\s+/g, ' ')}`;
}

function setsSessionCookie(res: LightMyRequestResponse): boolean {
  return (res.cookies as { name: string }[]).some((c) => c.name === 'gaz_session');
}

/** One request an example made: what was sent, what came back. */
export interface Visit {
  example: RouteExample;
  res: LightMyRequestResponse;
  /** True when it went in a fresh account's session (ctx.freshUser). */
  fresh: boolean;
}

export class Walker {
  private readonly accounts = new Map<string, Promise<Account>>();
  private readonly clients = new Map<number, Promise<WalkClient>>();
  private readonly sharedValues = new Map<string, Promise<unknown>>();
  private readonly probes = new Map<string, Promise<RouteExample>>();
  private readonly anonymous: WalkClient;

  constructor(
    readonly t: TestApp,
    readonly examples: RouteExamples,
    readonly whos: readonly Who[],
  ) {
    this.anonymous = anonymousCsrf(t.app);
  }

  /** The walk's account for a caller (made once), or null for anonymous. */
  account(who: Pick<Who, 'label' | 'role' | 'grants'>, overrides: UserOverrides = {}): Promise<Account> | null {
    const role = who.role;
    if (role === null) return null;
    let made = this.accounts.get(who.label);
    if (!made) {
      made = factoriesFor(this.t.deps).user(role, { grants: who.grants, ...overrides });
      this.accounts.set(who.label, made);
    }
    return made;
  }

  /** A logged-in client for an account (logged in once and reused), or the anonymous client. */
  client(account: Account | null): Promise<WalkClient> {
    if (!account) return Promise.resolve(this.anonymous);
    let client = this.clients.get(account.id);
    if (!client) {
      client = loginAs(this.t, account).then((s) => ({ cookies: s.cookies, csrf: s.csrf }));
      this.clients.set(account.id, client);
    }
    return client;
  }

  /** Forgets an account's login (it was ended): the next request logs in again. */
  forgetLogin(account: Account): void {
    this.clients.delete(account.id);
  }

  /**
   * The context an example is built with, acting as `user`; `fresh` receives a ctx.freshUser()
   * login. Without `fresh` (a denied caller's probe, which never reaches the handler) freshUser()
   * makes the account but logs nobody in.
   */
  context(user: Account | null, fresh?: { client?: WalkClient }): ExampleContext {
    const actor = user ? { userId: user.id, label: user.email } : TEST_ACTOR;
    const deps = this.t.deps;
    return {
      app: this.t.app,
      deps,
      user,
      service: { db: deps.db, actor, now: deps.now() },
      make: factoriesFor(deps, actor),
      shared: <T>(key: string, create: () => Promise<T>): Promise<T> => {
        let value = this.sharedValues.get(key);
        if (!value) {
          value = create();
          this.sharedValues.set(key, value);
        }
        return value as Promise<T>;
      },
      freshUser: async (overrides = {}) => {
        if (!user) throw new Error('freshUser(): the request is anonymous, there is no account to copy.');
        const account = await factoriesFor(deps).user(user.role, {
          municipalityCode: user.municipalityCode,
          grants: user.grants,
          ...overrides,
        });
        if (!fresh) return account;
        const s = await loginAs(this.t, account);
        fresh.client = { cookies: s.cookies, csrf: s.csrf };
        return account;
      },
    };
  }

  /** Builds a route's example as `user` ({} for a route that needs none) and sends it (as `as`, default `user`). */
  async visit(route: WalkRoute, user: Account | null, as: Account | null = user): Promise<Visit> {
    const fn = exampleFor(this.examples, route);
    if (!fn && needsExample(route)) throw new Error(`${routeKey(route)} has no route example`);
    const fresh: { client?: WalkClient } = {};
    const example = fn ? await fn(this.context(user, fresh)) : {};
    const client = fresh.client ?? (await this.client(as));
    const res = await this.t.app.inject(exampleRequest(route, example, client));
    return { example, res, fresh: fresh.client !== undefined };
  }

  /**
   * The request a denied caller sends: the route's example built once as the first caller the
   * permission allows (the permission hook answers before the handler, so it can be shared).
   */
  probe(route: WalkRoute, registry: ModuleRegistry): Promise<RouteExample> {
    let probe = this.probes.get(routeKey(route));
    if (!probe) {
      const fn = exampleFor(this.examples, route);
      const allowed = this.whos.find((w) => w.role !== null && expectationFor(registry, route, w).kind === 'allowed');
      probe = (async () => {
        if (!fn) return {};
        const account = allowed ? await this.account(allowed) : null;
        return fn(this.context(account ?? null));
      })();
      this.probes.set(routeKey(route), probe);
    }
    return probe;
  }

  /** One route as one caller, against the permission table; a mismatch as a sentence, or null. */
  async check(route: WalkRoute, who: Who, registry: ModuleRegistry): Promise<string | null> {
    if (!exampleFor(this.examples, route) && needsExample(route)) return null; // named by the completeness test
    const expectation = expectationFor(registry, route, who);
    const account = await this.account(who);
    const prefix = `${routeKey(route)} (${route.permission}) as ${who.label}`;
    if (expectation.kind === 'denied') {
      const example = await this.probe(route, registry);
      const res = await this.t.app.inject(exampleRequest(route, example, await this.client(account)));
      if (account && setsSessionCookie(res)) this.forgetLogin(account);
      return res.statusCode === expectation.status ? null : `${prefix}: expected ${expectation.status}, got ${excerpt(res)}`;
    }
    const { example, res, fresh } = await this.visit(route, account);
    const problems: string[] = [];
    const status = expectedStatus(route, example);
    if (res.statusCode !== status) problems.push(`expected ${status}, got ${excerpt(res)}`);
    else if (example.ownerMark !== undefined && !res.body.includes(example.ownerMark)) {
      problems.push(`the page does not show its owner mark "${example.ownerMark}"`);
    }
    if (account && !fresh && !example.cookies?.gaz_session && setsSessionCookie(res)) {
      this.forgetLogin(account);
      problems.push('it changed the walk’s shared session: its example should use ctx.freshUser()');
    }
    return problems.length === 0 ? null : `${prefix}: ${problems.join('; ')}`;
  }
}

/**
 * Whose data a route acts on. Declared: the route's `config.scope`. Implied: the permission says
 * "own data only" (coordinator, municipality, learner) without the route declaring a scope; the
 * walk proves the handler keeps to it all the same.
 */
export type Ownership =
  | { kind: 'param'; role: 'municipality'; param: string; declared: boolean }
  | { kind: 'self'; role: Role; declared: boolean };

export function ownershipOf(route: WalkRoute): Ownership | null {
  const { scope, permission } = route;
  if (scope === 'ownCoordinator') return { kind: 'self', role: 'coordinator', declared: true };
  if (scope) return { kind: 'param', role: 'municipality', param: scope.ownMunicipality, declared: true };
  if (permission === 'coordinator') return { kind: 'self', role: 'coordinator', declared: false };
  if (permission === 'municipality' || permission === 'municipalityOrStaff') {
    return route.url.includes(':code')
      ? { kind: 'param', role: 'municipality', param: 'code', declared: false }
      : { kind: 'self', role: 'municipality', declared: false };
  }
  if (permission === 'learner') return { kind: 'self', role: 'learner', declared: false };
  return null;
}
