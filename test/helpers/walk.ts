// Route examples: how the permission walk (test/permissions.test.ts) calls each route, so that an
// allowed user is proven to get its page (exactly the expected status) and a denied one exactly
// 401/403. The convention, for every module with routes:
//
//   // src/modules/<name>/route-examples.ts
//   import type { RouteExamples } from '../../../test/helpers/walk.ts';
//
//   export const routeExamples: RouteExamples = {
//     // A GET with a parameter: data made once and shared by every user the walk sends (reads only).
//     'GET /beheer/netwerk/coordinatoren/:id': async (ctx) => ({
//       params: { id: (await ctx.shared('coordinator', () => ctx.make.coordinator())).id },
//     }),
//     // A form POST: fresh data per call (it changes it); the walk adds _csrf; 303 is the default.
//     'POST /beheer/netwerk/organisaties/:id': async (ctx) => ({
//       params: { id: await ctx.make.organisation() },
//       body: { name: 'Nieuwe naam', type: 'ggd' },
//     }),
//     // Own data: the page must show the user's own record (and, for a second user, not the first's).
//     'GET /mijn-coordinatie': async (ctx) => ({ ownerMark: await coordinatorName(ctx.deps, ctx.user?.coordinatorId) }),
//   };
//
// Keys are 'METHOD /url' exactly as registered (HEAD uses the GET example). The walk loads the file
// of every module in MODULES (src/modules/index.ts) and fails, naming them, for routes that have a
// parameter or are not GET but have no example, and for examples of routes that do not exist.
// A GET without parameters needs no example (it must answer 200). The rules for an example:
// - make what the request needs through the module's services or `ctx.make` (test/helpers/factories.ts),
//   as `ctx.user` (`ctx.service` is a ServiceCtx acting as that user);
// - never rely on another route's side effects; `ctx.shared` is only for data that requests read;
// - a route that changes the signed-in account or its session (login, logout, password, TOTP)
//   asks for `await ctx.freshUser()`: the request then goes in that new account's session;
// - `status` is what an allowed user gets (default 200 for GET/HEAD, 303 otherwise); the example
//   may choose it by `ctx.user` (e.g. a login page that redirects a signed-in user).
// Routes with permission 'token' decide themselves: the example says what each caller gets.
import { existsSync } from 'node:fs';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { AppDeps, ServiceCtx } from '../../src/deps.ts';
import type { PermissionName, RouteScope } from '../../src/http/permissions.ts';
import type { ModuleManifest } from '../../src/module.ts';
import type { Account, Factories } from './factories.ts';

/** What one request to a route carries, and what an allowed user must get. */
export interface RouteExample {
  /** Values for the route's `:params` (and `*`). */
  params?: Record<string, string | number>;
  query?: Record<string, string>;
  /** Form fields (sent form-encoded; the walk adds `_csrf`). Arrays repeat the field. */
  body?: Record<string, string | number | readonly string[]>;
  /** A JSON body instead of a form (the walk sends the CSRF token as `x-csrf-token`). */
  json?: unknown;
  headers?: Record<string, string>;
  /** Cookies on top of the session's (e.g. a half-finished login). */
  cookies?: Record<string, string>;
  /** The status an allowed user gets: default 200 for GET/HEAD, 303 for the rest. */
  status?: number;
  /** Text the allowed user's response must contain; on own-data routes, another user's must not. */
  ownerMark?: string;
}

/** What an example is given. */
export interface ExampleContext {
  app: FastifyInstance;
  deps: AppDeps;
  /** The user the request is sent as; null: anonymous. */
  user: Account | null;
  /** A service context acting as `user` (anonymous: the test actor). */
  service: ServiceCtx;
  /** Entity factories acting as `user`. */
  make: Factories;
  /** Made once per app for `key` and shared by every example asking for it: only for data requests read. */
  shared<T>(key: string, create: () => Promise<T>): Promise<T>;
  /**
   * A new, logged-in account of the same role (and municipality, grants); the request goes in its
   * session. `totp` overrides the role's default (staff have it, others not).
   */
  freshUser(overrides?: { totp?: boolean }): Promise<Account>;
}

export type RouteExampleFn = (ctx: ExampleContext) => Promise<RouteExample>;

/** `'METHOD /url/:param'` → how to call it. */
export type RouteExamples = Record<string, RouteExampleFn>;

/** A route of the app's route table. */
export interface WalkRoute {
  method: string;
  url: string;
  permission: PermissionName;
  scope?: RouteScope;
}

export const routeKey = (route: Pick<WalkRoute, 'method' | 'url'>): string => `${route.method} ${route.url}`;

export const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function hasParams(url: string): boolean {
  return /[:*]/.test(url);
}

/** The status an allowed user must get from an example. */
export function expectedStatus(route: Pick<WalkRoute, 'method'>, example: RouteExample): number {
  return example.status ?? (route.method === 'GET' || route.method === 'HEAD' ? 200 : 303);
}

/**
 * Every module's examples (src/modules/<name>/route-examples.ts, optional per module) plus `extra`
 * (routes the app itself registers). A key given twice is an error.
 */
export async function loadRouteExamples(modules: readonly ModuleManifest[], extra: RouteExamples = {}): Promise<RouteExamples> {
  const all: RouteExamples = { ...extra };
  for (const m of modules) {
    const file = new URL(`../../src/modules/${m.name}/route-examples.ts`, import.meta.url);
    if (!existsSync(file)) continue;
    const loaded = (await import(file.href)) as { routeExamples?: unknown };
    if (typeof loaded.routeExamples !== 'object' || loaded.routeExamples === null) {
      throw new Error(`src/modules/${m.name}/route-examples.ts must export \`routeExamples: RouteExamples\`.`);
    }
    for (const [key, fn] of Object.entries(loaded.routeExamples)) {
      if (typeof fn !== 'function') throw new Error(`src/modules/${m.name}/route-examples.ts: "${key}" is not a function.`);
      if (Object.hasOwn(all, key)) throw new Error(`The route example "${key}" is given twice (again in module ${m.name}).`);
      all[key] = fn as RouteExampleFn;
    }
  }
  return all;
}

/** The example of a route (HEAD falls back to GET's), or undefined. */
export function exampleFor(examples: RouteExamples, route: Pick<WalkRoute, 'method' | 'url'>): RouteExampleFn | undefined {
  const own = examples[routeKey(route)];
  if (own) return own;
  return route.method === 'HEAD' ? examples[`GET ${route.url}`] : undefined;
}

/** Routes that need an example and have none: those with a parameter and those that are not GET. */
export function routesWithoutExample(routes: readonly WalkRoute[], examples: RouteExamples): string[] {
  return routes.filter((r) => (hasParams(r.url) || (r.method !== 'GET' && r.method !== 'HEAD')) && !exampleFor(examples, r)).map(routeKey);
}

/** Examples that name no registered route. */
export function examplesWithoutRoute(routes: readonly WalkRoute[], examples: RouteExamples): string[] {
  const keys = new Set(routes.map(routeKey));
  return Object.keys(examples).filter((k) => !keys.has(k));
}

/** The URL of an example: parameters filled in (encoded), query string appended. */
export function exampleUrl(route: Pick<WalkRoute, 'url'>, example: RouteExample): string {
  const params = example.params ?? {};
  const value = (name: string) => {
    if (!Object.hasOwn(params, name)) throw new Error(`The example of ${route.url} gives no value for "${name}".`);
    return encodeURIComponent(String(params[name]));
  };
  const path = route.url.replace(/:(\w+)(\([^)]*\))?/g, (_m, name: string) => value(name)).replace(/\*$/, () => value('*'));
  const query = new URLSearchParams(example.query ?? {}).toString();
  return query ? `${path}?${query}` : path;
}

/** A client the walk sends requests as: its cookies (session and CSRF) and CSRF token. */
export interface WalkClient {
  cookies: Record<string, string>;
  csrf: string;
}

let address = 0;

/** A different client address per request, so per-IP rate limits of public forms are never reached. */
export function walkAddress(): string {
  address += 1;
  return `10.201.${(address >> 8) & 255}.${address & 255}`;
}

/** The inject options of an example sent by a client. */
export function exampleRequest(route: Pick<WalkRoute, 'method' | 'url'>, example: RouteExample, client: WalkClient): InjectOptions {
  const headers: Record<string, string> = { ...(example.headers ?? {}) };
  const options: InjectOptions = {
    method: route.method as InjectOptions['method'],
    url: exampleUrl(route, example),
    cookies: { ...client.cookies, ...(example.cookies ?? {}) },
    remoteAddress: walkAddress(),
    headers,
  };
  if (!UNSAFE.has(route.method)) return options;
  headers['x-csrf-token'] = client.csrf;
  if (example.json !== undefined) {
    headers['content-type'] = 'application/json';
    options.payload = JSON.stringify(example.json);
    return options;
  }
  const form = new URLSearchParams({ _csrf: client.csrf });
  for (const [name, value] of Object.entries(example.body ?? {})) {
    if (Array.isArray(value)) for (const v of value) form.append(name, v);
    else form.append(name, String(value));
  }
  headers['content-type'] = 'application/x-www-form-urlencoded';
  options.payload = form.toString();
  return options;
}
