// The network's writes (every one audited in the same transaction, history append-only) and the
// computed views of it on a date (coverage, summary, gaps, timeline), cached per data version.
import { type Db, inTransaction } from '../../db/database.ts';
import { errors } from '../../http/errors.ts';
import type { Actor } from '../../http/request-user.ts';
import { recordAudit } from '../audit/index.ts';
import { type AtlasMunicipality, atlasDataVersion, municipalitiesOnDate, regionMembers, successorsOnDate } from './atlas-port.ts';
import {
  type CoverageResult,
  type CoverageSummary,
  computeCoverage,
  type Gap,
  gapList,
  monthlyPoints,
  summarize,
  type TimelinePoint,
  timelinePoint,
} from './network.logic.ts';
import type { OrganisationType } from './tables.ts';

/** The default capacity norm: 0.1 FTE care coordination per 100,000 inhabitants (1 FTE per million) (admin setting). */
export const DEFAULT_NORM = 0.1;
const NORM_KEY = 'capacity_norm';
const VERSION_KEY = 'data_version';

export interface Ctx {
  db: Db;
  actor: Actor;
  now: Date;
}

// ---------------------------------------------------------------- settings and data version

export async function getNorm(db: Db): Promise<number> {
  const row = await db.selectFrom('network_settings').select('value').where('key', '=', NORM_KEY).executeTakeFirst();
  const n = row ? Number(row.value) : NaN;
  return Number.isFinite(n) && n > 0 ? n : DEFAULT_NORM;
}

async function putSetting(db: Db, key: string, value: string, now: Date) {
  const at = now.toISOString();
  const updated = await db.updateTable('network_settings').set({ value, updated_at: at }).where('key', '=', key).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) await db.insertInto('network_settings').values({ key, value, updated_at: at }).execute();
}

/** Every write bumps this, inside its transaction: caches key on it (safe across instances). */
async function bumpVersion(db: Db, now: Date) {
  await putSetting(db, VERSION_KEY, `${now.toISOString()}#${Math.random().toString(36).slice(2, 8)}`, now);
  clearNetworkCache();
}

export async function networkDataVersion(db: Db): Promise<string> {
  const row = await db.selectFrom('network_settings').select('value').where('key', '=', VERSION_KEY).executeTakeFirst();
  return `${row?.value ?? '0'}|${await atlasDataVersion(db)}`;
}

export async function setNorm(ctx: Ctx, value: number): Promise<void> {
  if (!(value > 0 && value <= 100))
    throw errors.badRequest({ nl: 'De norm moet tussen 0 en 100 liggen.', en: 'The norm must be between 0 and 100.' });
  await inTransaction(ctx.db, async (trx) => {
    const before = await getNorm(trx);
    await putSetting(trx, NORM_KEY, String(value), ctx.now);
    await bumpVersion(trx, ctx.now);
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'update',
      entity: 'network_setting',
      entityId: NORM_KEY,
      before: { norm: before },
      after: { norm: value },
    });
  });
}

// ---------------------------------------------------------------- organisations

export interface OrganisationInput {
  name: string;
  type: OrganisationType;
  website: string | null;
}

export function presentOrganisation(r: { id: number; name: string; type: OrganisationType; website: string | null }) {
  return { id: Number(r.id), name: r.name, type: r.type, website: r.website };
}
export type Organisation = ReturnType<typeof presentOrganisation>;

export async function listOrganisations(db: Db): Promise<Organisation[]> {
  const rows = await db.selectFrom('network_organisations').selectAll().orderBy('name').execute();
  return rows.map(presentOrganisation);
}

export async function getOrganisation(db: Db, id: number): Promise<Organisation | null> {
  const row = await db.selectFrom('network_organisations').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? presentOrganisation(row) : null;
}

export async function createOrganisation(ctx: Ctx, input: OrganisationInput): Promise<number> {
  return inTransaction(ctx.db, async (trx) => {
    const at = ctx.now.toISOString();
    const row = await trx
      .insertInto('network_organisations')
      .values({ ...input, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    await bumpVersion(trx, ctx.now);
    await recordAudit(trx, { at: ctx.now, actor: ctx.actor, action: 'create', entity: 'network_organisation', entityId: id, after: input });
    return id;
  });
}

export async function updateOrganisation(ctx: Ctx, id: number, input: OrganisationInput): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const before = await getOrganisation(trx, id);
    if (!before) throw errors.notFound();
    await trx
      .updateTable('network_organisations')
      .set({ ...input, updated_at: ctx.now.toISOString() })
      .where('id', '=', id)
      .execute();
    await bumpVersion(trx, ctx.now);
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'update',
      entity: 'network_organisation',
      entityId: id,
      before,
      after: input,
    });
  });
}

export async function deleteOrganisation(ctx: Ctx, id: number): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const before = await getOrganisation(trx, id);
    if (!before) throw errors.notFound();
    const used = await trx.selectFrom('network_coordinators').select('id').where('organisation_id', '=', id).executeTakeFirst();
    if (used)
      throw errors.conflict({
        nl: 'Deze organisatie heeft zorgcoördinatoren en kan niet worden verwijderd.',
        en: 'This organisation has coordinators and cannot be deleted.',
      });
    await trx.deleteFrom('network_organisations').where('id', '=', id).execute();
    await bumpVersion(trx, ctx.now);
    await recordAudit(trx, { at: ctx.now, actor: ctx.actor, action: 'delete', entity: 'network_organisation', entityId: id, before });
  });
}

// ---------------------------------------------------------------- coordinators

export interface CoordinatorContact {
  name: string;
  phone: string | null;
  email: string | null;
  webPage: string | null;
}

export interface CoordinatorInput extends CoordinatorContact {
  organisationId: number;
  fte: number;
  activeFrom: string;
  activeTo: string | null;
}

type CoordinatorRow = {
  id: number;
  name: string;
  organisation_id: number;
  phone: string | null;
  email: string | null;
  web_page: string | null;
  fte: number;
  active_from: string;
  active_to: string | null;
};

export function presentCoordinator(r: CoordinatorRow, organisation?: Organisation | null) {
  return {
    id: Number(r.id),
    name: r.name,
    organisationId: Number(r.organisation_id),
    organisation: organisation
      ? { id: organisation.id, name: organisation.name, type: organisation.type, website: organisation.website }
      : null,
    phone: r.phone,
    email: r.email,
    webPage: r.web_page,
    fte: Number(r.fte),
    activeFrom: r.active_from,
    activeTo: r.active_to,
  };
}
export type Coordinator = ReturnType<typeof presentCoordinator>;

export async function listCoordinators(db: Db): Promise<Coordinator[]> {
  const [rows, orgs] = await Promise.all([
    db.selectFrom('network_coordinators').selectAll().orderBy('name').orderBy('id').execute(),
    listOrganisations(db),
  ]);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return rows.map((r) => presentCoordinator(r, byId.get(Number(r.organisation_id))));
}

export async function getCoordinator(db: Db, id: number): Promise<Coordinator | null> {
  const row = await db.selectFrom('network_coordinators').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  return presentCoordinator(row, await getOrganisation(db, Number(row.organisation_id)));
}

function checkFte(fte: number) {
  if (!(fte >= 0 && fte <= 10))
    throw errors.validation([{ field: 'fte', message: { nl: 'Vul een FTE tussen 0 en 10 in.', en: 'Enter an FTE between 0 and 10.' } }]);
}

export async function createCoordinator(ctx: Ctx, input: CoordinatorInput): Promise<number> {
  checkFte(input.fte);
  return inTransaction(ctx.db, async (trx) => {
    if (!(await getOrganisation(trx, input.organisationId)))
      throw errors.validation([
        { field: 'organisationId', message: { nl: 'Kies een bestaande organisatie.', en: 'Choose an existing organisation.' } },
      ]);
    const at = ctx.now.toISOString();
    const row = await trx
      .insertInto('network_coordinators')
      .values({
        name: input.name,
        organisation_id: input.organisationId,
        phone: input.phone,
        email: input.email,
        web_page: input.webPage,
        fte: input.fte,
        active_from: input.activeFrom,
        active_to: input.activeTo,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    await trx
      .insertInto('network_fte_changes')
      .values({ coordinator_id: id, effective_from: input.activeFrom, fte: input.fte, recorded_at: at })
      .execute();
    await bumpVersion(trx, ctx.now);
    await recordAudit(trx, { at: ctx.now, actor: ctx.actor, action: 'create', entity: 'coordinator', entityId: id, after: input });
    return id;
  });
}

/** Staff update of the record (contact, organisation, active dates). FTE goes through changeFte. */
export async function updateCoordinator(ctx: Ctx, id: number, input: Omit<CoordinatorInput, 'fte'>): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const before = await getCoordinator(trx, id);
    if (!before) throw errors.notFound();
    await trx
      .updateTable('network_coordinators')
      .set({
        name: input.name,
        organisation_id: input.organisationId,
        phone: input.phone,
        email: input.email,
        web_page: input.webPage,
        active_from: input.activeFrom,
        active_to: input.activeTo,
        updated_at: ctx.now.toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await bumpVersion(trx, ctx.now);
    await recordAudit(trx, { at: ctx.now, actor: ctx.actor, action: 'update', entity: 'coordinator', entityId: id, before, after: input });
  });
}

/** A coordinator's own update: contact details only, and its FTE from a date. */
export async function updateOwnCoordinator(ctx: Ctx, id: number, contact: CoordinatorContact, fte: number, fteFrom: string): Promise<void> {
  checkFte(fte);
  await inTransaction(ctx.db, async (trx) => {
    const before = await getCoordinator(trx, id);
    if (!before) throw errors.notFound();
    await trx
      .updateTable('network_coordinators')
      .set({ name: contact.name, phone: contact.phone, email: contact.email, web_page: contact.webPage, updated_at: ctx.now.toISOString() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'update',
      entity: 'coordinator',
      entityId: id,
      before,
      after: contact,
    });
    if (fte !== before.fte) await changeFteIn(trx, ctx, id, fte, fteFrom);
    await bumpVersion(trx, ctx.now);
  });
}

async function changeFteIn(trx: Db, ctx: Ctx, id: number, fte: number, effectiveFrom: string) {
  const at = ctx.now.toISOString();
  await trx.insertInto('network_fte_changes').values({ coordinator_id: id, effective_from: effectiveFrom, fte, recorded_at: at }).execute();
  // The cached current FTE follows the latest effective change.
  const latest = await trx
    .selectFrom('network_fte_changes')
    .select('fte')
    .where('coordinator_id', '=', id)
    .orderBy('effective_from', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('network_coordinators')
    .set({ fte: Number(latest.fte), updated_at: at })
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, {
    at: ctx.now,
    actor: ctx.actor,
    action: 'create',
    entity: 'coordinator_fte',
    entityId: id,
    after: { fte, effectiveFrom },
  });
}

export async function changeFte(ctx: Ctx, id: number, fte: number, effectiveFrom: string): Promise<void> {
  checkFte(fte);
  await inTransaction(ctx.db, async (trx) => {
    if (!(await getCoordinator(trx, id))) throw errors.notFound();
    await changeFteIn(trx, ctx, id, fte, effectiveFrom);
    await bumpVersion(trx, ctx.now);
  });
}

export async function fteHistory(db: Db, id: number) {
  const rows = await db
    .selectFrom('network_fte_changes')
    .select(['effective_from', 'fte'])
    .where('coordinator_id', '=', id)
    .orderBy('effective_from')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ effectiveFrom: r.effective_from, fte: Number(r.fte) }));
}

// ---------------------------------------------------------------- coverage assignments

export async function assignmentsOf(db: Db, coordinatorId: number) {
  const rows = await db
    .selectFrom('network_assignments')
    .select(['id', 'municipality_code', 'valid_from', 'valid_to', 'source'])
    .where('coordinator_id', '=', coordinatorId)
    .orderBy('valid_from')
    .orderBy('municipality_code')
    .execute();
  return rows.map((r) => ({ id: Number(r.id), code: r.municipality_code, validFrom: r.valid_from, validTo: r.valid_to, source: r.source }));
}

/** The codes a coordinator's assignments cover on a date (as recorded, before merger mapping). */
export async function recordedCodesOn(db: Db, coordinatorId: number, date: string): Promise<string[]> {
  const list = await assignmentsOf(db, coordinatorId);
  return [...new Set(list.filter((a) => a.validFrom <= date && (a.validTo === null || date < a.validTo)).map((a) => a.code))].sort();
}

async function addCoverageIn(trx: Db, ctx: Ctx, coordinatorId: number, codes: string[], from: string, source: string) {
  const current = new Set(await recordedCodesOn(trx, coordinatorId, from));
  const fresh = [...new Set(codes)].filter((c) => !current.has(c)).sort();
  const at = ctx.now.toISOString();
  for (const code of fresh) {
    await trx
      .insertInto('network_assignments')
      .values({ coordinator_id: coordinatorId, municipality_code: code, valid_from: from, valid_to: null, source, recorded_at: at })
      .execute();
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

async function endCoverageIn(trx: Db, ctx: Ctx, coordinatorId: number, codes: string[], on: string) {
  const wanted = new Set(codes);
  const open = (await assignmentsOf(trx, coordinatorId)).filter(
    (a) => wanted.has(a.code) && a.validFrom <= on && (a.validTo === null || on < a.validTo),
  );
  for (const a of open) {
    // valid_from = on: the assignment never took effect; it still stays as history (ended at once).
    await trx.updateTable('network_assignments').set({ valid_to: on }).where('id', '=', a.id).execute();
  }
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

export async function addCoverage(ctx: Ctx, coordinatorId: number, codes: string[], from: string, source: string): Promise<string[]> {
  return inTransaction(ctx.db, async (trx) => {
    if (!(await getCoordinator(trx, coordinatorId))) throw errors.notFound();
    const added = await addCoverageIn(trx, ctx, coordinatorId, codes, from, source);
    await bumpVersion(trx, ctx.now);
    return added;
  });
}

export async function endCoverage(ctx: Ctx, coordinatorId: number, codes: string[], on: string): Promise<string[]> {
  return inTransaction(ctx.db, async (trx) => {
    if (!(await getCoordinator(trx, coordinatorId))) throw errors.notFound();
    const ended = await endCoverageIn(trx, ctx, coordinatorId, codes, on);
    await bumpVersion(trx, ctx.now);
    return ended;
  });
}

// ---------------------------------------------------------------- custom regions

export async function listCustomRegions(db: Db) {
  const regions = await db.selectFrom('network_custom_regions').select(['id', 'name']).orderBy('name').execute();
  const members = await db.selectFrom('network_custom_region_members').select(['region_id', 'municipality_code']).execute();
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

export async function createCustomRegion(ctx: Ctx, name: string, codes: string[]): Promise<number> {
  return inTransaction(ctx.db, async (trx) => {
    const row = await trx
      .insertInto('network_custom_regions')
      .values({ name, created_at: ctx.now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    for (const code of [...new Set(codes)])
      await trx.insertInto('network_custom_region_members').values({ region_id: id, municipality_code: code }).execute();
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
  const custom = /^custom-(\d+)$/.exec(regionCode);
  if (custom) {
    const rows = await db
      .selectFrom('network_custom_region_members')
      .select('municipality_code')
      .where('region_id', '=', Number(custom[1]))
      .execute();
    return rows.map((r) => r.municipality_code).sort();
  }
  return regionMembers(db, regionCode, date);
}

// ---------------------------------------------------------------- proposals

export interface ProposalInput {
  action: 'add' | 'remove';
  codes: string[];
  effectiveDate: string;
  note: string | null;
}

export function presentProposal(r: {
  id: number;
  coordinator_id: number;
  action: 'add' | 'remove';
  municipality_codes: string;
  effective_date: string;
  note: string | null;
  status: 'pending' | 'approved' | 'rejected';
  proposed_by: number | null;
  proposed_at: string;
  decided_by: number | null;
  decided_at: string | null;
}) {
  return {
    id: Number(r.id),
    coordinatorId: Number(r.coordinator_id),
    action: r.action,
    codes: JSON.parse(r.municipality_codes) as string[],
    effectiveDate: r.effective_date,
    note: r.note,
    status: r.status,
    proposedBy: r.proposed_by === null ? null : Number(r.proposed_by),
    proposedAt: r.proposed_at,
    decidedBy: r.decided_by === null ? null : Number(r.decided_by),
    decidedAt: r.decided_at,
  };
}
export type Proposal = ReturnType<typeof presentProposal>;

export async function listProposals(db: Db, filter: { status?: 'pending'; coordinatorId?: number } = {}): Promise<Proposal[]> {
  let q = db.selectFrom('network_proposals').selectAll().orderBy('proposed_at', 'desc').orderBy('id', 'desc');
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.coordinatorId !== undefined) q = q.where('coordinator_id', '=', filter.coordinatorId);
  return (await q.execute()).map(presentProposal);
}

export async function proposeCoverageChange(ctx: Ctx, coordinatorId: number, input: ProposalInput): Promise<number> {
  if (input.codes.length === 0)
    throw errors.validation([{ field: 'codes', message: { nl: 'Kies minstens één gemeente.', en: 'Choose at least one municipality.' } }]);
  return inTransaction(ctx.db, async (trx) => {
    const row = await trx
      .insertInto('network_proposals')
      .values({
        coordinator_id: coordinatorId,
        action: input.action,
        municipality_codes: JSON.stringify([...new Set(input.codes)].sort()),
        effective_date: input.effectiveDate,
        note: input.note,
        status: 'pending',
        proposed_by: ctx.actor.userId,
        proposed_at: ctx.now.toISOString(),
        decided_by: null,
        decided_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'create',
      entity: 'coverage_proposal',
      entityId: id,
      after: { coordinatorId, ...input },
    });
    return id;
  });
}

/** An adviser's decision. The proposer can never decide its own proposal. */
export async function decideProposal(ctx: Ctx, id: number, decision: 'approved' | 'rejected'): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const row = await trx.selectFrom('network_proposals').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw errors.notFound();
    const p = presentProposal(row);
    if (p.status !== 'pending')
      throw errors.conflict({ nl: 'Over dit voorstel is al besloten.', en: 'This proposal has already been decided.' });
    if (p.proposedBy !== null && p.proposedBy === ctx.actor.userId) throw errors.forbidden();
    await trx
      .updateTable('network_proposals')
      .set({ status: decision, decided_by: ctx.actor.userId, decided_at: ctx.now.toISOString() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'update',
      entity: 'coverage_proposal',
      entityId: id,
      before: { status: 'pending' },
      after: { status: decision },
    });
    if (decision === 'approved') {
      if (p.action === 'add') await addCoverageIn(trx, ctx, p.coordinatorId, p.codes, p.effectiveDate, 'individual');
      else await endCoverageIn(trx, ctx, p.coordinatorId, p.codes, p.effectiveDate);
    }
    await bumpVersion(trx, ctx.now);
  });
}

// ---------------------------------------------------------------- the network on a date

export interface NetworkOnDate {
  date: string;
  version: string;
  result: CoverageResult;
  summary: CoverageSummary;
  municipalities: Map<string, AtlasMunicipality>;
  coordinators: Map<number, Coordinator>;
}

const coverageCache = new Map<string, Promise<NetworkOnDate>>();
const CACHE_LIMIT = 200;

async function loadInputs(db: Db) {
  const [coordinators, assignments, fteChanges, norm] = await Promise.all([
    listCoordinators(db),
    db.selectFrom('network_assignments').select(['coordinator_id', 'municipality_code', 'valid_from', 'valid_to']).execute(),
    db.selectFrom('network_fte_changes').select(['coordinator_id', 'effective_from', 'fte']).execute(),
    getNorm(db),
  ]);
  return {
    coordinators,
    assignments: assignments.map((a) => ({
      coordinatorId: Number(a.coordinator_id),
      municipalityCode: a.municipality_code,
      validFrom: a.valid_from,
      validTo: a.valid_to,
    })),
    fteChanges: fteChanges.map((f) => ({ coordinatorId: Number(f.coordinator_id), effectiveFrom: f.effective_from, fte: Number(f.fte) })),
    norm,
  };
}

async function computeOn(db: Db, date: string, version: string, inputs?: Awaited<ReturnType<typeof loadInputs>>): Promise<NetworkOnDate> {
  const data = inputs ?? (await loadInputs(db));
  const munis = await municipalitiesOnDate(db, date);
  const existing = new Set(munis.map((m) => m.code));
  const missing = [...new Set(data.assignments.map((a) => a.municipalityCode))].filter((c) => !existing.has(c));
  const successors = missing.length > 0 ? await successorsOnDate(db, missing, date) : {};
  const result = computeCoverage({
    date,
    municipalities: munis.map((m) => ({ code: m.code, name: m.name, population: m.population })),
    coordinators: data.coordinators.map((c) => ({ id: c.id, name: c.name, activeFrom: c.activeFrom, activeTo: c.activeTo })),
    assignments: data.assignments,
    fteChanges: data.fteChanges,
    successors,
    norm: data.norm,
  });
  return {
    date,
    version,
    result,
    summary: summarize(result),
    municipalities: new Map(munis.map((m) => [m.code, m])),
    coordinators: new Map(data.coordinators.map((c) => [c.id, c])),
  };
}

/** The network on a date, computed once per (date, data version) and then served from memory. */
export async function networkOn(db: Db, date: string): Promise<NetworkOnDate> {
  const version = await networkDataVersion(db);
  const key = `${date}|${version}`;
  let hit = coverageCache.get(key);
  if (!hit) {
    if (coverageCache.size >= CACHE_LIMIT) coverageCache.clear();
    hit = computeOn(db, date, version);
    coverageCache.set(key, hit);
    hit.catch(() => coverageCache.delete(key));
  }
  return hit;
}

export function clearNetworkCache() {
  coverageCache.clear();
  timelineCache.clear();
}

export async function gapsOn(db: Db, date: string): Promise<{ norm: number; gaps: Gap[] }> {
  const n = await networkOn(db, date);
  return { norm: n.result.norm, gaps: gapList(n.result) };
}

const timelineCache = new Map<string, Promise<TimelinePoint[]>>();

/** Monthly series from..to (each month's last day, the last point `to`). */
export async function timeline(db: Db, from: string, to: string): Promise<TimelinePoint[]> {
  const version = await networkDataVersion(db);
  const key = `${from}|${to}|${version}`;
  let hit = timelineCache.get(key);
  if (!hit) {
    if (timelineCache.size >= CACHE_LIMIT) timelineCache.clear();
    hit = (async () => {
      const inputs = await loadInputs(db);
      const out: TimelinePoint[] = [];
      for (const p of monthlyPoints(from, to)) {
        const n = await computeOn(db, p.date, version, inputs);
        out.push(timelinePoint(p.month, n.summary));
      }
      return out;
    })();
    timelineCache.set(key, hit);
    hit.catch(() => timelineCache.delete(key));
  }
  return hit;
}

/** Coverage of one municipality on a date, with its coordinators' public contact. */
/** The first day of the month the first coordinator started, or null without coordinators. */
export async function networkStartMonth(db: Db): Promise<string | null> {
  const coordinators = await listCoordinators(db);
  const first = coordinators.map((c) => c.activeFrom).sort()[0];
  return first ? `${first.slice(0, 7)}-01` : null;
}

export async function municipalityNetwork(db: Db, code: string, date: string) {
  const n = await networkOn(db, date);
  const m = n.result.municipalities.find((x) => x.code === code);
  if (!m) return null;
  return {
    coverage: m,
    municipality: n.municipalities.get(code)!,
    coordinators: m.coordinatorIds.map((id) => n.coordinators.get(id)!).filter(Boolean),
    norm: n.result.norm,
  };
}

/** For the coordinator user: which coordinator may this user edit (null = none). */
export function ownCoordinatorId(user: { role: string; coordinatorId: number | null } | null): number | null {
  if (!user || user.role !== 'coordinator') return null;
  return user.coordinatorId;
}
