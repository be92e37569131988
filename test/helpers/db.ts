// A fresh, migrated database per test file: a temporary SQLite file, or, when TEST_DATABASE_URL is
// set, a new PostgreSQL database created beside it (and dropped afterwards).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDatabase, type Db } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { modules } from '../../src/modules/index.ts';

export interface TestDatabase {
  db: Db;
  url: string;
  dialect: 'sqlite' | 'postgres';
  dispose: () => Promise<void>;
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const base = process.env.TEST_DATABASE_URL;
  let result: TestDatabase;
  if (base) {
    const name = `gaz_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    const db = createDatabase(url.toString(), { poolSize: 5 });
    result = {
      db,
      url: url.toString(),
      dialect: 'postgres',
      dispose: async () => {
        await db.destroy();
        const drop = new pg.Client({ connectionString: base });
        await drop.connect();
        await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await drop.end();
      },
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'gaz-test-'));
    const url = `sqlite:${join(dir, 'test.sqlite')}`;
    const db = createDatabase(url);
    result = {
      db,
      url,
      dialect: 'sqlite',
      dispose: async () => {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (options.migrate !== false) await migrateToLatest(result.db, modules.migrationFolders());
  return result;
}
