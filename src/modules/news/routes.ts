// Every route of the news module, by resource.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { registerNewsApi } from './api.routes.ts';
import { registerEditionRoutes } from './editions.routes.tsx';
import { registerEditorRoutes } from './editor.routes.tsx';
import { registerNewsletterRoutes } from './newsletter.routes.tsx';
import { registerPublicNewsRoutes } from './public.routes.tsx';
import { registerSubscriberAdminRoutes } from './subscribers.routes.tsx';
import { registerTrackingRoutes } from './tracking.routes.ts';

export async function registerNewsRoutes(app: FastifyInstance, deps: AppDeps) {
  await registerPublicNewsRoutes(app, deps);
  await registerNewsletterRoutes(app, deps);
  await registerTrackingRoutes(app, deps);
  await registerEditorRoutes(app, deps);
  await registerEditionRoutes(app, deps);
  await registerSubscriberAdminRoutes(app, deps);
  await registerNewsApi(app, deps);
}
