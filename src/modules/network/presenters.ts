// View models of the network: rows of our tables into the shapes services and views use, and those
// into the fields a page or the open-data API gets (never a raw row).
import type { Municipality } from '../atlas/index.ts';
import type { CoordinatorCoverage, CoverageSummary, MunicipalityCoverage } from './network.logic.ts';
import type { AssignmentRow, CoordinatorRow, OrganisationRow, ProposalRow } from './queries.ts';

// ---------------------------------------------------------------- records

export function presentOrganisation(r: OrganisationRow) {
  return { id: Number(r.id), name: r.name, type: r.type, website: r.website };
}
export type Organisation = ReturnType<typeof presentOrganisation>;

export function presentCoordinator(r: CoordinatorRow, organisation?: Organisation | null) {
  return {
    id: Number(r.id),
    name: r.name,
    organisationId: Number(r.organisation_id),
    organisation: organisation
      ? { id: organisation.id, name: organisation.name, type: organisation.type, website: organisation.website }
      : null,
    phone: r.phone,
    email: r.email,
    webPage: r.web_page,
    fte: Number(r.fte),
    activeFrom: r.active_from,
    activeTo: r.active_to,
  };
}
export type Coordinator = ReturnType<typeof presentCoordinator>;

export function presentAssignment(r: AssignmentRow) {
  return { id: Number(r.id), code: r.municipality_code, validFrom: r.valid_from, validTo: r.valid_to, source: r.source };
}
export type Assignment = ReturnType<typeof presentAssignment>;

export function presentProposal(r: ProposalRow) {
  return {
    id: Number(r.id),
    coordinatorId: Number(r.coordinator_id),
    action: r.action,
    codes: JSON.parse(r.municipality_codes) as string[],
    effectiveDate: r.effective_date,
    note: r.note,
    status: r.status,
    proposedBy: r.proposed_by === null ? null : Number(r.proposed_by),
    proposedAt: r.proposed_at,
    decidedBy: r.decided_by === null ? null : Number(r.decided_by),
    decidedAt: r.decided_at,
  };
}
export type Proposal = ReturnType<typeof presentProposal>;

// ---------------------------------------------------------------- the network on a date (API)

/** What the presenters of a date need: the coordinators and municipalities behind the figures. */
export interface NetworkContext {
  municipalities: ReadonlyMap<string, Municipality>;
  coordinators: ReadonlyMap<number, Coordinator>;
}

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

export function presentCoverageRow(m: MunicipalityCoverage, n: NetworkContext) {
  return {
    code: m.code,
    name: m.name,
    status: m.status,
    capacity: m.capacity,
    ftePer100k: m.ftePer100k,
    fte: m.fte,
    population: m.population,
    populationReferenceDate: n.municipalities.get(m.code)?.populationRefDate ?? null,
    coordinators: m.coordinatorIds.map((id) => {
      const c = n.coordinators.get(id);
      return { id, name: c?.name ?? '', organisation: c?.organisation?.name ?? null };
    }),
  };
}

export function presentPublicCoordinator(c: CoordinatorCoverage, n: NetworkContext) {
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
