// Start-up of the database: migrate, import the reference data when missing, and in development
// load the demo scenario into an empty database. Used by `npm start` and by the CLI.

import { migrateToLatest } from './db/migrate.ts';
import { loadDemo } from './demo/index.ts';
import type { AppDeps } from './deps.ts';

export interface BootHooks {
  /** True when the database holds no user-made data yet (decides the demo load). */
  isEmpty: (deps: AppDeps) => Promise<boolean>;
  /** Imports the reference data if it is not there yet. */
  ensureReferenceData: (deps: AppDeps, log: (line: string) => void) => Promise<void>;
}

const hooks: BootHooks = {
  isEmpty: async () => false,
  ensureReferenceData: async () => {},
};

export function setBootHooks(partial: Partial<BootHooks>) {
  Object.assign(hooks, partial);
}

export async function prepareDatabase(deps: AppDeps, log: (line: string) => void): Promise<void> {
  const applied = await migrateToLatest(deps.db);
  const done = applied.filter((r) => r.status === 'Success').length;
  log(done > 0 ? `database: applied ${done} migration(s)` : 'database: up to date');
  await import('./boot-hooks.ts');
  const empty = await hooks.isEmpty(deps);
  await hooks.ensureReferenceData(deps, log);
  if (empty && deps.config.loadDemoOnEmpty) {
    log('database: empty, loading the 2019 demo scenario (development only)');
    await loadDemo(deps, log);
  }
}
