// The application as benchmarks see it: buildApp with a production-like config on a temporary
// SQLite database (migrated; demo data when BENCH_DEMO=1), logging at warn, listening on 127.0.0.1.
import { buildApp } from '../../src/app.ts';
import { prepareDatabase } from '../../src/boot.ts';
import { loadConfig } from '../../src/config.ts';
import { createDatabase } from '../../src/db/database.ts';
import { loadDemo } from '../../src/demo/index.ts';
import { modules } from '../../src/modules/index.ts';

// The API rate limit stays on (its cost is part of every /api/ answer) but high enough for a load generator on one address.
const config = { ...loadConfig(), port: 0, host: '127.0.0.1', logLevel: 'warn', apiRateLimitPerMinute: 1_000_000_000 };
const db = createDatabase(config.databaseUrl);
const deps = { config, db, now: () => new Date(), modules };
const quiet = () => {};
await prepareDatabase(deps, quiet);
if (process.env.BENCH_DEMO === '1') await loadDemo({ ...deps, config: { ...config, env: 'development' } }, quiet);
const app = await buildApp(deps);
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`READY ${new URL(address).port}`);
process.on(
  'SIGTERM',
  () =>
    void app
      .close()
      .then(() => db.destroy())
      .then(() => process.exit(0)),
);
