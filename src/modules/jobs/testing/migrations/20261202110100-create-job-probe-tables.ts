// Tables of the probe module that the jobs tests run (never applied outside those tests).
import type { Kysely } from 'kysely';
import { withIdColumn } from '../../../../db/schema-helpers.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('job_probe_runs'))
    .addColumn('job_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('period_start', 'text')
    .execute();
  await db.schema
    .createTable('job_probe_items')
    .addColumn('job_id', 'integer', (c) => c.notNull())
    .addColumn('item', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('job_probe_items_pk', ['job_id', 'item'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('job_probe_items').execute();
  await db.schema.dropTable('job_probe_runs').execute();
}
