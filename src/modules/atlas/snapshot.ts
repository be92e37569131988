// The atlas' data in memory: the reference data only changes on import, so it is loaded once per
// data version (checked at most every 2 s; an import in this process invalidates at once) and every
// read is answered from this snapshot.
import type { Db } from '../../db/database.ts';
import { BoundedCache } from '../../http/bounded-cache.ts';
import { AtlasIndex } from './atlas.logic.ts';
import * as q from './queries.ts';
import type { Boundaries, Municipality, PopulationFigure, ReferenceYear, Region, RegionType } from './types.ts';

export interface Membership {
  regionCode: string;
  municipalityCode: string;
  validFrom: string | null;
  validTo: string | null;
}

export interface Snapshot {
  version: string;
  index: AtlasIndex;
  regions: Map<string, Region>;
  memberships: Membership[];
  population: Map<string, PopulationFigure[]>;
  /** Per boundary year, or per set of municipalities for the derived 2021–2022 boundaries (a handful). */
  boundaries: BoundedCache<Promise<Boundaries | null>>;
  /** The municipalities per date (dates come from requests: bounded). */
  lists: BoundedCache<Municipality[]>;
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

export async function snapshot(db: Db): Promise<Snapshot> {
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
  const population = new Map<string, PopulationFigure[]>();
  for (const p of rows.population) {
    const list = population.get(p.code) ?? [];
    list.push({ referenceYear: Number(p.reference_year) as ReferenceYear, value: Number(p.value), referenceDate: p.reference_date });
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
    boundaries: new BoundedCache({ maxEntries: 16 }),
    lists: new BoundedCache({ maxEntries: 500 }),
  };
}

/** True when no reference data has been imported. */
export async function atlasIsEmpty(db: Db): Promise<boolean> {
  return (await q.countMunicipalities(db)) === 0;
}
