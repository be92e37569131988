// Open-data API of the atlas (/api/v1/…): JSON, CSV (?format=csv or a .csv suffix) and GeoJSON.
// Public, cached per reference-data version (ETag/304), opted into the edge cache, problem+json errors.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { atlasApiKit } from './api.kit.ts';
import { registerMunicipalityApi } from './api-municipalities.routes.ts';
import { registerRegionApi } from './api-regions.routes.ts';

export async function registerAtlasApi(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const kit = atlasApiKit(deps);
  registerMunicipalityApi(app, deps, kit);
  registerRegionApi(app, deps, kit);
}
