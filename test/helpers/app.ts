// Builds the real app on a fresh test database; tests talk to it with app.inject().
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { type Config, testConfig } from '../../src/config.ts';
import type { AppDeps } from '../../src/deps.ts';
import { type ModuleManifest, ModuleRegistry } from '../../src/module.ts';
import { modules } from '../../src/modules/index.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  database: TestDatabase;
  close: () => Promise<void>;
}

/**
 * `logLines`: log at the configured level (config.logLevel) into this array, one parsed JSON object
 * per line; without it the app does not log.
 */
export async function createTestApp(
  overrides: {
    config?: Partial<Config>;
    now?: () => Date;
    logLines?: Record<string, unknown>[];
    /** The module list (default: src/modules/index.ts), e.g. with an extra module a test defines. */
    modules?: ModuleManifest[];
    /** Runs on the built app before it is made ready (to add a probe route, say). */
    beforeReady?: (app: FastifyInstance) => void;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const deps: AppDeps = {
    config: testConfig({ databaseUrl: database.url, ...overrides.config }),
    db: database.db,
    now: overrides.now ?? (() => new Date()),
    modules: overrides.modules ? new ModuleRegistry(overrides.modules) : modules,
  };
  const lines = overrides.logLines;
  const app = await buildApp(deps, lines ? { logStream: { write: (line) => void lines.push(JSON.parse(line)) } } : { logger: false });
  overrides.beforeReady?.(app);
  await app.ready();
  return {
    app,
    deps,
    database,
    close: async () => {
      await app.close();
      await database.dispose();
    },
  };
}
