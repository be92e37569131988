// The auth module's pages: login and logout, "Mijn account" (password, two-step verification),
// and forgot/set password from an emailed link.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { registerAccountRoutes } from './account.routes.tsx';
import { registerLoginRoutes } from './login.routes.tsx';
import { registerPasswordResetRoutes } from './password-reset.routes.tsx';

export async function registerAuthRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await registerLoginRoutes(app, deps);
  await registerAccountRoutes(app, deps);
  await registerPasswordResetRoutes(app, deps);
}
