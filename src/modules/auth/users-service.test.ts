// Account administration services: create, invite, role change, deactivate/reactivate, erase, list.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createUser as insertTestUser } from '../../../test/helpers/auth.ts';
import { factoriesFor } from '../../../test/helpers/factories.ts';
import { AppError } from '../../http/errors.ts';
import { listAudit } from '../audit/index.ts';
import { authenticateApiToken, createApiToken } from './api-tokens.ts';
import { createSession } from './sessions.ts';
import { ctxOf } from './test-kit.ts';
import { changeRole, createUser, deactivateUser, findUserByEmail, inviteUser, listUsers, reactivateUser } from './users.service.ts';
import { erasedEmail, eraseUser } from './users-erase.ts';

const clock = new Date('2026-03-02T09:00:00.000Z');
let t: TestApp;
let admin: { id: number; email: string };
const ctx = () => ctxOf(t, { userId: admin.id, label: admin.email });

before(async () => {
  t = await createTestApp({ now: () => clock });
  admin = await insertTestUser(t.deps, { role: 'admin' });
});
after(async () => t?.close());

test('creates a user with a lower-cased email, active when a password is given, and records it in the audit trail', async () => {
  const u = await createUser(ctx(), {
    email: '  Nieuw.Adviseur@Example.ORG ',
    name: 'Nina Nieuw',
    role: 'adviser',
    password: 'een heel lang wachtwoord',
  });
  assert.equal(u.email, 'nieuw.adviseur@example.org');
  assert.equal(u.status, 'active');
  assert.equal((await findUserByEmail(t.deps.db, 'NIEUW.adviseur@example.org'))?.id, u.id);
  const audit = await listAudit(t.deps.db, { entity: 'user' });
  const entry = audit.entries.find((e) => e.entityId === String(u.id) && e.action === 'create');
  assert.ok(entry);
  assert.equal(entry.actorLabel, admin.email);
  assert.equal((entry.after as { email: string }).email, 'nieuw.adviseur@example.org');
  assert.ok(!JSON.stringify(entry.after).includes('scrypt'), 'no password hash in the trail');
});

test('refuses a second account with the same email (any case) with a clear message', async () => {
  await createUser(ctx(), { email: 'dubbel@example.org', role: 'municipality', municipalityCode: 'GM0363' });
  await assert.rejects(
    createUser(ctx(), { email: 'DUBBEL@example.org', role: 'adviser' }),
    (e: unknown) =>
      e instanceof AppError &&
      e.status === 400 &&
      e.detail.nl === 'Er bestaat al een account met dit e-mailadres.' &&
      e.fields[0].field === 'email',
  );
});

test('invites a user: status invited, and an email with the one-time link is queued', async () => {
  const u = await inviteUser(ctx(), {
    email: 'uitgenodigd@example.org',
    name: 'Ida Uit',
    role: 'municipality',
    municipalityCode: 'GM0014',
  });
  assert.equal(u.status, 'invited');
  assert.equal(u.municipality_code, 'GM0014');
  const mail = await t.deps.db
    .selectFrom('outbox')
    .selectAll()
    .where('to_address', '=', 'uitgenodigd@example.org')
    .executeTakeFirstOrThrow();
  assert.match(mail.subject, /Uitnodiging/);
  assert.match(mail.text_body, /\/wachtwoord\/instellen\?token=[A-Za-z0-9_-]{20,}/);
  const link = await t.deps.db.selectFrom('one_time_tokens').selectAll().where('user_id', '=', u.id).executeTakeFirstOrThrow();
  assert.equal(link.purpose, 'invite');
});

test('changes a role, keeps role details only for their role, and an admin cannot change their own role', async () => {
  const u = await createUser(ctx(), { email: 'rolwissel@example.org', role: 'municipality', municipalityCode: 'GM0363' });
  const coordinator = await factoriesFor(t.deps).coordinator();
  const changed = await changeRole(ctx(), u.id, { role: 'coordinator', municipalityCode: 'GM0363', coordinatorId: coordinator.id });
  assert.equal(changed.role, 'coordinator');
  assert.equal(changed.municipality_code, null);
  assert.equal(Number(changed.coordinator_id), coordinator.id);
  await assert.rejects(
    changeRole(ctx(), admin.id, { role: 'adviser' }),
    (e: unknown) => e instanceof AppError && e.status === 400 && /eigen rol/.test(e.detail.nl),
  );
  const audit = await listAudit(t.deps.db, { entity: 'user', action: 'update' });
  const entry = audit.entries.find((e) => e.entityId === String(u.id));
  assert.ok(entry);
  assert.equal((entry.before as { role: string }).role, 'municipality');
  assert.equal((entry.after as { role: string }).role, 'coordinator');
});

test('deactivation ends sessions and revokes API tokens; reactivation does not revive tokens; no self-deactivation', async () => {
  const u = await insertTestUser(t.deps, { role: 'adviser' });
  await createSession(t.deps, t.deps.db, u.id, 'full');
  const { token } = await createApiToken(ctx(), u.id, 'script');
  assert.ok(await authenticateApiToken(t.deps.db, token, clock));
  const row = await deactivateUser(ctx(), u.id);
  assert.equal(row.status, 'deactivated');
  const sessions = await t.deps.db.selectFrom('sessions').select('id_hash').where('user_id', '=', u.id).execute();
  assert.equal(sessions.length, 0);
  assert.equal(await authenticateApiToken(t.deps.db, token, clock), null);
  const again = await reactivateUser(ctx(), u.id);
  assert.equal(again.status, 'active');
  assert.equal(await authenticateApiToken(t.deps.db, token, clock), null);
  await assert.rejects(deactivateUser(ctx(), admin.id), (e: unknown) => e instanceof AppError && /eigen account/.test(e.detail.nl));
});

test('erases a person: personal data gone from the account and from the audit entries about them', async () => {
  const u = await createUser(ctx(), {
    email: 'wis.mij@example.org',
    name: 'Willem Wisbaar',
    role: 'adviser',
    password: 'een heel lang wachtwoord',
  });
  await t.deps.db
    .updateTable('users')
    .set({ totp_secret: 'JBSWY3DPEHPK3PXP', totp_enabled_at: clock.toISOString() })
    .where('id', '=', u.id)
    .execute();
  await createApiToken(ctxOf(t, { userId: u.id, label: u.email }), u.id, 'laptop van Willem');
  await changeRole(ctx(), u.id, { role: 'admin' });
  await eraseUser(ctx(), u.id);
  const row = await t.deps.db.selectFrom('users').selectAll().where('id', '=', u.id).executeTakeFirstOrThrow();
  assert.equal(row.email, erasedEmail(u.id));
  assert.equal(row.email, `verwijderd-${u.id}@invalid`);
  assert.equal(row.name, null);
  assert.equal(row.password_hash, null);
  assert.equal(row.status, 'deactivated');
  const tokens = await t.deps.db.selectFrom('api_tokens').selectAll().where('user_id', '=', u.id).execute();
  assert.ok(tokens.every((x) => x.revoked_at !== null && !x.name.includes('Willem')));
  const audit = await listAudit(t.deps.db, { pageSize: 500 });
  const text = JSON.stringify(audit.entries);
  assert.ok(!text.includes('wis.mij@example.org'), 'email erased from the audit trail');
  assert.ok(!text.includes('Willem Wisbaar'), 'name erased from the audit trail');
  assert.ok(audit.entries.some((e) => e.action === 'erase' && e.entityId === String(u.id)));
});

test('lists users with a filter and an allowlisted sort', async () => {
  const all = await listUsers(t.deps.db, {});
  assert.ok(all.length >= 5);
  const admins = await listUsers(t.deps.db, { role: 'admin' });
  assert.ok(admins.every((u) => u.role === 'admin'));
  const found = await listUsers(t.deps.db, { q: 'UITGENODIGD' });
  assert.deepEqual(
    found.map((u) => u.email),
    ['uitgenodigd@example.org'],
  );
  const invited = await listUsers(t.deps.db, { status: 'invited' });
  assert.ok(invited.every((u) => u.status === 'invited'));
  const byEmail = await listUsers(t.deps.db, { sort: 'email' });
  assert.deepEqual(
    byEmail.map((u) => u.email),
    [...byEmail.map((u) => u.email)].sort(),
  );
  assert.deepEqual(await listUsers(t.deps.db, { q: '%' }), all.length ? await listUsers(t.deps.db, { q: '' }) : []);
});
