// The audit trail and the outbox as the auth module uses them: one place to import them from, so
// the module's files name their dependencies on other modules once.
export { recordAudit, type AuditEntryInput } from '../audit/service.ts';
export { queueEmail, type EmailInput } from '../outbox/service.ts';
