// `npm run lint:openapi`: builds the app on a temporary, migrated SQLite database (no data needed:
// the document depends on the routes, not on what is stored), writes /api/openapi.json to a
// temporary file and lints it with Spectral (.spectral.yaml) failing on any warning.
// The server in the document is PUBLIC_BASE_URL when it is set, else the production address the
// configuration suggests (https://gemeentenaanzet.nl): what users of the deployed API read.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app.ts';
import { testConfig } from '../src/config.ts';
import { createDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { modules } from '../src/modules/index.ts';

const root = new URL('..', import.meta.url).pathname;
const PRODUCTION_ADDRESS = 'https://gemeentenaanzet.nl';

async function buildDocument(dir: string): Promise<unknown> {
  const databaseUrl = `sqlite:${join(dir, 'lint.sqlite')}`;
  const db = createDatabase(databaseUrl);
  try {
    await migrateToLatest(db, modules.migrationFolders());
    const config = testConfig({ databaseUrl, publicBaseUrl: (process.env.PUBLIC_BASE_URL || PRODUCTION_ADDRESS).replace(/\/+$/, '') });
    const app = await buildApp({ config, db, now: () => new Date(), modules }, { logger: false });
    try {
      await app.ready();
      const res = await app.inject({ url: '/api/openapi.json' });
      if (res.statusCode !== 200) throw new Error(`/api/openapi.json answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
      return res.json();
    } finally {
      await app.close();
    }
  } finally {
    await db.destroy();
  }
}

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'gaz-openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(await buildDocument(dir), null, 2));
    const spectral = join(root, 'node_modules', '.bin', 'spectral');
    const args = ['lint', '--ruleset', join(root, '.spectral.yaml'), '--fail-severity=warn', '--display-only-failures', file];
    const result = spawnSync(spectral, args, { cwd: root, stdio: 'inherit' });
    if (result.error) throw result.error;
    return result.status ?? 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exit(await main());
