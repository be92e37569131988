// All routes of the events module.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { registerEventsApi } from './api.routes.ts';
import { registerCheckinRoutes } from './checkin.routes.tsx';
import { registerEventPublicRoutes } from './public.routes.tsx';
import { registerReachRoutes } from './reach.routes.tsx';
import { registerRegistrationRoutes } from './registration.routes.tsx';
import { registerEventStaffRoutes } from './staff.routes.tsx';

export async function registerEventRoutes(app: FastifyInstance, deps: AppDeps) {
  await registerEventPublicRoutes(app, deps);
  await registerRegistrationRoutes(app, deps);
  await registerEventStaffRoutes(app, deps);
  await registerCheckinRoutes(app, deps);
  await registerReachRoutes(app, deps);
  await registerEventsApi(app, deps);
}
