// All routes of the network module.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { registerNetworkApi } from './api.routes.ts';
import { registerNetworkProfilePanel } from './panel.tsx';
import { registerNetworkPages } from './public.routes.tsx';
import { registerNetworkSelfRoutes } from './self.routes.tsx';
import { registerNetworkStaffRoutes } from './staff.routes.tsx';

export async function registerNetworkRoutes(app: FastifyInstance, deps: AppDeps) {
  await registerNetworkApi(app, deps);
  await registerNetworkPages(app, deps);
  await registerNetworkStaffRoutes(app, deps);
  await registerNetworkSelfRoutes(app, deps);
  await registerNetworkProfilePanel(deps);
}
