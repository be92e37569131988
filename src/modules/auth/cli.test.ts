// CLI: user:create and token:create, called directly with a context and once as a real process.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import type { CliContext } from '../../cli/registry.ts';
import { listAudit } from '../audit/index.ts';
import { authenticateApiToken } from './api-tokens.ts';
import { authCommands } from './cli.ts';
import { checkPasswordLink } from './one-time-links.ts';
import { verifyPassword } from './passwords.ts';
import { findUserByEmail } from './users.service.ts';

const run = promisify(execFile);
const root = new URL('../../../', import.meta.url).pathname;

let t: TestApp;

before(async () => {
  t = await createTestApp();
});
after(async () => t?.close());

async function cli(name: string, options: Record<string, string | true>) {
  const lines: string[] = [];
  const ctx: CliContext = { deps: async () => t.deps, out: (l) => lines.push(l), progress: () => {} };
  const code = await authCommands.find((c) => c.name === name)!.run(options, ctx);
  return { code, output: lines.join('\n') };
}

test('user:create with a password makes an active account, recorded with actor "cli"', async () => {
  const { code, output } = await cli('user:create', {
    email: 'Eerste.Beheerder@example.org',
    role: 'admin',
    name: 'Eva Eerst',
    password: 'een lang beheerderswachtwoord',
  });
  assert.equal(code, 0, output);
  assert.match(output, /Created admin account eerste\.beheerder@example\.org/);
  assert.match(output, /two-step verification/);
  const row = await t.deps.db.selectFrom('users').selectAll().where('email', '=', 'eerste.beheerder@example.org').executeTakeFirstOrThrow();
  assert.equal(row.status, 'active');
  assert.ok(await verifyPassword('een lang beheerderswachtwoord', row.password_hash!));
  const audit = await listAudit(t.deps.db, { entity: 'user' });
  assert.ok(audit.entries.some((e) => e.entityId === String(row.id) && e.actorLabel === 'cli' && e.actorUserId === null));
});

test('user:create without a password prints a one-time link that works', async () => {
  const { code, output } = await cli('user:create', { email: 'adviseur@example.org', role: 'adviser' });
  assert.equal(code, 0, output);
  const link = output.match(/https?:\/\/\S+\/wachtwoord\/instellen\?token=(\S+)/);
  assert.ok(link, output);
  const check = await checkPasswordLink(t.deps.db, link[1], new Date());
  assert.equal(check.status, 'valid');
  assert.equal((await findUserByEmail(t.deps.db, 'adviseur@example.org'))?.status, 'invited');
});

test('user:create validation errors exit with code 2 and say what is wrong', async () => {
  let r = await cli('user:create', { role: 'admin' });
  assert.equal(r.code, 2);
  assert.match(r.output, /--email: /);
  r = await cli('user:create', { email: 'x@example.org', role: 'keizer' });
  assert.equal(r.code, 2);
  assert.match(r.output, /--role: Choose one of: admin, adviser, coordinator, municipality, learner\./);
  r = await cli('user:create', { email: 'y@example.org', role: 'admin', password: 'kort' });
  assert.equal(r.code, 2);
  assert.match(r.output, /--password: /);
  r = await cli('user:create', { email: 'ADVISEUR@example.org', role: 'adviser' });
  assert.equal(r.code, 2);
  assert.match(r.output, /An account with this email address already exists\./);
  r = await cli('user:create', { email: 'g@example.org', role: 'municipality' });
  assert.equal(r.code, 2);
  assert.match(r.output, /--municipality/);
});

test('token:create prints a token once that authenticates as the owner; errors exit 2', async () => {
  // Tokens are for staff with two-step verification: without it, token:create says what to do first.
  const before = await cli('token:create', { email: 'eerste.beheerder@example.org' });
  assert.equal(before.code, 2);
  assert.match(before.output, /Turn on two-step verification for this account first/);
  await t.deps.db
    .updateTable('users')
    .set({ totp_secret: 'JBSWY3DPEHPK3PXP', totp_enabled_at: new Date().toISOString() })
    .where('email', '=', 'eerste.beheerder@example.org')
    .execute();
  const { code, output } = await cli('token:create', { email: 'eerste.beheerder@example.org', name: 'backup-script' });
  assert.equal(code, 0, output);
  const token = output.match(/gaz_[A-Za-z0-9_-]{43}/)?.[0];
  assert.ok(token);
  assert.equal((await authenticateApiToken(t.deps.db, token, new Date()))?.email, 'eerste.beheerder@example.org');
  assert.equal((await cli('token:create', { email: 'niemand@example.org' })).code, 2);
  assert.equal((await cli('token:create', {})).code, 2);
  await cli('user:create', {
    email: 'gm@example.org',
    role: 'municipality',
    municipality: 'GM0363',
    password: 'een lang gemeentewachtwoord',
  });
  const muni = await cli('token:create', { email: 'gm@example.org' });
  assert.equal(muni.code, 2);
  assert.match(muni.output, /Only programme staff/);
});

test('runs as a real process: `cli user:create` against the test database', async () => {
  const env = { ...process.env, DATABASE_URL: t.database.url, NODE_ENV: 'development' };
  const tsx = `${root}node_modules/.bin/tsx`;
  const ok = await run(
    tsx,
    ['src/cli.ts', 'user:create', '--email', 'proces@example.org', '--role', 'adviser', '--password', 'een lang proceswachtwoord'],
    { cwd: root, env },
  );
  assert.match(ok.stdout, /Created adviser account proces@example\.org/);
  assert.equal((await findUserByEmail(t.deps.db, 'proces@example.org'))?.role, 'adviser');
  await assert.rejects(
    run(tsx, ['src/cli.ts', 'user:create', '--email', 'x@example.org', '--role', 'keizer'], { cwd: root, env }),
    (e: { code?: number; stdout?: string }) => {
      assert.equal(e.code, 2);
      assert.match(String(e.stdout), /--role/);
      return true;
    },
  );
});
