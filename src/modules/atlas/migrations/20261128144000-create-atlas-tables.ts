// The atlas: municipalities with dated validity, names, population per reference year, regions and
// dated memberships, mergers, boundary topologies and the import log. valid_to is exclusive.
import type { Kysely } from 'kysely';
import { withIdColumn } from '../../../db/schema-helpers.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('atlas_municipalities')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .execute();
  await withIdColumn(db, db.schema.createTable('atlas_municipality_names'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .execute();
  await db.schema
    .createTable('atlas_municipality_population')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('reference_year', 'integer', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('reference_date', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('atlas_municipality_population_pk', ['code', 'reference_year'])
    .execute();
  await db.schema
    .createTable('atlas_regions')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .execute();
  await withIdColumn(db, db.schema.createTable('atlas_region_memberships'))
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .execute();
  await db.schema.createIndex('atlas_region_memberships_muni_idx').on('atlas_region_memberships').column('municipality_code').execute();
  await withIdColumn(db, db.schema.createTable('atlas_mergers'))
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('old_code', 'text', (c) => c.notNull())
    .addColumn('new_code', 'text', (c) => c.notNull())
    .addColumn('share', 'real', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('atlas_boundaries')
    .addColumn('reference_year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('topojson', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('atlas_boundaries_pk', ['reference_year', 'kind'])
    .execute();
  await withIdColumn(db, db.schema.createTable('atlas_imports'))
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('file_hashes', 'text', (c) => c.notNull())
    .addColumn('counts', 'text', (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'atlas_imports',
    'atlas_boundaries',
    'atlas_mergers',
    'atlas_region_memberships',
    'atlas_regions',
    'atlas_municipality_population',
    'atlas_municipality_names',
    'atlas_municipalities',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
