// The app's route table as test data: every registered route, with its declared permission,
// plausible values for its :params, users of each role, and requests carrying a valid CSRF token.
// Used by test/bad-input.test.ts; the permission walk uses walk.ts and walker.ts (route examples).
import CSRF from '@fastify/csrf';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { PermissionName, Role } from '../../src/http/permissions.ts';
import type { TestApp } from './app.ts';
import { type Account, factoriesFor } from './factories.ts';

export interface RouteEntry {
  method: string;
  url: string;
  permission: PermissionName;
}

export const UNSAFE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** Plausible values for path parameters, by name; anything else gets "1". */
export const PARAM_VALUES: Record<string, string> = {
  code: 'GM0363',
  municipality: 'GM0363',
  municipalityCode: 'GM0363',
  gm: 'GM0363',
  province: 'PV27',
  region: '1',
  id: '1',
  year: '2019',
  date: '2019-09-01',
  file: 'missing.css',
  token: 'not-a-real-token',
  slug: 'voorbeeld',
  type: 'province',
  format: 'json',
  '*': 'index.html',
};

/** Every registered route once (HEAD routes Fastify adds beside GET are left out). */
export function routesOf(app: FastifyInstance): RouteEntry[] {
  const seen = new Set<string>();
  const out: RouteEntry[] = [];
  for (const r of app.routeTable) {
    if (r.method === 'HEAD' || r.method === 'OPTIONS') continue;
    const key = `${r.method} ${r.url}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out.sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method));
}

/** The URL with every :param (and a trailing wildcard) filled in. */
export function fillParams(url: string): string {
  return url
    .replace(/:(\w+)(\([^)]*\))?/g, (_m, name: string) => encodeURIComponent(PARAM_VALUES[name] ?? '1'))
    .replace(/\*$/, PARAM_VALUES['*']);
}

/**
 * A user of a role with what the role needs to use its routes (test/helpers/factories.ts): TOTP
 * for staff, municipality GM0363, and for a coordinator a coordinator record of its own, made
 * through the network module's service. A bystander user is made first so that ":id = 1" never
 * names the user itself. Errors are not caught: a user that cannot be made fails the test.
 */
export async function createRoleUser(t: TestApp, role: Role): Promise<Account> {
  const make = factoriesFor(t.deps);
  if (!bystanders.has(t)) {
    bystanders.add(t);
    await make.municipalityUser('GM0014', { name: 'Bystander' });
  }
  return make.user(role);
}

const bystanders = new WeakSet<TestApp>();

const tokens = CSRF();
let addressCounter = 0;

/** A different client address per request, so per-IP rate limits of public forms are not reached. */
export function nextAddress(): string {
  addressCounter += 1;
  return `10.200.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
}

/** A CSRF cookie and matching token for a client without a session (anonymous forms). */
export function anonymousCsrf(app: FastifyInstance): { cookies: Record<string, string>; csrf: string } {
  const secret = tokens.secretSync();
  return { cookies: { gaz_csrf: app.signCookie(secret) }, csrf: tokens.create(secret) };
}

export interface Client {
  cookies: Record<string, string>;
  csrf: string;
}

/** Sends one request to a route as a client, with the CSRF token on state-changing methods. */
export async function requestRoute(
  t: TestApp,
  client: Client,
  route: Pick<RouteEntry, 'method' | 'url'>,
  extra: Partial<InjectOptions> = {},
): Promise<LightMyRequestResponse> {
  const unsafe = UNSAFE_METHODS.includes(route.method);
  const headers: Record<string, string> = { ...((extra.headers as Record<string, string>) ?? {}) };
  if (unsafe) headers['x-csrf-token'] = client.csrf;
  const options: InjectOptions = {
    method: route.method as InjectOptions['method'],
    url: fillParams(route.url),
    cookies: client.cookies,
    remoteAddress: nextAddress(),
    ...extra,
    headers,
  };
  if (unsafe && extra.payload === undefined && route.method !== 'DELETE') {
    options.payload = `_csrf=${encodeURIComponent(client.csrf)}`;
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  return t.app.inject(options);
}

/** True when a response cleared the session cookie (a logout): the client must log in again. */
export function sessionEnded(res: LightMyRequestResponse): boolean {
  return (res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]).some(
    (c) => c.name === 'gaz_session' && (c.value === '' || c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() < Date.now())),
  );
}
