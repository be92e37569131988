// The route kit: the small things every route handler needs, written once. Use these instead of
// parsing by hand: one date rule with one message, id parameters that can never reach the
// database out of range, the current user, the service context, form values for re-rendering.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps, ServiceCtx } from '../deps.ts';
import type { Localized } from '../i18n.ts';
import { errors, type FieldError } from './errors.ts';
import { mayHold, type PermissionName, type RouteScope } from './permissions.ts';
import { actorOf, type RequestUser } from './request-user.ts';
import { msg } from './validate.ts';

// ---------------------------------------------------------------------------------------------
// Dates

/** The dates the platform accepts anywhere (inclusive): wide enough for history, narrow enough to bound work. */
export const MIN_DATE = '2000-01-01';
export const MAX_DATE = '2099-12-31';

export const DATE_MESSAGE: Localized = {
  nl: `Vul een datum in als JJJJ-MM-DD tussen ${MIN_DATE} en ${MAX_DATE}, bijvoorbeeld 2019-09-30.`,
  en: `Enter a date as YYYY-MM-DD between ${MIN_DATE} and ${MAX_DATE}, for example 2019-09-30.`,
};

/** True for a real calendar date YYYY-MM-DD within MIN_DATE…MAX_DATE. */
export function isSupportedDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  if (value < MIN_DATE || value > MAX_DATE) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const DATE_ISSUE = msg(DATE_MESSAGE);

/** A required date field (forms, JSON): YYYY-MM-DD within the supported range. */
export const dateField = z.string(DATE_ISSUE).trim().refine(isSupportedDate, DATE_ISSUE);

/** An optional date field: empty or absent means "not given". */
export const optionalDateField = z.preprocess((v) => (v === '' || v === null ? undefined : v), dateField.optional());

/**
 * Reads one date from a query string (`datum` on pages, `date` in the API). Absent or empty gives
 * `fallback`; anything else that is not a supported date is a 400 naming the field.
 */
export function dateFromQuery(query: unknown, field: string, fallback: string): string {
  const raw = (query as Record<string, unknown> | undefined)?.[field];
  if (raw === undefined || raw === '') return fallback;
  if (!isSupportedDate(raw)) throw errors.badRequest(DATE_MESSAGE, [{ field, message: DATE_MESSAGE }]);
  return raw;
}

/** A field error for a date range whose end lies before its start. */
export function rangeError(field: string): FieldError {
  return {
    field,
    message: {
      nl: 'De einddatum ligt vóór de begindatum. Kies een latere einddatum.',
      en: 'The end date is before the start date. Choose a later end date.',
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Ids

/** The largest id a database integer column holds (PostgreSQL `integer`). */
export const MAX_ID = 2_147_483_647;

/** A positive whole-number id from a string, or null (also for values past MAX_ID). */
export function parseId(value: unknown): number | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value);
  if (!/^[1-9]\d{0,9}$/.test(text)) return null;
  const n = Number(text);
  return n <= MAX_ID ? n : null;
}

/** The id in route parameter `name` (default `id`); anything else is a 404. */
export function idParam(req: FastifyRequest, name = 'id'): number {
  const id = parseId((req.params as Record<string, unknown> | undefined)?.[name]);
  if (id === null) throw errors.notFound();
  return id;
}

// ---------------------------------------------------------------------------------------------
// Users and the service context

/** The signed-in user; 401 when there is none (the route's permission normally ensures one). */
export function currentUser(req: FastifyRequest): RequestUser {
  if (!req.user) throw errors.unauthorized();
  return req.user;
}

/** The context every writing service function takes first: database, actor (for the audit trail), time. */
export function serviceCtx(req: FastifyRequest, deps: AppDeps): ServiceCtx {
  return { db: deps.db, actor: actorOf(req.user, req.id), now: deps.now() };
}

/** True when this user (null: anonymous) holds the permission (by role or grant). */
export function userMay(deps: AppDeps, user: RequestUser | null, permission: PermissionName): boolean {
  const spec = deps.modules.permission(permission);
  return spec !== undefined && mayHold(spec, user?.role ?? null, user?.grants ?? []);
}

const STAFF_ROLES = new Set(['admin', 'adviser']);

/** Whether the user may act on what the route's scope names (staff always may). */
export function scopeAllows(scope: RouteScope, user: RequestUser | null, params: unknown): boolean {
  if (!user) return false;
  if (STAFF_ROLES.has(user.role)) return true;
  if (scope === 'ownCoordinator') return user.role === 'coordinator' && user.coordinatorId !== null;
  const value = (params as Record<string, unknown> | undefined)?.[scope.ownMunicipality];
  return user.role === 'municipality' && user.municipalityCode !== null && String(value ?? '').toUpperCase() === user.municipalityCode;
}

/** The coordinator record of the signed-in coordinator (on routes with scope `ownCoordinator`). */
export function ownCoordinatorId(req: FastifyRequest): number {
  const id = req.user?.coordinatorId ?? null;
  if (id === null) throw errors.forbidden();
  return id;
}

// ---------------------------------------------------------------------------------------------
// Forms

/** Fields that are never echoed back into a re-rendered form. */
const NOT_ECHOED = new Set(['_csrf', 'password', 'new_password', 'current_password']);

/** The submitted form as strings, for re-rendering it with what the user typed (lists joined by spaces). */
export function formValues(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof body !== 'object' || body === null) return out;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (NOT_ECHOED.has(key)) continue;
    out[key] = Array.isArray(value) ? value.map(String).join(' ') : String(value ?? '');
  }
  return out;
}
