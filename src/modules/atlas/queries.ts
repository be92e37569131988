// The atlas module's SQL. Reads load the whole (small, immutable between imports) reference data at
// once; the service keeps it in memory per data version.
import type { Db, Tx } from '../../db/database.ts';

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

/** Inserts rows in chunks (SQLite limits bound parameters per statement). */
export async function insertChunked<T extends keyof import('../../db/types.ts').Database>(trx: Tx, table: T, rows: any[], chunk = 100) {
  for (let i = 0; i < rows.length; i += chunk) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + chunk) as any)
      .execute();
  }
}
