// The audit trail and the outbox, as the auth module uses them (contracts in the team brief).
// Loaded on first use, so the auth module (and with it login, which every test needs) does not
// fail to load while those modules are being written. Once they exist this may become plain
// re-exports: `export { recordAudit } from '../audit/service.ts'`.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import type { Actor } from '../../http/request-user.ts';

export interface AuditEntryInput {
  at: Date;
  actor: Actor;
  action: string;
  entity: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
  subjectUserIds?: number[];
}

export interface EmailInput {
  to: string;
  subject: string;
  text: string;
  html?: string;
  at: Date;
}

type RecordAudit = (db: Kysely<Database>, entry: AuditEntryInput) => Promise<void>;
type QueueEmail = (db: Kysely<Database>, msg: EmailInput) => Promise<number>;

let audit: RecordAudit | undefined;
let outbox: QueueEmail | undefined;

/**
 * TEMPORARY (remove when src/modules/audit/service.ts and src/modules/outbox/service.ts exist):
 * outside production, a module that is not written yet is skipped with one warning, so login keeps
 * working for the other modules' tests meanwhile. In production a missing module is an error.
 */
async function load<T>(path: string, name: string): Promise<T> {
  try {
    return ((await import(path)) as Record<string, T>)[name];
  } catch (err) {
    const missing = (err as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && String((err as Error).message).includes(path.slice(3));
    if (!missing || process.env.NODE_ENV === 'production') throw err;
    process.emitWarning(`auth: ${path} does not exist yet; ${name}() calls are skipped until it does.`);
    return (async () => 0) as T;
  }
}

export async function recordAudit(db: Kysely<Database>, entry: AuditEntryInput): Promise<void> {
  audit ??= await load<RecordAudit>('../audit/service.ts', 'recordAudit');
  await audit(db, entry);
}

export async function queueEmail(db: Kysely<Database>, msg: EmailInput): Promise<number> {
  outbox ??= await load<QueueEmail>('../outbox/service.ts', 'queueEmail');
  return outbox(db, msg);
}
