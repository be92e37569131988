// Background work that runs beside the web server (outbox sender, clean-ups).
import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from './deps.ts';

export interface BackgroundWorker {
  stop: () => Promise<void>;
}

type Starter = (deps: AppDeps, log: FastifyBaseLogger) => BackgroundWorker;
const starters: Starter[] = [];

export function registerBackgroundWorker(start: Starter) {
  starters.push(start);
}

export function startBackgroundWork(deps: AppDeps, log: FastifyBaseLogger): BackgroundWorker {
  const workers = starters.map((start) => start(deps, log));
  return { stop: async () => void (await Promise.all(workers.map((w) => w.stop()))) };
}
