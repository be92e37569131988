// The atlas module's SQL. Reads load the whole (small, immutable between imports) reference data at
// once; the service keeps it in memory per data version.
import type { Insertable } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';

export async function latestImport(db: Db) {
  return (await db.selectFrom('atlas_imports').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst()) ?? null;
}

export async function loadAll(db: Db) {
  const [municipalities, names, population, regions, memberships, mergers] = await Promise.all([
    db.selectFrom('atlas_municipalities').selectAll().orderBy('code').execute(),
    db.selectFrom('atlas_municipality_names').selectAll().orderBy('id').execute(),
    db.selectFrom('atlas_municipality_population').selectAll().orderBy('code').orderBy('reference_year').execute(),
    db.selectFrom('atlas_regions').selectAll().orderBy('code').execute(),
    db.selectFrom('atlas_region_memberships').selectAll().orderBy('id').execute(),
    db.selectFrom('atlas_mergers').selectAll().orderBy('id').execute(),
  ]);
  return { municipalities, names, population, regions, memberships, mergers };
}

export async function loadBoundary(db: Db, referenceYear: number, kind: string) {
  return (
    (await db
      .selectFrom('atlas_boundaries')
      .select(['topojson', 'sha256'])
      .where('reference_year', '=', referenceYear)
      .where('kind', '=', kind)
      .executeTakeFirst()) ?? null
  );
}

export async function countMunicipalities(db: Db): Promise<number> {
  const row = await db
    .selectFrom('atlas_municipalities')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function clearAtlas(trx: Tx) {
  for (const t of [
    'atlas_region_memberships',
    'atlas_regions',
    'atlas_mergers',
    'atlas_municipality_population',
    'atlas_municipality_names',
    'atlas_municipalities',
    'atlas_boundaries',
  ] as const) {
    await trx.deleteFrom(t).execute();
  }
}

/** The tables the import fills row by row (the boundaries and the import record are written whole). */
type ChunkedTable =
  | 'atlas_municipalities'
  | 'atlas_municipality_names'
  | 'atlas_municipality_population'
  | 'atlas_regions'
  | 'atlas_region_memberships'
  | 'atlas_mergers';

/** Inserts rows in chunks (SQLite limits bound parameters per statement). */
export async function insertChunked<T extends ChunkedTable>(trx: Tx, table: T, rows: Insertable<Database[T]>[], chunk = 100) {
  for (let i = 0; i < rows.length; i += chunk) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + chunk))
      .execute();
  }
}

export async function insertBoundary(trx: Tx, row: Insertable<Database['atlas_boundaries']>) {
  await trx.insertInto('atlas_boundaries').values(row).execute();
}

export async function recordImport(trx: Tx, row: Insertable<Database['atlas_imports']>) {
  await trx.insertInto('atlas_imports').values(row).execute();
}
