// The atlas' public face: municipalities on any date, their regions, mergers, population and
// boundaries (typed calls other modules use instead of the atlas tables), the CBS reference import,
// the atlas pages and the open-data API.
import { defineModule } from '../../module.ts';
import { ensureReferenceData } from './boot.ts';
import { atlasCommands } from './cli.ts';
import { registerAtlasRoutes } from './routes.ts';
import { atlasIsEmpty } from './service.ts';

export type { SearchHit } from './atlas.logic.ts';
export { type ImportResult, importReferenceData, ReferenceDataError } from './import/index.ts';
export {
  ATTRIBUTION,
  type Boundaries,
  boundariesOn,
  getMunicipality,
  getRegion,
  type Municipality,
  type MunicipalityDetail,
  mapToDate,
  municipalitiesOn,
  populationOn,
  predecessorsOf,
  type Region,
  type RegionDetail,
  type RegionType,
  referenceDataVersion,
  regionsByType,
  regionsOf,
  searchMunicipalities,
  successorsOf,
} from './service.ts';

export const atlasModule = defineModule({
  name: 'atlas',
  migrations: new URL('./migrations/', import.meta.url),
  routes: registerAtlasRoutes,
  cli: atlasCommands,
  boot: { isEmpty: (deps) => atlasIsEmpty(deps.db), prepare: ensureReferenceData },
  openapiTag: { name: 'atlas', description: 'Gemeenten, regio’s, herindelingen en grenzen op elke datum (open data)' },
});
