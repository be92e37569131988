// All routes of the survey module, by resource.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { registerSurveyApi } from './api.routes.ts';
import { registerBuilderRoutes } from './builder.routes.tsx';
import { registerImportRoutes } from './import.routes.tsx';
import { registerInvitationRoutes } from './invitations.routes.tsx';
import { registerPublicRoutes } from './public.routes.tsx';
import { registerRespondRoutes } from './respond.routes.tsx';
import { registerResultsRoutes } from './results.routes.tsx';
import { registerStaffRoutes } from './staff.routes.tsx';

export async function registerSurveyRoutes(app: FastifyInstance, deps: AppDeps) {
  await registerStaffRoutes(app, deps);
  await registerBuilderRoutes(app, deps);
  await registerInvitationRoutes(app, deps);
  await registerResultsRoutes(app, deps);
  await registerImportRoutes(app, deps);
  registerRespondRoutes(app, deps);
  await registerPublicRoutes(app, deps);
  await registerSurveyApi(app, deps);
}
