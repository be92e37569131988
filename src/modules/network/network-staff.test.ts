// Network staff pages and the coordinator's own page on a real database (SQLite, and PostgreSQL
// with TEST_DATABASE_URL): who may do what, forms with their messages, the gap report, the norm.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createUser, type LoggedIn, loginAs, postForm } from '../../../test/helpers/auth.ts';
import { importReferenceData } from '../atlas/index.ts';
import { listAudit } from '../audit/index.ts';
import { loadNetworkDemo } from './demo.ts';
import { DEMO_COORDINATORS } from './demo-plan.ts';
import * as svc from './service.ts';

const NOW = new Date('2019-10-01T10:00:00Z');
let t: TestApp;
let adviserSession: LoggedIn | undefined;
const staff = async () => (adviserSession ??= await loginAs(t, 'adviser'));

before(async () => {
  t = await createTestApp({ now: () => NOW });
  await importReferenceData(t.deps);
  await loadNetworkDemo(t.deps);
});
after(async () => t.close());

const get = (url: string, s?: LoggedIn, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, cookies: s?.cookies, headers });
const idOf = async (key: string) => {
  const name = DEMO_COORDINATORS.find((d) => d.key === key)!.name;
  return (await svc.listCoordinators(t.deps.db)).find((c) => c.name === name)!.id;
};

describe('coordinator limits', () => {
  test('a coordinator edits only its own record and proposes coverage; staff pages are closed', async () => {
    const ownId = await idOf('zuidhollandzuid');
    const otherId = await idOf('rotterdam');
    const user = await createUser(t.deps, { role: 'coordinator', coordinatorId: ownId });
    const s = await loginAs(t, user);

    assert.equal((await get('/mijn-coordinatie')).statusCode, 401);
    const page = await get('/mijn-coordinatie', s);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Zuid-Holland-Zuid/);

    const invalid = await postForm(t, s, '/mijn-coordinatie', { name: 'X', fte: 'veel' });
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.body, /Vul een getal in met een komma of punt, bijvoorbeeld 0,8\./);

    // An id in the form is ignored: the record comes from the account.
    const ok = await postForm(t, s, '/mijn-coordinatie', {
      id: String(otherId),
      name: 'Zorgcoördinator ZHZ (voorbeeld)',
      phone: '',
      email: 'zorg@voorbeeld.nl',
      webPage: '',
      fte: '0,7',
    });
    assert.equal(ok.statusCode, 303);
    assert.equal((await svc.getCoordinator(t.deps.db, ownId))!.email, 'zorg@voorbeeld.nl');
    assert.equal((await svc.getCoordinator(t.deps.db, ownId))!.fte, 0.7);
    assert.equal((await svc.getCoordinator(t.deps.db, otherId))!.email, null);

    assert.equal((await get(`/beheer/netwerk/coordinatoren/${otherId}`, s)).statusCode, 403);
    assert.equal((await postForm(t, s, `/beheer/netwerk/coordinatoren/${otherId}`, { name: 'Overgenomen' })).statusCode, 403);

    const proposed = await postForm(t, s, '/mijn-coordinatie/voorstel', {
      action: 'add',
      codes: 'GM0718',
      effectiveDate: '2019-11-01',
      note: '',
    });
    assert.equal(proposed.statusCode, 303);
    const [proposal] = await svc.listProposals(t.deps.db, { coordinatorId: ownId });
    assert.equal(proposal.status, 'pending');
    assert.equal((await postForm(t, s, `/beheer/netwerk/voorstellen/${proposal.id}`, { decision: 'approved' })).statusCode, 403);
    assert.deepEqual(await svc.recordedCodesOn(t.deps.db, ownId, '2019-11-01').then((c) => c.includes('GM0718')), false);

    const approved = await postForm(t, await staff(), `/beheer/netwerk/voorstellen/${proposal.id}`, { decision: 'approved' });
    assert.equal(approved.statusCode, 303);
    assert.equal((await svc.recordedCodesOn(t.deps.db, ownId, '2019-11-01')).includes('GM0718'), true);
  });

  test('nobody decides their own proposal', async () => {
    const id = await idOf('drenthe');
    const ctx = { db: t.deps.db, actor: { userId: (await staff()).user.id, label: 'adviser' }, now: NOW };
    const pid = await svc.proposeCoverageChange(ctx, id, { action: 'remove', codes: ['GM0106'], effectiveDate: '2020-01-01', note: null });
    await assert.rejects(svc.decideProposal(ctx, pid, 'approved'), (e: { status: number }) => e.status === 403);
  });

  test('a coordinator account without a linked record gets 403', async () => {
    const s = await loginAs(t, 'coordinator');
    assert.equal((await get('/mijn-coordinatie', s)).statusCode, 403);
  });
});

describe('staff pages', () => {
  test('organisation form: 400 with the message, then 303; gap report and exports', async () => {
    const bad = await postForm(t, await staff(), '/beheer/netwerk/organisaties/nieuw', { name: '', type: 'ggd', website: '' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Vul dit veld in\./);
    const ok = await postForm(t, await staff(), '/beheer/netwerk/organisaties/nieuw', {
      name: 'GGD Test (voorbeeld)',
      type: 'ggd',
      website: 'https://example.org',
    });
    assert.equal(ok.statusCode, 303);
    const gaps = await get('/beheer/netwerk/tekorten?datum=2019-09-30', await staff());
    assert.equal(gaps.statusCode, 200);
    assert.match(gaps.body, /Extra FTE nodig/);
    const csv = await get('/beheer/netwerk/tekorten.csv?datum=2019-09-30', await staff());
    assert.match(csv.body.split('\r\n')[0], /^code,gemeente,status,inwoners/);
    const xlsx = await get('/beheer/netwerk/tekorten.xlsx?datum=2019-09-30', await staff());
    assert.equal(xlsx.statusCode, 200);
    assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
  });

  test('a new coordinator gets a whole safety region from a date; every change is audited', async () => {
    const s = await staff();
    const orgId = (await svc.listOrganisations(t.deps.db)).find((o) => o.name === 'GGD Test (voorbeeld)')!.id;
    const created = await postForm(t, s, '/beheer/netwerk/coordinatoren/nieuw', {
      name: 'Zorgcoördinator regio Zeeland (voorbeeld)',
      organisationId: String(orgId),
      phone: '',
      email: '',
      webPage: '',
      fte: '0,6',
      activeFrom: '2019-10-01',
      activeTo: '',
    });
    assert.equal(created.statusCode, 303);
    const id = Number(String(created.headers.location).split('/').pop());
    const bad = await postForm(t, s, `/beheer/netwerk/coordinatoren/${id}/dekking`, {
      action: 'add',
      region: '',
      codes: '',
      effectiveDate: '2019-10-01',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Kies een regio of vul minstens één gemeentecode in\./);
    const ok = await postForm(t, s, `/beheer/netwerk/coordinatoren/${id}/dekking`, {
      action: 'add',
      region: 'VR19',
      codes: '',
      effectiveDate: '2019-10-01',
    });
    assert.equal(ok.statusCode, 303);
    const status = async (date: string) =>
      (await get(`/api/v1/network/coverage?date=${date}`)).json().data.find((m: { code: string }) => m.code === 'GM0718').status;
    assert.equal(await status('2019-09-30'), 'remote');
    assert.equal(await status('2019-10-01'), 'covered');
    const audit = await listAudit(t.deps.db, { entity: 'coverage' });
    assert.ok(audit.entries.some((e) => e.entityId === String(id) && e.actorUserId === s.user.id));
    assert.ok(
      (await listAudit(t.deps.db, { entity: 'coordinator' })).entries.some((e) => e.action === 'create' && e.entityId === String(id)),
    );
  });

  test('the norm is admin-only, and shows in the legend', async () => {
    assert.equal((await get('/beheer/netwerk/norm', await staff())).statusCode, 403);
    const admin = await loginAs(t, 'admin');
    const saved = await postForm(t, admin, '/beheer/netwerk/norm', { norm: '0,12' });
    assert.equal(saved.statusCode, 303);
    assert.match((await get('/netwerk?datum=2019-09-30')).body, /Norm: 0,12 FTE per 100\.000 inwoners/);
    await postForm(t, admin, '/beheer/netwerk/norm', { norm: '0,1' });
  });
});
