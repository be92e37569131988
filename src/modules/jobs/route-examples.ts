// How the permission walk (test/permissions.test.ts) calls the jobs page's actions (convention:
// test/helpers/walk.ts): every call makes its own job — a failed one to retry, a waiting one to cancel.
import type { ExampleContext, RouteExamples } from '../../../test/helpers/walk.ts';
import { createJobRunner, enqueueJob } from './index.ts';

const EXAMPLE_KIND = 'jobs.walk-example';

/** A job of a kind no module runs, failed by a runner whose only handler for it throws. */
async function failedJob(ctx: ExampleContext): Promise<number> {
  const id = await enqueueJob(ctx.service, { kind: EXAMPLE_KIND, maxAttempts: 1 });
  const runner = createJobRunner({
    deps: ctx.deps,
    handlers: [
      {
        kind: EXAMPLE_KIND,
        description: { nl: 'Voorbeeld', en: 'Example' },
        run: async () => {
          throw new Error('Voorbeeldfout');
        },
      },
    ],
  });
  await runner.drain();
  return id;
}

export const routeExamples: RouteExamples = {
  'POST /beheer/taken/:id/opnieuw': async (ctx) => ({ params: { id: await failedJob(ctx) } }),
  'POST /beheer/taken/:id/annuleren': async (ctx) => ({
    params: { id: await enqueueJob(ctx.service, { kind: EXAMPLE_KIND, runAt: new Date('2099-01-01T00:00:00Z') }) },
  }),
};
