// Atlas open-data API under load (issue 3): GET /api/v1/municipalities/GM0363 must reach ≥ 70 % of
// the requests/s of a bare Fastify constant-JSON route, measured in the same run (bench/lib.ts:
// server on CPU 0, autocannon on CPU 1, 127.0.0.1). The app imports the reference data at start.
// Anonymous repeats are answered by the edge cache (src/http/edge-cache.ts, ADR 0007); the same URL
// is also measured with a cookie, which sends every request through the whole Fastify pipeline.
import { compareWithBaseline, startApp } from './lib.ts';

const TARGET = 0.7;
const app = await startApp();
try {
  const routes: { name: string; path: string; headers?: Record<string, string> }[] = [
    { name: 'atlas: one municipality', path: '/api/v1/municipalities/GM0363' },
    {
      name: 'atlas: all municipalities on a date (brotli)',
      path: '/api/v1/municipalities?date=2019-06-01',
      headers: { 'accept-encoding': 'br' },
    },
    {
      name: 'atlas: one municipality, whole pipeline (request with a cookie, no edge cache)',
      path: '/api/v1/municipalities/GM0363',
      headers: { cookie: 'gaz_lang=nl' },
    },
  ];
  const results = [];
  for (const r of routes) results.push(await compareWithBaseline({ ...r, app }));
  const main = results[0];
  console.log(
    `\natlas API target: ${(main.ratio * 100).toFixed(0)}% of bare Fastify for ${routes[0].path} (target ≥ ${TARGET * 100}%): ${main.ratio >= TARGET ? 'met' : 'NOT met'}`,
  );
} finally {
  await app.stop();
}
