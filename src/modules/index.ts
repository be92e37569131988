// Every feature module's routes, registered on the app in this order.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { registerHomeRoutes } from './home/routes.tsx';

export async function registerModules(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await registerHomeRoutes(app, deps);
}
