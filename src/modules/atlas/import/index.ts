// importReferenceData: reads (or downloads) the seven CBS files, validates them, derives regions from
// geometry and writes everything in ONE transaction. A second run with the same files changes nothing.
import { createHash } from 'node:crypto';
import { inTransaction } from '../../../db/database.ts';
import type { AppDeps } from '../../../deps.ts';
import { validityOf } from '../atlas.logic.ts';
import * as q from '../queries.ts';
import { invalidateAtlasCache } from '../service.ts';
import { ReferenceDataError } from './errors.ts';
import { areaShares, assignRegion, type RegionShape, shapeOf } from './geometry.ts';
import { type ParsedReference, type ParsedTopology, parseReference } from './parse.ts';
import { type ImportProgress, loadFiles, resolveSource } from './source.ts';

export { ReferenceDataError } from './errors.ts';
export { type ImportProgress, REFERENCE_FILES, resolveSource } from './source.ts';

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

export interface ImportResult {
  status: 'imported' | 'unchanged';
  message: string;
  source: string;
  counts: ImportCounts | null;
  /** Municipalities that did not land in exactly one region of a type, or whose geometric province differs from the CSV. */
  warnings: string[];
  timings: Record<string, number>;
}

const REGION_TYPE = { provinces: 'province', safetyRegions: 'safety-region', ggdRegions: 'ggd-region' } as const;

export async function importReferenceData(deps: AppDeps, from?: string | null, progress: ImportProgress = () => {}): Promise<ImportResult> {
  const t0 = performance.now();
  const timings: Record<string, number> = {};
  const lap = (name: string, since: number) => (timings[name] = Math.round(performance.now() - since));
  const source = resolveSource(deps.config, from);
  const loaded = await loadFiles(deps.config, source, progress);
  lap('read', t0);

  const last = await q.latestImport(deps.db);
  if (last && last.hash === loaded.hash && (await q.countMunicipalities(deps.db)) > 0) {
    timings.total = Math.round(performance.now() - t0);
    return {
      status: 'unchanged',
      message: 'Reference data unchanged; nothing to do.',
      source: loaded.source,
      counts: JSON.parse(last.counts),
      warnings: [],
      timings,
    };
  }

  let t = performance.now();
  const parsed = parseReference(loaded);
  lap('validate', t);
  t = performance.now();
  const rows = deriveRows(parsed, progress);
  lap('regions', t);

  t = performance.now();
  await inTransaction(deps.db, async (trx) => {
    await q.clearAtlas(trx);
    await q.insertChunked(trx, 'atlas_municipalities', rows.municipalities);
    await q.insertChunked(trx, 'atlas_municipality_names', rows.names);
    await q.insertChunked(trx, 'atlas_municipality_population', rows.population);
    await q.insertChunked(trx, 'atlas_regions', rows.regions);
    await q.insertChunked(trx, 'atlas_region_memberships', rows.memberships);
    await q.insertChunked(trx, 'atlas_mergers', rows.mergers);
    for (const b of rows.boundaries) await trx.insertInto('atlas_boundaries').values(b).execute();
    await trx
      .insertInto('atlas_imports')
      .values({
        imported_at: deps.now().toISOString(),
        source: loaded.source,
        hash: loaded.hash,
        file_hashes: JSON.stringify(loaded.hashes),
        counts: JSON.stringify(rows.counts),
        duration_ms: Math.round(performance.now() - t0),
      })
      .execute();
  });
  lap('write', t);
  invalidateAtlasCache(deps.db);
  timings.total = Math.round(performance.now() - t0);
  const c = rows.counts;
  return {
    status: 'imported',
    message: `Imported ${c.municipalities2019} municipalities (2019), ${c.municipalities2025} (2025), ${c.provinces} provinces, ${c.safetyRegions} safety regions, ${c.ggdRegions} GGD regions and ${c.mergers} merger rows in ${(timings.total / 1000).toFixed(2)} s.`,
    source: loaded.source,
    counts: c,
    warnings: rows.warnings,
    timings,
  };
}

function deriveRows(p: ParsedReference, progress: ImportProgress) {
  const warnings: string[] = [];
  const provinceByName = new Map(p.provinces.features.map((f) => [f.name, f.id]));
  const geo2019 = new Map(p.gemeente2019.features.map((f) => [f.id, f]));
  const geo2025 = new Map(p.gemeente2025.features.map((f) => [f.id, f]));

  const municipalities = p.municipalities.map((m) => {
    const v = validityOf(m, p.mergers);
    return { code: m.code, name: m.name, province_code: provinceByName.get(m.province)!, valid_from: v.validFrom, valid_to: v.validTo };
  });

  // Names: a rename between the two files is dated 2025-01-01 (the exact date is not in the source).
  const names: { code: string; name: string; valid_from: string | null; valid_to: string | null }[] = [];
  for (const m of municipalities) {
    const n2019 = geo2019.get(m.code)?.name;
    const n2025 = geo2025.get(m.code)?.name;
    if (n2019 && n2025 && n2019 !== n2025) {
      names.push({ code: m.code, name: n2019, valid_from: m.valid_from, valid_to: '2025-01-01' });
      names.push({ code: m.code, name: n2025, valid_from: '2025-01-01', valid_to: m.valid_to });
    } else {
      names.push({ code: m.code, name: n2025 ?? n2019 ?? m.name, valid_from: m.valid_from, valid_to: m.valid_to });
    }
  }

  const population: { code: string; reference_year: number; value: number; reference_date: string }[] = [];
  for (const m of p.municipalities) {
    if (m.population2019 !== null)
      population.push({ code: m.code, reference_year: 2019, value: m.population2019, reference_date: m.population2019RefDate! });
    if (m.population2025 !== null)
      population.push({ code: m.code, reference_year: 2025, value: m.population2025, reference_date: m.population2025RefDate! });
  }

  const regions: { code: string; name: string; type: string }[] = [];
  const memberships: { region_code: string; municipality_code: string; valid_from: string | null; valid_to: string | null }[] = [];
  const kinds = ['provinces', 'safetyRegions', 'ggdRegions'] as const;
  let done = 0;
  const total = kinds.length * (p.gemeente2019.features.length + p.gemeente2025.features.length);
  for (const kind of kinds) {
    const topo: ParsedTopology = p[kind];
    const shapes: RegionShape[] = topo.features.map((f) => shapeOf(f.id, f.feature));
    for (const f of topo.features) regions.push({ code: f.id, name: f.name, type: REGION_TYPE[kind] });
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
          warnings.push(
            `${f.id} ${f.name}: ${REGION_TYPE[kind]} ${prev} by its 2019 shape, ${a.regionCode} by its 2025 shape; using 2025.`,
          );
        }
        if (a.regionCode || prev === undefined) result.set(f.id, a.regionCode ?? prev ?? null);
        progress('regions', ++done, total);
      }
    }
    for (const m of municipalities) {
      let regionCode = result.get(m.code) ?? null;
      if (kind === 'provinces') {
        if (regionCode && regionCode !== m.province_code) {
          warnings.push(
            `${m.code} ${m.name}: province ${m.province_code} in gemeenten.csv, ${regionCode} by geometry; using gemeenten.csv.`,
          );
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
      memberships.push({ region_code: regionCode, municipality_code: m.code, valid_from: m.valid_from, valid_to: m.valid_to });
    }
  }

  // Mergers: a whole merger has share 1; a split gets area shares by sampling the old shape.
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

  const boundaries = [
    { t: p.gemeente2019, year: 2019, kind: 'gemeente' },
    { t: p.gemeente2025, year: 2025, kind: 'gemeente' },
    { t: p.provinces, year: 2025, kind: 'provincie' },
    { t: p.safetyRegions, year: 2025, kind: 'veiligheidsregio' },
    { t: p.ggdRegions, year: 2025, kind: 'ggdregio' },
  ].map(({ t, year, kind }) => ({ reference_year: year, kind, topojson: t.text, sha256: sha(t.text) }));

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
  return { municipalities, names, population, regions, memberships, mergers, boundaries, counts, warnings };
}

function sha(text: string) {
  return createHash('sha256').update(text).digest('hex');
}
