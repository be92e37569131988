// The audit module's public face: the append-only audit trail other modules write to in their
// own transactions, its staff page, and GDPR erasure of a person's values.
import { defineModule } from '../../module.ts';
import { registerAuditRoutes } from './routes.tsx';

export {
  type AuditEntryInput,
  type AuditEntryView,
  eraseAuditSubject,
  eraseAuditValues,
  listAudit,
  recordAudit,
} from './service.ts';

export const auditModule = defineModule({
  name: 'audit',
  // The first migration also creates the outbox's table (they were made together).
  migrations: new URL('./migrations/', import.meta.url),
  routes: registerAuditRoutes,
  staffLinks: [
    {
      href: '/beheer/audit',
      label: { nl: 'Logboek', en: 'Audit trail' },
      description: { nl: 'Wie heeft wat wanneer gewijzigd.', en: 'Who changed what, and when.' },
      permission: 'admin',
    },
  ],
});
