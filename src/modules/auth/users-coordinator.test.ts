// A coordinator account is linked to a coordinator record that exists and has no other account
// (issue 12, point 9): the invitation and the role change refuse a made-up number or none, with a
// Dutch message beside the field and the typed values kept.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createUser, type LoggedIn, loginAs, postForm } from '../../../test/helpers/auth.ts';
import { factoriesFor } from '../../../test/helpers/factories.ts';
import { AppError } from '../../http/errors.ts';
import { MODULES } from '../index.ts';
import { ctxOf } from './test-kit.ts';
import { changeRole, findUserByEmail, inviteUser } from './users.service.ts';

let t: TestApp;
let admin: LoggedIn;
let emails = 0;
const email = () => {
  emails += 1;
  return `zorg-${emails}@example.org`;
};

before(async () => {
  t = await createTestApp();
  admin = await loginAs(t, 'admin');
});
after(async () => t?.close());

test('inviting a coordinator with a number that does not exist, or without one, is a 400 beside the field', async () => {
  for (const [coordinatorId, message] of [
    ['999999', 'Er is geen zorgcoördinator met nummer 999999.'],
    ['', 'Vul het nummer van de zorgcoördinator in die dit account beheert.'],
    ['2147483648', 'Zo hoog gaan de nummers niet. Controleer het nummer.'],
  ]) {
    const address = email();
    const res = await postForm(t, admin, '/beheer/gebruikers/uitnodigen', {
      email: address,
      role: 'coordinator',
      coordinator_id: coordinatorId,
    });
    assert.equal(res.statusCode, 400, coordinatorId);
    assert.ok(res.body.includes(message), `${coordinatorId}: ${message}`);
    assert.match(res.body, /id="field-coordinator_id"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="field-coordinator_id"/);
    assert.ok(res.body.includes(`value="${address}"`), 'the typed address is kept');
    assert.equal(await findUserByEmail(t.deps.db, address), null);
  }
});

test('inviting a coordinator for an existing, unlinked record works; a second account for it is refused', async () => {
  const coordinator = await factoriesFor(t.deps).coordinator();
  const first = email();
  const ok = await postForm(t, admin, '/beheer/gebruikers/uitnodigen', {
    email: first,
    role: 'coordinator',
    coordinator_id: String(coordinator.id),
  });
  assert.equal(ok.statusCode, 303);
  assert.equal(Number((await findUserByEmail(t.deps.db, first))?.coordinator_id), coordinator.id);
  const second = await postForm(t, admin, '/beheer/gebruikers/uitnodigen', {
    email: email(),
    role: 'coordinator',
    coordinator_id: String(coordinator.id),
  });
  assert.equal(second.statusCode, 400);
  assert.ok(second.body.includes(`Zorgcoördinator ${coordinator.id} is al gekoppeld aan het account ${first}.`));
});

test('the role change checks the same; an account keeps its own record, and a deactivated one frees it', async () => {
  const make = factoriesFor(t.deps);
  const account = await make.coordinatorAccount();
  const target = await createUser(t.deps, { role: 'municipality', municipalityCode: 'GM0363' });
  const url = `/beheer/gebruikers/${target.id}/rol`;
  const taken = await postForm(t, admin, url, { role: 'coordinator', coordinator_id: String(account.coordinator.id) });
  assert.equal(taken.statusCode, 400);
  assert.ok(taken.body.includes('is al gekoppeld aan het account'));
  const missing = await postForm(t, admin, url, { role: 'coordinator', coordinator_id: '999999' });
  assert.equal(missing.statusCode, 400);
  assert.ok(missing.body.includes('Er is geen zorgcoördinator met nummer 999999.'));
  assert.ok(missing.body.includes('value="999999"'), 'the typed number is kept');
  // The account itself may be saved with its own record.
  const self = await postForm(t, admin, `/beheer/gebruikers/${account.id}/rol`, {
    role: 'coordinator',
    coordinator_id: String(account.coordinator.id),
  });
  assert.equal(self.statusCode, 303);
  await t.deps.db.updateTable('users').set({ status: 'deactivated' }).where('id', '=', account.id).execute();
  assert.equal((await postForm(t, admin, url, { role: 'coordinator', coordinator_id: String(account.coordinator.id) })).statusCode, 303);
});

test('the services refuse it too, and without a module that keeps coordinators no account can be linked', async () => {
  await assert.rejects(
    inviteUser(ctxOf(t), { email: email(), role: 'coordinator', coordinatorId: 999999 }),
    (e: unknown) => e instanceof AppError && e.status === 400 && e.fields[0]?.field === 'coordinator_id',
  );
  const removed = new Set(['network']);
  for (const m of MODULES) if (m.dependsOn?.some((d) => removed.has(d))) removed.add(m.name);
  const bare = await createTestApp({ modules: MODULES.filter((m) => !removed.has(m.name)) });
  try {
    const user = await createUser(bare.deps, { role: 'municipality', municipalityCode: 'GM0363' });
    await assert.rejects(changeRole(ctxOf(bare), user.id, { role: 'coordinator', coordinatorId: 1 }), /no care coordinators here/);
  } finally {
    await bare.close();
  }
});
