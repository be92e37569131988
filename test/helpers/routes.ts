// The app's route table as test data: every registered route, with its declared permission, the
// outcome each role should get, plausible values for its :params, and requests carrying a valid
// CSRF token. Used by test/permissions.test.ts and test/bad-input.test.ts.
import CSRF from '@fastify/csrf';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { mayHold, type PermissionName, type Role } from '../../src/http/permissions.ts';
import { modules } from '../../src/modules/index.ts';
import type { TestApp } from './app.ts';

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

/** Routes a logged-in, allowed role may still be refused with 403 by the route itself, and why. */
export const ROUTE_CHECKS_OWNERSHIP: Record<string, string> = {};

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

export type Expected = 401 | 403 | 'allowed' | 'route-decides';

/** What the global permission hook must answer for a role (null: anonymous) on a permission. */
export function expectedOutcome(permission: PermissionName, role: Role | null): Expected {
  if (permission === 'token') return 'route-decides';
  const spec = modules.permission(permission)!;
  if (spec.roles === 'anyone') return 'allowed';
  if (role === null) return 401;
  return mayHold(spec, role) ? 'allowed' : 403;
}

/**
 * True when the outcome matches what was expected. An allowed request may still be refused for
 * its input (400), a missing record (404) or missing reference data (503), but never with 401/403,
 * and never with an unexpected failure (500).
 */
export function outcomeMatches(expected: Expected, status: number): boolean {
  if (expected === 'route-decides') return status !== 500;
  if (expected === 'allowed') return status !== 401 && status !== 403 && status !== 500;
  return status === expected;
}

/**
 * A signed-in user of a role with what the role needs to use its routes: TOTP for staff (from
 * createUser), municipality GM0363, and for a coordinator a coordinator record of its own (made
 * through the network module's service, when that module is there). A bystander user is made
 * first so that ":id = 1" never names the user itself.
 */
export async function createRoleUser(t: TestApp, role: Role) {
  const { createUser } = await import('./auth.ts');
  if (!bystanders.has(t)) {
    bystanders.add(t);
    await createUser(t.deps, { role: 'municipality', municipalityCode: 'GM0014', name: 'Bystander' });
  }
  let coordinatorId: number | null = null;
  if (role === 'coordinator') coordinatorId = await createCoordinatorRecord(t);
  return createUser(t.deps, { role, municipalityCode: role === 'municipality' ? 'GM0363' : null, coordinatorId });
}

const bystanders = new WeakSet<TestApp>();

async function createCoordinatorRecord(t: TestApp): Promise<number | null> {
  try {
    const network: any = await import('../../src/modules/network/service.ts' as string);
    const ctx = { db: t.deps.db, actor: { userId: null, label: 'test' }, now: t.deps.now() };
    const organisationId = await network.createOrganisation(ctx, { name: 'Testorganisatie', type: 'other', website: null });
    return await network.createCoordinator(ctx, {
      name: 'Test Coördinator',
      organisationId,
      phone: null,
      email: null,
      webPage: null,
      fte: 1,
      activeFrom: '2019-01-01',
      activeTo: null,
    });
  } catch {
    return null;
  }
}

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
