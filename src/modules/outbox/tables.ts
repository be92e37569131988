// Tables owned by the outbox module: email waiting to be sent, and what became of it.
import type { Generated } from 'kysely';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface OutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  /** JSON object of extra headers (e.g. List-Unsubscribe), or null. */
  headers_json: string | null;
  /** JSON array of attachments ({ filename, contentType, base64 }), or null. */
  attachments_json: string | null;
  status: OutboxStatus;
  attempts: number;
  /** ISO-8601 UTC: not sent before this moment. */
  next_attempt_at: string;
  /** Id of the sender holding the claim, and until when the claim holds (the lease). */
  locked_by: string | null;
  locked_until: string | null;
  sent_at: string | null;
  last_error: string | null;
  created_at: string;
}

export interface OutboxTables {
  outbox: OutboxTable;
}

declare module '../../db/types.ts' {
  interface Database extends OutboxTables {}
}
