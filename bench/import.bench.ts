// Reference data import (issue 3): both years, all regions and mergers must import in < 10 s.
// Prints the time of each phase for three fresh imports (each into an empty database).
import { resolve } from 'node:path';
import { importReferenceData } from '../src/modules/atlas/index.ts';
import { createTestApp } from '../test/helpers/app.ts';

const source = process.env.REFERENCE_DATA ?? resolve(process.cwd(), '..', 'shared', 'data', 'cbs');
const totals: number[] = [];
for (let i = 0; i < 3; i++) {
  const t = await createTestApp();
  try {
    const result = await importReferenceData(t.deps, source);
    totals.push(result.timings.total);
    console.log(
      `import ${i + 1}: ${Object.entries(result.timings)
        .map(([k, v]) => `${k} ${v} ms`)
        .join(', ')}`,
    );
  } finally {
    await t.close();
  }
}
const median = [...totals].sort((a, b) => a - b)[1];
console.log(
  `reference import (355 + 342 municipalities, 62 regions, 21 mergers): median ${(median / 1000).toFixed(2)} s (target < 10 s): ${median < 10_000 ? 'met' : 'NOT met'}`,
);
