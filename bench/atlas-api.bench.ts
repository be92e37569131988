// Atlas open-data API under load (issue 3; issue 12 measures every public route in
// public-routes.bench.ts): GET /api/v1/municipalities/GM0363 against a bare Fastify route sending the
// same bytes, in the same run (bench/lib.ts: server on CPU 0, autocannon on CPU 1, 127.0.0.1). The app
// imports the reference data at start. Anonymous repeats are answered by the edge cache
// (src/http/edge-cache.ts, ADR 0007); the same URL is also measured with a cookie that is not the
// language cookie, which sends every request through the whole Fastify pipeline.
import { compareWithBaseline, startApp } from './lib.ts';

const TARGET = 0.7;
const app = await startApp();
try {
  const path = '/api/v1/municipalities/GM0363';
  const edge = await compareWithBaseline({ name: 'atlas: one municipality (edge cache)', path, app, sameBytes: true });
  await compareWithBaseline({
    name: 'atlas: one municipality, whole pipeline (request with a cookie, no edge cache)',
    path,
    headers: { cookie: 'bench=1' },
    app,
    sameBytes: true,
  });
  console.log(
    `\natlas API target: ${(edge.ratio * 100).toFixed(0)}% of bare Fastify sending the same bytes for ${path} (target ≥ ${TARGET * 100}%): ${edge.ratio >= TARGET ? 'met' : 'NOT met'}`,
  );
} finally {
  await app.stop();
}
