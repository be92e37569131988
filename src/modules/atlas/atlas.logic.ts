// Pure rules of the atlas: which municipalities exist on a date, where a municipality's territory
// went after mergers and splits, which reference year describes a date. No I/O. Name search is in
// search.logic.ts.
//
// Date conventions: dates are 'YYYY-MM-DD' strings (they compare correctly as text).
// `validFrom` is inclusive, `validTo` is EXCLUSIVE: it is the effective date of the merger that
// ended the municipality (Weesp: validTo 2022-03-24, so it still existed on 2022-03-23).
// `validFrom` null means "existed before 2019-01-01, the start of our data".
import { BoundedCache } from '../../http/bounded-cache.ts';
import type { ReferenceYear } from './types.ts';

export interface MunicipalityRecord {
  code: string;
  name: string;
  provinceCode: string;
  validFrom: string | null;
  validTo: string | null;
}

export interface NameRecord {
  code: string;
  name: string;
  validFrom: string | null;
  validTo: string | null; // exclusive
}

export interface MergerRecord {
  effectiveDate: string;
  oldCode: string;
  newCode: string;
  /** Share of the old municipality's area that went to newCode (1 for a whole merger). */
  share: number;
}

export interface AtlasFacts {
  municipalities: MunicipalityRecord[];
  names: NameRecord[];
  mergers: MergerRecord[];
}

export const DATA_START = '2019-01-01';

/**
 * Validity of each municipality from the two reference years and the mergers between them: one in
 * 2019 existed before the data starts (validFrom null); one gone by 2025 ends on its merger date.
 */
export function validityOf(
  m: { code: string; exists2019: boolean; exists2025: boolean },
  mergers: { effectiveDate: string; oldCode: string; newCode: string }[],
): { validFrom: string | null; validTo: string | null } {
  const starts = mergers
    .filter((r) => r.newCode === m.code)
    .map((r) => r.effectiveDate)
    .sort();
  const ends = mergers
    .filter((r) => r.oldCode === m.code)
    .map((r) => r.effectiveDate)
    .sort();
  return { validFrom: m.exists2019 ? null : (starts[0] ?? null), validTo: m.exists2025 ? null : (ends[0] ?? null) };
}

export function existsOn(m: { validFrom: string | null; validTo: string | null }, date: string): boolean {
  return (m.validFrom === null || m.validFrom <= date) && (m.validTo === null || date < m.validTo);
}

/** An index over the facts, built once per data version. */
export class AtlasIndex {
  readonly byCode = new Map<string, MunicipalityRecord>();
  readonly mergersFrom = new Map<string, MergerRecord[]>();
  readonly mergersInto = new Map<string, MergerRecord[]>();
  readonly namesByCode = new Map<string, NameRecord[]>();
  /** Dates come from requests: bounded (a date's list is cheap to rebuild). */
  private readonly onDateCache = new BoundedCache<MunicipalityRecord[]>({ maxEntries: 500 });

  constructor(readonly facts: AtlasFacts) {
    for (const m of facts.municipalities) this.byCode.set(m.code, m);
    for (const n of facts.names) push(this.namesByCode, n.code, n);
    for (const r of facts.mergers) {
      push(this.mergersFrom, r.oldCode, r);
      push(this.mergersInto, r.newCode, r);
    }
  }

  /** Municipalities existing on `date`, sorted by name. Dates before 2019 give the 2019 set. */
  municipalitiesOn(date: string): MunicipalityRecord[] {
    return this.onDateCache.getOrCreate(date, () =>
      this.facts.municipalities.filter((m) => existsOn(m, date)).sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    );
  }

  /** The name a municipality carried on `date` (its latest name when the date is outside its life). */
  nameOn(code: string, date: string): string {
    const hit = this.namesByCode.get(code)?.find((n) => existsOn(n, date));
    return hit?.name ?? this.byCode.get(code)?.name ?? code;
  }

  /**
   * Where the territory of `code` lies on `date`: itself if it exists then, else its successors
   * (following chains of mergers up to `date`), with the share of its area each one got.
   * Empty when the code did not exist yet on `date`, or is unknown.
   */
  successorsOf(code: string, date: string): { code: string; share: number }[] {
    const m = this.byCode.get(code);
    if (!m) return [];
    if (existsOn(m, date)) return [{ code, share: 1 }];
    if (m.validFrom !== null && date < m.validFrom) return [];
    const out = new Map<string, number>();
    const walk = (from: string, share: number, depth: number) => {
      if (depth > 20) return;
      const rec = this.byCode.get(from);
      if (rec && existsOn(rec, date)) {
        out.set(from, (out.get(from) ?? 0) + share);
        return;
      }
      for (const r of this.mergersFrom.get(from) ?? []) {
        if (r.effectiveDate <= date) walk(r.newCode, share * r.share, depth + 1);
      }
    };
    walk(code, 1, 0);
    return [...out].map(([c, s]) => ({ code: c, share: round(s) })).sort((a, b) => b.share - a.share || a.code.localeCompare(b.code));
  }

  /** The municipalities that merged into (or were split over) `code`, directly, oldest first. */
  predecessorsOf(code: string): MergerRecord[] {
    return [...(this.mergersInto.get(code) ?? [])].sort(
      (a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || a.oldCode.localeCompare(b.oldCode),
    );
  }

  /** Direct successors of `code` (the merger rows that ended it). */
  successorRecordsOf(code: string): MergerRecord[] {
    return [...(this.mergersFrom.get(code) ?? [])].sort((a, b) => b.share - a.share || a.newCode.localeCompare(b.newCode));
  }

  /**
   * Carries a fact recorded for `code` on `fromDate` to the municipalities of `toDate`. Forward in
   * time: the successors (with area shares). Backward: the municipalities of `toDate` whose
   * territory ended up (partly) in `code` by `fromDate`.
   */
  mapToDate(code: string, fromDate: string, toDate: string): { code: string; share: number }[] {
    if (toDate >= fromDate) return this.successorsOf(code, toDate);
    const out: { code: string; share: number }[] = [];
    for (const m of this.municipalitiesOn(toDate)) {
      const hit = this.successorsOf(m.code, fromDate).find((s) => s.code === code);
      if (hit) out.push({ code: m.code, share: hit.share });
    }
    return out;
  }
}

/** The last day a municipality existed ('9999-12-31' while it still exists). */
export function lastDayOf(m: MunicipalityRecord): string {
  return m.validTo ? previousDay(m.validTo) : '9999-12-31';
}

export function previousDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Which reference year's geometry and population describe `date`: the nearer of 2019 and 2025. */
export function referenceYearFor(date: string): ReferenceYear {
  return date < '2022-01-01' ? 2019 : 2025;
}

/** The boundary file in force on a date: 2019 before 2021, 2025 from 2023; in between, see boundaries.ts. */
export function boundaryYearFor(date: string): ReferenceYear | 'derived' {
  if (date < '2021-01-01') return 2019;
  if (date >= '2023-01-01') return 2025;
  return 'derived';
}

/** Population reference: of the years available for `code`, the one whose reference date is nearest to `date`. */
export function nearestPopulation<T extends { referenceDate: string }>(values: T[], date: string): T | null {
  let best: T | null = null;
  let bestDist = Number.POSITIVE_INFINITY;
  const t = Date.parse(`${date}T00:00:00Z`);
  for (const v of values) {
    const dist = Math.abs(Date.parse(`${v.referenceDate}T00:00:00Z`) - t);
    if (dist < bestDist) {
      best = v;
      bestDist = dist;
    }
  }
  return best;
}
