// Municipalities and regions as the advice module names them, all from the atlas: names on a date,
// the choices of the area selects, and which codes an interaction search for one municipality covers
// (its predecessors, and for a former municipality its successors).
import type { Db } from '../../db/database.ts';
import {
  getMunicipality,
  getRegion,
  municipalitiesOn,
  predecessorsOf,
  type Region,
  regionsByType,
  regionsOf,
  successorsOf,
} from '../atlas/index.ts';

/** The region types an interaction or contact may name. */
export const AREA_REGION_TYPES = ['province', 'safety-region'] as const;

export function isMunicipalityCode(code: string): boolean {
  return /^GM\d{4}$/.test(code);
}

export function isRegionCode(code: string): boolean {
  return /^(PV\d{2}|VR\d{2})$/.test(code);
}

/** A municipality's or region's name on a date (a dissolved municipality: its last name); the code when unknown. */
export async function areaName(db: Db, code: string, date: string): Promise<string> {
  if (isMunicipalityCode(code)) return (await getMunicipality(db, code, date))?.name ?? code;
  return (await getRegion(db, code, date))?.name ?? code;
}

/** Names for many codes at once. */
export async function areaNames(db: Db, codes: Iterable<string>, date: string): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  const names = await Promise.all(unique.map((c) => areaName(db, c, date)));
  return new Map(unique.map((c, i) => [c, names[i]]));
}

/** True when the code names a municipality that exists on the date. */
export async function municipalityExistsOn(db: Db, code: string, date: string): Promise<boolean> {
  if (!isMunicipalityCode(code)) return false;
  return (await municipalitiesOn(db, date)).some((m) => m.code === code);
}

/** True when the code names a municipality known to the atlas on any date. */
export async function municipalityKnown(db: Db, code: string): Promise<boolean> {
  return isMunicipalityCode(code) && (await getMunicipality(db, code)) !== null;
}

/** A province or safety region with members on the date. */
export async function regionOn(db: Db, code: string, date: string): Promise<{ code: string; name: string; members: string[] } | null> {
  if (!isRegionCode(code)) return null;
  const r = await getRegion(db, code, date);
  if (!r || r.members.length === 0) return null;
  return { code: r.code, name: r.name, members: r.members.map((m) => m.code) };
}

export interface AreaChoice {
  value: string;
  label: string;
}

/** The municipalities of the date, by name, for a select. */
export async function municipalityChoices(db: Db, date: string): Promise<AreaChoice[]> {
  return (await municipalitiesOn(db, date)).map((m) => ({ value: m.code, label: m.name }));
}

/**
 * Every municipality of the data (2019 and today), for forms about any date: former ones say until
 * when they existed ("Weesp (tot 2022-03-24)"). The service checks existence on the chosen date.
 */
export async function allMunicipalityChoices(db: Db, today: string, locale: 'nl' | 'en'): Promise<AreaChoice[]> {
  const byCode = new Map<string, AreaChoice>();
  for (const date of [today, '2019-01-01']) {
    for (const m of await municipalitiesOn(db, date)) {
      if (byCode.has(m.code)) continue;
      const until = m.validTo && m.validTo <= today ? ` (${locale === 'nl' ? 'tot' : 'until'} ${m.validTo})` : '';
      byCode.set(m.code, { value: m.code, label: `${m.name}${until}` });
    }
  }
  return [...byCode.values()].sort((a, b) => a.label.localeCompare(b.label, 'nl'));
}

/** Provinces and safety regions of the date, for a select ("Provincie Drenthe", "Veiligheidsregio Drenthe"). */
export async function regionChoices(db: Db, date: string): Promise<{ type: Region['type']; choices: AreaChoice[] }[]> {
  return Promise.all(
    AREA_REGION_TYPES.map(async (type) => ({
      type,
      choices: (await regionsByType(db, type, date)).map((r) => ({ value: r.code, label: r.name })),
    })),
  );
}

/**
 * The codes whose records an interaction search for `code` shows, and what to say about it: a current
 * municipality covers its predecessors too; a former one is shown as its successor(s) on `today`.
 */
export async function codesForSearch(
  db: Db,
  code: string,
  today: string,
): Promise<{ codes: string[]; regions: string[]; successors: { code: string; name: string }[] }> {
  const exists = await municipalityExistsOn(db, code, today);
  const targets = exists ? [{ code, name: '' }] : await successorsOf(db, code, today);
  const codes = new Set<string>([code]);
  const visited = new Set<string>();
  const queue = targets.map((t) => t.code);
  while (queue.length > 0) {
    const c = queue.pop()!;
    if (visited.has(c)) continue;
    visited.add(c);
    codes.add(c);
    for (const p of await predecessorsOf(db, c)) queue.push(p.code);
  }
  const regions = new Set<string>();
  for (const c of codes) {
    const m = await getMunicipality(db, c);
    for (const r of await regionsOf(db, c, m?.validTo && m.validTo <= today ? previousDay(m.validTo) : today)) {
      if ((AREA_REGION_TYPES as readonly string[]).includes(r.type)) regions.add(r.code);
    }
  }
  return { codes: [...codes], regions: [...regions], successors: exists ? [] : targets.map((t) => ({ code: t.code, name: t.name })) };
}

function previousDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
