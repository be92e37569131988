// Grants on a user's page: an admin gives or takes the grants that permissions declare (a module
// here declares `probe-editor`), audited; the user then holds the permission; nothing else is accepted.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createUser, type LoggedIn, loginAs, postForm } from '../../../test/helpers/auth.ts';
import { auditEntriesAbout } from '../../../test/helpers/records.ts';
import { defineModule } from '../../module.ts';
import { MODULES } from '../index.ts';
import { findUserById } from './users.service.ts';
import { grantOptions } from './users-grants.ts';

const probe = defineModule({
  name: 'grantprobe',
  permissions: { probeWrite: { roles: ['admin'], grant: 'probe-editor', description: 'Probe-artikelen schrijven' } },
  routes: (app) => {
    app.get('/probe/schrijven', { config: { permission: 'probeWrite' as never } }, async () => ({ ok: true }));
  },
});

let t: TestApp;
let admin: LoggedIn;

before(async () => {
  t = await createTestApp({ modules: [...MODULES, probe] });
  admin = await loginAs(t, 'admin');
});
after(async () => t?.close());

test('the user page offers each declared grant as a checkbox; giving it grants the permission, audited', async () => {
  const user = await createUser(t.deps, { role: 'municipality', municipalityCode: 'GM0363' });
  const page = await t.app.inject({ url: `/beheer/gebruikers/${user.id}`, cookies: admin.cookies });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h2 class="utrecht-heading-2">Extra rechten<\/h2>/);
  assert.match(
    page.body,
    /<input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="field-grants-probe-editor" name="grants" value="probe-editor"/,
  );
  assert.ok(page.body.includes('Probe-artikelen schrijven'));
  const s = await loginAs(t, user);
  assert.equal((await t.app.inject({ url: '/probe/schrijven', cookies: s.cookies })).statusCode, 403);

  const give = await postForm(t, admin, `/beheer/gebruikers/${user.id}/rechten`, { grants: 'probe-editor' });
  assert.equal(give.statusCode, 303);
  assert.equal(give.headers.location, `/beheer/gebruikers/${user.id}?melding=rechten-opgeslagen`);
  assert.equal((await findUserById(t.deps.db, user.id))?.grants, 'probe-editor');
  assert.equal((await t.app.inject({ url: '/probe/schrijven', cookies: s.cookies })).statusCode, 200);
  const shown = await t.app.inject({ url: `/beheer/gebruikers/${user.id}?melding=rechten-opgeslagen`, cookies: admin.cookies });
  assert.match(shown.body, /value="probe-editor" checked/);
  assert.match(shown.body, /De wijziging is opgeslagen/);

  const take = await postForm(t, admin, `/beheer/gebruikers/${user.id}/rechten`, {});
  assert.equal(take.statusCode, 303);
  assert.equal((await findUserById(t.deps.db, user.id))?.grants, '');
  assert.equal((await t.app.inject({ url: '/probe/schrijven', cookies: s.cookies })).statusCode, 403);
  // Newest first, as the audit trail lists them.
  const audit = (await auditEntriesAbout(t, user.id)).filter((e) => e.action === 'update');
  assert.deepEqual(
    audit.map((e) => [(e.before as { grants: string[] }).grants, (e.after as { grants: string[] }).grants]),
    [
      [['probe-editor'], []],
      [[], ['probe-editor']],
    ],
  );
});

test('a grant nobody declares is refused with a message beside the field; only admins may give grants', async () => {
  const user = await createUser(t.deps, { role: 'adviser' });
  const bad = await postForm(t, admin, `/beheer/gebruikers/${user.id}/rechten`, { grants: 'koning' });
  assert.equal(bad.statusCode, 400);
  assert.ok(bad.body.includes('Kies alleen rechten uit de lijst.'));
  assert.equal((await findUserById(t.deps.db, user.id))?.grants, '');
  const adviser = await loginAs(t, 'adviser');
  assert.equal((await postForm(t, adviser, `/beheer/gebruikers/${user.id}/rechten`, { grants: 'probe-editor' })).statusCode, 403);
  assert.equal((await t.app.inject({ method: 'POST', url: `/beheer/gebruikers/${user.id}/rechten` })).statusCode, 401);
});

test('grant options come from the permission table: one per grant, with what it allows', () => {
  const options = grantOptions(t.deps.modules.permissions);
  assert.deepEqual(
    options.find((o) => o.grant === 'probe-editor'),
    { grant: 'probe-editor', description: 'Probe-artikelen schrijven' },
  );
  assert.equal(new Set(options.map((o) => o.grant)).size, options.length, 'each grant once');
  assert.deepEqual(grantOptions({ a: { roles: ['admin'], description: 'A' }, b: { roles: ['admin'], grant: 'g', description: 'B' } }), [
    { grant: 'g', description: 'B' },
  ]);
});
