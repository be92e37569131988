// Background work beside the web server: the workers every module declares in its manifest
// (the outbox sender, the job runner).
import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from './deps.ts';
import type { BackgroundWorker } from './module.ts';

export function startBackgroundWork(deps: AppDeps, log: FastifyBaseLogger): BackgroundWorker {
  const workers = deps.modules.workers().map((start) => start(deps, log));
  return { stop: async () => void (await Promise.all(workers.map((w) => w.stop()))) };
}
