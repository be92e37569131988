// Beheer › Gebruikers: the admin pages walk 401 → 400 (exact message) → 403 → 200.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createUser, type LoggedIn, loginAs, postForm } from '../../../test/helpers/auth.ts';
import { listAudit } from '../audit/index.ts';
import { findUserByEmail } from './users.service.ts';

const clock = new Date('2026-03-02T09:00:00.000Z');
let t: TestApp;
let admin: LoggedIn;

before(async () => {
  t = await createTestApp({ now: () => clock });
  admin = await loginAs(t, 'admin');
});
after(async () => t?.close());

test('the list needs a login (401), is for admins only (403), and shows users with a filter (200)', async () => {
  assert.equal((await t.app.inject({ url: '/beheer/gebruikers' })).statusCode, 401);
  const adviser = await loginAs(t, 'adviser');
  assert.equal((await t.app.inject({ url: '/beheer/gebruikers', cookies: adviser.cookies })).statusCode, 403);
  const res = await t.app.inject({ url: '/beheer/gebruikers', cookies: admin.cookies });
  assert.equal(res.statusCode, 200);
  assert.equal(res.body.match(/<h1/g)?.length, 1);
  assert.match(res.body, /<title>Gebruikers/);
  assert.match(res.body, /utrecht-breadcrumb-nav[\s\S]*Beheer[\s\S]*Gebruikers/);
  assert.ok(res.body.includes(admin.user.email));
  assert.ok(res.body.includes(adviser.user.email));
  const filtered = await t.app.inject({ url: '/beheer/gebruikers?role=adviser&sort=bogus&status=zzz', cookies: admin.cookies });
  assert.equal(filtered.statusCode, 200);
  assert.ok(filtered.body.includes(adviser.user.email));
  assert.ok(!filtered.body.includes(`${admin.user.email}<`));
});

test('invite: 401 → 400 with the exact messages and kept values → 403 → 303 and the user is invited', async () => {
  const anon = await t.app.inject({ method: 'POST', url: '/beheer/gebruikers/uitnodigen', payload: { email: 'a@example.org' } });
  assert.ok(anon.statusCode === 401 || anon.statusCode === 403);
  assert.equal((await t.app.inject({ url: '/beheer/gebruikers/uitnodigen' })).statusCode, 401);

  const bad = await postForm(t, admin, '/beheer/gebruikers/uitnodigen', {
    email: 'geen-adres',
    name: 'Gea Gemeente',
    role: 'municipality',
    municipality_code: '',
  });
  assert.equal(bad.statusCode, 400);
  assert.ok(bad.body.includes('Vul een geldig e-mailadres in, zoals naam@gemeente.nl.'));
  assert.ok(bad.body.includes('Vul de CBS-code van de gemeente in, zoals GM0363.'));
  assert.ok(bad.body.includes('value="Gea Gemeente"'), 'entered values are kept');
  assert.ok(bad.body.includes('value="geen-adres"'));

  const badCode = await postForm(t, admin, '/beheer/gebruikers/uitnodigen', {
    email: 'gea@example.org',
    role: 'municipality',
    municipality_code: '0363',
  });
  assert.equal(badCode.statusCode, 400);
  assert.ok(badCode.body.includes('Vul een CBS-code in als GM0363.'));

  const dup = await postForm(t, admin, '/beheer/gebruikers/uitnodigen', { email: admin.user.email.toUpperCase(), role: 'adviser' });
  assert.equal(dup.statusCode, 400);
  assert.ok(dup.body.includes('Er bestaat al een account met dit e-mailadres.'));

  const adviser = await loginAs(t, 'adviser');
  const forbidden = await postForm(t, adviser, '/beheer/gebruikers/uitnodigen', {
    email: 'gea@example.org',
    role: 'municipality',
    municipality_code: 'GM0363',
  });
  assert.equal(forbidden.statusCode, 403);

  const page = await t.app.inject({ url: '/beheer/gebruikers/uitnodigen', cookies: admin.cookies });
  assert.equal(page.statusCode, 200);
  assert.equal(page.body.match(/<h1/g)?.length, 1);
  const ok = await postForm(t, admin, '/beheer/gebruikers/uitnodigen', {
    email: 'Gea@Example.org',
    name: 'Gea Gemeente',
    role: 'municipality',
    municipality_code: 'gm0363',
  });
  assert.equal(ok.statusCode, 303);
  assert.equal(ok.headers.location, '/beheer/gebruikers?melding=uitgenodigd');
  const user = await findUserByEmail(t.deps.db, 'gea@example.org');
  assert.equal(user?.status, 'invited');
  assert.equal(user?.municipality_code, 'GM0363');
  const mail = await t.deps.db.selectFrom('outbox').selectAll().where('to_address', '=', 'gea@example.org').executeTakeFirstOrThrow();
  assert.match(mail.text_body, /\/wachtwoord\/instellen\?token=/);
  const audit = await listAudit(t.deps.db, { entity: 'user', actorUserId: admin.user.id });
  assert.ok(audit.entries.some((e) => e.action === 'create' && e.entityId === String(user?.id)));
});

test('user detail: change role (400 → 303), deactivate, reactivate; no changes to your own account', async () => {
  const target = await createUser(t.deps, { role: 'municipality', municipalityCode: 'GM0363', name: 'Tom Doel' });
  assert.equal((await t.app.inject({ url: `/beheer/gebruikers/${target.id}` })).statusCode, 401);
  const detail = await t.app.inject({ url: `/beheer/gebruikers/${target.id}`, cookies: admin.cookies });
  assert.equal(detail.statusCode, 200);
  assert.match(detail.body, /<h1[^>]*>Tom Doel<\/h1>/);
  assert.match(detail.body, /utrecht-breadcrumb-nav[\s\S]*Beheer[\s\S]*Gebruikers[\s\S]*Tom Doel/);
  assert.equal((await t.app.inject({ url: '/beheer/gebruikers/999999', cookies: admin.cookies })).statusCode, 404);
  assert.equal((await t.app.inject({ url: '/beheer/gebruikers/abc', cookies: admin.cookies })).statusCode, 404);

  const bad = await postForm(t, admin, `/beheer/gebruikers/${target.id}/rol`, { role: 'koning' });
  assert.equal(bad.statusCode, 400);
  assert.ok(bad.body.includes('Kies een rol.'));
  const ok = await postForm(t, admin, `/beheer/gebruikers/${target.id}/rol`, { role: 'adviser' });
  assert.equal(ok.statusCode, 303);
  assert.equal((await findUserByEmail(t.deps.db, target.email))?.role, 'adviser');

  const self = await postForm(t, admin, `/beheer/gebruikers/${admin.user.id}/rol`, { role: 'adviser' });
  assert.equal(self.statusCode, 400);
  assert.ok(self.body.includes('U kunt uw eigen rol niet wijzigen. Vraag een andere beheerder.'));
  const selfOff = await postForm(t, admin, `/beheer/gebruikers/${admin.user.id}/deactiveren`, {});
  assert.equal(selfOff.statusCode, 400);
  assert.ok(selfOff.body.includes('U kunt uw eigen account niet deactiveren. Vraag een andere beheerder.'));

  const off = await postForm(t, admin, `/beheer/gebruikers/${target.id}/deactiveren`, {});
  assert.equal(off.statusCode, 303);
  assert.equal((await findUserByEmail(t.deps.db, target.email))?.status, 'deactivated');
  const on = await postForm(t, admin, `/beheer/gebruikers/${target.id}/activeren`, {});
  assert.equal(on.statusCode, 303);
  assert.equal((await findUserByEmail(t.deps.db, target.email))?.status, 'active');
});

test('erase: a confirmation step that needs the exact email, then the data is gone', async () => {
  const target = await createUser(t.deps, { role: 'coordinator', name: 'Wim Wissen', email: 'wim.wissen@example.org' });
  const confirm = await t.app.inject({ url: `/beheer/gebruikers/${target.id}/wissen`, cookies: admin.cookies });
  assert.equal(confirm.statusCode, 200);
  assert.equal(confirm.body.match(/<h1/g)?.length, 1);
  const wrong = await postForm(t, admin, `/beheer/gebruikers/${target.id}/wissen`, { confirm_email: 'iemand@example.org' });
  assert.equal(wrong.statusCode, 400);
  assert.ok(wrong.body.includes('Dit is niet het e-mailadres van deze gebruiker. Typ het precies over om te bevestigen.'));
  const empty = await postForm(t, admin, `/beheer/gebruikers/${target.id}/wissen`, { confirm_email: '' });
  assert.equal(empty.statusCode, 400);
  assert.ok(empty.body.includes('Typ het e-mailadres ter bevestiging.'));
  const ok = await postForm(t, admin, `/beheer/gebruikers/${target.id}/wissen`, { confirm_email: 'WIM.WISSEN@example.org' });
  assert.equal(ok.statusCode, 303);
  const row = await t.deps.db.selectFrom('users').selectAll().where('id', '=', target.id).executeTakeFirstOrThrow();
  assert.equal(row.email, `verwijderd-${target.id}@invalid`);
  assert.equal(row.name, null);
  const list = await t.app.inject({ url: '/beheer/gebruikers', cookies: admin.cookies });
  assert.ok(!list.body.includes('wim.wissen@example.org'));
});
