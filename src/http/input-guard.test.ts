// The input layer refuses what no route should see, for every route of every module (issue 12,
// point 3): control characters in params, queries and bodies (400 naming the field), ids past what
// a database integer holds (404); and database errors caused by input become a 400 (point 4). A
// probe module written without care (src/http/probe.fixture.ts) stands for the modules to come.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { createUser } from '../../test/helpers/auth.ts';
import { anonymousCsrf } from '../../test/helpers/routes.ts';
// biome-ignore lint/style/noRestrictedImports: a test of the shared layer builds the real app, with every module.
import { MODULES } from '../modules/index.ts';
import { fieldsWithControls, fieldsWithReservedKeys, isImpossibleParam } from './input-guard.ts';
import { probeModule, probeSeen } from './probe.fixture.ts';

let t: TestApp;
let csrf: { cookies: Record<string, string>; csrf: string };

before(async () => {
  t = await createTestApp({ modules: [...MODULES, probeModule] });
  csrf = anonymousCsrf(t.app);
});
after(async () => t?.close());

const postJson = (url: string, body: unknown) =>
  t.app.inject({ method: 'POST', url, cookies: csrf.cookies, headers: { 'x-csrf-token': csrf.csrf }, payload: body as object });

const postForm = (url: string, form: string) =>
  t.app.inject({
    method: 'POST',
    url,
    cookies: csrf.cookies,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: `_csrf=${encodeURIComponent(csrf.csrf)}&${form}`,
  });

test('a NUL byte in a form field is a 400 that names the field, and the handler never runs', async () => {
  const before = probeSeen.length;
  const res = await postForm('/probe/tekst', 'naam=Jan&email=a%00@probe.invalid');
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /email: Dit veld bevat een onzichtbaar stuurteken/);
  assert.equal(probeSeen.length, before);
  // The real login form, anonymous, as in the report.
  const login = await postForm('/inloggen', 'email=a%00@probe.invalid&password=x');
  assert.equal(login.statusCode, 400);
  assert.match(login.body, /email: Dit veld bevat een onzichtbaar stuurteken/);
});

test('other C0 controls are refused too, in JSON keys and nested values; tab, CR and LF are allowed', async () => {
  const nested = await postJson('/api/v1/probe/tekst', { adres: { regels: ['ok', 'bel\u0007'] } });
  assert.equal(nested.statusCode, 400);
  assert.deepEqual(
    nested.json().errors.map((e: { field: string }) => e.field),
    ['adres.regels'],
  );
  const key = await postJson('/api/v1/probe/tekst', { 'a\u001bb': 'x' });
  assert.equal(key.statusCode, 400);
  assert.equal(key.json().errors[0].field, 'a?b');
  const fine = await postJson('/api/v1/probe/tekst', { tekst: 'regel 1\r\nregel 2\tmet tab' });
  assert.equal(fine.statusCode, 200);
});

test('a NUL byte in a query or a route parameter is a 400 naming it, also on pages and the API', async () => {
  const query = await t.app.inject({ url: '/probe/zoek?q=a%00b' });
  assert.equal(query.statusCode, 400);
  assert.match(query.body, /q: Dit veld bevat/);
  const param = await t.app.inject({ url: '/probe/nummers/12%0034' });
  assert.equal(param.statusCode, 400);
  assert.match(param.body, /nummer: Dit veld bevat/);
  const api = await t.app.inject({ url: '/api/v1/probe?datum=%01' });
  assert.equal(api.statusCode, 400);
  assert.match(String(api.headers['content-type']), /application\/problem\+json/);
  assert.equal(api.json().errors[0].field, 'datum');
});

test('an id past 2^31-1, or not a positive whole number, is a 404 before the handler queries with it', async () => {
  const user = await createUser(t.deps, { role: 'municipality', municipalityCode: 'GM0363' });
  assert.deepEqual((await t.app.inject({ url: `/probe/gebruikers/${user.id}` })).json(), { found: true });
  for (const id of ['2147483648', '99999999999999999999', '0', '-1', '1.5', 'abc', '1e3']) {
    const res = await t.app.inject({ url: `/probe/gebruikers/${id}` });
    assert.equal(res.statusCode, 404, `id ${id}`);
  }
  // Any parameter of digits past what an integer column holds names nothing.
  assert.equal((await t.app.inject({ url: '/probe/nummers/2147483648' })).statusCode, 404);
  assert.equal((await t.app.inject({ url: '/probe/nummers/0363' })).statusCode, 200);
});

test('a number out of range in a query reaches the database as a 400, not a 500 (both engines)', async () => {
  const res = await t.app.inject({ url: '/probe/zoek?n=99999999999' });
  assert.ok(res.statusCode === 200 || res.statusCode === 400, `status ${res.statusCode}`);
  if (t.database.dialect === 'postgres') {
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Een waarde kan zo niet worden opgeslagen of gezocht/);
  }
});

test('a unique violation is a 400 naming the field, with a Dutch message', async () => {
  const existing = await createUser(t.deps, { role: 'adviser' });
  const res = await postJson('/api/v1/probe/gebruiker', { email: existing.email });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().code, 'constraint_unique');
  assert.deepEqual(res.json().errors, [{ field: 'email', detail: 'Deze waarde bij "email" is al in gebruik. Kies een andere.' }]);
});

test('a foreign-key violation is a 400 (naming the field where the engine tells it)', async () => {
  const res = await postJson('/api/v1/probe/sessie', { userId: '999999' });
  assert.equal(res.statusCode, 400);
  const body = res.json();
  assert.equal(body.code, 'constraint_foreign_key');
  assert.match(body.detail, /Een gekozen waarde bestaat niet \(meer\)/);
  if (t.database.dialect === 'postgres') {
    // Named as the request called it (userId), not as the column (user_id).
    assert.deepEqual(body.errors, [{ field: 'userId', detail: 'De gekozen waarde bij "userId" bestaat niet (meer). Kies een bestaande.' }]);
  }
  const page = await postForm('/probe/sessie', 'userId=999999');
  assert.equal(page.statusCode, 400);
  assert.match(page.body, /<h1[^>]*>Ongeldige invoer<\/h1>/);
});

test('a key that shadows what every object has (toString, valueOf) is a 400 before any handler tries String() on it', async () => {
  const before = probeSeen.length;
  const res = await postJson('/api/v1/probe/tekst', { '': { toString: null } });
  assert.equal(res.statusCode, 400);
  assert.deepEqual(
    res.json().errors.map((e: { field: string }) => e.field),
    ['_.toString'],
  );
  const page = await postJson('/probe/tekst', { naam: { valueOf: 1 } });
  assert.equal(page.statusCode, 400);
  assert.match(page.body, /naam\.valueOf: Dit veld bestaat niet in dit formulier/);
  assert.equal(probeSeen.length, before);
});

test('the guard functions: fields with controls and impossible parameters', () => {
  assert.deepEqual(fieldsWithControls({ a: 'x', b: ['y', 'z\u0000'], c: { d: '\u0008' } }), ['b', 'c.d']);
  assert.deepEqual(fieldsWithControls('\u0000'), ['_']);
  assert.deepEqual(fieldsWithControls({ ok: 'tab\there\r\n' }), []);
  assert.deepEqual(fieldsWithReservedKeys({ a: [{ constructor: 1 }], b: { c: 'x' }, toString: 2 }), ['a.constructor', 'toString']);
  assert.equal(isImpossibleParam('id', '2147483647'), false);
  assert.equal(isImpossibleParam('id', '2147483648'), true);
  assert.equal(isImpossibleParam('coordinatorId', '007'), true);
  assert.equal(isImpossibleParam('code', 'GM0363'), false);
  assert.equal(isImpossibleParam('year', '2019'), false);
  assert.equal(isImpossibleParam('year', '99999999999'), true);
});
