// Start-up of the database: migrate, let each module prepare (e.g. import the reference data when
// missing), and in development load the demo scenario into an empty database. Used by `npm start`
// and by the CLI. What each module does here is in its manifest (`boot`).
import { migrateToLatest } from './db/migrate.ts';
import { loadDemo } from './demo/index.ts';
import type { AppDeps } from './deps.ts';

/** True while no module holds user-made data (decides the demo load). */
export async function databaseIsEmpty(deps: AppDeps): Promise<boolean> {
  for (const { boot } of deps.modules.bootChecks()) {
    if (boot.isEmpty && !(await boot.isEmpty(deps))) return false;
  }
  return true;
}

export async function prepareDatabase(deps: AppDeps, log: (line: string) => void): Promise<void> {
  const applied = await migrateToLatest(deps.db, deps.modules.migrationFolders());
  const done = applied.filter((r) => r.status === 'Success').length;
  log(done > 0 ? `database: applied ${done} migration(s)` : 'database: up to date');
  const empty = await databaseIsEmpty(deps);
  for (const { boot } of deps.modules.bootChecks()) await boot.prepare?.(deps, log);
  if (empty && deps.config.loadDemoOnEmpty) {
    log('database: empty, loading the 2019 demo scenario (development only)');
    await loadDemo(deps, log);
  }
}
