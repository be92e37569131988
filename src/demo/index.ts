// The 2019 demo scenario (DESIGN.md): clearly labelled example data, loaded by `npm run demo` and by
// the first start of an empty development database. Each module's manifest has its part (`demo`),
// loaded after the parts it names; every part is idempotent.
import type { AppDeps } from '../deps.ts';

export async function loadDemo(deps: AppDeps, log: (line: string) => void = console.log): Promise<void> {
  for (const { name, part } of deps.modules.demoParts()) {
    log(`demo: ${name}…`);
    await part.load(deps, log);
  }
}
