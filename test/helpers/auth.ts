// Test helpers for users and logged-in requests. Other modules' tests rely on this API; keep it stable.
//
//   import { createUser, loginAs, postForm, totpCodeFor } from '../../../test/helpers/auth.ts';
//
//   // A user row, inserted directly (a factory, no audit entry). admin/adviser get TOTP by default.
//   const adviser = await createUser(t.deps, { role: 'adviser' });          // { id, email, password, role, totpSecret }
//   const muni = await createUser(t.deps, { role: 'municipality', municipalityCode: 'GM0363' });
//   const editor = await createUser(t.deps, { role: 'learner', grants: ['editor'] }); // a grant on top of the role
//   // Users with what their role needs (a coordinator record, a municipality): factoriesFor(deps) in factories.ts.
//
//   // The real login flow through app.inject (password, then the TOTP step when enrolled).
//   const s = await loginAs(t, 'admin');            // creates an admin and logs in
//   const s2 = await loginAs(t, adviser);           // logs in an existing TestUser
//   await t.app.inject({ url: '/beheer', cookies: s.cookies });
//   await t.app.inject({ method: 'POST', url: '/x', cookies: s.cookies, payload: { _csrf: s.csrf, a: '1' } }); // JSON
//   await postForm(t, s, '/x', { a: '1' });          // form-encoded, adds _csrf
//   await t.app.inject({ method: 'POST', url: '/x', cookies: s.cookies, headers: { 'x-csrf-token': s.csrf } });
//
//   totpCodeFor(secret, date)                       // the 6-digit code of a TOTP secret at a moment
//
// `cookies` holds the session cookie (gaz_session) and the CSRF cookie (gaz_csrf) that belongs to
// `csrf`. Each loginAs call uses its own client address, so the per-IP limits of the login form
// are not reached by a test file that logs in many times.
import type { LightMyRequestResponse } from 'fastify';
import type { AppDeps } from '../../src/deps.ts';
import { ROLES_REQUIRING_TOTP, type Role } from '../../src/http/permissions.ts';
import { hashPassword } from '../../src/modules/auth/passwords.ts';
import { generateTotpSecret, TOTP_WINDOW, totpCode, totpCodeForStep, totpStepAt } from '../../src/modules/auth/totp.ts';
import type { TestApp } from './app.ts';

export interface TestUser {
  id: number;
  email: string;
  password: string;
  role: Role;
  /** Base32 secret when TOTP is enabled for the user. */
  totpSecret?: string;
}

export interface CreateUserOptions {
  role: Role;
  email?: string;
  password?: string;
  /** Enable TOTP (default: true for admin and adviser, who must have it). */
  totp?: boolean;
  name?: string | null;
  status?: 'invited' | 'active' | 'deactivated';
  municipalityCode?: string | null;
  coordinatorId?: number | null;
  /** Grants on top of the role (e.g. `editor`), as an admin would give them. */
  grants?: readonly string[];
}

export interface LoggedIn {
  /** Cookies to send with every request: gaz_session and gaz_csrf. */
  cookies: Record<string, string>;
  /** A CSRF token matching cookies.gaz_csrf: form field `_csrf` or header `x-csrf-token`. */
  csrf: string;
  user: TestUser;
}

export const DEFAULT_TEST_PASSWORD = 'een lange zin als wachtwoord';

let counter = 0;

/** Inserts a user directly (status active, password set at the config's hash cost, cheap in tests; TOTP enabled for staff unless told). */
export async function createUser(deps: AppDeps, options: CreateUserOptions): Promise<TestUser> {
  counter += 1;
  const email = (options.email ?? `${options.role}-${counter}-${process.pid}@example.org`).toLowerCase();
  const password = options.password ?? DEFAULT_TEST_PASSWORD;
  const totp = options.totp ?? ROLES_REQUIRING_TOTP.includes(options.role);
  const totpSecret = totp ? generateTotpSecret() : undefined;
  const now = deps.now().toISOString();
  const row = await deps.db
    .insertInto('users')
    .values({
      email,
      name: options.name === undefined ? `Test ${options.role} ${counter}` : options.name,
      role: options.role,
      status: options.status ?? 'active',
      password_hash: options.status === 'invited' ? null : await hashPassword(password, deps.config.passwordHashCost),
      password_changed_at: options.status === 'invited' ? null : now,
      totp_secret: totpSecret ?? null,
      totp_enabled_at: totpSecret ? now : null,
      totp_last_step: null,
      coordinator_id: options.coordinatorId ?? null,
      municipality_code: options.municipalityCode ?? null,
      grants: [...new Set(options.grants ?? [])].sort().join(' '),
      locale: null,
      last_login_at: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: Number(row.id), email, password, role: options.role, totpSecret };
}

/** The TOTP code of a secret at a moment (the app on the phone, in a test). */
export function totpCodeFor(secret: string, date: Date): string {
  return totpCode(secret, date);
}

/** Reads the `_csrf` hidden input of a rendered form. */
export function csrfFrom(html: string): string {
  const match = html.match(/name="_csrf" value="([^"]+)"/);
  if (!match) throw new Error('No _csrf field in the page');
  return match[1];
}

/** Applies a response's Set-Cookie headers to a cookie jar (removing cleared cookies). */
export function updateCookies(jar: Record<string, string>, res: LightMyRequestResponse): Record<string, string> {
  for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
    const cleared = c.value === '' || c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() < Date.now());
    if (cleared) delete jar[c.name];
    else jar[c.name] = c.value;
  }
  return jar;
}

/** Form-encodes fields for app.inject. */
export function formBody(fields: Record<string, string>): { payload: string; headers: Record<string, string> } {
  return {
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  };
}

/**
 * A public form (`csrf: 'signed-in'`) as an anonymous visitor's browser posts it from a page of this
 * site: no CSRF token (the kept page has none), `Sec-Fetch-Site: same-origin` (ADR 0020).
 */
export function publicForm(fields: Record<string, string>): { payload: string; headers: Record<string, string> } {
  const body = formBody(fields);
  return { payload: body.payload, headers: { ...body.headers, 'sec-fetch-site': 'same-origin' } };
}

/** POSTs a form as the logged-in user, with the CSRF token. */
export async function postForm(t: TestApp, session: LoggedIn, url: string, fields: Record<string, string>) {
  const body = formBody({ _csrf: session.csrf, ...fields });
  return t.app.inject({ method: 'POST', url, cookies: session.cookies, ...body });
}

/**
 * A code the server will accept now. Codes are single use per 30-second step; with a fixed test
 * clock a later login may find every step in the window used, so the replay marker is rewound
 * (only this helper does that; the replay test in the auth module does not use it).
 */
async function acceptableCode(t: TestApp, user: TestUser): Promise<string> {
  const now = t.deps.now();
  const current = totpStepAt(now);
  const row = await t.deps.db.selectFrom('users').select('totp_last_step').where('id', '=', user.id).executeTakeFirstOrThrow();
  const last = row.totp_last_step === null ? null : Number(row.totp_last_step);
  for (let step = current - TOTP_WINDOW; step <= current + TOTP_WINDOW; step++) {
    if (last === null || step > last) return totpCodeForStep(user.totpSecret!, step);
  }
  await t.deps.db
    .updateTable('users')
    .set({ totp_last_step: current - TOTP_WINDOW - 1 })
    .where('id', '=', user.id)
    .execute();
  return totpCodeForStep(user.totpSecret!, current - TOTP_WINDOW);
}

let addressCounter = 0;

/** Logs in through the real pages and returns the cookies and a CSRF token for later requests. */
export async function loginAs(t: TestApp, who: Role | TestUser): Promise<LoggedIn> {
  const user = typeof who === 'string' ? await createUser(t.deps, { role: who }) : who;
  addressCounter += 1;
  const remoteAddress = `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
  const jar: Record<string, string> = {};

  const form = await t.app.inject({ method: 'GET', url: '/inloggen', remoteAddress });
  updateCookies(jar, form);
  const res = await t.app.inject({
    method: 'POST',
    url: '/inloggen',
    remoteAddress,
    cookies: jar,
    ...formBody({ _csrf: csrfFrom(form.body), email: user.email, password: user.password }),
  });
  if (res.statusCode !== 303) throw new Error(`loginAs: login answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
  updateCookies(jar, res);

  if (String(res.headers.location).startsWith('/inloggen/code')) {
    if (!user.totpSecret) throw new Error('loginAs: the user has TOTP enabled but the TestUser has no totpSecret');
    const step = await t.app.inject({
      method: 'POST',
      url: '/inloggen/code',
      remoteAddress,
      cookies: jar,
      ...formBody({ _csrf: csrfFrom(form.body), code: await acceptableCode(t, user) }),
    });
    if (step.statusCode !== 303) throw new Error(`loginAs: TOTP step answered ${step.statusCode}: ${step.body.slice(0, 300)}`);
    updateCookies(jar, step);
  }

  const page = await t.app.inject({ method: 'GET', url: '/account', remoteAddress, cookies: jar });
  if (page.statusCode !== 200) throw new Error(`loginAs: /account answered ${page.statusCode} after login`);
  updateCookies(jar, page);
  return { cookies: jar, csrf: csrfFrom(page.body), user };
}
