// The atlas module's routes: the open-data API (api.routes.ts) and the pages (pages.tsx).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { registerAtlasApi } from './api.routes.ts';
import { registerAtlasPages } from './pages.tsx';

export async function registerAtlasRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await registerAtlasApi(app, deps);
  await registerAtlasPages(app, deps);
}
