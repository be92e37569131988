// The jobs module's public face: enqueue a job inside your transaction; a runner on some instance
// claims it exactly once at a time, retries it with backoff, and shows it to admins at /beheer/taken.
// A module declares what its jobs do in its manifest (`jobs: JobHandler[]`, see README.md).
import { defineModule } from '../../module.ts';
import { cleanupJobs } from './cleanup.ts';
import { registerJobRoutes } from './routes.tsx';
import { startJobWorker } from './worker.ts';

export { JobStoppedError } from './attempt.ts';
export { createJobRunner, type JobRunner, type JobRunnerOptions, runDueJobs } from './runner.ts';
export {
  type CancelOutcome,
  cancelJob,
  enqueueJob,
  getJob,
  type JobInput,
  type JobProgress,
  type JobStatus,
  type JobView,
  type JobWriter,
  jobCounts,
  jobProgress,
} from './service.ts';

export const jobsModule = defineModule({
  name: 'jobs',
  dependsOn: ['audit'],
  migrations: new URL('./migrations/', import.meta.url),
  routes: registerJobRoutes,
  staffLinks: [
    {
      href: '/beheer/taken',
      label: { nl: 'Achtergrondtaken', en: 'Background jobs' },
      description: {
        nl: 'Wat het platform op de achtergrond doet; mislukte taken opnieuw proberen.',
        en: 'What the platform does in the background; retry failed jobs.',
      },
      permission: 'admin',
    },
  ],
  workers: [startJobWorker],
  jobs: [cleanupJobs],
});
