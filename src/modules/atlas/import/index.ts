// importReferenceData: reads (or downloads) the seven CBS files, validates them, derives regions from
// geometry and writes everything in ONE transaction. A second run with the same files changes nothing.
import { inTransaction } from '../../../db/database.ts';
import type { AppDeps } from '../../../deps.ts';
import * as q from '../queries.ts';
import { invalidateAtlasCache } from '../snapshot.ts';
import { deriveRows, type ImportCounts } from './derive.ts';
import { parseReference } from './parse.ts';
import { type ImportProgress, loadFiles, resolveSource } from './source.ts';

export type { ImportCounts } from './derive.ts';
export { ReferenceDataError } from './errors.ts';
export { type ImportProgress, REFERENCE_FILES, resolveSource } from './source.ts';

export interface ImportResult {
  status: 'imported' | 'unchanged';
  message: string;
  source: string;
  counts: ImportCounts | null;
  /** Municipalities that did not land in exactly one region of a type, or whose geometric province differs from the CSV. */
  warnings: string[];
  timings: Record<string, number>;
}

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
    for (const b of rows.boundaries) await q.insertBoundary(trx, b);
    await q.recordImport(trx, {
      imported_at: deps.now().toISOString(),
      source: loaded.source,
      hash: loaded.hash,
      file_hashes: JSON.stringify(loaded.hashes),
      counts: JSON.stringify(rows.counts),
      duration_ms: Math.round(performance.now() - t0),
    });
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
