// All routes of the network module.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { BodyCache } from '../../http/body-cache.ts';
import { registerNetworkApi } from './api.routes.ts';
import { registerNetworkPages } from './public.routes.tsx';
import { registerNetworkSelfRoutes } from './self.routes.tsx';
import { registerNetworkStaffRoutes } from './staff.routes.tsx';

export async function registerNetworkRoutes(app: FastifyInstance, deps: AppDeps) {
  // Rendered API bodies and anonymous /netwerk pages, per data version; shared by both.
  const bodies = new BodyCache();
  await registerNetworkApi(app, deps, bodies);
  await registerNetworkPages(app, deps, bodies);
  registerNetworkStaffRoutes(app, deps);
  registerNetworkSelfRoutes(app, deps);
}
