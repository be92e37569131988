// Name search over current and former municipality names, accent- and case-insensitive: a former or
// dissolved municipality leads to the municipality of the date that holds its territory, with the
// reason in both languages. Pure (no I/O), on the AtlasIndex of the current data.
import type { Localized } from '../../i18n.ts';
import { type AtlasIndex, existsOn, lastDayOf, type NameRecord } from './atlas.logic.ts';
import type { SearchHit } from './types.ts';

type RankedHits = Map<string, SearchHit & { rank: number }>;

function add(hits: RankedHits, hit: SearchHit, rank: number) {
  const prev = hits.get(hit.code);
  if (!prev || rank < prev.rank) hits.set(hit.code, { ...hit, rank });
}

/** Search current and former names on `date`; best matches first (exact, prefix, word prefix, substring). */
export function searchNames(index: AtlasIndex, query: string, date: string, limit = 10): SearchHit[] {
  const q = normalizeName(query);
  if (!q) return [];
  const hits: RankedHits = new Map();
  for (const m of index.municipalitiesOn(date)) {
    const name = index.nameOn(m.code, date);
    const r = matchRank(normalizeName(name), q);
    if (r !== null) add(hits, { code: m.code, name }, r);
  }
  // Former names and dissolved municipalities.
  const seen = new Set<string>();
  for (const n of index.facts.names) {
    const key = `${n.code}|${n.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const r = matchRank(normalizeName(n.name), q);
    if (r !== null) addFormerName(index, hits, n, date, r);
  }
  return [...hits.values()]
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'nl'))
    .slice(0, limit)
    .map(({ rank: _rank, ...hit }) => hit);
}

function addFormerName(index: AtlasIndex, hits: RankedHits, n: NameRecord, date: string, rank: number) {
  const m = index.byCode.get(n.code);
  if (!m) return;
  if (existsOn(m, date)) {
    const current = index.nameOn(m.code, date);
    if (current === n.name) return;
    const reason = { nl: `${n.name} heet nu ${current}`, en: `${n.name} is now called ${current}` };
    add(hits, { code: m.code, name: current, matchedFormerName: n.name, reason }, rank + 10);
    return;
  }
  const targets = index.mapToDate(n.code, m.validFrom !== null && date < m.validFrom ? m.validFrom : lastDayOf(m), date);
  const targetNames = targets.map((t) => index.nameOn(t.code, date));
  for (const t of targets) {
    const reason: Localized =
      m.validTo !== null && date >= m.validTo
        ? dissolvedReason(n.name, m.validTo, targetNames, index.mergersFrom.get(n.code)?.length ?? 0)
        : {
            nl: `${n.name} bestond op deze datum nog niet; het gebied hoorde bij ${joinNl(targetNames)}`,
            en: `${n.name} did not exist yet on this date; its area belonged to ${joinEn(targetNames)}`,
          };
    add(hits, { code: t.code, name: index.nameOn(t.code, date), matchedFormerName: n.name, reason }, rank + 20);
  }
}

function dissolvedReason(name: string, date: string, targets: string[], parts: number): Localized {
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
