// Draws the map of each boundary file (2019 and 2025) once in the background when the server starts
// (config.warmMapsAtStart, WARM_MAPS). Projecting ~350 municipalities with d3-geo's code still cold is
// the largest part of the first page a process renders with a map — the advice dashboard's first
// request paid 89–199 ms for it on a loaded machine (docs/BENCHMARKS.md). The choropleth keeps the
// projection per topology and size (src/views/choropleth), and boundariesOn keeps the topology per
// reference-data snapshot, so every later map of that boundary version and size reuses it. The
// 2021–2022 maps are derived per date and stay drawn on first use.
import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import type { BackgroundWorker } from '../../module.ts';
import { renderChoropleth } from '../../views/choropleth/index.ts';
import { boundaryYearFor } from './atlas.logic.ts';
import { boundariesOn } from './boundaries.ts';

/** A date drawn with each boundary file: one in 2020 (the 2019 file) and today (the 2025 file); a derived date is skipped. */
function warmDates(today: string): string[] {
  return ['2020-01-01', today].filter((date) => boundaryYearFor(date) !== 'derived');
}

/** Draws each boundary version's map once (no values); returns how many were drawn. */
export async function warmMaps(deps: Pick<AppDeps, 'db' | 'now'>, isStopped: () => boolean = () => false): Promise<number> {
  let drawn = 0;
  for (const date of warmDates(deps.now().toISOString().slice(0, 10))) {
    if (isStopped()) break;
    const boundaries = await boundariesOn(deps.db, date);
    if (!boundaries) break;
    renderChoropleth({
      id: 'warm',
      areas: { topology: boundaries.municipalities, object: 'municipalities' },
      overlay: boundaries.provinces ? { topology: boundaries.provinces, object: 'provinces' } : null,
      values: new Map(),
      legend: [],
      title: '',
      locale: 'nl',
      linkFor: () => null,
      titleFor: (_code, name) => name,
    });
    drawn += 1;
  }
  return drawn;
}

/** The warm-up as a background worker; `drawn` settles with the number of maps drawn (0 when off or stopped first). */
export function startMapWarmUp(deps: AppDeps, log: FastifyBaseLogger): BackgroundWorker & { drawn: Promise<number> } {
  if (!deps.config.warmMapsAtStart) return { drawn: Promise.resolve(0), stop: async () => {} };
  let stopped = false;
  const started = performance.now();
  const drawn = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => warmMaps(deps, () => stopped))
    .then((count) => {
      log.info({ drawn: count, ms: Math.round(performance.now() - started) }, 'maps drawn at start');
      return count;
    })
    .catch((err: unknown) => {
      log.warn({ err }, 'drawing the maps at start failed; they are drawn on first use');
      return 0;
    });
  return {
    drawn,
    stop: async () => {
      stopped = true;
      await drawn;
    },
  };
}
