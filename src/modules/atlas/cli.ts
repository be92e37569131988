// `npm run cli -- reference:import [--from DIR|URL]`: imports the CBS reference data.

import { migrateToLatest } from '../../db/migrate.ts';
import type { CliCommand } from '../../module.ts';
import { importReferenceData, ReferenceDataError } from './import/index.ts';

const referenceImport: CliCommand = {
  name: 'reference:import',
  usage: 'reference:import [--from DIR|URL]',
  description:
    'Import municipalities, regions, mergers and boundaries (CBS reference data). Source: --from, else REFERENCE_DATA, else ../shared/data/cbs, else the public URLs.',
  async run(options, ctx) {
    const from = typeof options.from === 'string' ? options.from : null;
    const deps = await ctx.deps();
    await migrateToLatest(deps.db, deps.modules.migrationFolders());
    try {
      const result = await importReferenceData(deps, from, ctx.progress);
      ctx.out(`source: ${result.source}`);
      for (const w of result.warnings) ctx.out(`warning: ${w}`);
      ctx.out(result.message);
      ctx.out(
        `timing: ${Object.entries(result.timings)
          .map(([k, v]) => `${k} ${v} ms`)
          .join(', ')}`,
      );
      return 0;
    } catch (err) {
      if (err instanceof ReferenceDataError) {
        ctx.out(`Import refused, the database was not changed. ${err.message}`);
        return 1;
      }
      throw err;
    }
  },
};

export const atlasCommands: CliCommand[] = [referenceImport];
