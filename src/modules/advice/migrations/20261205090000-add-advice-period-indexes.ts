// Indexes for the figures of a period (bench/advice.bench.ts, docs/BENCHMARKS.md "Advice"):
// - interactions by date with their type and region, so the dashboard reads a year's interactions
//   from the index alone (SQLite: 16 → 7.5 ms CPU for 10,000 rows) instead of visiting every row with
//   its summary; its leading (date, id) serves what advice_interactions_date_idx served (the list,
//   newest first, and the text search walking it), so that index goes;
// - policy statuses in the order of "the newest in force per municipality and block", holding the
//   columns the national picture reads, so the status on a date is one ordered pass over the index
//   without a sort (SQLite: 17 → 10 ms CPU for 12,580 rows).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('advice_interactions_period_idx')
    .on('advice_interactions')
    .columns(['date', 'id', 'type', 'region_code'])
    .execute();
  await db.schema.dropIndex('advice_interactions_date_idx').execute();
  await db.schema
    .createIndex('advice_policy_statuses_in_force_idx')
    .on('advice_policy_statuses')
    .columns(['municipality_code', 'block_id', 'effective_date desc', 'recorded_at desc', 'id desc', 'blocks_version', 'status', 'source'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('advice_policy_statuses_in_force_idx').execute();
  await db.schema.createIndex('advice_interactions_date_idx').on('advice_interactions').columns(['date', 'id']).execute();
  await db.schema.dropIndex('advice_interactions_period_idx').execute();
}
