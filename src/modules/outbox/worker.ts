// Starts the outbox sender beside the web server when config.runOutboxSender (OUTBOX_SENDER).
import type { WorkerStarter } from '../../module.ts';
import { createOutboxSender } from './sender.ts';
import { transportFor } from './transport.ts';

export const startOutboxWorker: WorkerStarter = (deps, log) => {
  if (!deps.config.runOutboxSender) return { stop: async () => {} };
  const sender = createOutboxSender({
    db: deps.db,
    transport: transportFor(deps.config),
    from: deps.config.mailFrom,
    now: deps.now,
    log,
  });
  sender.start();
  log.info({ sender: sender.id, via: deps.config.smtpUrl ? 'smtp' : 'eml-files' }, 'outbox sender started');
  return { stop: () => sender.stop() };
};
