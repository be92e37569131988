// Reading what a flow left behind — audit entries and queued emails — through those modules' services.
import { listAudit } from '../../src/modules/audit/service.ts';
import { selectMessage } from '../../src/modules/outbox/queries.ts';
import { outboxCounts } from '../../src/modules/outbox/service.ts';
import type { TestApp } from './app.ts';

/** The audit entries about one user, oldest first as the audit service lists them. */
export async function auditEntriesAbout(t: TestApp, userId: number): Promise<{ action: string; before: unknown; after: unknown }[]> {
  const { entries } = await listAudit(t.deps.db, { entity: 'user', pageSize: 1000 });
  return entries.filter((e) => e.entityId === String(userId));
}

/** Messages queued to an address (ids are sequential in a fresh test database). */
export async function emailsTo(t: TestApp, to: string): Promise<{ subject: string; text: string }[]> {
  const counts = await outboxCounts(t.deps.db);
  const total = counts.pending + counts.sending + counts.sent + counts.failed;
  const found: { subject: string; text: string }[] = [];
  for (let id = 1; id <= total; id++) {
    const row = await selectMessage(t.deps.db, id);
    if (row && row.to_address === to) found.push({ subject: row.subject, text: row.text_body });
  }
  return found;
}
