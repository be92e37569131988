// The interaction's date on the rows of the municipalities it names, so the dashboard reads a period's
// links from one index range instead of joining them to the interactions (PostgreSQL hashed all
// ~200,000 link rows for a year's 20,000: a sequential scan of 25 ms; SQLite looked each interaction's
// links up, 14 → 9 ms). The writes keep it in step (interactions.queries.ts: replaceLinks, and
// updateInteractionRow when the date changes). SQLite cannot add a NOT NULL column without a default
// (which would hide a missed write as ''), so the column is NOT NULL on PostgreSQL only.
import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../../../db/database.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('advice_interaction_municipalities').addColumn('interaction_date', 'text').execute();
  await sql`UPDATE advice_interaction_municipalities SET interaction_date =
    (SELECT i.date FROM advice_interactions i WHERE i.id = advice_interaction_municipalities.interaction_id)`.execute(db);
  if (dialectOf(db) === 'postgres') {
    await sql`ALTER TABLE advice_interaction_municipalities ALTER COLUMN interaction_date SET NOT NULL`.execute(db);
  }
  await db.schema
    .createIndex('advice_interaction_municipalities_date_idx')
    .on('advice_interaction_municipalities')
    .columns(['interaction_date', 'interaction_id', 'municipality_code'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('advice_interaction_municipalities_date_idx').execute();
  await db.schema.alterTable('advice_interaction_municipalities').dropColumn('interaction_date').execute();
}
