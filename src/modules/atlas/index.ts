// The atlas' public face: municipalities on any date, their regions, mergers, population and
// boundaries — typed calls other modules use instead of the atlas tables — plus the CBS reference
// import and the module's manifest (pages, open-data API, CLI, start-up import).
import { defineModule } from '../../module.ts';
import { ensureReferenceData } from './boot.ts';
import { atlasCommands } from './cli.ts';
import { registerAtlasRoutes } from './routes.ts';
import { atlasIsEmpty } from './snapshot.ts';
import { startMapWarmUp } from './warm-maps.ts';

export { boundariesOn } from './boundaries.ts';
export { rfc7946Geometry } from './geometry.logic.ts';
export { type ImportResult, importReferenceData, ReferenceDataError } from './import/index.ts';
export { atlasPublicCache } from './pages.kit.tsx';
export {
  ATTRIBUTION,
  getMunicipality,
  getRegion,
  mapToDate,
  municipalitiesOn,
  municipalitiesWithSuccessorsOn,
  populationOn,
  predecessorsOf,
  REGION_TYPES,
  regionMemberships,
  regionsByType,
  regionsOf,
  searchMunicipalities,
  successorsOf,
} from './service.ts';
export { referenceDataVersion } from './snapshot.ts';
export type {
  Boundaries,
  MunicipalitiesWithSuccessors,
  Municipality,
  MunicipalityDetail,
  MunicipalityLink,
  PopulationFigure,
  ReferenceYear,
  Region,
  RegionDetail,
  RegionMembership,
  RegionType,
  SearchHit,
  Successor,
} from './types.ts';

export const atlasModule = defineModule({
  name: 'atlas',
  migrations: new URL('./migrations/', import.meta.url),
  routes: registerAtlasRoutes,
  cli: atlasCommands,
  boot: { isEmpty: (deps) => atlasIsEmpty(deps.db), prepare: ensureReferenceData },
  workers: [startMapWarmUp],
  openapiTag: { name: 'atlas', description: 'Gemeenten, regio’s, herindelingen en grenzen op elke datum (open data)' },
});
