// Pure rules of the care-coordination network: who covers which municipality on a date, how much
// capacity (FTE per 100,000 inhabitants) that gives, where the network has gaps, and how it grew.
// No I/O: the service gathers the inputs (from our tables and the atlas) and calls these.
//
// Date conventions (all dates are 'YYYY-MM-DD' text, compared as strings):
// - Every interval is half-open: `from` is the first day in force (inclusive), `to` is the first
//   day NO LONGER in force (exclusive); `to = null` means open-ended. Ending an assignment on D
//   sets valid_to = D, so on D the municipality is no longer covered by it. The same holds for a
//   coordinator's active_from/active_to.
// - An FTE change applies from its `effectiveFrom` (inclusive) until the next change.
// - Mergers: coverage recorded against a municipality code that no longer exists on the date
//   applies to its successor(s) on that date (the service asks the atlas for `successorsOf`).

export type CoverageStatus = 'covered' | 'remote';
export type CapacityLevel = 'adequate' | 'insufficient' | 'none';

export interface MunicipalityInput {
  code: string;
  name: string;
  population: number;
}

export interface CoordinatorInput {
  id: number;
  name: string;
  activeFrom: string;
  activeTo: string | null;
}

export interface AssignmentInput {
  coordinatorId: number;
  municipalityCode: string;
  validFrom: string;
  validTo: string | null;
}

export interface FteChangeInput {
  coordinatorId: number;
  effectiveFrom: string;
  fte: number;
}

export interface CoverageInput {
  date: string;
  /** The municipalities that exist on the date. */
  municipalities: MunicipalityInput[];
  coordinators: CoordinatorInput[];
  assignments: AssignmentInput[];
  fteChanges: FteChangeInput[];
  /** For codes that no longer exist on the date: the codes of their successors on the date. */
  successors?: Record<string, string[]>;
  /** The norm: FTE per 100,000 inhabitants. */
  norm: number;
}

export interface MunicipalityCoverage {
  code: string;
  name: string;
  population: number;
  status: CoverageStatus;
  capacity: CapacityLevel;
  /** The FTE this municipality receives (shares of its coordinators' FTE). */
  fte: number;
  /** FTE per 100,000 inhabitants; 0 where remote. */
  ftePer100k: number;
  coordinatorIds: number[];
}

export interface CoordinatorCoverage {
  id: number;
  name: string;
  fte: number;
  municipalityCodes: string[];
  population: number;
  ftePer100k: number;
}

export interface CoverageResult {
  date: string;
  norm: number;
  municipalities: MunicipalityCoverage[];
  coordinators: CoordinatorCoverage[];
}

export function inForce(from: string, to: string | null, date: string): boolean {
  return from <= date && (to === null || date < to);
}

/** The FTE of each coordinator on a date: the latest change whose effectiveFrom ≤ date (0 if none). */
export function fteOn(changes: FteChangeInput[], date: string): Map<number, number> {
  const best = new Map<number, { from: string; fte: number }>();
  for (const c of changes) {
    if (c.effectiveFrom > date) continue;
    const prev = best.get(c.coordinatorId);
    if (!prev || c.effectiveFrom >= prev.from) best.set(c.coordinatorId, { from: c.effectiveFrom, fte: c.fte });
  }
  const out = new Map<number, number>();
  for (const [id, v] of best) out.set(id, v.fte);
  return out;
}

/** Maps a recorded code to the codes it stands for on the date (itself, or its successors). */
export function codesOnDate(code: string, existing: Set<string>, successors: Record<string, string[]>): string[] {
  if (existing.has(code)) return [code];
  const next = successors[code];
  if (!next) return [];
  return next.filter((c) => existing.has(c));
}

const round = (n: number, digits = 4) => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

/**
 * Status and capacity of every municipality on the date. Each coordinator's FTE is spread over
 * the municipalities it covers in proportion to their population; a municipality sums the shares
 * it receives. Below the norm (FTE per 100,000 inhabitants) is `insufficient`.
 */
export function computeCoverage(input: CoverageInput): CoverageResult {
  const { date, norm } = input;
  const successors = input.successors ?? {};
  const existing = new Set(input.municipalities.map((m) => m.code));
  const population = new Map(input.municipalities.map((m) => [m.code, Math.max(0, m.population)]));
  const fte = fteOn(input.fteChanges, date);

  const active = new Map<number, CoordinatorInput>();
  for (const c of input.coordinators) if (inForce(c.activeFrom, c.activeTo, date)) active.set(c.id, c);

  // Coordinator → set of municipality codes on the date.
  const areas = new Map<number, Set<string>>();
  for (const a of input.assignments) {
    if (!active.has(a.coordinatorId) || !inForce(a.validFrom, a.validTo, date)) continue;
    let set = areas.get(a.coordinatorId);
    if (!set) {
      set = new Set();
      areas.set(a.coordinatorId, set);
    }
    for (const code of codesOnDate(a.municipalityCode, existing, successors)) set.add(code);
  }

  const received = new Map<string, number>();
  const coveredBy = new Map<string, number[]>();
  const coordinators: CoordinatorCoverage[] = [];
  for (const c of active.values()) {
    const codes = [...(areas.get(c.id) ?? [])].sort();
    const areaPopulation = codes.reduce((s, code) => s + (population.get(code) ?? 0), 0);
    const cFte = fte.get(c.id) ?? 0;
    for (const code of codes) {
      const share = areaPopulation > 0 ? (cFte * (population.get(code) ?? 0)) / areaPopulation : cFte / codes.length;
      received.set(code, (received.get(code) ?? 0) + share);
      const list = coveredBy.get(code) ?? [];
      list.push(c.id);
      coveredBy.set(code, list);
    }
    coordinators.push({
      id: c.id,
      name: c.name,
      fte: cFte,
      municipalityCodes: codes,
      population: areaPopulation,
      ftePer100k: areaPopulation > 0 ? round((cFte / areaPopulation) * 100_000) : 0,
    });
  }
  coordinators.sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.id - b.id);

  const municipalities = input.municipalities.map((m): MunicipalityCoverage => {
    const ids = (coveredBy.get(m.code) ?? []).sort((a, b) => a - b);
    const mFte = received.get(m.code) ?? 0;
    const per100k = m.population > 0 ? (mFte / m.population) * 100_000 : 0;
    const status: CoverageStatus = ids.length > 0 ? 'covered' : 'remote';
    // A tiny tolerance so an FTE exactly at the norm is not called insufficient by float noise.
    const capacity: CapacityLevel = status === 'remote' ? 'none' : per100k + 1e-9 >= norm ? 'adequate' : 'insufficient';
    return {
      code: m.code,
      name: m.name,
      population: m.population,
      status,
      capacity,
      fte: round(mFte),
      ftePer100k: round(per100k),
      coordinatorIds: ids,
    };
  });
  return { date, norm, municipalities, coordinators };
}

export interface CoverageSummary {
  date: string;
  coordinators: number;
  municipalitiesCovered: number;
  municipalitiesTotal: number;
  municipalitiesInsufficient: number;
  populationCovered: number;
  populationTotal: number;
  /** Share of the country's inhabitants covered, 0..1. */
  populationShare: number;
  /** The network is closed when every municipality is covered. */
  closed: boolean;
}

export function summarize(result: CoverageResult): CoverageSummary {
  let covered = 0;
  let insufficient = 0;
  let populationCovered = 0;
  let populationTotal = 0;
  for (const m of result.municipalities) {
    populationTotal += m.population;
    if (m.status === 'covered') {
      covered++;
      populationCovered += m.population;
    }
    if (m.capacity === 'insufficient') insufficient++;
  }
  return {
    date: result.date,
    coordinators: result.coordinators.length,
    municipalitiesCovered: covered,
    municipalitiesTotal: result.municipalities.length,
    municipalitiesInsufficient: insufficient,
    populationCovered,
    populationTotal,
    populationShare: populationTotal > 0 ? round(populationCovered / populationTotal) : 0,
    closed: result.municipalities.length > 0 && covered === result.municipalities.length,
  };
}

export interface Gap {
  code: string;
  name: string;
  population: number;
  status: CoverageStatus;
  fte: number;
  ftePer100k: number;
  /** Extra FTE needed to reach the norm. */
  extraFte: number;
}

/** Municipalities that are remote or below the norm, most inhabitants first, with the extra FTE needed. */
export function gapList(result: CoverageResult): Gap[] {
  return result.municipalities
    .filter((m) => m.capacity !== 'adequate')
    .map((m) => ({
      code: m.code,
      name: m.name,
      population: m.population,
      status: m.status,
      fte: m.fte,
      ftePer100k: m.ftePer100k,
      extraFte: round(Math.max(0, (result.norm * m.population) / 100_000 - m.fte), 3),
    }))
    .sort((a, b) => b.population - a.population || a.code.localeCompare(b.code));
}

/** Applies a proposal's add/remove to a set of currently covered codes (for previews). */
export function applyProposal(current: string[], change: { action: 'add' | 'remove'; codes: string[] }): string[] {
  const set = new Set(current);
  for (const c of change.codes) {
    if (change.action === 'add') set.add(c);
    else set.delete(c);
  }
  return [...set].sort();
}
