// The app a route walk runs on (test/permissions, html-validity, public-forms): the reference data and,
// with `demo`, the whole demo scenario; every module's route examples; a Walker for the callers.
import type { Config } from '../../src/config.ts';
import { loadDemo } from '../../src/demo/index.ts';
import { MODULES } from '../../src/modules/index.ts';
import type { TestApp } from './app.ts';
import { createAtlasTestApp } from './atlas.ts';
import { coreRouteExamples } from './core-route-examples.ts';
import { loadRouteExamples, type RouteExamples } from './walk.ts';
import { Walker, type Who } from './walker.ts';

export async function startWalk(options: {
  whos: readonly Who[];
  demo?: boolean;
  config?: Partial<Config>;
}): Promise<{ t: TestApp; examples: RouteExamples; walker: Walker }> {
  const t = await createAtlasTestApp(() => new Date(), { config: options.config });
  if (options.demo) await loadDemo(t.deps, () => {});
  const examples = await loadRouteExamples(MODULES, coreRouteExamples);
  return { t, examples, walker: new Walker(t, examples, options.whos) };
}
