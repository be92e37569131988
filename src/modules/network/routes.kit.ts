// What the network's page routes share: declared permissions and scopes, breadcrumbs, turning a
// service's field errors into a re-rendered form, and the view models several pages use.
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import type { Crumb } from '../../views/layout.tsx';
import { municipalitiesOn, REGION_TYPES, regionsByType } from '../atlas/index.ts';
import { unknownCodesMessage } from './messages.ts';
import { assignmentsOf, listCustomRegions } from './service.ts';
import { type AssignmentView, type RegionChoice, staffText } from './views/staff-common.tsx';

export const STAFF = { permission: 'staff' } as const;
export const ADMIN = { permission: 'admin' } as const;
/** A coordinator acting on its own record: the pipeline refuses accounts without one (403). */
export const OWN_COORDINATOR = { permission: 'coordinator', scope: 'ownCoordinator' } as const;

export type IdParams = { Params: { id: string } };

export function crumbs(req: FastifyRequest, ...rest: Crumb[]): Crumb[] {
  const t = staffText(req.locale);
  return [{ href: '/beheer', label: t.staff }, { href: '/beheer/netwerk', label: t.network }, ...rest];
}

/** True when the page was reached by the redirect after a save (`?<flag>=1`). */
export function flagged(req: FastifyRequest, flag: string): boolean {
  return (req.query as Record<string, unknown> | undefined)?.[flag] === '1';
}

/**
 * Runs a service call; a 400 with field errors (the service's own checks: an organisation that does
 * not exist, a duplicate name, dates out of order) comes back as those errors for the form to show
 * beside its fields. Anything else is thrown on.
 */
export async function attempt<T>(call: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; errors: FieldError[] }> {
  try {
    return { ok: true, value: await call() };
  } catch (err) {
    if (err instanceof AppError && err.status === 400 && err.fields.length > 0) return { ok: false, errors: err.fields };
    throw err;
  }
}

/** Regions to pick coverage from: the atlas' regions on the date and our custom regions. */
export async function regionChoices(db: Db, date: string): Promise<RegionChoice[]> {
  const out: RegionChoice[] = [];
  for (const type of REGION_TYPES) out.push(...(await regionsByType(db, type, date)).map((r) => ({ code: r.code, name: r.name, type })));
  for (const r of await listCustomRegions(db)) out.push({ code: r.code, name: r.name, type: 'custom' });
  return out;
}

/** Codes of a coverage change that do not exist on the date, as a field error. */
export async function unknownCodes(db: Db, codes: string[], date: string): Promise<FieldError[]> {
  const existing = new Set((await municipalitiesOn(db, date)).map((m) => m.code));
  const unknown = codes.filter((c) => !existing.has(c));
  return unknown.length === 0 ? [] : [{ field: 'codes', message: unknownCodesMessage(unknown) }];
}

/** A coordinator's assignments with municipality names (of 2019, or of today for newer codes). */
export async function assignmentViews(db: Db, coordinatorId: number, today: string): Promise<AssignmentView[]> {
  const list = await assignmentsOf(db, coordinatorId);
  const names = new Map<string, string>();
  for (const m of await municipalitiesOn(db, '2019-01-01')) names.set(m.code, m.name);
  for (const m of await municipalitiesOn(db, today)) names.set(m.code, m.name);
  return list.map((a) => ({
    code: a.code,
    name: names.get(a.code) ?? a.code,
    validFrom: a.validFrom,
    validTo: a.validTo,
    source: a.source,
  }));
}
