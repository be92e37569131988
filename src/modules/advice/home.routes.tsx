// The advice module's staff start, the task list, completing a task and the open support requests.
import type { FastifyInstance } from 'fastify';
import { type AppDeps, todayOf } from '../../deps.ts';
import { sendPage } from '../../http/render.tsx';
import { currentUser, idParam, serviceCtx } from '../../http/route-kit.ts';
import { safeBack } from './form-kit.ts';
import { listTasks, setTaskStatus, taskOverview } from './tasks.service.ts';
import { AdviceHome, homeTitle, RequestsPage, requestsTitle, TasksPage, taskDoneNotice, tasksTitle } from './views/home.tsx';
import { adviceCrumbs } from './views/parts.tsx';

const STAFF = { permission: 'staff' as const };

export function registerHomeRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/beheer/advies', { config: STAFF }, async (req, reply) => {
    const user = currentUser(req);
    const overview = await taskOverview(deps.db, user.id, todayOf(deps));
    const notice = (req.query as Record<string, unknown>)?.klaar === '1' ? taskDoneNotice(req.locale) : undefined;
    const crumbs = adviceCrumbs(req.locale).slice(0, 2);
    return sendPage(
      req,
      reply,
      { title: homeTitle(req.locale), breadcrumbs: crumbs },
      <AdviceHome overview={overview} isAdmin={user.role === 'admin'} notice={notice} />,
    );
  });

  app.get('/beheer/advies/taken', { config: STAFF }, async (req, reply) => {
    const tasks = await listTasks(deps.db, { open: true }, todayOf(deps));
    return sendPage(
      req,
      reply,
      { title: tasksTitle(req.locale), breadcrumbs: adviceCrumbs(req.locale, { label: tasksTitle(req.locale) }) },
      <TasksPage tasks={tasks} />,
    );
  });

  app.post('/beheer/advies/taken/:id/afgerond', { config: STAFF }, async (req, reply) => {
    const id = idParam(req);
    const interactionId = await setTaskStatus(serviceCtx(req, deps), id, true);
    const back = safeBack((req.body as Record<string, unknown> | undefined)?.terug, `/beheer/advies/interacties/${interactionId}`);
    return reply.redirect(`${back}${back.includes('?') ? '&' : '?'}klaar=1`, 303);
  });

  app.get('/beheer/advies/aanvragen', { config: STAFF }, async (req, reply) => {
    const tasks = (await listTasks(deps.db, { open: true, supportRequests: true }, todayOf(deps))).sort(
      (a, b) => b.ageDays - a.ageDays || a.id - b.id,
    );
    return sendPage(
      req,
      reply,
      { title: requestsTitle(req.locale), breadcrumbs: adviceCrumbs(req.locale, { label: requestsTitle(req.locale) }) },
      <RequestsPage tasks={tasks} />,
    );
  });
}
