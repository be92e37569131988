// Migrations: each module keeps timestamped files (`YYYYMMDDHHMMSS-verb-noun.ts`) in its own
// migrations folder, named in its manifest; they are applied together in name order under Kysely's
// migration lock (several instances starting at once on one PostgreSQL apply each migration once).
// Modules only touch their own tables, so a module's migration may land after a later-dated one of
// another module (allowUnorderedMigrations).
import { promises as fs } from 'node:fs';
import { basename, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Kysely, type Migration, type MigrationProvider, type MigrationResult, Migrator } from 'kysely';

const MIGRATION_FILE = /^\d{14}-[a-z0-9-]+\.ts$/;

/** Reads the migration files of every folder; a name used twice is an error. */
export class ModuleMigrationProvider implements MigrationProvider {
  constructor(private readonly folders: readonly URL[]) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    for (const folder of this.folders) {
      const dir = fileURLToPath(folder);
      for (const file of (await fs.readdir(dir)).sort()) {
        if (!MIGRATION_FILE.test(file)) continue;
        const name = basename(file, extname(file));
        if (Object.hasOwn(migrations, name)) throw new Error(`Migration ${name} exists in two modules.`);
        migrations[name] = (await import(new URL(file, folder).href)) as Migration;
      }
    }
    return migrations;
  }
}

export function migratorFor<DB>(db: Kysely<DB>, folders: readonly URL[]): Migrator {
  return new Migrator({ db, provider: new ModuleMigrationProvider(folders), allowUnorderedMigrations: true });
}

export async function migrateToLatest<DB>(db: Kysely<DB>, folders: readonly URL[]): Promise<MigrationResult[]> {
  const { error, results } = await migratorFor(db, folders).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return results ?? [];
}

/** True when every migration file has been applied (used by /readyz). */
export async function isMigrated<DB>(db: Kysely<DB>, folders: readonly URL[]): Promise<boolean> {
  const migrations = await migratorFor(db, folders).getMigrations();
  return migrations.every((m) => m.executedAt !== undefined);
}
