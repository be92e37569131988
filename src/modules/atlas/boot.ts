// Start-up hooks of the atlas: import the reference data into an empty atlas.
import type { AppDeps } from '../../deps.ts';
import { importReferenceData, ReferenceDataError } from './import/index.ts';
import { atlasIsEmpty } from './snapshot.ts';

export async function ensureReferenceData(deps: AppDeps, log: (line: string) => void): Promise<void> {
  if (!(await atlasIsEmpty(deps.db))) return;
  log('atlas: no reference data yet, importing');
  try {
    const result = await importReferenceData(deps, null, () => {});
    for (const w of result.warnings) log(`atlas: warning: ${w}`);
    log(`atlas: ${result.message}`);
  } catch (err) {
    // The site still starts (pages say there is no data yet); the log says how to fix it.
    if (!(err instanceof ReferenceDataError)) throw err;
    log(`atlas: reference data NOT imported: ${err.message}`);
  }
}
