import type { Kysely } from 'kysely';

// One row per message read from the bounce mailbox (or posted to the DSN intake): its SHA-256 is
// written in the same transaction as the bounces it holds, so a message read twice (a crash between
// applying it and moving the file, or the same file in two instances) is applied once.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('news_bounce_messages')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('reports', 'integer', (c) => c.notNull())
    .addColumn('recorded', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('news_bounce_messages').ifExists().execute();
}
