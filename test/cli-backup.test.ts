// backup/restore of the SQLite database: through the functions and through the real CLI.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { BackupError, backupSqlite, knownMigrations, restoreSqlite } from '../src/cli/backup.ts';
import { createDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { modules } from '../src/modules/index.ts';

const root = resolve(import.meta.dirname, '..');
let dir: string;
let port: number;

/** A migrated SQLite database holding some rows of its own. */
async function databaseWithData(path: string, rows: number, label: string) {
  const db = createDatabase(`sqlite:${path}`);
  await migrateToLatest(db, modules.migrationFolders());
  await db.destroy();
  const raw = new SqliteDatabase(path);
  raw.exec('CREATE TABLE backup_probe (id INTEGER PRIMARY KEY, label TEXT NOT NULL, body TEXT NOT NULL)');
  const insert = raw.prepare('INSERT INTO backup_probe (label, body) VALUES (?, ?)');
  raw.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(label, `${label}-${i}-${'x'.repeat(i % 200)}`);
  })();
  raw.close();
}

function contentsOf(path: string) {
  const raw = new SqliteDatabase(path, { readonly: true });
  try {
    return {
      probe: raw.prepare('SELECT id, label, body FROM backup_probe ORDER BY id').all(),
      migrations: raw.prepare('SELECT name FROM kysely_migration ORDER BY name').all(),
    };
  } finally {
    raw.close();
  }
}

function cli(databasePath: string, args: string[]) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, NODE_ENV: 'test', DATABASE_URL: `sqlite:${databasePath}`, PORT: String(port), DATA_DIR: dir },
    encoding: 'utf8',
  });
  return { code: res.status, out: `${res.stdout}${res.stderr}` };
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gaz-backup-'));
  // A port nobody listens on, so `restore` does not think a server is running.
  port = await new Promise<number>((r) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => r(p));
    });
  });
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('backupSqlite copies a live database (with an open writer) and restoreSqlite puts it in another place', async () => {
  const source = join(dir, 'live.sqlite');
  await databaseWithData(source, 2500, 'live');
  // A second connection in WAL mode with uncheckpointed writes: the backup must include them.
  const writer = new SqliteDatabase(source);
  writer.pragma('journal_mode = WAL');
  writer.prepare('INSERT INTO backup_probe (label, body) VALUES (?, ?)').run('in-wal', 'written after the start');
  const progress: [number, number][] = [];
  const backup = join(dir, 'live.backup.sqlite');
  const result = await backupSqlite(source, backup, { progress: (done, total) => progress.push([done, total]) });
  writer.close();

  assert.ok(result.bytes > 0);
  assert.equal(result.migrations, knownMigrations().length);
  assert.ok(progress.length >= 1);
  assert.deepEqual(progress.at(-1), [result.pages, result.pages]);
  assert.ok(!existsSync(`${backup}-wal`), 'the backup is one self-contained file');

  const target = join(dir, 'restored.sqlite');
  await databaseWithData(target, 3, 'other'); // a different database is replaced
  const restored = await restoreSqlite(backup, target);
  assert.equal(restored.pending, 0);
  assert.ok(restored.keptAs && existsSync(restored.keptAs), 'the replaced database is kept');
  assert.deepEqual(contentsOf(target), contentsOf(source));
  assert.equal(contentsOf(target).probe.length, 2501);
  assert.equal(contentsOf(restored.keptAs!).probe.length, 3);
  assert.deepEqual(
    readdirSync(dir).filter((f) => f.includes('.restore-') || f.includes('.partial-')),
    [],
    'no temporary files left',
  );
});

test('backup refuses to overwrite a file unless forced; restore refuses what is not our database', async () => {
  const source = join(dir, 'refuse.sqlite');
  await databaseWithData(source, 10, 'refuse');
  const backup = join(dir, 'refuse.backup.sqlite');
  writeFileSync(backup, 'something precious');
  await assert.rejects(backupSqlite(source, backup), (e: Error) => e instanceof BackupError && /already exists/.test(e.message));
  await backupSqlite(source, backup, { force: true });
  assert.equal(contentsOf(backup).probe.length, 10);

  const target = join(dir, 'refuse-target.sqlite');
  const notSqlite = join(dir, 'notes.txt');
  writeFileSync(notSqlite, 'this is not a database\n'.repeat(100));
  await assert.rejects(restoreSqlite(notSqlite, target), (e: Error) => e instanceof BackupError && /not a SQLite database/.test(e.message));

  const foreign = join(dir, 'foreign.sqlite');
  const raw = new SqliteDatabase(foreign);
  raw.exec('CREATE TABLE t (x)');
  raw.close();
  await assert.rejects(
    restoreSqlite(foreign, target),
    (e: Error) => e instanceof BackupError && /not one of this application/.test(e.message),
  );

  const newer = join(dir, 'newer.sqlite');
  await databaseWithData(newer, 1, 'newer');
  const n = new SqliteDatabase(newer);
  n.prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)').run('29991231000000-from-the-future', new Date().toISOString());
  n.close();
  await assert.rejects(restoreSqlite(newer, target), (e: Error) => e instanceof BackupError && /newer version/.test(e.message));

  await assert.rejects(backupSqlite(join(dir, 'missing.sqlite'), join(dir, 'x.sqlite')), /no database at/);
  assert.ok(!existsSync(target), 'a refused restore leaves nothing behind');
});

test('the CLI: backup --to, restore --from, and clear messages', async () => {
  const source = join(dir, 'cli-source.sqlite');
  await databaseWithData(source, 500, 'cli');
  const backup = join(dir, 'cli-backup.sqlite');

  const made = cli(source, ['backup', '--to', backup]);
  assert.equal(made.code, 0, made.out);
  assert.match(made.out, /Backup written: .*cli-backup\.sqlite/);
  assert.match(made.out, /pages \d+\/\d+/);

  const again = cli(source, ['backup', '--to', backup]);
  assert.equal(again.code, 1);
  assert.match(again.out, /already exists\. Choose another file, or add --force/);

  const missingOption = cli(source, ['backup']);
  assert.equal(missingOption.code, 2);
  assert.match(missingOption.out, /backup --to FILE/);

  const target = join(dir, 'cli-target.sqlite');
  const restored = cli(target, ['restore', '--from', backup]);
  assert.equal(restored.code, 0, restored.out);
  assert.match(restored.out, /Restored \(\d+ migrations applied\)/);
  assert.deepEqual(contentsOf(target), contentsOf(source));

  const bad = cli(target, ['restore', '--from', join(dir, 'nope.sqlite')]);
  assert.equal(bad.code, 1);
  assert.match(bad.out, /There is no backup file at/);
});

test('with PostgreSQL the CLI explains pg_dump and pg_restore instead', () => {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'backup', '--to', join(dir, 'pg.dump')], {
    cwd: root,
    env: { PATH: process.env.PATH, NODE_ENV: 'test', DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' },
    encoding: 'utf8',
  });
  assert.equal(res.status, 2);
  assert.match(res.stdout, /pg_dump --format=custom/);
  assert.match(res.stdout, /pg_restore/);
  assert.ok(!existsSync(join(dir, 'pg.dump')));
});
