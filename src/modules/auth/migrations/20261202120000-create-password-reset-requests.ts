// "Forgot password" requests waiting to be turned into an email (src/modules/auth/reset-requests.ts):
// the form's answer does the same work for every address — one row here — whether or not it has an
// account. Rows live seconds (the worker deletes each as it handles it).
import type { Kysely } from 'kysely';
import { withIdColumn } from '../../../db/schema-helpers.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('password_reset_requests'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('password_reset_requests').ifExists().execute();
}
