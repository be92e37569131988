// `npm run bench`: runs every bench/*.bench.ts one after another (never in parallel: they pin
// CPUs) and lists the ones that failed. `npm run bench -- home` runs those whose name matches.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './lib.ts';

const filters = process.argv.slice(2);
const files = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((p) => f.includes(p)))
  .sort();
if (files.length === 0) {
  console.error('No benchmarks found (bench/*.bench.ts).');
  process.exit(1);
}
const failed: string[] = [];
for (const file of files) {
  console.log(`\n### ${file}`);
  const res = spawnSync(process.execPath, ['--import', 'tsx', join('bench', file)], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) failed.push(file);
}
console.log(failed.length === 0 ? `\n${files.length} benchmark(s) ran.` : `\nFailed: ${failed.join(', ')}`);
process.exit(failed.length === 0 ? 0 : 1);
