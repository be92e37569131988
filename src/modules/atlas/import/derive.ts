// From the parsed files to the rows of the atlas tables: validity and names per municipality,
// population per reference year, regions from geometry (an interior point per municipality) and the
// area shares of a split. Pure (no I/O); warnings say where the geometry and the lists disagree.
import { createHash } from 'node:crypto';
import { validityOf } from '../atlas.logic.ts';
import { ReferenceDataError } from './errors.ts';
import { areaShares, assignRegion, type RegionShape, shapeOf } from './geometry.ts';
import type { ParsedReference, ParsedTopology } from './parse.ts';
import type { ImportProgress } from './source.ts';

export interface ImportCounts {
  municipalities2019: number;
  municipalities2025: number;
  municipalities: number;
  provinces: number;
  safetyRegions: number;
  ggdRegions: number;
  mergers: number;
  memberships: number;
}

const REGION_TYPE = { provinces: 'province', safetyRegions: 'safety-region', ggdRegions: 'ggd-region' } as const;
type RegionKind = keyof typeof REGION_TYPE;

type MunicipalityRow = { code: string; name: string; province_code: string; valid_from: string | null; valid_to: string | null };
type MembershipRow = { region_code: string; municipality_code: string; valid_from: string | null; valid_to: string | null };

export function deriveRows(p: ParsedReference, progress: ImportProgress) {
  const warnings: string[] = [];
  const provinceByName = new Map(p.provinces.features.map((f) => [f.name, f.id]));
  const municipalities: MunicipalityRow[] = p.municipalities.map((m) => {
    const v = validityOf(m, p.mergers);
    return { code: m.code, name: m.name, province_code: provinceByName.get(m.province)!, valid_from: v.validFrom, valid_to: v.validTo };
  });
  const regions: { code: string; name: string; type: string }[] = [];
  const memberships: MembershipRow[] = [];
  const kinds = Object.keys(REGION_TYPE) as RegionKind[];
  const step = { done: 0, total: kinds.length * (p.gemeente2019.features.length + p.gemeente2025.features.length) };
  for (const kind of kinds) {
    const topo: ParsedTopology = p[kind];
    for (const f of topo.features) regions.push({ code: f.id, name: f.name, type: REGION_TYPE[kind] });
    const assigned = assignRegions(p, kind, warnings, () => progress('regions', ++step.done, step.total));
    memberships.push(...membershipsOf(kind, topo, municipalities, assigned, warnings));
  }
  const mergers = deriveMergers(p);
  const counts: ImportCounts = {
    municipalities2019: p.municipalities.filter((m) => m.exists2019).length,
    municipalities2025: p.municipalities.filter((m) => m.exists2025).length,
    municipalities: municipalities.length,
    provinces: p.provinces.features.length,
    safetyRegions: p.safetyRegions.features.length,
    ggdRegions: p.ggdRegions.features.length,
    mergers: mergers.length,
    memberships: memberships.length,
  };
  return {
    municipalities,
    names: deriveNames(p, municipalities),
    population: derivePopulation(p),
    regions,
    memberships,
    mergers,
    boundaries: deriveBoundaries(p),
    counts,
    warnings,
  };
}

/** Names: a rename between the two files is dated 2025-01-01 (the exact date is not in the source). */
function deriveNames(p: ParsedReference, municipalities: MunicipalityRow[]) {
  const geo2019 = new Map(p.gemeente2019.features.map((f) => [f.id, f.name]));
  const geo2025 = new Map(p.gemeente2025.features.map((f) => [f.id, f.name]));
  const names: { code: string; name: string; valid_from: string | null; valid_to: string | null }[] = [];
  for (const m of municipalities) {
    const n2019 = geo2019.get(m.code);
    const n2025 = geo2025.get(m.code);
    if (n2019 && n2025 && n2019 !== n2025) {
      names.push({ code: m.code, name: n2019, valid_from: m.valid_from, valid_to: '2025-01-01' });
      names.push({ code: m.code, name: n2025, valid_from: '2025-01-01', valid_to: m.valid_to });
    } else {
      names.push({ code: m.code, name: n2025 ?? n2019 ?? m.name, valid_from: m.valid_from, valid_to: m.valid_to });
    }
  }
  return names;
}

function derivePopulation(p: ParsedReference) {
  const population: { code: string; reference_year: number; value: number; reference_date: string }[] = [];
  for (const m of p.municipalities) {
    if (m.population2019 !== null)
      population.push({ code: m.code, reference_year: 2019, value: m.population2019, reference_date: m.population2019RefDate! });
    if (m.population2025 !== null)
      population.push({ code: m.code, reference_year: 2025, value: m.population2025, reference_date: m.population2025RefDate! });
  }
  return population;
}

/** The region of one kind each municipality's interior point lies in, by its 2019 and its 2025 shape. */
function assignRegions(p: ParsedReference, kind: RegionKind, warnings: string[], tick: () => void): Map<string, string | null> {
  const shapes: RegionShape[] = p[kind].features.map((f) => shapeOf(f.id, f.feature));
  const result = new Map<string, string | null>();
  for (const [year, features] of [
    [2019, p.gemeente2019.features],
    [2025, p.gemeente2025.features],
  ] as const) {
    for (const f of features) {
      const a = assignRegion(f.feature, shapes);
      if (a.hits.length !== 1) {
        warnings.push(
          `${f.id} ${f.name} (${year}): its interior point lies in ${a.hits.length === 0 ? 'no' : a.hits.length} ${REGION_TYPE[kind]}${a.hits.length > 1 ? 's' : ''}${a.regionCode ? `; using ${a.regionCode} from another interior point` : ''}.`,
        );
      }
      const prev = result.get(f.id);
      if (prev !== undefined && a.regionCode && prev !== a.regionCode) {
        warnings.push(`${f.id} ${f.name}: ${REGION_TYPE[kind]} ${prev} by its 2019 shape, ${a.regionCode} by its 2025 shape; using 2025.`);
      }
      if (a.regionCode || prev === undefined) result.set(f.id, a.regionCode ?? prev ?? null);
      tick();
    }
  }
  return result;
}

function membershipsOf(
  kind: RegionKind,
  topo: ParsedTopology,
  municipalities: MunicipalityRow[],
  assigned: Map<string, string | null>,
  warnings: string[],
): MembershipRow[] {
  return municipalities.map((m) => {
    let regionCode = assigned.get(m.code) ?? null;
    if (kind === 'provinces') {
      if (regionCode && regionCode !== m.province_code) {
        warnings.push(`${m.code} ${m.name}: province ${m.province_code} in gemeenten.csv, ${regionCode} by geometry; using gemeenten.csv.`);
      }
      regionCode = m.province_code;
    }
    if (!regionCode) {
      throw new ReferenceDataError(
        topo.file,
        null,
        `${m.code} ${m.name} lies in no ${REGION_TYPE[kind]} (no interior point falls inside any region).`,
      );
    }
    return { region_code: regionCode, municipality_code: m.code, valid_from: m.valid_from, valid_to: m.valid_to };
  });
}

/** Mergers: a whole merger has share 1; a split gets area shares by sampling the old shape. */
function deriveMergers(p: ParsedReference) {
  const geo2019 = new Map(p.gemeente2019.features.map((f) => [f.id, f]));
  const shapes2025 = new Map(p.gemeente2025.features.map((f) => [f.id, shapeOf(f.id, f.feature)]));
  const mergers = p.mergers.map((r) => ({ effective_date: r.effectiveDate, old_code: r.oldCode, new_code: r.newCode, share: 1 }));
  const byOld = new Map<string, typeof mergers>();
  for (const r of mergers) byOld.set(r.old_code, [...(byOld.get(r.old_code) ?? []), r]);
  for (const [old, list] of byOld) {
    if (list.length < 2) continue;
    const shares = areaShares(
      geo2019.get(old)!.feature,
      list.map((r) => shapes2025.get(r.new_code)!),
    );
    for (const r of list) r.share = shares.get(r.new_code) ?? 0;
  }
  return mergers;
}

function deriveBoundaries(p: ParsedReference) {
  return [
    { t: p.gemeente2019, year: 2019, kind: 'gemeente' },
    { t: p.gemeente2025, year: 2025, kind: 'gemeente' },
    { t: p.provinces, year: 2025, kind: 'provincie' },
    { t: p.safetyRegions, year: 2025, kind: 'veiligheidsregio' },
    { t: p.ggdRegions, year: 2025, kind: 'ggdregio' },
  ].map(({ t, year, kind }) => ({ reference_year: year, kind, topojson: t.text, sha256: sha(t.text) }));
}

function sha(text: string) {
  return createHash('sha256').update(text).digest('hex');
}
