// The 2019 demo scenario (DESIGN.md): clearly labelled example data, loaded by `npm run demo`
// and by the first start of an empty development database. Each module contributes its part,
// in dependency order; every part is idempotent.
import type { AppDeps } from '../deps.ts';

export interface DemoPart {
  name: string;
  /** Loads this part; returns lines to print (e.g. demo logins). */
  load: (deps: AppDeps, log: (line: string) => void) => Promise<void>;
}

const parts: DemoPart[] = [];

/** Modules register their demo part here (see src/demo/parts.ts). */
export function registerDemoPart(part: DemoPart) {
  if (!parts.some((p) => p.name === part.name)) parts.push(part);
}

export async function loadDemo(deps: AppDeps, log: (line: string) => void = console.log): Promise<void> {
  await import('./parts.ts');
  for (const part of parts) {
    log(`demo: ${part.name}…`);
    await part.load(deps, log);
  }
}
