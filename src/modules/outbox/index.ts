// The outbox's public face: queue an email inside your transaction; the sender delivers it once.
import { defineModule } from '../../module.ts';
import { startOutboxWorker } from './worker.ts';

export {
  type EmailAttachment,
  type EmailInput,
  getOutboxMessage,
  outboxCounts,
  outboxStatusCounts,
  queueEmail,
  queueEmails,
} from './service.ts';

export const outboxModule = defineModule({
  name: 'outbox',
  // Its table is created by the audit module's first migration (they were made together).
  dependsOn: ['audit'],
  // Later changes to that table (extra headers).
  migrations: new URL('./migrations/', import.meta.url),
  workers: [startOutboxWorker],
});
