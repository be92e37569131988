// Tables owned by the audit module. audit_log is append-only: rows are inserted by recordAudit()
// and only ever changed by eraseAuditSubject() (GDPR erasure, see README.md).
import type { Generated } from 'kysely';

export interface AuditLogTable {
  id: Generated<number>;
  /** ISO-8601 UTC. */
  at: string;
  actor_user_id: number | null;
  /** Email of the acting user, or "cli", "system", "import", "anonymous". */
  actor_label: string;
  action: string;
  entity: string;
  entity_id: string | null;
  /** JSON text or null. */
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
}

/** The users an audit entry is about (for GDPR erasure and "everything about this person"). */
export interface AuditSubjectsTable {
  audit_id: number;
  user_id: number;
}

export interface AuditTables {
  audit_log: AuditLogTable;
  audit_subjects: AuditSubjectsTable;
}

declare module '../../db/types.ts' {
  interface Database extends AuditTables {}
}
