// Pure rules of the programme dashboard (no I/O): which municipalities an interaction reached, the
// intensive contacts of a period, counts per type, province and CBS size class.
//
// Counting rules (README.md "Counting"):
// - an interaction reaches the municipalities it names and, when it names a region, that region's
//   members on the interaction's date; feed interactions (events attended, …) reach the municipalities
//   they name. "Reached" counts both.
// - intensive contacts count advice interactions only. A party is a municipality (the interactions
//   naming it) or a region (the interactions naming it). A region whose every interaction in the period
//   also named one of its members is that municipality's region ("Assen/Drenthe"): the two are one
//   party, counting each interaction once.
import type { Localized } from '../../i18n.ts';

/** The map's value for key, created with make() when absent. */
function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

export interface CountedInteraction {
  /** Unique across sources: 'advice:12', 'events:w-3'. */
  key: string;
  /** 'advice' or the feed's source name. */
  source: string;
  date: string;
  type: string;
  /** The municipalities named, on the map of the period (codes mapped to the period's end date). */
  municipalityCodes: string[];
  regionCode: string | null;
  /** The region's members on the interaction's date, on the map of the period. */
  regionMembers: string[];
}

export interface Reach {
  advice: number;
  feed: number;
}

/** The codes without repeats (a list of one as it is: most interactions name one municipality). */
function distinct(codes: readonly string[]): Iterable<string> {
  return codes.length < 2 ? codes : new Set(codes);
}

/** Per municipality: how many advice and feed interactions reached it (each interaction once). */
export function reachByMunicipality(interactions: readonly CountedInteraction[]): Map<string, Reach> {
  const out = new Map<string, Reach>();
  for (const i of interactions) {
    const codes = distinct(i.regionMembers.length === 0 ? i.municipalityCodes : [...i.municipalityCodes, ...i.regionMembers]);
    for (const code of codes) {
      const r = entry(out, code, () => ({ advice: 0, feed: 0 }));
      if (i.source === 'advice') r.advice += 1;
      else r.feed += 1;
    }
  }
  return out;
}

/** The municipalities of a region's memberships on a date (from inclusive, to exclusive; null is open), as the atlas counts them. */
export function membersOn(
  memberships: readonly { municipalityCode: string; validFrom: string | null; validTo: string | null }[],
  date: string,
): string[] {
  const out: string[] = [];
  for (const m of memberships) {
    if ((m.validFrom === null || m.validFrom <= date) && (m.validTo === null || date < m.validTo)) out.push(m.municipalityCode);
  }
  return out;
}

export interface Party {
  /** The municipality code, or the region code for a region on its own. */
  code: string;
  name: string;
  kind: 'municipality' | 'region' | 'municipality-with-region';
  /** The region of a 'municipality-with-region' party (or of a region party). */
  regionCode: string | null;
  interactions: number;
}

/** The parties of the advice interactions of a period, with their interaction counts, most first. */
export function partiesOf(
  interactions: readonly CountedInteraction[],
  nameOf: (code: string) => string,
  regionNameOf: (code: string) => string,
): Party[] {
  const byMunicipality = new Map<string, Set<string>>();
  const byRegion = new Map<string, CountedInteraction[]>();
  for (const i of interactions) {
    if (i.source !== 'advice') continue;
    for (const code of distinct(i.municipalityCodes)) {
      entry(byMunicipality, code, () => new Set<string>()).add(i.key);
    }
    if (i.regionCode) entry(byRegion, i.regionCode, () => []).push(i);
  }
  const parties: Party[] = [];
  const joined = new Map<string, string>();
  for (const [region, list] of byRegion) {
    const candidates = [...new Set(list[0].municipalityCodes)].filter(
      (code) => list.every((i) => i.municipalityCodes.includes(code)) && list.every((i) => i.regionMembers.includes(code)),
    );
    candidates.sort((a, b) => (byMunicipality.get(b)?.size ?? 0) - (byMunicipality.get(a)?.size ?? 0) || a.localeCompare(b));
    const host = candidates.find((code) => !joined.has(code));
    if (host) joined.set(host, region);
    else parties.push({ code: region, name: regionNameOf(region), kind: 'region', regionCode: region, interactions: list.length });
  }
  for (const [code, keys] of byMunicipality) {
    const region = joined.get(code) ?? null;
    let all = keys;
    if (region) {
      all = new Set(keys);
      for (const i of byRegion.get(region) ?? []) all.add(i.key);
    }
    parties.push({
      code,
      name: region ? `${nameOf(code)}/${regionNameOf(region)}` : nameOf(code),
      kind: region ? 'municipality-with-region' : 'municipality',
      regionCode: region,
      interactions: all.size,
    });
  }
  return parties.sort((a, b) => b.interactions - a.interactions || a.name.localeCompare(b.name, 'nl'));
}

/** Parties with at least `threshold` advice interactions, sorted by name. */
export function intensiveContacts(parties: readonly Party[], threshold: number): Party[] {
  return parties.filter((p) => p.interactions >= threshold).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/** Interactions per type (advice and feed together), most first, then by type. */
export function countByType(interactions: readonly CountedInteraction[]): { type: string; advice: number; feed: number }[] {
  const map = new Map<string, { type: string; advice: number; feed: number }>();
  for (const i of interactions) {
    const row = entry(map, i.type, () => ({ type: i.type, advice: 0, feed: 0 }));
    if (i.source === 'advice') row.advice += 1;
    else row.feed += 1;
  }
  return [...map.values()].sort((a, b) => b.advice + b.feed - (a.advice + a.feed) || a.type.localeCompare(b.type));
}

// ---------------------------------------------------------------------------------------------
// CBS size classes (gemeentegrootteklassen, by number of inhabitants)

export const SIZE_CLASSES: { key: string; min: number; label: Localized }[] = [
  { key: 'lt5k', min: 0, label: { nl: 'minder dan 5.000 inwoners', en: 'fewer than 5,000 inhabitants' } },
  { key: '5k-10k', min: 5_000, label: { nl: '5.000 tot 10.000', en: '5,000 to 10,000' } },
  { key: '10k-20k', min: 10_000, label: { nl: '10.000 tot 20.000', en: '10,000 to 20,000' } },
  { key: '20k-50k', min: 20_000, label: { nl: '20.000 tot 50.000', en: '20,000 to 50,000' } },
  { key: '50k-100k', min: 50_000, label: { nl: '50.000 tot 100.000', en: '50,000 to 100,000' } },
  { key: '100k-150k', min: 100_000, label: { nl: '100.000 tot 150.000', en: '100,000 to 150,000' } },
  { key: '150k-250k', min: 150_000, label: { nl: '150.000 tot 250.000', en: '150,000 to 250,000' } },
  { key: 'ge250k', min: 250_000, label: { nl: '250.000 of meer', en: '250,000 or more' } },
];

/** The CBS size class of a population (null population: unknown). */
export function sizeClassOf(population: number | null): string {
  if (population === null) return 'unknown';
  let key = SIZE_CLASSES[0].key;
  for (const c of SIZE_CLASSES) if (population >= c.min) key = c.key;
  return key;
}

export interface GroupCount {
  key: string;
  label: Localized;
  reached: number;
  total: number;
}

/** Reached / total per province and per size class, in a stable order. */
export function reachByGroup(
  municipalities: readonly { code: string; provinceCode: string; provinceName: string; population: number | null }[],
  reached: ReadonlySet<string>,
): { provinces: GroupCount[]; sizeClasses: GroupCount[] } {
  const provinces = new Map<string, GroupCount>();
  const sizes = new Map<string, GroupCount>(SIZE_CLASSES.map((c) => [c.key, { key: c.key, label: c.label, reached: 0, total: 0 }]));
  for (const m of municipalities) {
    const label = { nl: m.provinceName, en: m.provinceName };
    const p = entry(provinces, m.provinceCode, () => ({ key: m.provinceCode, label, reached: 0, total: 0 }));
    const sizeKey = sizeClassOf(m.population);
    const s = entry(sizes, sizeKey, () => ({ key: sizeKey, label: { nl: 'onbekend', en: 'unknown' }, reached: 0, total: 0 }));
    for (const g of [p, s]) {
      g.total += 1;
      if (reached.has(m.code)) g.reached += 1;
    }
  }
  return {
    provinces: [...provinces.values()].sort((a, b) => a.label.nl.localeCompare(b.label.nl, 'nl')),
    sizeClasses: [...sizes.values()].filter((s) => s.total > 0),
  };
}

/** The engagement class of a municipality for the map: none, some, or intensive (≥ threshold). */
export function engagementClass(count: number, threshold: number): 'none' | 'one' | 'some' | 'intensive' {
  if (count <= 0) return 'none';
  if (count >= threshold) return 'intensive';
  return count === 1 ? 'one' : 'some';
}
