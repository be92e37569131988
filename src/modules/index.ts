// Every feature module's routes, registered on the app in this order.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { registerAtlasRoutes } from './atlas/routes.ts';
import { registerAuditRoutes } from './audit/routes.tsx';
import { registerAuthRoutes } from './auth/routes.ts';
import { registerHomeRoutes } from './home/routes.tsx';
import { registerNetworkRoutes } from './network/routes.ts';
import { registerOpsRoutes } from './ops/routes.ts';
import { registerStaffRoutes } from './staff/routes.tsx';

export async function registerModules(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await registerHomeRoutes(app, deps);
  await registerAuthRoutes(app, deps);
  await (await import('./auth/users.routes.tsx')).registerUserAdminRoutes(app, deps);
  await (await import('./auth/api-tokens.routes.tsx')).registerApiTokenRoutes(app, deps);
  await registerAtlasRoutes(app, deps);
  await registerNetworkRoutes(app, deps);
  await registerOpsRoutes(app, deps);
  await registerStaffRoutes(app, deps);
  await registerAuditRoutes(app, deps);
}
