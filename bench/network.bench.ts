// Network benchmarks (issue 4), figures printed:
//  1. coverage and capacity of every municipality on one date (pure function, and through the
//     service with the database reads, uncached) — target < 50 ms;
//  2. /netwerk for a cached date — target < 5 ms per request (in-process, app.inject);
//  3. issue 12's timeline attack over HTTP: 200 anonymous timeline requests with 200 different end
//     dates, 50 at a time, while /healthz is probed every 100 ms (its worst answer time is printed).
// The network's pages and API under load, beside a bare route sending the same bytes, are in
// public-routes.bench.ts.

import { importReferenceData } from '../src/modules/atlas/index.ts';
import { loadNetworkDemo } from '../src/modules/network/demo.ts';
import { computeCoverage } from '../src/modules/network/network.logic.ts';
import { clearNetworkCache, networkOn } from '../src/modules/network/service.ts';
import { createTestApp } from '../test/helpers/app.ts';
import { type BenchServer, startApp } from './lib.ts';

const DATE = '2019-09-30';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const t = await createTestApp();
try {
  await importReferenceData(t.deps);
  await loadNetworkDemo(t.deps);

  // 1. Coverage for one date.
  const n = await networkOn(t.deps.db, DATE);
  const input = {
    date: DATE,
    municipalities: n.result.municipalities.map((m) => ({ code: m.code, name: m.name, population: m.population })),
    coordinators: [...n.coordinators.values()].map((c) => ({ id: c.id, name: c.name, activeFrom: c.activeFrom, activeTo: c.activeTo })),
    assignments: (
      await t.deps.db.selectFrom('network_assignments').select(['coordinator_id', 'municipality_code', 'valid_from', 'valid_to']).execute()
    ).map((a) => ({
      coordinatorId: Number(a.coordinator_id),
      municipalityCode: a.municipality_code,
      validFrom: a.valid_from,
      validTo: a.valid_to,
    })),
    fteChanges: (await t.deps.db.selectFrom('network_fte_changes').select(['coordinator_id', 'effective_from', 'fte']).execute()).map(
      (f) => ({
        coordinatorId: Number(f.coordinator_id),
        effectiveFrom: f.effective_from,
        fte: Number(f.fte),
      }),
    ),
    norm: n.result.norm,
  };
  const pure: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    computeCoverage(input);
    pure.push(performance.now() - t0);
  }
  const service: number[] = [];
  for (let i = 0; i < 20; i++) {
    clearNetworkCache();
    const t0 = performance.now();
    await networkOn(t.deps.db, DATE);
    service.push(performance.now() - t0);
  }
  console.log(
    `\ncoverage + capacity for ${input.municipalities.length} municipalities, ${input.coordinators.length} coordinators, ${input.assignments.length} assignments on ${DATE}:`,
  );
  console.log(
    `  pure function:              median ${median(pure).toFixed(2)} ms, max ${Math.max(...pure).toFixed(2)} ms  (target < 50 ms)`,
  );
  console.log(`  service incl. DB, uncached: median ${median(service).toFixed(2)} ms, max ${Math.max(...service).toFixed(2)} ms`);

  // 2. /netwerk for a cached date.
  const url = `/netwerk?datum=${DATE}`;
  const first = await t.app.inject({ url });
  if (first.statusCode !== 200) throw new Error(`/netwerk answered ${first.statusCode}`);
  const cached: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    await t.app.inject({ url });
    cached.push(performance.now() - t0);
  }
  console.log(
    `\n/netwerk (cached date, in-process): median ${median(cached).toFixed(2)} ms, p99 ${[...cached].sort((a, b) => a - b)[197].toFixed(2)} ms  (target < 5 ms); ${Math.round(first.body.length / 1024)} KB HTML`,
  );
} finally {
  await t.close();
}

/** 200 timeline requests (50 at a time) for `from(to)`..to, with /healthz probed meanwhile. */
async function timelineAttack(app: BenchServer, label: string, from: (to: string) => string) {
  const dates = Array.from({ length: 200 }, (_, i) => new Date(Date.UTC(2010, 0, 1) + i * 17 * 86_400_000).toISOString().slice(0, 10));
  let stop = false;
  const probes: number[] = [];
  const healthz = (async () => {
    while (!stop) {
      const t0 = performance.now();
      await fetch(app.url('/healthz')).then((r) => r.arrayBuffer());
      probes.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const statuses = new Map<number, number>();
  const latencies: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < dates.length; i += 50) {
    await Promise.all(
      dates.slice(i, i + 50).map(async (to) => {
        const s = performance.now();
        const res = await fetch(app.url(`/api/v1/network/timeline?from=${from(to)}&to=${to}`));
        await res.arrayBuffer();
        latencies.push(performance.now() - s);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }),
    );
  }
  const total = performance.now() - t0;
  stop = true;
  await healthz;
  console.log(
    `\ntimeline, ${label}: 200 requests (50 at a time) in ${(total / 1000).toFixed(2)} s, median ${median(latencies).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms; statuses ${[...statuses].map(([s, n]) => `${n}× ${s}`).join(', ')}`,
  );
  console.log(
    `  /healthz meanwhile: ${probes.length} probes, median ${median(probes).toFixed(1)} ms, worst ${Math.max(...probes).toFixed(0)} ms`,
  );
}

/** The first day of the month 119 months before `to`: a 120-month range. */
const tenYearsBefore = (to: string) => {
  const d = new Date(Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)) - 1 - 119, 1));
  return d.toISOString().slice(0, 10);
};

// 3. The timeline attack on a fresh process (nothing cached yet): the issue's reproduction, then ranges within the limit.
const app = await startApp({ demo: true });
try {
  await timelineAttack(app, 'from=2000-02-01 (issue 12 reproduction)', () => '2000-02-01');
  await timelineAttack(app, '120 months each', tenYearsBefore);
} finally {
  await app.stop();
}
