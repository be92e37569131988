// The audit trail on a real database: append in the caller's transaction, filters and paging,
// GDPR erasure, and the admin page (401 → 400 → 403 → 200).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createUser, loginAs } from '../../../test/helpers/auth.ts';
import { changedKeys, eraseValues } from './audit.logic.ts';
import { ERASED, eraseAuditSubject, listAudit, recordAudit } from './service.ts';

describe('audit logic', () => {
  test('eraseValues replaces equal strings at any depth and nothing else', () => {
    const out = eraseValues(
      { email: 'jan@example.org', nested: [{ n: 'Jan Jansen' }, 'Jan'], n: 3 },
      new Set(['jan@example.org', 'Jan Jansen']),
    );
    assert.deepEqual(out, { email: ERASED, nested: [{ n: ERASED }, 'Jan'], n: 3 });
  });
  test('changedKeys lists the keys that differ', () => {
    assert.deepEqual(changedKeys({ a: 1, b: 'x', c: true }, { a: 1, b: 'y', d: null }), [
      { key: 'b', before: 'x', after: 'y' },
      { key: 'c', before: 'true', after: '—' },
      { key: 'd', before: '—', after: 'null' },
    ]);
  });
});

// The trail on a real database (SQLite, and PostgreSQL when TEST_DATABASE_URL is set).
let t: TestApp;

before(async () => {
  t = await createTestApp({ now: () => new Date('2026-11-28T12:00:00Z') });
});
after(async () => {
  await t.close();
});

test('recordAudit runs in the caller transaction: a rollback leaves no entry', async () => {
  const db = t.deps.db;
  await assert.rejects(
    db.transaction().execute(async (trx) => {
      await recordAudit(trx, {
        at: new Date('2019-01-01T00:00:00Z'),
        actor: { userId: null, label: 'test' },
        action: 'create',
        entity: 'rollback-test',
        entityId: 1,
      });
      throw new Error('roll back');
    }),
  );
  assert.equal((await listAudit(db, { entity: 'rollback-test' })).total, 0);
  await db.transaction().execute((trx) =>
    recordAudit(trx, {
      at: new Date('2019-01-01T00:00:00Z'),
      actor: { userId: null, label: 'test' },
      action: 'create',
      entity: 'rollback-test',
      entityId: 1,
      after: { a: 1 },
    }),
  );
  const page = await listAudit(db, { entity: 'rollback-test' });
  assert.equal(page.total, 1);
  assert.deepEqual(page.entries[0].after, { a: 1 });
  assert.equal(page.entries[0].entityId, '1');
});

test('listAudit filters by entity, action, actor and dates, newest first, paginated', async () => {
  const db = t.deps.db;
  for (let i = 0; i < 7; i++) {
    await recordAudit(db, {
      at: new Date(Date.UTC(2020, 0, 1 + i, 10)),
      actor: { userId: 900 + (i % 2), label: i % 2 ? 'odd@example.org' : 'even@example.org', requestId: `req-${i}` },
      action: i === 6 ? 'delete' : 'update',
      entity: 'paging-test',
      entityId: i,
    });
  }
  const first = await listAudit(db, { entity: 'paging-test', page: 1, pageSize: 3 });
  assert.equal(first.total, 7);
  assert.equal(first.pages, 3);
  assert.deepEqual(
    first.entries.map((e) => e.entityId),
    ['6', '5', '4'],
  );
  const last = await listAudit(db, { entity: 'paging-test', page: 3, pageSize: 3 });
  assert.deepEqual(
    last.entries.map((e) => e.entityId),
    ['0'],
  );
  assert.equal((await listAudit(db, { entity: 'paging-test', action: 'delete' })).total, 1);
  assert.equal((await listAudit(db, { entity: 'paging-test', actorUserId: 901 })).total, 3);
  assert.equal((await listAudit(db, { entity: 'paging-test', q: 'EVEN@' })).total, 4);
  const range = await listAudit(db, { entity: 'paging-test', from: '2020-01-02', to: '2020-01-03' });
  assert.deepEqual(
    range.entries.map((e) => e.entityId),
    ['2', '1'],
  );
});

test('eraseAuditSubject removes the person from entries about them and by them, and nothing else', async () => {
  const db = t.deps.db;
  const at = new Date('2021-05-01T09:00:00Z');
  const admin = { userId: 1, label: 'admin@example.org' };
  await recordAudit(db, {
    at,
    actor: admin,
    action: 'create',
    entity: 'user',
    entityId: 77,
    after: { email: 'piet@example.org', name: 'Piet Puk', role: 'adviser' },
  });
  await recordAudit(db, {
    at,
    actor: { userId: 77, label: 'piet@example.org' },
    action: 'update',
    entity: 'organisation',
    entityId: 5,
    before: { name: 'Org' },
    after: { name: 'Org B', contact: 'Piet Puk' },
  });
  await recordAudit(db, {
    at,
    actor: admin,
    action: 'update',
    entity: 'coordinator',
    entityId: 9,
    after: { note: 'Piet Puk' },
    subjectUserIds: [77],
  });
  await recordAudit(db, { at, actor: admin, action: 'update', entity: 'coordinator', entityId: 10, after: { note: 'Piet Puk' } });

  const changed = await db.transaction().execute((trx) => eraseAuditSubject(trx, 77));
  assert.equal(changed, 3);
  const rows = (await listAudit(db, { from: '2021-05-01', to: '2021-05-01' })).entries;
  const byEntity = (e: string, id: string) => rows.find((r) => r.entity === e && r.entityId === id)!;
  assert.deepEqual(byEntity('user', '77').after, { email: ERASED, name: ERASED, role: 'adviser' });
  assert.equal(byEntity('user', '77').actorLabel, 'admin@example.org');
  assert.equal(byEntity('organisation', '5').actorLabel, ERASED);
  assert.deepEqual(byEntity('organisation', '5').after, { name: 'Org B', contact: ERASED });
  assert.deepEqual(byEntity('coordinator', '9').after, { note: ERASED });
  // An entry not about Piet keeps its values: erasure is limited to the person's entries.
  assert.deepEqual(byEntity('coordinator', '10').after, { note: 'Piet Puk' });
  // Idempotent.
  assert.equal(await eraseAuditSubject(db, 77), 0);
});

test('/beheer/audit: 401 anonymous, 403 adviser, 400 on a bad date, 200 for an admin with filters', async () => {
  assert.equal((await t.app.inject({ url: '/beheer/audit' })).statusCode, 401);
  const adviser = await loginAs(t, 'adviser');
  assert.equal((await t.app.inject({ url: '/beheer/audit', cookies: adviser.cookies })).statusCode, 403);

  const admin = await loginAs(t, 'admin');
  const bad = await t.app.inject({ url: '/beheer/audit?from=gisteren', cookies: admin.cookies });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Vul een datum in als JJJJ-MM-DD tussen 2000-01-01 en 2099-12-31, bijvoorbeeld 2019-09-30\./);
  // The one date rule: a year outside 2000–2099 is refused too.
  assert.equal((await t.app.inject({ url: '/beheer/audit?to=0000-01-01', cookies: admin.cookies })).statusCode, 400);
  assert.match(bad.body, /value="gisteren"/);

  const reversed = await t.app.inject({ url: '/beheer/audit?from=2020-02-01&to=2020-01-01', cookies: admin.cookies });
  assert.equal(reversed.statusCode, 400);
  assert.match(reversed.body, /ligt vóór &quot;vanaf&quot;/);

  const ok = await t.app.inject({ url: '/beheer/audit?entity=organisation', cookies: admin.cookies });
  assert.equal(ok.statusCode, 200);
  assert.match(ok.body, /<h1 class="utrecht-heading-1">Logboek<\/h1>/);
  assert.match(ok.body, /utrecht-breadcrumb-nav/);
  assert.match(ok.body, /<details class="gaz-audit-details">/);
  assert.match(ok.body, /<del>Org<\/del>/);
  assert.match(ok.body, />1 vermelding</);

  const paged = await t.app.inject({ url: '/beheer/audit?entity=paging-test', cookies: admin.cookies });
  assert.match(paged.body, /7 vermeldingen/);
});

test('admin login and erasure through the auth module show in the trail', async () => {
  const person = await createUser(t.deps, { role: 'municipality', municipalityCode: 'GM0363', name: 'Klaas Vaak' });
  await recordAudit(t.deps.db, {
    at: new Date(),
    actor: { userId: 1, label: 'x' },
    action: 'update',
    entity: 'user',
    entityId: person.id,
    before: { email: person.email, name: 'Klaas Vaak' },
    after: { email: person.email, name: 'Klaas Vaak', role: 'municipality' },
  });
  await eraseAuditSubject(t.deps.db, person.id);
  const rows = (await listAudit(t.deps.db, { entity: 'user' })).entries.filter((e) => e.entityId === String(person.id));
  assert.ok(rows.length >= 1);
  for (const r of rows) assert.doesNotMatch(JSON.stringify([r.before, r.after]), /Klaas Vaak|municipality-\d/);
});
