// The only place the network module talks to the atlas: the municipalities of a date, successors
// after mergers, name search and regions. Keeps the rest of the module independent of the atlas'
// exact shapes.
import type { Db } from '../../db/database.ts';
import * as atlas from '../atlas/index.ts';

export interface AtlasMunicipality {
  code: string;
  name: string;
  provinceName: string;
  population: number;
  populationRefDate: string | null;
}

export async function municipalitiesOnDate(db: Db, date: string): Promise<AtlasMunicipality[]> {
  const list = await atlas.municipalitiesOn(db, date);
  return list.map((m: any) => ({
    code: m.code,
    name: m.name,
    provinceName: m.provinceName ?? m.province?.name ?? '',
    population: Number(m.population ?? 0),
    populationRefDate: m.populationRefDate ?? m.populationReferenceDate ?? null,
  }));
}

/** Successor codes on `date` of each code that does not exist on that date. */
export async function successorsOnDate(db: Db, codes: string[], date: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const code of codes) {
    const next = await atlas.successorsOf(db, code, date);
    out[code] = next.map((s: { code: string }) => s.code);
  }
  return out;
}

export interface FoundMunicipality {
  code: string;
  name: string;
  matchedFormerName?: string;
  /** Why this municipality was found, e.g. "Weesp is op 24 maart 2022 opgegaan in Amsterdam". */
  reason?: { nl: string; en: string };
}

export async function searchMunicipalitiesOn(db: Db, query: string, date: string, limit = 10): Promise<FoundMunicipality[]> {
  const found = await (atlas.searchMunicipalities as any)(db, query, date, limit);
  return (found as any[]).map((f) => ({
    code: f.code,
    name: f.name,
    matchedFormerName: f.matchedFormerName ?? undefined,
    reason: f.reason,
  }));
}

export interface RegionChoice {
  code: string;
  name: string;
  type: string;
}

export const REGION_TYPES = ['province', 'safety-region', 'ggd-region'] as const;

export async function regionsOfType(db: Db, type: string, date: string): Promise<RegionChoice[]> {
  const list = await (atlas.regionsByType as any)(db, type, date);
  return (list as any[]).map((r) => ({ code: r.code, name: r.name, type }));
}

/** The member codes of an atlas region on a date. */
export async function regionMembers(db: Db, code: string, date: string): Promise<string[]> {
  const region = await (atlas.getRegion as any)(db, code, date);
  if (!region) return [];
  const members = region.members ?? [];
  return (members as any[]).map((m) => (typeof m === 'string' ? m : m.code));
}

export async function atlasDataVersion(db: Db): Promise<string> {
  const fn = (atlas as any).referenceDataVersion;
  if (typeof fn !== 'function') return '0';
  return String(await fn(db));
}
