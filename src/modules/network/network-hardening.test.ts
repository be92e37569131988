// Issue 12 in the network, on a real database (SQLite, and PostgreSQL with TEST_DATABASE_URL):
// public work is bounded (the timeline's range, its months computed once, /healthz answering meanwhile),
// one date rule everywhere, constraint violations as field errors, and input validated for meaning.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { type LoggedIn, loginAs, postForm } from '../../../test/helpers/auth.ts';
import { DATE_MESSAGE, rangeError } from '../../http/route-kit.ts';
import { importReferenceData } from '../atlas/index.ts';
import { loadNetworkDemo } from './demo.ts';
import * as svc from './service.ts';

const NOW = new Date('2019-10-01T10:00:00Z');
let t: TestApp;
let staffSession: LoggedIn | undefined;
const staff = async () => (staffSession ??= await loginAs(t, 'adviser'));

before(async () => {
  t = await createTestApp({ now: () => NOW });
  await importReferenceData(t.deps);
  await loadNetworkDemo(t.deps);
});
after(async () => t.close());

const get = (url: string, s?: LoggedIn) => t.app.inject({ method: 'GET', url, cookies: s?.cookies });
const problem = async (url: string) => {
  const res = await get(url);
  assert.equal(res.statusCode, 400, url);
  assert.match(String(res.headers['content-type']), /application\/problem\+json/, url);
  return res.json() as { detail: string; errors: { field: string; detail: string }[] };
};
const ctx = () => ({ db: t.deps.db, actor: { userId: null, label: 'test' }, now: NOW });
/** The re-rendered text field `field` holds exactly what was typed. */
const kept = (html: string, field: string, typed: string) => {
  const value = typed === '' ? 'value' : `value="${typed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`;
  assert.match(html, new RegExp(`${value} [^>]*id="field-${field}"`), `${field} keeps "${typed}"`);
};

describe('public work is bounded', () => {
  test('a timeline over 120 months is a 400 that names the bound and the field', async () => {
    const body = await problem('/api/v1/network/timeline?from=2000-02-01&to=2019-09-30');
    assert.match(body.detail, /hoogstens 120 maanden/);
    assert.match(body.detail, /vanaf 2009-10-01/);
    assert.equal(body.errors[0].field, 'from');
    const longest = await get('/api/v1/network/timeline?from=2009-10-01&to=2019-09-30');
    assert.equal(longest.statusCode, 200);
    assert.equal(longest.json().data.length, 120);
  });

  test('each month is computed once: another end date in the same range computes only its own last point', async () => {
    assert.equal((await get('/api/v1/network/timeline?from=2016-01-01&to=2019-09-30')).statusCode, 200);
    const before = svc.coverageComputations();
    for (const to of ['2019-09-14', '2019-09-15', '2019-09-16']) {
      const res = await get(`/api/v1/network/timeline?from=2016-01-01&to=${to}`);
      assert.equal(res.json().data.length, 45);
    }
    assert.equal(svc.coverageComputations() - before, 3, 'one new point per request, not 45');
  });

  test('/healthz answers while 50 uncached timelines are being computed', async () => {
    // A write makes every memoised month stale, so all of these are computed now.
    await svc.setNorm(ctx(), 0.1);
    let pending = 50;
    const timelines = Array.from({ length: 50 }, (_, i) =>
      get(`/api/v1/network/timeline?from=2010-01-01&to=2019-09-${String((i % 28) + 1).padStart(2, '0')}`).then((r) => {
        pending -= 1;
        return r.statusCode;
      }),
    );
    const health = await get('/healthz');
    assert.equal(health.statusCode, 200);
    assert.ok(pending > 25, `/healthz had to wait for ${50 - pending} of 50 timelines`);
    assert.deepEqual(new Set(await Promise.all(timelines)), new Set([200]));
  });

  test("/netwerk's own timeline is bounded too (at most 120 months)", async () => {
    const res = await get('/netwerk?datum=2029-06-15');
    assert.equal(res.statusCode, 200);
    const table = res.body.split('id="timeline-heading"')[1];
    assert.equal((table.split('<tbody')[1].match(/<tr /g) ?? []).length, 120);
  });
});

describe('one date rule (2000-01-01 … 2099-12-31), everywhere', () => {
  test('pages answer 400 instead of 500 for a date out of range', async () => {
    for (const url of [
      '/netwerk?datum=0000-01-01',
      '/netwerk?datum=2100-01-01',
      '/netwerk/gemeente/GM0363?datum=1999-12-31',
      '/netwerk/zoeken?gemeente=Tilburg&datum=0005-06-15',
    ]) {
      const res = await get(url);
      assert.equal(res.statusCode, 400, url);
      assert.match(res.body, /Vul een datum in als JJJJ-MM-DD tussen 2000-01-01 en 2099-12-31/, url);
    }
    assert.equal((await get('/beheer/netwerk/tekorten?datum=0000-01-01', await staff())).statusCode, 400);
  });

  test('the API names the field with the one message; an end before the start is a range error', async () => {
    for (const [url, field] of [
      ['/api/v1/network/timeline?to=0000-01-01', 'to'],
      ['/api/v1/network/timeline?to=0005-06-15', 'to'],
      ['/api/v1/network/timeline?from=1999-01-01&to=2019-09-30', 'from'],
      ['/api/v1/network/summary?date=2100-01-01', 'date'],
      ['/api/v1/network/search?q=Weesp&date=0000-01-01', 'date'],
    ]) {
      const body = await problem(url);
      assert.equal(body.detail, DATE_MESSAGE.nl, url);
      assert.equal(body.errors[0].field, field, url);
    }
    const reversed = await problem('/api/v1/network/timeline?from=2019-09-30&to=2019-01-01');
    assert.deepEqual(reversed.errors, [{ field: 'to', detail: rangeError('to').message.nl }]);
  });

  test('a form keeps a date out of range and says so beside the field', async () => {
    const s = await staff();
    const org = (await svc.listOrganisations(t.deps.db))[0].id;
    const res = await postForm(t, s, '/beheer/netwerk/coordinatoren/nieuw', {
      name: 'Datumtest (voorbeeld)',
      organisationId: String(org),
      fte: '0,5',
      activeFrom: '0000-01-01',
    });
    assert.equal(res.statusCode, 400);
    assert.match(
      res.body,
      /id="field-activeFrom-error"><span class="gaz-visually-hidden">Fout: <\/span>Vul een datum in als JJJJ-MM-DD tussen/,
    );
    kept(res.body, 'activeFrom', '0000-01-01');
  });
});

describe('constraint violations are field errors, and the form keeps what was typed', () => {
  test('an organisation that does not exist on the coordinator edit form: 400 beside the field, not 500', async () => {
    const s = await staff();
    const id = (await svc.listCoordinators(t.deps.db))[0].id;
    const res = await postForm(t, s, `/beheer/netwerk/coordinatoren/${id}`, {
      name: 'Getypte naam (voorbeeld)',
      organisationId: '999999',
      phone: '010 123 45 67',
      activeFrom: '2019-01-01',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /id="field-organisationId-error">Kies een organisatie uit de lijst\./);
    kept(res.body, 'name', 'Getypte naam (voorbeeld)');
    kept(res.body, 'phone', '010 123 45 67');
    assert.notEqual((await svc.getCoordinator(t.deps.db, id))?.name, 'Getypte naam (voorbeeld)');
    // The service says the same to any caller.
    await assert.rejects(
      svc.updateCoordinator(ctx(), id, {
        name: 'X',
        organisationId: 999999,
        phone: null,
        email: null,
        webPage: null,
        activeFrom: '2019-01-01',
        activeTo: null,
      }),
      (e: { status: number; fields: { field: string }[] }) => e.status === 400 && e.fields[0].field === 'organisationId',
    );
  });

  test('a second custom region with the same name (any case): 400 beside the name, not 500', async () => {
    const s = await staff();
    assert.equal((await postForm(t, s, '/beheer/netwerk/regios', { name: 'DupRegion', codes: 'GM0363 GM0014' })).statusCode, 303);
    for (const name of ['DupRegion', 'dupregion']) {
      const res = await postForm(t, s, '/beheer/netwerk/regios', { name, codes: 'GM0363' });
      assert.equal(res.statusCode, 400, name);
      assert.match(
        res.body,
        /id="field-name-error"><span class="gaz-visually-hidden">Fout: <\/span>Er is al een regio met deze naam\. Kies een andere naam\./,
      );
      kept(res.body, 'name', name);
      kept(res.body, 'codes', 'GM0363');
    }
    assert.equal((await svc.listCustomRegions(t.deps.db)).filter((r) => r.name.toLowerCase() === 'dupregion').length, 1);
  });
});

describe('input is validated for its meaning', () => {
  const coordinator = (org: number, over: Record<string, string>) => ({
    name: 'Periodetest (voorbeeld)',
    organisationId: String(org),
    fte: '0,5',
    activeFrom: '2019-05-01',
    ...over,
  });

  test('a coordinator active until a day before (or on) its start is refused, on create and edit, and by the service', async () => {
    const s = await staff();
    const org = (await svc.listOrganisations(t.deps.db))[0].id;
    const before = await postForm(t, s, '/beheer/netwerk/coordinatoren/nieuw', coordinator(org, { activeTo: '2019-04-30' }));
    assert.equal(before.statusCode, 400);
    assert.match(before.body, /De einddatum ligt vóór de begindatum\. Kies een latere einddatum\./);
    kept(before.body, 'activeTo', '2019-04-30');
    const same = await postForm(t, s, '/beheer/netwerk/coordinatoren/nieuw', coordinator(org, { activeTo: '2019-05-01' }));
    assert.equal(same.statusCode, 400);
    assert.match(same.body, /kies een dag na “Actief vanaf”/);
    const id = (await svc.listCoordinators(t.deps.db))[0].id;
    const edit = await postForm(t, s, `/beheer/netwerk/coordinatoren/${id}`, { ...coordinator(org, { activeTo: '2018-01-01' }), fte: '' });
    assert.equal(edit.statusCode, 400);
    assert.match(edit.body, /id="field-activeTo-error"/);
    await assert.rejects(
      svc.createCoordinator(ctx(), {
        name: 'X',
        organisationId: org,
        phone: null,
        email: null,
        webPage: null,
        fte: 1,
        activeFrom: '2019-05-01',
        activeTo: '2019-01-01',
      }),
      (e: { status: number; fields: { field: string }[] }) => e.status === 400 && e.fields[0].field === 'activeTo',
    );
  });

  test('the norm takes decimal numbers only (comma or point) within 0,001–10; 0x10 and 1e-320 are refused', async () => {
    const admin = await loginAs(t, 'admin');
    for (const [norm, message] of [
      ['0x10', /Vul een getal in met een komma of punt, bijvoorbeeld 0,1\./],
      ['1e-320', /Vul een getal in met een komma of punt, bijvoorbeeld 0,1\./],
      ['', /Vul een getal in met een komma of punt/],
      ['16', /Vul een norm in van 0,001 tot en met 10 FTE per 100\.000 inwoners/],
      ['0,0001', /Vul een norm in van 0,001 tot en met 10/],
    ] as const) {
      const res = await postForm(t, admin, '/beheer/netwerk/norm', { norm });
      assert.equal(res.statusCode, 400, norm);
      assert.match(res.body, message, norm);
      kept(res.body, 'norm', norm);
    }
    assert.equal(await svc.getNorm(t.deps.db), 0.1);
    assert.equal((await postForm(t, admin, '/beheer/netwerk/norm', { norm: '0.15' })).statusCode, 303);
    assert.equal(await svc.getNorm(t.deps.db), 0.15);
    await assert.rejects(svc.setNorm(ctx(), 1e-320), (e: { status: number }) => e.status === 400);
    await svc.setNorm(ctx(), 0.1);
  });

  test('an FTE is a decimal number from 0 to 10: empty, hexadecimal, exponents and 10,5 are refused', async () => {
    const s = await staff();
    const id = (await svc.listCoordinators(t.deps.db))[0].id;
    for (const fte of ['', '0x5', '1e1', '10,5', '-1', '0,8 FTE']) {
      const res = await postForm(t, s, `/beheer/netwerk/coordinatoren/${id}/fte`, { fte, effectiveFrom: '2019-11-01' });
      assert.equal(res.statusCode, 400, fte);
      assert.match(res.body, /id="field-fte-error"/, fte);
    }
    assert.equal(
      (await postForm(t, s, `/beheer/netwerk/coordinatoren/${id}/fte`, { fte: '0,75', effectiveFrom: '2019-11-01' })).statusCode,
      303,
    );
    assert.equal((await svc.getCoordinator(t.deps.db, id))?.fte, 0.75);
  });
});
