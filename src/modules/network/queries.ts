// All SQL of the network module (Kysely; the same on SQLite and PostgreSQL). Rows go through
// presenters.ts before anything else sees them; the services decide what to read and write.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type {
  NetworkAssignmentsTable,
  NetworkCoordinatorsTable,
  NetworkFteChangesTable,
  NetworkOrganisationsTable,
  NetworkProposalsTable,
} from './tables.ts';

export type OrganisationRow = Selectable<NetworkOrganisationsTable>;
export type CoordinatorRow = Selectable<NetworkCoordinatorsTable>;
export type ProposalRow = Selectable<NetworkProposalsTable>;
export type AssignmentRow = Selectable<NetworkAssignmentsTable>;

const idOf = (row: { id: number }) => Number(row.id);

// ---------------------------------------------------------------- settings

export async function getSetting(db: Db, key: string): Promise<string | null> {
  const row = await db.selectFrom('network_settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

/** One upsert: two first writes of a key at once (PostgreSQL) cannot collide on the primary key. */
export async function putSetting(db: Db, key: string, value: string, at: string): Promise<void> {
  await db
    .insertInto('network_settings')
    .values({ key, value, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
    .execute();
}

// ---------------------------------------------------------------- organisations

export function listOrganisationRows(db: Db): Promise<OrganisationRow[]> {
  return db.selectFrom('network_organisations').selectAll().orderBy('name').execute();
}

export function getOrganisationRow(db: Db, id: number): Promise<OrganisationRow | undefined> {
  return db.selectFrom('network_organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertOrganisation(db: Db, row: Insertable<NetworkOrganisationsTable>): Promise<number> {
  return idOf(await db.insertInto('network_organisations').values(row).returning('id').executeTakeFirstOrThrow());
}

export async function updateOrganisationRow(db: Db, id: number, patch: Updateable<NetworkOrganisationsTable>): Promise<void> {
  await db.updateTable('network_organisations').set(patch).where('id', '=', id).execute();
}

export async function deleteOrganisationRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('network_organisations').where('id', '=', id).execute();
}

export async function organisationHasCoordinators(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom('network_coordinators').select('id').where('organisation_id', '=', id).executeTakeFirst()) !== undefined;
}

// ---------------------------------------------------------------- coordinators and FTE

export function listCoordinatorRows(db: Db): Promise<CoordinatorRow[]> {
  return db.selectFrom('network_coordinators').selectAll().orderBy('name').orderBy('id').execute();
}

export function getCoordinatorRow(db: Db, id: number): Promise<CoordinatorRow | undefined> {
  return db.selectFrom('network_coordinators').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertCoordinator(db: Db, row: Insertable<NetworkCoordinatorsTable>): Promise<number> {
  return idOf(await db.insertInto('network_coordinators').values(row).returning('id').executeTakeFirstOrThrow());
}

export async function updateCoordinatorRow(db: Db, id: number, patch: Updateable<NetworkCoordinatorsTable>): Promise<void> {
  await db.updateTable('network_coordinators').set(patch).where('id', '=', id).execute();
}

export async function insertFteChange(db: Db, row: Insertable<NetworkFteChangesTable>): Promise<void> {
  await db.insertInto('network_fte_changes').values(row).execute();
}

/** The FTE of the change that takes effect last (the latest recorded among equal dates). */
export async function latestFte(db: Db, coordinatorId: number): Promise<number> {
  const row = await db
    .selectFrom('network_fte_changes')
    .select('fte')
    .where('coordinator_id', '=', coordinatorId)
    .orderBy('effective_from', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return Number(row.fte);
}

export function fteChangesOf(db: Db, coordinatorId: number) {
  return db
    .selectFrom('network_fte_changes')
    .select(['effective_from', 'fte'])
    .where('coordinator_id', '=', coordinatorId)
    .orderBy('effective_from')
    .orderBy('id')
    .execute();
}

export function allFteChanges(db: Db) {
  return db.selectFrom('network_fte_changes').select(['coordinator_id', 'effective_from', 'fte']).execute();
}

// ---------------------------------------------------------------- coverage assignments

export function assignmentsOfCoordinator(db: Db, coordinatorId: number): Promise<AssignmentRow[]> {
  return db
    .selectFrom('network_assignments')
    .selectAll()
    .where('coordinator_id', '=', coordinatorId)
    .orderBy('valid_from')
    .orderBy('municipality_code')
    .execute();
}

export function allAssignments(db: Db) {
  return db.selectFrom('network_assignments').select(['coordinator_id', 'municipality_code', 'valid_from', 'valid_to']).execute();
}

export async function insertAssignment(db: Db, row: Insertable<NetworkAssignmentsTable>): Promise<void> {
  await db.insertInto('network_assignments').values(row).execute();
}

export async function endAssignment(db: Db, id: number, on: string): Promise<void> {
  await db.updateTable('network_assignments').set({ valid_to: on }).where('id', '=', id).execute();
}

// ---------------------------------------------------------------- custom regions

export function listCustomRegionRows(db: Db) {
  return db.selectFrom('network_custom_regions').select(['id', 'name']).orderBy('name').execute();
}

export function listCustomRegionMembers(db: Db) {
  return db.selectFrom('network_custom_region_members').select(['region_id', 'municipality_code']).execute();
}

/** A custom region with this name, ignoring case (names are unique; "Zorgregio" and "zorgregio" would confuse). */
export async function customRegionNamed(db: Db, name: string): Promise<number | null> {
  const row = await db
    .selectFrom('network_custom_regions')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}

export async function insertCustomRegion(db: Db, name: string, at: string, codes: string[]): Promise<number> {
  const id = idOf(await db.insertInto('network_custom_regions').values({ name, created_at: at }).returning('id').executeTakeFirstOrThrow());
  for (const code of codes)
    await db.insertInto('network_custom_region_members').values({ region_id: id, municipality_code: code }).execute();
  return id;
}

export async function customRegionCodes(db: Db, regionId: number): Promise<string[]> {
  const rows = await db.selectFrom('network_custom_region_members').select('municipality_code').where('region_id', '=', regionId).execute();
  return rows.map((r) => r.municipality_code).sort();
}

// ---------------------------------------------------------------- proposals

export function listProposalRows(db: Db, filter: { status?: ProposalRow['status']; coordinatorId?: number }): Promise<ProposalRow[]> {
  let q = db.selectFrom('network_proposals').selectAll().orderBy('proposed_at', 'desc').orderBy('id', 'desc');
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.coordinatorId !== undefined) q = q.where('coordinator_id', '=', filter.coordinatorId);
  return q.execute();
}

export function getProposalRow(db: Db, id: number): Promise<ProposalRow | undefined> {
  return db.selectFrom('network_proposals').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertProposal(db: Db, row: Insertable<NetworkProposalsTable>): Promise<number> {
  return idOf(await db.insertInto('network_proposals').values(row).returning('id').executeTakeFirstOrThrow());
}

export async function decideProposalRow(db: Db, id: number, patch: Updateable<NetworkProposalsTable>): Promise<void> {
  await db.updateTable('network_proposals').set(patch).where('id', '=', id).execute();
}
