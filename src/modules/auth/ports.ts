// The audit trail and the outbox as the auth module uses them: one place to import them from, so
// the module's files name their dependencies on other modules once.
export { type AuditEntryInput, recordAudit } from '../audit/index.ts';
export { type EmailInput, queueEmail } from '../outbox/index.ts';
