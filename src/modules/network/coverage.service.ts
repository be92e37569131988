// Who covers which municipality from when: dated assignments (ending one sets its valid_to; nothing
// is deleted), and the custom regions staff pick coverage from besides the atlas' regions.
import { type Db, inTransaction } from '../../db/database.ts';
import type { ServiceCtx } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { getRegion } from '../atlas/index.ts';
import { recordAudit } from '../audit/index.ts';
import { getCoordinator } from './coordinators.service.ts';
import { ruleMessages } from './messages.ts';
import { inForce } from './network.logic.ts';
import { type Assignment, presentAssignment } from './presenters.ts';
import * as q from './queries.ts';
import { bumpVersion } from './settings.service.ts';

export async function assignmentsOf(db: Db, coordinatorId: number): Promise<Assignment[]> {
  return (await q.assignmentsOfCoordinator(db, coordinatorId)).map(presentAssignment);
}

/** The codes a coordinator's assignments cover on a date (as recorded, before merger mapping). */
export async function recordedCodesOn(db: Db, coordinatorId: number, date: string): Promise<string[]> {
  const list = await assignmentsOf(db, coordinatorId);
  return [...new Set(list.filter((a) => inForce(a.validFrom, a.validTo, date)).map((a) => a.code))].sort();
}

/** Adds coverage of `codes` from `from` (those not covered then already); inside the caller's transaction. */
export async function addCoverageIn(trx: Db, ctx: ServiceCtx, coordinatorId: number, codes: string[], from: string, source: string) {
  const current = new Set(await recordedCodesOn(trx, coordinatorId, from));
  const fresh = [...new Set(codes)].filter((c) => !current.has(c)).sort();
  const at = ctx.now.toISOString();
  for (const code of fresh) {
    await q.insertAssignment(trx, {
      coordinator_id: coordinatorId,
      municipality_code: code,
      valid_from: from,
      valid_to: null,
      source,
      recorded_at: at,
    });
  }
  if (fresh.length > 0)
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'create',
      entity: 'coverage',
      entityId: coordinatorId,
      after: { codes: fresh, from, source },
    });
  return fresh;
}

/** Ends the coverage of `codes` on `on` (valid_to = on); inside the caller's transaction. */
export async function endCoverageIn(trx: Db, ctx: ServiceCtx, coordinatorId: number, codes: string[], on: string) {
  const wanted = new Set(codes);
  const open = (await assignmentsOf(trx, coordinatorId)).filter((a) => wanted.has(a.code) && inForce(a.validFrom, a.validTo, on));
  // valid_from = on: the assignment never took effect; it still stays as history (ended at once).
  for (const a of open) await q.endAssignment(trx, a.id, on);
  if (open.length > 0)
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'update',
      entity: 'coverage',
      entityId: coordinatorId,
      after: { ended: open.map((a) => a.code), on },
    });
  return open.map((a) => a.code);
}

export async function addCoverage(
  ctx: ServiceCtx,
  coordinatorId: number,
  codes: string[],
  from: string,
  source: string,
): Promise<string[]> {
  return inTransaction(ctx.db, async (trx) => {
    if (!(await getCoordinator(trx, coordinatorId))) throw errors.notFound();
    const added = await addCoverageIn(trx, ctx, coordinatorId, codes, from, source);
    await bumpVersion(trx, ctx.now);
    return added;
  });
}

export async function endCoverage(ctx: ServiceCtx, coordinatorId: number, codes: string[], on: string): Promise<string[]> {
  return inTransaction(ctx.db, async (trx) => {
    if (!(await getCoordinator(trx, coordinatorId))) throw errors.notFound();
    const ended = await endCoverageIn(trx, ctx, coordinatorId, codes, on);
    await bumpVersion(trx, ctx.now);
    return ended;
  });
}

// ---------------------------------------------------------------- custom regions

export interface CustomRegion {
  id: number;
  code: string;
  name: string;
  members: string[];
}

export async function listCustomRegions(db: Db): Promise<CustomRegion[]> {
  const [regions, members] = await Promise.all([q.listCustomRegionRows(db), q.listCustomRegionMembers(db)]);
  return regions.map((r) => ({
    id: Number(r.id),
    code: `custom-${r.id}`,
    name: r.name,
    members: members
      .filter((m) => Number(m.region_id) === Number(r.id))
      .map((m) => m.municipality_code)
      .sort(),
  }));
}

/** A custom region; its name must be new (ignoring case) and it needs at least one member. */
export async function createCustomRegion(ctx: ServiceCtx, name: string, codes: string[]): Promise<number> {
  const members = [...new Set(codes)];
  if (members.length === 0) throw errors.validation([{ field: 'codes', message: ruleMessages.codesRequired }]);
  return inTransaction(ctx.db, async (trx) => {
    if ((await q.customRegionNamed(trx, name)) !== null)
      throw errors.validation([{ field: 'name', message: ruleMessages.regionNameTaken }]);
    const id = await q.insertCustomRegion(trx, name, ctx.now.toISOString(), members);
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'create',
      entity: 'network_custom_region',
      entityId: id,
      after: { name, codes },
    });
    return id;
  });
}

/** Member codes of a region picked for coverage: an atlas region code, or `custom-{id}`. */
export async function membersOfRegion(db: Db, regionCode: string, date: string): Promise<string[]> {
  const custom = /^custom-(\d{1,9})$/.exec(regionCode);
  if (custom) return q.customRegionCodes(db, Number(custom[1]));
  return (await getRegion(db, regionCode, date))?.members.map((m) => m.code) ?? [];
}
