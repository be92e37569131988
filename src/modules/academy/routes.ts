// All routes of the academy module.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { registerLearnerRoutes } from './learner.routes.tsx';
import { registerAcademyPublicRoutes } from './public.routes.tsx';
import { registerAcademyReachRoutes } from './reach.routes.tsx';
import { registerAcademyStaffRoutes } from './staff.routes.tsx';

export async function registerAcademyRoutes(app: FastifyInstance, deps: AppDeps) {
  await registerAcademyPublicRoutes(app, deps);
  await registerLearnerRoutes(app, deps);
  await registerAcademyStaffRoutes(app, deps);
  await registerAcademyReachRoutes(app, deps);
}
