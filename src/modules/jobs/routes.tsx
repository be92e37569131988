// The staff jobs page /beheer/taken (permission admin): a list by state, and two audited actions
// that post and redirect (303): retry a failed job now, cancel a waiting or running one.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { sendPage } from '../../http/render.tsx';
import { idParam, serviceCtx } from '../../http/route-kit.ts';
import { presentJobsPage } from './present.ts';
import { jobsPageQuery } from './schema.ts';
import { cancelJobAsStaff, jobOverview, retryJob } from './staff.ts';
import { type JobsNotice, JobsPage, jm } from './views/jobs-page.tsx';

const ADMIN = { permission: 'admin' as const };

function noticeOf(req: FastifyRequest): JobsNotice | undefined {
  const q = jobsPageQuery.safeParse(req.query ?? {});
  if (!q.success) return undefined;
  if (q.data.opnieuw) return { kind: 'retried', id: q.data.opnieuw };
  if (q.data.geannuleerd) return { kind: 'cancelled', id: q.data.geannuleerd };
  if (q.data.gestopt) return { kind: 'cancelling', id: q.data.gestopt };
  return undefined;
}

export async function registerJobRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/beheer/taken', { config: ADMIN }, async (req, reply) => {
    const t = jm(req.locale);
    const view = presentJobsPage(await jobOverview(deps.db), deps.modules.jobHandlers());
    return sendPage(
      req,
      reply,
      { title: t.title, breadcrumbs: [{ href: '/beheer', label: t.staff }, { label: t.title }] },
      <JobsPage view={view} notice={noticeOf(req)} />,
    );
  });

  app.post('/beheer/taken/:id/opnieuw', { config: ADMIN }, async (req, reply) => {
    const id = idParam(req);
    await retryJob(serviceCtx(req, deps), id);
    return reply.redirect(`/beheer/taken?opnieuw=${id}`, 303);
  });

  app.post('/beheer/taken/:id/annuleren', { config: ADMIN }, async (req, reply) => {
    const id = idParam(req);
    const outcome = await cancelJobAsStaff(serviceCtx(req, deps), id);
    return reply.redirect(`/beheer/taken?${outcome === 'cancelled' ? 'geannuleerd' : 'gestopt'}=${id}`, 303);
  });
}
