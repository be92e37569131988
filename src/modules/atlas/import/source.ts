// Where the reference files come from: a directory, or a URL base from which they are downloaded
// (with progress) into DATA_DIR/reference/. Returns the bytes of all seven files.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../../../config.ts';
import { ReferenceDataError } from './errors.ts';

export const REFERENCE_FILES = [
  'gemeenten.csv',
  'herindelingen_2019_2025.csv',
  'gemeente_2019.topojson',
  'gemeente_2025.topojson',
  'provincie_2025.topojson',
  'veiligheidsregio_2025.topojson',
  'ggdregio_2025.topojson',
] as const;
export type ReferenceFile = (typeof REFERENCE_FILES)[number];

export type ImportProgress = (label: string, done: number, total: number) => void;

export interface LoadedFiles {
  /** Human-readable origin, recorded in the import log. */
  source: string;
  files: Record<ReferenceFile, Buffer>;
  hashes: Record<ReferenceFile, string>;
  /** sha256 over the seven hashes, in a fixed order. */
  hash: string;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** `--from`, else config.referenceData (REFERENCE_DATA or ../shared/data/cbs), else the public URLs. */
export function resolveSource(config: Config, from: string | null | undefined): string {
  return from || config.referenceData || config.referenceDataUrls;
}

export async function loadFiles(config: Config, source: string, progress: ImportProgress = () => {}): Promise<LoadedFiles> {
  const files = {} as Record<ReferenceFile, Buffer>;
  if (isUrl(source)) {
    const base = source.endsWith('/') ? source : `${source}/`;
    const target = resolve(config.dataDir, 'reference');
    mkdirSync(target, { recursive: true });
    const missing: { name: string; why: string }[] = [];
    let done = 0;
    for (const name of REFERENCE_FILES) {
      progress('downloading reference data', done, REFERENCE_FILES.length);
      try {
        const res = await fetch(base + name);
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        files[name] = Buffer.from(await res.arrayBuffer());
        writeFileSync(join(target, name), files[name]);
      } catch (err) {
        // A file downloaded earlier (or copied there by hand) still counts.
        const local = join(target, name);
        if (existsSync(local)) files[name] = readFileSync(local);
        else missing.push({ name, why: (err as Error).message });
      }
      progress('downloading reference data', ++done, REFERENCE_FILES.length);
    }
    if (missing.length > 0) {
      throw new ReferenceDataError(
        missing.map((m) => m.name).join(', '),
        null,
        `could not be downloaded from ${base} (${missing.map((m) => `${m.name}: ${m.why}`).join('; ')}). ` +
          `gemeenten.csv and herindelingen_2019_2025.csv are not published with the boundary files; ` +
          `put all seven files in a directory (see ../shared/data/README.md) and run ` +
          `\`npm run cli -- reference:import --from DIR\` or set REFERENCE_DATA=DIR. ` +
          `Files downloaded so far are in ${target}.`,
      );
    }
    return withHashes(base, files);
  }
  const dir = resolve(source);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ReferenceDataError(dir, null, 'is not a directory. Give --from DIR or URL, or set REFERENCE_DATA.');
  }
  for (const name of REFERENCE_FILES) {
    const path = join(dir, name);
    if (!existsSync(path)) throw new ReferenceDataError(name, null, `is missing in ${dir}.`);
    files[name] = readFileSync(path);
  }
  return withHashes(dir, files);
}

function withHashes(source: string, files: Record<ReferenceFile, Buffer>): LoadedFiles {
  const hashes = {} as Record<ReferenceFile, string>;
  const all = createHash('sha256');
  for (const name of REFERENCE_FILES) {
    hashes[name] = createHash('sha256').update(files[name]).digest('hex');
    all.update(`${name}:${hashes[name]}\n`);
  }
  return { source, files, hashes, hash: all.digest('hex') };
}
