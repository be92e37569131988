// Commands of the platform itself: migrate, demo:load.
import { prepareDatabase } from '../boot.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadDemo } from '../demo/index.ts';
import type { CliCommand } from '../module.ts';

const migrate: CliCommand = {
  name: 'migrate',
  usage: 'migrate',
  description: 'Create or update the database schema to the latest version.',
  run: async (_options, ctx) => {
    const deps = await ctx.deps();
    const results = await migrateToLatest(deps.db, deps.modules.migrationFolders());
    for (const r of results) ctx.out(`${r.status === 'Success' ? 'applied' : r.status}: ${r.migrationName}`);
    ctx.out(results.length === 0 ? 'The database is up to date.' : `Applied ${results.length} migration(s).`);
    return 0;
  },
};

const demoLoad: CliCommand = {
  name: 'demo:load',
  usage: 'demo:load',
  description: 'Load the 2019 demo scenario (fictional people). Refused in production.',
  run: async (_options, ctx) => {
    const deps = await ctx.deps();
    if (deps.config.env === 'production') {
      ctx.out('demo:load is refused in production: demo data must never mix with real data.');
      return 2;
    }
    await prepareDatabase({ ...deps, config: { ...deps.config, loadDemoOnEmpty: false } }, ctx.out);
    await loadDemo(deps, ctx.out);
    ctx.out('Demo scenario loaded.');
    return 0;
  },
};

export const coreCommands: CliCommand[] = [migrate, demoLoad];
