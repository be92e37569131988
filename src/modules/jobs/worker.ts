// Starts the job runner beside the web server when config.runJobRunner (JOB_RUNNER).
import type { WorkerStarter } from '../../module.ts';
import { createJobRunner } from './runner.ts';

export const startJobWorker: WorkerStarter = (deps, log) => {
  if (!deps.config.runJobRunner) return { stop: async () => {} };
  const runner = createJobRunner({ deps, log, concurrency: deps.config.jobConcurrency });
  runner.start();
  log.info({ runner: runner.id, concurrency: deps.config.jobConcurrency }, 'job runner started');
  return { stop: () => runner.stop() };
};
