// The structure of the OpenAPI document (ADR 0017): every /api/v1 operation has an operationId
// (unique), a `security` (public ones `[]`), a documented 2xx with a schema and the pipeline's 4xx as
// problem+json; a module route that documents nothing is named, not silently published. What is
// derived — operationId, security from the permission, the standard answers, the server — is
// checked on the real document and on a probe module's routes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { operationIdFor } from '../src/http/openapi-document.ts';
import { defineModule } from '../src/module.ts';
import { MODULES } from '../src/modules/index.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { API_PREFIX, contractProblems, type OpenApiDocument, openApiDocument, operationsOf } from './helpers/openapi.ts';

let t: TestApp;
let doc: OpenApiDocument;

before(async () => {
  t = await createTestApp();
  doc = await openApiDocument(t.app);
});

after(async () => {
  await t?.close();
});

test('every /api/v1 operation has an operationId, security, a response schema and 4xx answers as problem+json', () => {
  const operations = operationsOf(doc).filter((o) => o.path.startsWith(API_PREFIX));
  assert.ok(operations.length >= 25, `only ${operations.length} operations`);
  assert.deepEqual(contractProblems(doc), []);
});

test('only /api/v1 is documented, and every /api/v1 route of the route table is (CSV twins excepted)', () => {
  const paths = Object.keys(doc.paths);
  assert.deepEqual(
    paths.filter((p) => !p.startsWith(API_PREFIX)),
    [],
  );
  const documented = new Set(operationsOf(doc).map((o) => `${o.method} ${o.fastifyUrl}`));
  const missing = t.app.routeTable
    .filter((r) => r.url.startsWith(API_PREFIX) && r.method !== 'HEAD' && !r.url.endsWith('.csv'))
    .map((r) => `${r.method} ${r.url}`)
    .filter((key) => !documented.has(key));
  assert.deepEqual(missing, []);
});

test('security follows the declared permission: public operations say [], staff ones the personal API token', () => {
  const byKey = new Map(t.app.routeTable.map((r) => [`${r.method} ${r.url}`, r.permission]));
  for (const o of operationsOf(doc)) {
    const permission = byKey.get(`${o.method} ${o.fastifyUrl}`);
    const expected = permission === 'public' || permission === 'token' ? [] : [{ bearerAuth: [] }];
    assert.deepEqual(o.op.security, expected, `${o.method} ${o.path} (${permission})`);
  }
  assert.deepEqual(doc.security, [{ bearerAuth: [] }], 'nothing is open by omission');
});

test('the network and /me operations document their bodies and their errors', () => {
  const ops = operationsOf(doc).filter((o) => o.path.startsWith('/api/v1/network/') || o.path === '/api/v1/me');
  assert.equal(ops.length, 7);
  for (const o of ops) {
    const statuses = Object.keys(o.op.responses ?? {});
    assert.ok(statuses.includes('200') && statuses.includes('400') && statuses.includes('429'), `${o.path}: ${statuses}`);
  }
  const me = ops.find((o) => o.path === '/api/v1/me')!;
  assert.ok(Object.hasOwn(me.op.responses ?? {}, '401'));
  const timeline = ops.find((o) => o.path === '/api/v1/network/timeline')!;
  assert.ok(Object.hasOwn(timeline.op.responses ?? {}, '304'), 'a cached operation documents 304');
});

test('the checker names an operation without operationId, security, response schema or 4xx', () => {
  const copy = structuredClone(doc);
  const summary = copy.paths['/api/v1/network/summary'].get;
  delete summary.operationId;
  delete summary.security;
  summary.responses = { '200': { description: 'OK' } };
  assert.deepEqual(contractProblems(copy), [
    'GET /api/v1/network/summary: no operationId',
    'GET /api/v1/network/summary: no security (public operations say security: [])',
    'GET /api/v1/network/summary: 200 has no response schema',
    'GET /api/v1/network/summary: no 4xx response',
  ]);
});

test('a module route under /api/v1 that documents no response is in the document and named; one with a schema passes', async () => {
  const probe = defineModule({
    name: 'openapiprobe',
    routes: (app) => {
      app.get('/api/v1/contract-probe/bare', { config: { permission: 'public' } }, async () => ({ ok: true }));
      app.get(
        '/api/v1/contract-probe/:id/documented',
        {
          config: { permission: 'staff' },
          schema: {
            tags: ['network'],
            summary: 'Probe',
            description: 'Probe',
            response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } } } },
          },
        },
        async () => ({ ok: true }),
      );
    },
  });
  const p = await createTestApp({ modules: [...MODULES, probe] });
  try {
    const probeDoc = await openApiDocument(p.app);
    const problems = contractProblems(probeDoc).filter((x) => x.includes('contract-probe'));
    assert.deepEqual(problems, ['GET /api/v1/contract-probe/bare: 200 has no response schema']);
    const documented = probeDoc.paths['/api/v1/contract-probe/{id}/documented'].get;
    assert.equal(documented.operationId, 'getContractProbeByIdDocumented');
    assert.deepEqual(documented.security, [{ bearerAuth: [] }]);
    assert.deepEqual(Object.keys(documented.responses ?? {}), ['200', '400', '401', '403', '404', '429']);
  } finally {
    await p.close();
  }
});

test('two routes that would share an operationId stop the document from being built, naming both', async () => {
  const probe = defineModule({
    name: 'openapitwins',
    routes: (app) => {
      app.get('/api/v1/twin-a/b', { config: { permission: 'public' } }, async () => ({}));
      app.get('/api/v1/twin/a-b', { config: { permission: 'public' } }, async () => ({}));
    },
  });
  const p = await createTestApp({ modules: [...MODULES, probe] });
  try {
    assert.equal(operationIdFor('GET', '/api/v1/twin-a/b'), operationIdFor('GET', '/api/v1/twin/a-b'));
    assert.throws(() => p.app.swagger(), /operationId "getTwinAB" of GET \/api\/v1\/twin\/a-b is also that of GET \/api\/v1\/twin-a\/b/);
  } finally {
    await p.close();
  }
});

test('the server is PUBLIC_BASE_URL when it is a public address, and the serving host (/) for a local one', async () => {
  assert.deepEqual(
    doc.servers?.map((s) => s.url),
    ['/'],
  );
  const p = await createTestApp({ config: { publicBaseUrl: 'https://gemeentenaanzet.nl' } });
  try {
    const pub = await openApiDocument(p.app);
    assert.deepEqual(
      pub.servers?.map((s) => s.url),
      ['https://gemeentenaanzet.nl'],
    );
    assert.ok(!JSON.stringify(pub).includes('localhost'), 'no localhost anywhere in the document');
  } finally {
    await p.close();
  }
});
