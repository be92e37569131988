#!/usr/bin/env node
// Runs the test suite with node's test runner (through tsx). `node --test` neither finds .ts files
// nor expands quoted globs, so this script lists them. With TEST_DATABASE_URL set, the suite runs
// twice: on SQLite, then on PostgreSQL. `--e2e` runs the browser tests in e2e/ instead.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const e2e = args.includes('--e2e');
const filters = args.filter((a) => !a.startsWith('--'));

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(relative(root, full));
  }
  return out;
}

const dirs = e2e ? ['e2e'] : ['src', 'test'];
let files = dirs.flatMap((d) => walk(join(root, d))).sort();
if (filters.length > 0) files = files.filter((f) => filters.some((p) => f.includes(p)));
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}

const totals = { pass: 0, fail: 0, skipped: 0 };

function run(label, env) {
  console.log(`\n# ${label}: ${files.length} test files`);
  const tap = join(mkdtempSync(join(tmpdir(), 'gaz-tap-')), 'report.tap');
  const result = spawnSync(
    process.execPath,
    [
      '--test',
      '--import',
      'tsx',
      '--import',
      './test/setup.ts',
      `--test-concurrency=${e2e ? 1 : 2}`,
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...files,
    ],
    { cwd: root, env: { ...env, NODE_ENV: 'test' }, stdio: 'inherit' },
  );
  const report = readFileSync(tap, 'utf8');
  const count = (name) => Number(report.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  totals.pass += count('pass');
  totals.fail += count('fail') + count('cancelled');
  totals.skipped += count('skipped') + count('todo');
  return result.status ?? 1;
}

const pgUrl = process.env.TEST_DATABASE_URL;
const sqliteEnv = { ...process.env };
delete sqliteEnv.TEST_DATABASE_URL;
// Browser tests run once; a suite that also covers PostgreSQL reads the server's address here.
const e2eEnv = pgUrl ? { ...sqliteEnv, E2E_POSTGRES_URL: pgUrl } : sqliteEnv;
let status = run(e2e ? 'browser tests' : 'tests on SQLite', e2e ? e2eEnv : sqliteEnv);
if (pgUrl && !e2e) status = run('tests on PostgreSQL', process.env) || status;
console.log(`\n${totals.pass} passed, ${totals.fail} failed, ${totals.skipped} skipped`);
process.exit(status);
