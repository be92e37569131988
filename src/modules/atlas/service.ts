// The atlas' public service: municipalities on any date, their regions, mergers, population and
// boundaries. Other modules call these functions (never the atlas tables). The reference data only
// changes on import, so it is loaded once per data version and answered from memory.
import { mergeArcs } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import type { Db } from '../../db/database.ts';
import { AtlasIndex, boundaryYearFor, existsOn, nearestPopulation, type SearchHit } from './atlas.logic.ts';
import * as q from './queries.ts';

export { formatDateNl, isValidIsoDate, normalizeName } from './atlas.logic.ts';

export type RegionType = 'province' | 'safety-region' | 'ggd-region' | 'custom';
export const REGION_TYPES: RegionType[] = ['province', 'safety-region', 'ggd-region'];

export const ATTRIBUTION = 'Grenzen: CBS/Kadaster via PDOK, vereenvoudigd door cartomap/nl; cijfers: CBS (CC BY 4.0)';
export const ATTRIBUTION_SOURCE =
  'CBS gebiedsindelingen (gemeente 2019/2025, provincie, veiligheidsregio, GGD-regio 2025) via cartomap/nl; bevolking: CBS StatLine 70072ned (1-1-2020) en 85984NED (1-1-2024); herindelingen 2019–2025: CBS';

export interface Municipality {
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
  /** Inhabitants at populationRefDate (the reference year nearest to the date asked), or null. */
  population: number | null;
  populationRefDate: string | null;
  populationReferenceYear: 2019 | 2025 | null;
  /** Inclusive; null = existed before 2019-01-01 (the start of the data). */
  validFrom: string | null;
  /** Exclusive: the first day it no longer exists; null = still exists. */
  validTo: string | null;
}

export interface MunicipalityLink {
  code: string;
  name: string;
  effectiveDate: string;
  /** Share of the old municipality's area (1 for a whole merger; Haaren's parts ≈0.1–0.42). */
  share: number;
}

export interface Region {
  code: string;
  name: string;
  type: RegionType;
}

export interface MunicipalityDetail extends Municipality {
  predecessors: MunicipalityLink[];
  successors: MunicipalityLink[];
  /** Regions on the date asked (or the last day the municipality existed). */
  regions: Region[];
  formerNames: { name: string; validTo: string | null }[];
  /** Both population figures, oldest first. */
  populations: { referenceYear: 2019 | 2025; value: number; referenceDate: string }[];
}

export interface RegionDetail extends Region {
  date: string;
  /** Member municipalities on the date, sorted by name. */
  members: { code: string; name: string }[];
  municipalities: { code: string; name: string }[];
}

export interface Boundaries {
  /** The reference year of the geometry used (2019 or 2025). */
  referenceYear: 2019 | 2025;
  /** Alias of referenceYear (older callers). */
  year: 2019 | 2025;
  /** true for 2021–2022 dates: 2019 geometry with merged municipalities drawn as their successor. */
  derived: boolean;
  /** objects.municipalities: one geometry per municipality on the date; id = code, properties {code, name}. */
  municipalities: Topology;
  /** Alias of municipalities. */
  topology: Topology;
  /** objects.provinces (2025 provinces; no province changed 2019–2025); id = PVxx, properties {code, name}. */
  provinces: Topology | null;
  /** Changes when the data or the date's municipality set changes: use in ETags/caches. */
  version: string;
}

// ---------------------------------------------------------------------------------------------
// In-memory snapshot per data version

interface Snapshot {
  version: string;
  index: AtlasIndex;
  regions: Map<string, Region>;
  memberships: { regionCode: string; municipalityCode: string; validFrom: string | null; validTo: string | null }[];
  population: Map<string, { referenceYear: 2019 | 2025; value: number; referenceDate: string }[]>;
  boundaryCache: Map<string, Promise<Boundaries | null>>;
  listCache: Map<string, Municipality[]>;
}

interface DbCache {
  snapshot: Promise<Snapshot> | null;
  version: string | null;
  checkedAt: number;
}

const caches = new WeakMap<Db, DbCache>();
/** How long a version check is trusted; an import in this process invalidates at once. */
const VERSION_TTL_MS = 2000;

function cacheOf(db: Db): DbCache {
  let c = caches.get(db);
  if (!c) {
    c = { snapshot: null, version: null, checkedAt: 0 };
    caches.set(db, c);
  }
  return c;
}

/** Forget the in-memory data (called after an import). */
export function invalidateAtlasCache(db: Db) {
  caches.delete(db);
}

/**
 * The data version as last checked, if that check is recent enough to trust (no database call);
 * null when it must be checked again with referenceDataVersion().
 */
export function freshReferenceDataVersion(db: Db): string | null {
  const c = caches.get(db);
  return c !== undefined && c.version !== null && Date.now() - c.checkedAt < VERSION_TTL_MS ? c.version : null;
}

/** A string that changes whenever reference data is (re-)imported; 'none' before the first import. */
export async function referenceDataVersion(db: Db): Promise<string> {
  const fresh = freshReferenceDataVersion(db);
  if (fresh !== null) return fresh;
  const c = cacheOf(db);
  const now = Date.now();
  const last = await q.latestImport(db);
  const version = last ? `${last.id}-${last.hash.slice(0, 12)}` : 'none';
  if (c.version !== null && c.version !== version) c.snapshot = null;
  c.version = version;
  c.checkedAt = now;
  return version;
}

async function snapshot(db: Db): Promise<Snapshot> {
  const version = await referenceDataVersion(db);
  const c = cacheOf(db);
  if (c.snapshot) {
    const s = await c.snapshot;
    if (s.version === version) return s;
  }
  c.snapshot = buildSnapshot(db, version);
  c.snapshot.catch(() => {
    if (caches.get(db) === c) c.snapshot = null;
  });
  return c.snapshot;
}

async function buildSnapshot(db: Db, version: string): Promise<Snapshot> {
  const rows = await q.loadAll(db);
  const index = new AtlasIndex({
    municipalities: rows.municipalities.map((m) => ({
      code: m.code,
      name: m.name,
      provinceCode: m.province_code,
      validFrom: m.valid_from,
      validTo: m.valid_to,
    })),
    names: rows.names.map((n) => ({ code: n.code, name: n.name, validFrom: n.valid_from, validTo: n.valid_to })),
    mergers: rows.mergers.map((r) => ({
      effectiveDate: r.effective_date,
      oldCode: r.old_code,
      newCode: r.new_code,
      share: Number(r.share),
    })),
  });
  const regions = new Map<string, Region>(rows.regions.map((r) => [r.code, { code: r.code, name: r.name, type: r.type as RegionType }]));
  const population = new Map<string, { referenceYear: 2019 | 2025; value: number; referenceDate: string }[]>();
  for (const p of rows.population) {
    const list = population.get(p.code) ?? [];
    list.push({ referenceYear: Number(p.reference_year) as 2019 | 2025, value: Number(p.value), referenceDate: p.reference_date });
    population.set(p.code, list);
  }
  return {
    version,
    index,
    regions,
    memberships: rows.memberships.map((m) => ({
      regionCode: m.region_code,
      municipalityCode: m.municipality_code,
      validFrom: m.valid_from,
      validTo: m.valid_to,
    })),
    population,
    boundaryCache: new Map(),
    listCache: new Map(),
  };
}

/** The atlas' index of pure rules for the current data (for modules that map many facts at once). */
export async function atlasIndex(db: Db): Promise<AtlasIndex> {
  return (await snapshot(db)).index;
}

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

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

/** Every municipality that exists on `date` ('YYYY-MM-DD'), sorted by name. */
export async function municipalitiesOn(db: Db, date: string): Promise<Municipality[]> {
  const s = await snapshot(db);
  let list = s.listCache.get(date);
  if (!list) {
    list = s.index.municipalitiesOn(date).map((m) => toMunicipality(s, m.code, date)!);
    if (s.listCache.size > 200) s.listCache.clear();
    s.listCache.set(date, list);
  }
  return list;
}

/** One municipality (also a dissolved one), described on `date` (default: today, or its last day). */
export async function getMunicipality(db: Db, code: string, date?: string): Promise<MunicipalityDetail | null> {
  const s = await snapshot(db);
  const m = s.index.byCode.get(code);
  if (!m) return null;
  let on = date ?? todayIso();
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
export async function successorsOf(db: Db, code: string, date: string): Promise<{ code: string; name: string; share: number }[]> {
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
export async function mapToDate(
  db: Db,
  code: string,
  fromDate: string,
  toDate: string,
): Promise<{ code: string; name: string; share: number }[]> {
  const s = await snapshot(db);
  return s.index.mapToDate(code, fromDate, toDate).map((x) => ({ code: x.code, name: s.index.nameOn(x.code, toDate), share: x.share }));
}

/** Name search over current and former names, accent/case-insensitive; see AtlasIndex.search. */
export async function searchMunicipalities(db: Db, query: string, date: string, limit = 10): Promise<SearchHit[]> {
  return (await snapshot(db)).index.search(query, date, limit);
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
  return { ...region, date, members, municipalities: members };
}

/** The regions (one per type) a municipality belongs to on `date`. */
export async function regionsOf(db: Db, code: string, date: string): Promise<Region[]> {
  return regionsOfSync(await snapshot(db), code, date);
}

function regionsOfSync(s: Snapshot, code: string, date: string): Region[] {
  const order: Record<string, number> = { province: 0, 'safety-region': 1, 'ggd-region': 2, custom: 3 };
  return s.memberships
    .filter((m) => m.municipalityCode === code && existsOn(m, date))
    .map((m) => s.regions.get(m.regionCode)!)
    .filter(Boolean)
    .sort((a, b) => order[a.type] - order[b.type] || a.name.localeCompare(b.name, 'nl'));
}

/** Population of `code` from the reference year nearest to `date`, saying which. */
export async function populationOn(
  db: Db,
  code: string,
  date: string,
): Promise<{ value: number; referenceDate: string; referenceYear: 2019 | 2025 } | null> {
  const s = await snapshot(db);
  return nearestPopulation(s.population.get(code) ?? [], date);
}

/**
 * The municipal boundaries of `date`. Before 2021: the 2019 file; from 2023: the 2025 file. Dates in
 * 2021–2022 match neither file, so the 2019 geometry is used with every merged municipality drawn
 * as its successor (arcs merged with topojson-client mergeArcs); Haaren, split in 2021, is drawn
 * whole as the successor that got the largest share of its area (Vught) — an approximation.
 */
export async function boundariesOn(db: Db, date: string): Promise<Boundaries | null> {
  const s = await snapshot(db);
  const year = boundaryYearFor(date);
  const codes = s.index.municipalitiesOn(date).map((m) => m.code);
  const key = year === 'derived' ? `derived:${codes.join(',')}` : String(year);
  let p = s.boundaryCache.get(key);
  if (!p) {
    p = loadBoundaries(db, s, year, date);
    s.boundaryCache.set(key, p);
    p.catch(() => s.boundaryCache.delete(key));
  }
  return p;
}

async function loadBoundaries(db: Db, s: Snapshot, year: 2019 | 2025 | 'derived', date: string): Promise<Boundaries | null> {
  const fileYear = year === 'derived' ? 2019 : year;
  const [gem, prov] = await Promise.all([q.loadBoundary(db, fileYear, 'gemeente'), q.loadBoundary(db, 2025, 'provincie')]);
  if (!gem) return null;
  let municipalities = normalizeTopology(JSON.parse(gem.topojson), 'municipalities');
  let version = `${s.version}-${fileYear}`;
  if (year === 'derived') {
    municipalities = dissolveToDate(municipalities, s, date);
    version = `${s.version}-d${s.index.municipalitiesOn(date).length}-${date < '2022-01-01' ? 'a' : date < '2022-03-24' ? 'b' : 'c'}`;
  }
  const provinces = prov ? normalizeTopology(JSON.parse(prov.topojson), 'provinces') : null;
  return {
    referenceYear: fileYear,
    year: fileYear,
    derived: year === 'derived',
    municipalities,
    topology: municipalities,
    provinces,
    version,
  };
}

/** Renames the single object to `name` and gives each geometry properties { code, name }. */
function normalizeTopology(topo: Topology, name: string): Topology {
  const obj = Object.values(topo.objects)[0] as GeometryCollection<any>;
  for (const g of obj.geometries) {
    const code = String(g.properties?.statcode ?? g.id);
    g.id = code;
    g.properties = { code, name: String(g.properties?.statnaam ?? code) };
  }
  return { ...topo, objects: { [name]: obj } };
}

function dissolveToDate(topo: Topology, s: Snapshot, date: string): Topology {
  const obj = topo.objects.municipalities as GeometryCollection<any>;
  const groups = new Map<string, GeometryObject<any>[]>();
  for (const g of obj.geometries) {
    const target = s.index.successorsOf(String(g.id), date)[0]?.code ?? String(g.id);
    const list = groups.get(target) ?? [];
    list.push(g);
    groups.set(target, list);
  }
  const geometries: GeometryObject<any>[] = [];
  for (const [code, parts] of groups) {
    const name = s.index.nameOn(code, date);
    if (parts.length === 1 && parts[0].id === code) {
      geometries.push({ ...parts[0], properties: { code, name } });
    } else {
      const merged = mergeArcs(topo, parts as any);
      geometries.push({ ...merged, id: code, properties: { code, name } } as any);
    }
  }
  return { ...topo, objects: { municipalities: { type: 'GeometryCollection', geometries } as any } };
}

function previousDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** True when no reference data has been imported. */
export async function atlasIsEmpty(db: Db): Promise<boolean> {
  return (await q.countMunicipalities(db)) === 0;
}
