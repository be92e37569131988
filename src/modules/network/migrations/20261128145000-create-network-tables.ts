import type { Kysely } from 'kysely';
import { withIdColumn } from '../../../db/schema-helpers.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('network_organisations'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('website', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withIdColumn(db, db.schema.createTable('network_coordinators'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('network_organisations.id'))
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('web_page', 'text')
    .addColumn('fte', 'double precision', (c) => c.notNull())
    .addColumn('active_from', 'text', (c) => c.notNull())
    .addColumn('active_to', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withIdColumn(db, db.schema.createTable('network_fte_changes'))
    .addColumn('coordinator_id', 'integer', (c) => c.notNull().references('network_coordinators.id'))
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('fte', 'double precision', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('network_fte_changes_coordinator_idx').on('network_fte_changes').column('coordinator_id').execute();

  await withIdColumn(db, db.schema.createTable('network_assignments'))
    .addColumn('coordinator_id', 'integer', (c) => c.notNull().references('network_coordinators.id'))
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('network_assignments_coordinator_idx').on('network_assignments').column('coordinator_id').execute();
  await db.schema.createIndex('network_assignments_code_idx').on('network_assignments').column('municipality_code').execute();

  await withIdColumn(db, db.schema.createTable('network_custom_regions'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('network_custom_region_members')
    .addColumn('region_id', 'integer', (c) => c.notNull().references('network_custom_regions.id').onDelete('cascade'))
    .addColumn('municipality_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('network_custom_region_members_pk', ['region_id', 'municipality_code'])
    .execute();

  await withIdColumn(db, db.schema.createTable('network_proposals'))
    .addColumn('coordinator_id', 'integer', (c) => c.notNull().references('network_coordinators.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('municipality_codes', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'integer')
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'integer')
    .addColumn('decided_at', 'text')
    .execute();

  await db.schema
    .createTable('network_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'network_settings',
    'network_proposals',
    'network_custom_region_members',
    'network_custom_regions',
    'network_assignments',
    'network_fte_changes',
    'network_coordinators',
    'network_organisations',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
