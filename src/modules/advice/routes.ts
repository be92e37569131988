// All routes of the advice module, split by resource.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { registerAdviceApi } from './api.routes.ts';
import { registerContactRoutes } from './contacts.routes.tsx';
import { registerDashboardRoutes } from './dashboard.routes.tsx';
import { registerHomeRoutes } from './home.routes.tsx';
import { registerInteractionRoutes } from './interactions.routes.tsx';
import { registerMunicipalityRoutes } from './municipality.routes.tsx';
import { registerSelfRoutes } from './self.routes.tsx';
import { registerSettingsRoutes } from './settings.routes.tsx';
import { registerSupportRoutes } from './support.routes.tsx';

export async function registerAdviceRoutes(app: FastifyInstance, deps: AppDeps) {
  registerHomeRoutes(app, deps);
  registerContactRoutes(app, deps);
  registerInteractionRoutes(app, deps);
  registerMunicipalityRoutes(app, deps);
  registerSelfRoutes(app, deps);
  registerDashboardRoutes(app, deps);
  registerSettingsRoutes(app, deps);
  registerSupportRoutes(app, deps);
  registerAdviceApi(app, deps);
}
