// `backup --to FILE` and `restore --from FILE` for the SQLite database. The backup uses SQLite's
// online backup API, so the server may keep running while it is made; a restore replaces the
// database file and must not run while a server uses it. PostgreSQL is backed up with pg_dump.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { type Config, loadConfig } from '../config.ts';
import { isPostgresUrl, sqlitePathOf } from '../db/database.ts';
import type { CliCommand, CliContext } from '../module.ts';
import { modules } from '../modules/index.ts';

const MIGRATION_TABLE = 'kysely_migration';

export class BackupError extends Error {}

type Progress = (done: number, total: number) => void;

/** Names of the migrations this version of the code knows. */
export function knownMigrations(folders: readonly URL[] = modules.migrationFolders()): string[] {
  return folders
    .flatMap((folder) => readdirSync(fileURLToPath(folder)))
    .filter((f) => /^\d{14}-[a-z0-9-]+\.ts$/.test(f))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();
}

/** Copies a live SQLite database to `target` (a consistent snapshot), via a temporary file and a rename. */
export async function backupSqlite(
  source: string,
  target: string,
  options: { force?: boolean; progress?: Progress } = {},
): Promise<{ pages: number; bytes: number; migrations: number }> {
  if (!existsSync(source)) throw new BackupError(`There is no database at ${source}. Check DATABASE_URL.`);
  if (resolve(source) === resolve(target)) throw new BackupError('The backup file cannot be the database itself.');
  if (existsSync(target) && !options.force) {
    throw new BackupError(`${target} already exists. Choose another file, or add --force to overwrite it.`);
  }
  if (!existsSync(dirname(resolve(target)))) throw new BackupError(`The directory ${dirname(resolve(target))} does not exist.`);
  const temporary = `${target}.partial-${process.pid}`;
  const db = new SqliteDatabase(source, { fileMustExist: true });
  let pages = 0;
  try {
    db.pragma('busy_timeout = 5000');
    const result = await db.backup(temporary, {
      progress: ({ totalPages, remainingPages }) => {
        options.progress?.(totalPages - remainingPages, totalPages);
        return 200;
      },
    });
    pages = result.totalPages;
    options.progress?.(pages, pages);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw e;
  } finally {
    db.close();
  }
  // A backup is one self-contained file: no write-ahead log beside it.
  const copy = new SqliteDatabase(temporary, { fileMustExist: true });
  let migrations: number;
  try {
    copy.pragma('journal_mode = DELETE');
    migrations = checkDatabase(copy, temporary).migrations.length;
  } finally {
    copy.close();
  }
  renameSync(temporary, target);
  const bytes = statSync(target).size;
  return { pages, bytes, migrations };
}

/** Checks that a file is an intact SQLite database of this application; returns its applied migrations. */
export function checkDatabase(db: SqliteDatabase.Database, file: string): { migrations: string[] } {
  let integrity: string;
  try {
    integrity = String(db.pragma('quick_check', { simple: true }));
  } catch (e) {
    throw new BackupError(`${file} is not a SQLite database (${(e as Error).message}).`);
  }
  if (integrity !== 'ok') throw new BackupError(`${file} is damaged: SQLite's quick_check says "${integrity}".`);
  const table = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?`).get(MIGRATION_TABLE);
  if (!table) {
    throw new BackupError(`${file} is a SQLite database but not one of this application (it has no ${MIGRATION_TABLE} table).`);
  }
  const rows = db.prepare(`SELECT name FROM ${MIGRATION_TABLE} ORDER BY name`).all() as { name: string }[];
  return { migrations: rows.map((r) => r.name) };
}

/** Answers true when something answers HTTP on the configured port: the server may be using the database. */
async function serverAnswers(config: Config): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${config.port}/healthz`, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

/**
 * Replaces the database at `target` with the backup `source`. The backup is checked first, copied
 * next to the target, and renamed into place; the database it replaces is kept beside it.
 */
export async function restoreSqlite(
  source: string,
  target: string,
  options: { progress?: Progress; now?: Date } = {},
): Promise<{ migrations: number; pending: number; keptAs: string | null }> {
  if (!existsSync(source)) throw new BackupError(`There is no backup file at ${source}.`);
  if (resolve(source) === resolve(target)) throw new BackupError('The backup file is the database itself; nothing to restore.');
  if (!existsSync(dirname(resolve(target)))) throw new BackupError(`The directory ${dirname(resolve(target))} does not exist.`);

  const known = new Set(knownMigrations());
  let backup: SqliteDatabase.Database;
  try {
    backup = new SqliteDatabase(source, { fileMustExist: true });
  } catch (e) {
    throw new BackupError(`${source} cannot be opened as a SQLite database (${(e as Error).message}).`);
  }
  const temporary = join(dirname(resolve(target)), `.${basename(target)}.restore-${process.pid}`);
  let applied: string[];
  try {
    applied = checkDatabase(backup, source).migrations;
    const unknown = applied.filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new BackupError(
        `${source} was made by a newer version of the application (unknown migrations: ${unknown.join(', ')}). Update the code first.`,
      );
    }
    rmSync(temporary, { force: true });
    const result = await backup.backup(temporary, {
      progress: ({ totalPages, remainingPages }) => {
        options.progress?.(totalPages - remainingPages, totalPages);
        return 200;
      },
    });
    options.progress?.(result.totalPages, result.totalPages);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw e;
  } finally {
    backup.close();
  }

  let keptAs: string | null = null;
  if (existsSync(target)) {
    // Fold the write-ahead log into the old file first: a stale -wal beside the restored file
    // would be replayed onto it.
    const old = new SqliteDatabase(target, { fileMustExist: true });
    try {
      old.pragma('busy_timeout = 5000');
      old.pragma('wal_checkpoint(TRUNCATE)');
      old.pragma('journal_mode = DELETE');
    } finally {
      old.close();
    }
    const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
    keptAs = `${target}.before-restore-${stamp}`;
    renameSync(target, keptAs);
  }
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(target + suffix, { force: true });
  renameSync(temporary, target);

  const restored = new SqliteDatabase(target, { fileMustExist: true });
  try {
    const migrations = checkDatabase(restored, target).migrations.length;
    return { migrations, pending: known.size - migrations, keptAs };
  } finally {
    restored.close();
  }
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const PG_BACKUP_HELP = [
  "DATABASE_URL points to PostgreSQL: back it up with PostgreSQL's own tools, for example",
  '  pg_dump --format=custom --file=gaz-$(date +%F).dump "$DATABASE_URL"',
  'and restore it into an empty database with',
  '  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" gaz-YYYY-MM-DD.dump',
  'Stop the application before a restore. See README.md, "Backups".',
];

async function guarded(ctx: CliContext, fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof BackupError) {
      ctx.out(`Error: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

/** The config when the database is SQLite and the file option is given; otherwise explains and returns null. */
function sqliteConfigFor(file: string | true | undefined, missingFileHint: string, ctx: CliContext) {
  const config = loadConfig();
  if (isPostgresUrl(config.databaseUrl)) {
    for (const line of PG_BACKUP_HELP) ctx.out(line);
    return null;
  }
  if (typeof file !== 'string') {
    ctx.out(missingFileHint);
    return null;
  }
  return config;
}

const backup: CliCommand = {
  name: 'backup',
  usage: 'backup --to FILE [--force]',
  description: 'Copy the SQLite database to FILE while the server keeps running (for PostgreSQL it explains pg_dump).',
  run: (options, ctx) =>
    guarded(ctx, async () => {
      const config = sqliteConfigFor(
        options.to,
        'Say where the backup goes: backup --to FILE (for example --to backups/gaz-2025-01-01.sqlite).',
        ctx,
      );
      if (!config || typeof options.to !== 'string') return 2;
      const source = sqlitePathOf(config.databaseUrl);
      const target = resolve(options.to);
      ctx.out(`Backing up ${source} to ${target} …`);
      const result = await backupSqlite(source, target, {
        force: options.force === true,
        progress: (done, total) => ctx.progress('pages', done, total),
      });
      ctx.out(`Backup written: ${target} (${formatBytes(result.bytes)}, ${result.migrations} migrations applied).`);
      ctx.out(`Restore it with: npm run cli -- restore --from ${target}`);
      return 0;
    }),
};

const restore: CliCommand = {
  name: 'restore',
  usage: 'restore --from FILE [--force]',
  description: 'Replace the SQLite database with a backup made by `backup` (stop the server first). PostgreSQL: see pg_restore.',
  run: (options, ctx) =>
    guarded(ctx, async () => {
      const config = sqliteConfigFor(options.from, 'Say which backup to restore: restore --from FILE.', ctx);
      if (!config || typeof options.from !== 'string') return 2;
      if (options.force !== true && (await serverAnswers(config))) {
        ctx.out(
          `Something answers on port ${config.port}: the server may be using the database. Stop it first ` +
            '(a restore replaces the file under a running server). If that is another program, add --force.',
        );
        return 1;
      }
      const source = resolve(options.from);
      const target = sqlitePathOf(config.databaseUrl);
      ctx.out(`Restoring ${source} to ${target} …`);
      const result = await restoreSqlite(source, target, {
        progress: (done, total) => ctx.progress('pages', done, total),
      });
      if (result.keptAs) ctx.out(`The database it replaced is kept as ${result.keptAs}.`);
      ctx.out(`Restored (${result.migrations} migrations applied).`);
      if (result.pending > 0) {
        ctx.out(
          `The backup is ${result.pending} migration(s) behind this version: they run at the next start, or now with \`npm run cli -- migrate\`.`,
        );
      }
      return 0;
    }),
};

export const backupCommands: CliCommand[] = [backup, restore];
