// Pure rules of the atlas: which municipalities exist on a date, where a municipality's territory
// went after mergers and splits, and name search over current and former names. No I/O.
//
// Date conventions: dates are 'YYYY-MM-DD' strings (they compare correctly as text).
// `validFrom` is inclusive, `validTo` is EXCLUSIVE: it is the effective date of the merger that
// ended the municipality (Weesp: validTo 2022-03-24, so it still existed on 2022-03-23).
// `validFrom` null means "existed before 2019-01-01, the start of our data".

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
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isValidIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
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
  private readonly onDateCache = new Map<string, MunicipalityRecord[]>();

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
    let list = this.onDateCache.get(date);
    if (!list) {
      list = this.facts.municipalities.filter((m) => existsOn(m, date)).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
      if (this.onDateCache.size > 500) this.onDateCache.clear();
      this.onDateCache.set(date, list);
    }
    return list;
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

  /**
   * Search current and former names on `date`, accent- and case-insensitive. A former or dissolved
   * municipality leads to the municipality of `date` that holds its territory, with a reason.
   */
  search(query: string, date: string, limit = 10): SearchHit[] {
    const q = normalizeName(query);
    if (!q) return [];
    const hits = new Map<string, SearchHit & { rank: number }>();
    const add = (hit: SearchHit, rank: number) => {
      const prev = hits.get(hit.code);
      if (!prev || rank < prev.rank) hits.set(hit.code, { ...hit, rank });
    };
    for (const m of this.municipalitiesOn(date)) {
      const name = this.nameOn(m.code, date);
      const r = matchRank(normalizeName(name), q);
      if (r !== null) add({ code: m.code, name }, r);
    }
    // Former names and dissolved municipalities.
    const seen = new Set<string>();
    for (const n of this.facts.names) {
      const key = `${n.code}|${n.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const r = matchRank(normalizeName(n.name), q);
      if (r === null) continue;
      const m = this.byCode.get(n.code);
      if (!m) continue;
      if (existsOn(m, date)) {
        const current = this.nameOn(m.code, date);
        if (current === n.name) continue;
        add(
          {
            code: m.code,
            name: current,
            matchedFormerName: n.name,
            reason: `${n.name} heet nu ${current}`,
            reasonEn: `${n.name} is now called ${current}`,
          },
          r + 10,
        );
        continue;
      }
      const targets = this.mapToDate(n.code, m.validFrom !== null && date < m.validFrom ? m.validFrom : lastDayOf(m), date);
      const targetNames = targets.map((t) => this.nameOn(t.code, date));
      for (const t of targets) {
        const reason =
          m.validTo !== null && date >= m.validTo
            ? dissolvedReason(n.name, m.validTo, targetNames, this.mergersFrom.get(n.code)?.length ?? 0)
            : {
                nl: `${n.name} bestond op deze datum nog niet; het gebied hoorde bij ${joinNl(targetNames)}`,
                en: `${n.name} did not exist yet on this date; its area belonged to ${joinEn(targetNames)}`,
              };
        add({ code: t.code, name: this.nameOn(t.code, date), matchedFormerName: n.name, reason: reason.nl, reasonEn: reason.en }, r + 20);
      }
    }
    return [...hits.values()]
      .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'nl'))
      .slice(0, limit)
      .map(({ rank: _rank, ...hit }) => hit);
  }
}

export interface SearchHit {
  code: string;
  name: string;
  /** Set when the match was on a former name or a dissolved municipality. */
  matchedFormerName?: string;
  /** Why this municipality was found (Dutch), e.g. "Weesp is op 24 maart 2022 opgegaan in Amsterdam". */
  reason?: string;
  reasonEn?: string;
}

function lastDayOf(m: MunicipalityRecord): string {
  if (!m.validTo) return '9999-12-31';
  const d = new Date(`${m.validTo}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function dissolvedReason(name: string, date: string, targets: string[], parts: number) {
  const nlDate = formatDateNl(date);
  const enDate = formatDateEn(date);
  if (parts > 1) {
    return {
      nl: `${name} is op ${nlDate} opgeheven en verdeeld over ${joinNl(targets)}`,
      en: `${name} was dissolved on ${enDate} and split over ${joinEn(targets)}`,
    };
  }
  return { nl: `${name} is op ${nlDate} opgegaan in ${joinNl(targets)}`, en: `${name} merged into ${joinEn(targets)} on ${enDate}` };
}

const MONTHS_NL = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function formatDateNl(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS_NL[m - 1]} ${y}`;
}
export function formatDateEn(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS_EN[m - 1]} ${y}`;
}

function joinNl(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}
function joinEn(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Lower case, accents removed, punctuation to spaces: "Súdwest-Fryslân" → "sudwest fryslan". */
export function normalizeName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** 0 exact, 1 prefix, 2 word prefix, 3 substring; null: no match. */
function matchRank(name: string, q: string): number | null {
  if (name === q) return 0;
  if (name.startsWith(q)) return 1;
  if (name.split(' ').some((w) => w.startsWith(q))) return 2;
  if (name.includes(q)) return 3;
  return null;
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
export function referenceYearFor(date: string): 2019 | 2025 {
  return date < '2022-01-01' ? 2019 : 2025;
}

/** The boundary file in force on a date: 2019 before 2021, 2025 from 2023; in between, see service. */
export function boundaryYearFor(date: string): 2019 | 2025 | 'derived' {
  if (date < '2021-01-01') return 2019;
  if (date >= '2023-01-01') return 2025;
  return 'derived';
}

/** Population reference: of the years available for `code`, the one whose reference date is nearest to `date`. */
export function nearestPopulation<T extends { referenceDate: string }>(values: T[], date: string): T | null {
  let best: T | null = null;
  let bestDist = Infinity;
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
