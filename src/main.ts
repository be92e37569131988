// Reads config, prepares the database, listens. Everything else is in buildApp().
import { buildApp } from './app.ts';
import { startBackgroundWork } from './background.ts';
import { prepareDatabase } from './boot.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createDatabase } from './db/database.ts';
import { modules } from './modules/index.ts';

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const db = createDatabase(config.databaseUrl);
  const deps = { config, db, now: () => new Date(), modules };
  await prepareDatabase(deps, (line) => console.log(line));
  const app = await buildApp(deps);
  const background = startBackgroundWork(deps, app.log);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await app.close();
    await background.stop();
    await db.destroy();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  console.log(
    `Gemeenten aan zet runs on http://localhost:${config.port} (${config.databaseUrl.startsWith('sqlite') ? 'SQLite' : 'PostgreSQL'})`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
