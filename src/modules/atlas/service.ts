// The atlas' reads: municipalities on any date, their regions, mergers and population. Other modules
// call these through index.ts (never the atlas tables). Everything is answered from the in-memory
// snapshot of the current data version (snapshot.ts); boundaries are in boundaries.ts.
import type { Db } from '../../db/database.ts';
import { existsOn, nearestPopulation, previousDay } from './atlas.logic.ts';
import { searchNames } from './search.logic.ts';
import { type Snapshot, snapshot } from './snapshot.ts';
import type {
  MunicipalitiesWithSuccessors,
  Municipality,
  MunicipalityDetail,
  MunicipalityLink,
  PopulationFigure,
  Region,
  RegionDetail,
  RegionMembership,
  RegionType,
  SearchHit,
  Successor,
} from './types.ts';

export const REGION_TYPES: readonly Exclude<RegionType, 'custom'>[] = ['province', 'safety-region', 'ggd-region'];

export const ATTRIBUTION = 'Grenzen: CBS/Kadaster via PDOK, vereenvoudigd door cartomap/nl; cijfers: CBS (CC BY 4.0)';
export const ATTRIBUTION_SOURCE =
  'CBS gebiedsindelingen (gemeente 2019/2025, provincie, veiligheidsregio, GGD-regio 2025) via cartomap/nl; bevolking: CBS StatLine 70072ned (1-1-2020) en 85984NED (1-1-2024); herindelingen 2019–2025: CBS';

function toMunicipality(s: Snapshot, code: string, date: string): Municipality | null {
  const m = s.index.byCode.get(code);
  if (!m) return null;
  const pop = nearestPopulation(s.population.get(code) ?? [], date);
  return {
    code: m.code,
    name: s.index.nameOn(code, date),
    provinceCode: m.provinceCode,
    provinceName: s.regions.get(m.provinceCode)?.name ?? '',
    population: pop?.value ?? null,
    populationRefDate: pop?.referenceDate ?? null,
    populationReferenceYear: pop?.referenceYear ?? null,
    validFrom: m.validFrom,
    validTo: m.validTo,
  };
}

function listOn(s: Snapshot, date: string): Municipality[] {
  return s.lists.getOrCreate(date, () => s.index.municipalitiesOn(date).flatMap((m) => toMunicipality(s, m.code, date) ?? []));
}

/** Every municipality that exists on `date` ('YYYY-MM-DD'), sorted by name. */
export async function municipalitiesOn(db: Db, date: string): Promise<Municipality[]> {
  return listOn(await snapshot(db), date);
}

/**
 * The municipalities of `date` and, in the same call, where each of `codes` that does not exist on
 * that date went: the codes of its successors then (after mergers and splits; empty when it did not
 * exist yet, or is unknown). For facts recorded on the codes of their own date (coverage, contacts).
 */
export async function municipalitiesWithSuccessorsOn(db: Db, date: string, codes: Iterable<string>): Promise<MunicipalitiesWithSuccessors> {
  const s = await snapshot(db);
  const municipalities = listOn(s, date);
  const existing = new Set(municipalities.map((m) => m.code));
  const successors: Record<string, string[]> = {};
  for (const code of codes) {
    if (existing.has(code) || Object.hasOwn(successors, code)) continue;
    successors[code] = s.index.successorsOf(code, date).map((x) => x.code);
  }
  return { date, municipalities, successors };
}

/** One municipality (also a dissolved one), described on `date` (default: today, or its last day). */
export async function getMunicipality(db: Db, code: string, date?: string): Promise<MunicipalityDetail | null> {
  const s = await snapshot(db);
  const m = s.index.byCode.get(code);
  if (!m) return null;
  let on = date ?? new Date().toISOString().slice(0, 10);
  if (!existsOn(m, on) && m.validTo && on >= m.validTo) on = previousDay(m.validTo);
  if (!existsOn(m, on) && m.validFrom && on < m.validFrom) on = m.validFrom;
  const base = toMunicipality(s, code, on)!;
  const nameOf = (c: string) => s.index.byCode.get(c)?.name ?? c;
  const names = s.index.facts.names.filter((n) => n.code === code && n.name !== base.name);
  return {
    ...base,
    predecessors: s.index
      .predecessorsOf(code)
      .map((r) => ({ code: r.oldCode, name: nameOf(r.oldCode), effectiveDate: r.effectiveDate, share: r.share })),
    successors: s.index
      .successorRecordsOf(code)
      .map((r) => ({ code: r.newCode, name: nameOf(r.newCode), effectiveDate: r.effectiveDate, share: r.share })),
    regions: regionsOfSync(s, code, on),
    formerNames: names.map((n) => ({ name: n.name, validTo: n.validTo })),
    populations: [...(s.population.get(code) ?? [])].sort((a, b) => a.referenceYear - b.referenceYear),
  };
}

/** Where `code`'s territory lies on `date`: itself, or its successors after mergers/splits. */
export async function successorsOf(db: Db, code: string, date: string): Promise<Successor[]> {
  const s = await snapshot(db);
  return s.index.successorsOf(code, date).map((x) => ({ code: x.code, name: s.index.nameOn(x.code, date), share: x.share }));
}

/** The municipalities merged into (or split over) `code`. */
export async function predecessorsOf(db: Db, code: string): Promise<MunicipalityLink[]> {
  const s = await snapshot(db);
  return s.index.predecessorsOf(code).map((r) => ({
    code: r.oldCode,
    name: s.index.byCode.get(r.oldCode)?.name ?? r.oldCode,
    effectiveDate: r.effectiveDate,
    share: r.share,
  }));
}

/** Carries a fact about `code` on `fromDate` to the municipalities of `toDate` (with area shares). */
export async function mapToDate(db: Db, code: string, fromDate: string, toDate: string): Promise<Successor[]> {
  const s = await snapshot(db);
  return s.index.mapToDate(code, fromDate, toDate).map((x) => ({ code: x.code, name: s.index.nameOn(x.code, toDate), share: x.share }));
}

/** Name search over current and former names, accent/case-insensitive (search.logic.ts). */
export async function searchMunicipalities(db: Db, query: string, date: string, limit = 10): Promise<SearchHit[]> {
  return searchNames((await snapshot(db)).index, query, date, limit);
}

/** Regions of one type (province, safety-region, ggd-region) that have members on `date`, by name. */
export async function regionsByType(db: Db, type: RegionType, date: string): Promise<Region[]> {
  const s = await snapshot(db);
  const active = new Set(s.memberships.filter((m) => existsOn(m, date)).map((m) => m.regionCode));
  return [...s.regions.values()].filter((r) => r.type === type && active.has(r.code)).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/** One region with its member municipalities on `date`. */
export async function getRegion(db: Db, code: string, date: string): Promise<RegionDetail | null> {
  const s = await snapshot(db);
  const region = s.regions.get(code);
  if (!region) return null;
  const members = s.memberships
    .filter((m) => m.regionCode === code && existsOn(m, date))
    .map((m) => ({ code: m.municipalityCode, name: s.index.nameOn(m.municipalityCode, date) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return { ...region, date, members };
}

/**
 * Every membership of a region with its validity (`validFrom` inclusive, `validTo` exclusive, null:
 * open), for a caller that needs the members on many dates: one call per region instead of a
 * getRegion per date.
 */
export async function regionMemberships(db: Db, code: string): Promise<RegionMembership[]> {
  const s = await snapshot(db);
  return s.memberships
    .filter((m) => m.regionCode === code)
    .map((m) => ({ municipalityCode: m.municipalityCode, validFrom: m.validFrom, validTo: m.validTo }));
}

/** The regions (one per type) a municipality belongs to on `date`. */
export async function regionsOf(db: Db, code: string, date: string): Promise<Region[]> {
  return regionsOfSync(await snapshot(db), code, date);
}

const TYPE_ORDER: Record<RegionType, number> = { province: 0, 'safety-region': 1, 'ggd-region': 2, custom: 3 };

function regionsOfSync(s: Snapshot, code: string, date: string): Region[] {
  return s.memberships
    .filter((m) => m.municipalityCode === code && existsOn(m, date))
    .flatMap((m) => s.regions.get(m.regionCode) ?? [])
    .sort((a, b) => TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || a.name.localeCompare(b.name, 'nl'));
}

/** Population of `code` from the reference year nearest to `date`, saying which. */
export async function populationOn(db: Db, code: string, date: string): Promise<PopulationFigure | null> {
  const s = await snapshot(db);
  return nearestPopulation(s.population.get(code) ?? [], date);
}
