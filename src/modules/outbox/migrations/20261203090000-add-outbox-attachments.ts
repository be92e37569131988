import type { Kysely } from 'kysely';

// Attachments per message (JSON array of { filename, contentType, base64 }), e.g. an event's .ics file.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('attachments_json', 'text').execute();
}
