// The demo accounts: one per role, known development password, idempotent, printed for the console.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { factoriesFor } from '../../../test/helpers/factories.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadAccountsDemo } from './demo.ts';
import { verifyPassword } from './passwords.ts';
import { DEMO_COORDINATOR_EMAIL, findUserByEmail, linkDemoCoordinator } from './users.service.ts';

describe('demo accounts', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('loads one fictional account per role, prints the logins and the TOTP note, and is idempotent', async () => {
    const lines: string[] = [];
    await loadAccountsDemo(t.deps, (l) => lines.push(l));
    await loadAccountsDemo(t.deps, () => {});
    const output = lines.join('\n');
    assert.deepEqual(new Set(DEMO_ACCOUNTS.map((a) => a.role)), new Set(['admin', 'adviser', 'municipality', 'coordinator']));
    for (const account of DEMO_ACCOUNTS) {
      const row = await t.deps.db.selectFrom('users').selectAll().where('email', '=', account.email).execute();
      assert.equal(row.length, 1);
      assert.equal(row[0].status, 'active');
      assert.ok(await verifyPassword(DEMO_PASSWORD, row[0].password_hash!));
      assert.match(row[0].name ?? '', /\(voorbeeld\)/);
      assert.ok(output.includes(account.email));
    }
    assert.equal((await findUserByEmail(t.deps.db, 'amsterdam@demo.gemeentenaanzet.invalid'))?.municipality_code, 'GM0363');
    assert.ok(output.includes(DEMO_PASSWORD));
    assert.match(output, /two-step verification/);
  });

  it('links the demo coordinator account to a coordinator when the network part asks', async () => {
    const coordinator = await factoriesFor(t.deps).coordinator();
    await linkDemoCoordinator(t.deps, coordinator.id);
    assert.equal(Number((await findUserByEmail(t.deps.db, DEMO_COORDINATOR_EMAIL))?.coordinator_id), coordinator.id);
  });
});
