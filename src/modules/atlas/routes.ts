// The atlas module's routes: the open-data API (api.routes.ts) and the pages /gemeenten,
// /gemeenten/{code} and /kaart.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { registerAtlasApi } from './api.routes.ts';
import { registerListPage } from './list.routes.tsx';
import { registerMapPage } from './map.routes.tsx';
import { registerProfilePage } from './profile.routes.tsx';

export async function registerAtlasRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await registerAtlasApi(app, deps);
  registerListPage(app, deps);
  registerProfilePage(app, deps);
  registerMapPage(app, deps);
}
