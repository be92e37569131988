// View models of the network for pages and JSON: picks public fields, never a raw row.
import type { CoordinatorCoverage, CoverageSummary, MunicipalityCoverage } from './network.logic.ts';
import type { Coordinator, NetworkOnDate } from './service.ts';

export function presentSummary(s: CoverageSummary) {
  return {
    date: s.date,
    coordinators: s.coordinators,
    municipalitiesCovered: s.municipalitiesCovered,
    municipalitiesTotal: s.municipalitiesTotal,
    populationCovered: s.populationCovered,
    populationTotal: s.populationTotal,
    populationShare: s.populationShare,
    municipalitiesInsufficient: s.municipalitiesInsufficient,
    closed: s.closed,
  };
}

export function presentContact(c: Coordinator) {
  return {
    id: c.id,
    name: c.name,
    organisation: c.organisation ? { name: c.organisation.name, type: c.organisation.type, website: c.organisation.website } : null,
    phone: c.phone,
    email: c.email,
    webPage: c.webPage,
  };
}

export function presentCoverageRow(m: MunicipalityCoverage, n: NetworkOnDate) {
  const muni = n.municipalities.get(m.code);
  return {
    code: m.code,
    name: m.name,
    status: m.status,
    capacity: m.capacity,
    ftePer100k: m.ftePer100k,
    fte: m.fte,
    population: m.population,
    populationReferenceDate: muni?.populationRefDate ?? null,
    coordinators: m.coordinatorIds.map((id) => {
      const c = n.coordinators.get(id)!;
      return { id, name: c.name, organisation: c.organisation?.name ?? null };
    }),
  };
}

export function presentPublicCoordinator(c: CoordinatorCoverage, n: NetworkOnDate) {
  const full = n.coordinators.get(c.id)!;
  return {
    ...presentContact(full),
    fte: c.fte,
    activeFrom: full.activeFrom,
    activeTo: full.activeTo,
    municipalities: c.municipalityCodes,
    population: c.population,
    ftePer100k: c.ftePer100k,
  };
}
