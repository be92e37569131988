// Migrations: timestamped files in src/db/migrations, applied in order under Kysely's migration lock
// (several instances starting at once on one PostgreSQL apply each migration once).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileMigrationProvider, type Kysely, type MigrationResult, Migrator } from 'kysely';

const migrationFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export function migratorFor(db: Kysely<any>): Migrator {
  return new Migrator({
    db,
    provider: new FileMigrationProvider({ fs, path, migrationFolder }),
  });
}

export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResult[]> {
  const { error, results } = await migratorFor(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return results ?? [];
}

/** True when every migration file has been applied (used by /readyz). */
export async function isMigrated(db: Kysely<any>): Promise<boolean> {
  const migrations = await migratorFor(db).getMigrations();
  return migrations.every((m) => m.executedAt !== undefined);
}
