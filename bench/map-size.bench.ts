// /kaart size and render time (issue 3): the page (HTML + inline SVG) for 342 municipalities must
// be ≤ 150 KB gzipped. Prints the gzipped/brotli sizes for today and 2019-06-01, and the time of an
// uncached render (fresh process, first request per URL) against a memoised one.
import { resolve } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { importReferenceData } from '../src/modules/atlas/index.ts';
import { createTestApp } from '../test/helpers/app.ts';

const LIMIT = 150 * 1024;
const source = process.env.REFERENCE_DATA ?? resolve(process.cwd(), '..', 'shared', 'data', 'cbs');
const t = await createTestApp({ now: () => new Date('2026-11-28T12:00:00Z') });
try {
  await importReferenceData(t.deps, source);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  let ok = true;
  for (const url of ['/kaart', '/kaart?datum=2019-06-01', '/kaart?datum=2021-06-01']) {
    const t0 = performance.now();
    const first = await t.app.inject({ method: 'GET', url });
    const uncached = performance.now() - t0;
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const s = performance.now();
      await t.app.inject({ method: 'GET', url });
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    const areas = first.body.match(/<a href="\/gemeenten\/GM\d{4}" data-code=/g)?.length ?? 0;
    const gz = gzipSync(first.body, { level: 6 }).length;
    const br = brotliCompressSync(first.body).length;
    const met = gz <= LIMIT;
    if (url === '/kaart') ok &&= met && areas === 342;
    console.log(
      `${url}: ${first.statusCode}, ${areas} municipalities, HTML ${kb(first.body.length)}, gzip ${kb(gz)}, brotli ${kb(br)}` +
        ` (limit ${kb(LIMIT)} gzip: ${met ? 'met' : 'NOT met'}); render uncached ${uncached.toFixed(1)} ms, cached median ${times[10].toFixed(2)} ms`,
    );
  }
  if (!ok) process.exitCode = 1;
} finally {
  await t.close();
}
