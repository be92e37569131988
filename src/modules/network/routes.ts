// All routes of the network module.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { BodyCache } from '../../http/body-cache.ts';
import { registerNetworkApi } from './api.routes.ts';
import { registerNetworkPages } from './public.routes.tsx';
import { registerNetworkSelfRoutes } from './self.routes.tsx';
import { registerNetworkStaffRoutes } from './staff.routes.tsx';

export async function registerNetworkRoutes(app: FastifyInstance, deps: AppDeps) {
  // Rendered API bodies per data version (pages are kept by the public cache: public.routes.tsx).
  const bodies = new BodyCache();
  await registerNetworkApi(app, deps, bodies);
  await registerNetworkPages(app, deps);
  registerNetworkStaffRoutes(app, deps);
  registerNetworkSelfRoutes(app, deps);
}
