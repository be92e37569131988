import type { Kysely } from 'kysely';

// Extra headers per message (JSON object), e.g. List-Unsubscribe for newsletters (RFC 8058).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('headers_json', 'text').execute();
}
