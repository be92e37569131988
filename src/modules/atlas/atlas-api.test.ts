// Open-data API contract: shapes, CSV, GeoJSON basics, problem+json errors, ETag/304, OpenAPI.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestApp } from '../../../test/helpers/app.ts';
import { createAtlasTestApp } from '../../../test/helpers/atlas.ts';
import { DATE_MESSAGE } from '../../http/route-kit.ts';
import { boundariesOn } from './boundaries.ts';
import { searchMunicipalities, successorsOf } from './service.ts';

const TODAY = new Date('2026-11-28T12:00:00Z');

/** An item of an API list, as far as these tests look at it. */
type Item = { code: string; type?: string };

let t: TestApp;
before(async () => {
  t = await createAtlasTestApp(TODAY);
});
after(async () => {
  await t.close();
});
const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('atlas API: municipalities', () => {
  it('GET /api/v1/municipalities?date=2019-06-01 lists 355, today 342, with the issue’s shape', async () => {
    const res = await get('/api/v1/municipalities?date=2019-06-01');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    const body = res.json();
    assert.equal(body.meta.count, 355);
    assert.equal(body.data.length, 355);
    assert.equal(body.meta.date, '2019-06-01');
    assert.match(body.meta.attribution, /CBS\/Kadaster/);
    assert.ok(body.meta.source);
    const weesp = body.data.find((m: Item) => m.code === 'GM0457');
    assert.deepEqual(Object.keys(weesp).sort(), ['code', 'name', 'population', 'province']);
    assert.deepEqual(weesp.province, { code: 'PV27', name: 'Noord-Holland' });
    assert.equal(weesp.population.referenceDate, '2020-01-01');
    const today = (await get('/api/v1/municipalities')).json();
    assert.equal(today.meta.count, 342);
    assert.equal(today.meta.date, '2026-11-28');
    assert.equal(today.data.find((m: Item) => m.code === 'GM0363').population.referenceDate, '2024-01-01');
  });

  it('counts on dates between the reference years (352, 345, 344)', async () => {
    for (const [date, n] of [
      ['2021-06-01', 352],
      ['2022-01-01', 345],
      ['2022-06-01', 344],
    ] as const) {
      assert.equal((await get(`/api/v1/municipalities?date=${date}`)).json().meta.count, n, date);
    }
  });

  it('CSV via ?format=csv and via .csv', async () => {
    const a = await get('/api/v1/municipalities?format=csv&date=2025-06-01');
    const b = await get('/api/v1/municipalities.csv?date=2025-06-01');
    assert.match(String(a.headers['content-type']), /^text\/csv/);
    assert.equal(a.body, b.body);
    const lines = a.body.trim().split('\r\n');
    assert.equal(lines[0], 'code,name,province_code,province_name,population,population_reference_date');
    assert.equal(lines.length, 343);
    const one = await get('/api/v1/municipalities/GM0363.csv');
    assert.match(one.body, /^code,name,.*\r\nGM0363,Amsterdam,PV27,Noord-Holland,\d+,2024-01-01,,,GM0457,,/);
  });

  it('GET /api/v1/municipalities/{code} gives validity, predecessors and successors', async () => {
    const ams = (await get('/api/v1/municipalities/GM0363')).json().data;
    assert.equal(ams.name, 'Amsterdam');
    assert.equal(ams.validFrom, null);
    assert.equal(ams.validTo, null);
    assert.deepEqual(ams.predecessors, [{ code: 'GM0457', name: 'Weesp', effectiveDate: '2022-03-24', share: 1 }]);
    assert.deepEqual(
      ams.regions.map((r: Item) => r.type),
      ['province', 'safety-region', 'ggd-region'],
    );
    const weesp = (await get('/api/v1/municipalities/GM0457')).json().data;
    assert.equal(weesp.validTo, '2022-03-24');
    assert.deepEqual(
      weesp.successors.map((s: Item) => s.code),
      ['GM0363'],
    );
    const haaren = (await get('/api/v1/municipalities/GM0788')).json().data;
    assert.equal(haaren.successors.length, 4);
    const eemsdelta = (await get('/api/v1/municipalities/gm1979')).json().data;
    assert.equal(eemsdelta.validFrom, '2021-01-01');
  });
});

describe('atlas API: regions and GeoJSON', () => {
  it('regions by type and one region with its members', async () => {
    const prov = (await get('/api/v1/regions?type=province')).json();
    assert.equal(prov.meta.count, 12);
    assert.deepEqual(Object.keys(prov.data[0]).sort(), ['code', 'name', 'type']);
    assert.equal((await get('/api/v1/regions?type=safety-region')).json().meta.count, 25);
    assert.equal((await get('/api/v1/regions?type=ggd-region')).json().meta.count, 25);
    assert.equal((await get('/api/v1/regions')).json().meta.count, 62);
    const nh = (await get('/api/v1/regions/PV27?date=2025-06-01')).json().data;
    assert.equal(nh.name, 'Noord-Holland');
    assert.equal(nh.municipalities.length, 44);
    const nh2019 = (await get('/api/v1/regions/PV27?date=2019-06-01')).json().data;
    assert.ok(nh2019.municipalities.some((m: Item) => m.code === 'GM0457'));
    assert.match((await get('/api/v1/regions.csv?type=province')).body, /^code,name,type\r\nPV/);
  });

  it('GeoJSON: a FeatureCollection with one feature per municipality, rounded, right-hand rule', async () => {
    for (const [date, n] of [
      ['2019-06-01', 355],
      ['2021-06-01', 352],
      ['2025-06-01', 342],
    ] as const) {
      const res = await get(`/api/v1/municipalities.geojson?date=${date}`);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^application\/geo\+json/);
      const fc = res.json();
      assert.equal(fc.type, 'FeatureCollection');
      assert.equal(fc.features.length, n, date);
      for (const f of fc.features) {
        assert.equal(f.type, 'Feature');
        assert.ok(['Polygon', 'MultiPolygon'].includes(f.geometry.type));
        const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
        for (const poly of polys) {
          poly.forEach((ring: number[][], i: number) => {
            assert.ok(ring.length >= 4);
            assert.deepEqual(ring[0], ring[ring.length - 1]);
            let area = 0;
            for (let k = 0; k < ring.length - 1; k++) area += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1];
            assert.equal(area > 0, i === 0, `${f.id} ring ${i} winding`);
            for (const [x, y] of ring) {
              assert.ok(x > 3 && x < 8 && y > 50 && y < 54);
              assert.equal(Math.round(x * 1e5) / 1e5, x);
            }
          });
        }
      }
    }
  });
});

describe('atlas API: errors, compression and headers', () => {
  it('bad date, code or type → 400 problem+json with a Dutch detail naming the parameter', async () => {
    const cases: [string, string][] = [
      ['/api/v1/municipalities?date=2019-13-01', DATE_MESSAGE.nl],
      ['/api/v1/municipalities?date=1-6-2019', DATE_MESSAGE.nl],
      ['/api/v1/municipalities.geojson?date=gisteren', DATE_MESSAGE.nl],
      // The one date rule has a supported range (2000-01-01 … 2099-12-31).
      ['/api/v1/municipalities?date=0000-01-01', DATE_MESSAGE.nl],
      ['/api/v1/municipalities/GM0363?date=1999-12-31', DATE_MESSAGE.nl],
      ['/api/v1/regions?date=2100-01-01', DATE_MESSAGE.nl],
      ['/api/v1/municipalities?format=xml', 'Parameter format: kies json of csv.'],
      ['/api/v1/municipalities/Amsterdam', 'Parameter code: gebruik een CBS-gemeentecode zoals GM0363.'],
      ['/api/v1/regions?type=gemeente', 'Parameter type: kies province, safety-region of ggd-region.'],
      [
        '/api/v1/regions/XX01',
        'Parameter code: gebruik een regiocode zoals PV27 (provincie), VR13 (veiligheidsregio) of GG3406 (GGD-regio).',
      ],
    ];
    for (const [url, detail] of cases) {
      const res = await get(url);
      assert.equal(res.statusCode, 400, url);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
      const body = res.json();
      assert.equal(body.status, 400);
      assert.equal(body.detail, detail, url);
      if (detail === DATE_MESSAGE.nl) assert.equal(body.errors[0].field, 'date', url);
    }
  });

  it('big bodies are sent pre-compressed when the client accepts it', async () => {
    const { gunzipSync, brotliDecompressSync } = await import('node:zlib');
    const plain = await get('/api/v1/municipalities?date=2019-06-01');
    const gz = await t.app.inject({ method: 'GET', url: '/api/v1/municipalities?date=2019-06-01', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gz.rawPayload).toString(), plain.body);
    const br = await t.app.inject({
      method: 'GET',
      url: '/api/v1/municipalities?date=2019-06-01',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(brotliDecompressSync(br.rawPayload).toString(), plain.body);
    assert.equal(br.headers.etag, plain.headers.etag);
  });

  it('API routes send the API security headers, open to other sites; pages keep the page set', async () => {
    const api = await get('/api/v1/municipalities/GM0363');
    assert.equal(api.headers['content-security-policy'], "default-src 'none';frame-ancestors 'none'");
    assert.equal(api.headers['x-content-type-options'], 'nosniff');
    assert.equal(api.headers['x-frame-options'], 'DENY');
    assert.equal(api.headers['access-control-allow-origin'], '*');
    assert.equal(api.headers['cross-origin-resource-policy'], 'cross-origin');
    for (const legacy of ['x-xss-protection', 'x-download-options', 'origin-agent-cluster', 'cross-origin-opener-policy']) {
      assert.equal(api.headers[legacy], undefined, legacy);
    }
    const error = await get('/api/v1/municipalities?date=nope');
    assert.equal(error.statusCode, 400);
    assert.equal(error.headers['content-security-policy'], api.headers['content-security-policy']);
    const page = await get('/kaart');
    assert.match(String(page.headers['content-security-policy']), /script-src 'self'/);
    assert.equal(page.headers['access-control-allow-origin'], undefined);
    assert.equal(page.headers['cross-origin-resource-policy'], 'same-origin');
  });

  it('unknown code → 404 problem+json', async () => {
    for (const url of ['/api/v1/municipalities/GM9999', '/api/v1/regions/PV99']) {
      const res = await get(url);
      assert.equal(res.statusCode, 404, url);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
      assert.match(res.json().detail, /bestaat niet/);
    }
  });
});

describe('atlas API: caching and OpenAPI', () => {
  it('every public GET has an ETag and Cache-Control; If-None-Match answers 304', async () => {
    for (const url of [
      '/api/v1/municipalities?date=2019-06-01',
      '/api/v1/municipalities/GM0363',
      '/api/v1/regions?type=province',
      '/api/v1/regions/VR13',
      '/api/v1/municipalities.geojson',
      '/api/v1/municipalities.csv',
    ]) {
      const first = await get(url);
      assert.equal(first.statusCode, 200, url);
      const etag = String(first.headers.etag);
      assert.match(etag, /^W\/".+"$/);
      assert.match(String(first.headers['cache-control']), /public, max-age=\d+/);
      const second = await get(url, { 'if-none-match': etag });
      assert.equal(second.statusCode, 304, url);
      assert.equal(second.body, '');
      assert.equal(second.headers.etag, etag);
    }
    const a = await get('/api/v1/municipalities?date=2019-06-01');
    const b = await get('/api/v1/municipalities?date=2025-06-01');
    assert.notEqual(a.headers.etag, b.headers.etag);
    // Vary only where the body may be compressed (≥ 1 KB); a small body is the same for every client.
    assert.equal(a.headers.vary, 'accept-encoding');
    assert.equal((await get('/api/v1/municipalities/GM0363')).headers.vary, undefined);
  });

  it('OpenAPI 3.1 document lists the API; /api/docs serves the docs page under the strict CSP', async () => {
    const res = await get('/api/openapi.json');
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.equal(doc.openapi, '3.1.0');
    for (const path of [
      '/api/v1/municipalities',
      '/api/v1/municipalities/{code}',
      '/api/v1/regions',
      '/api/v1/regions/{code}',
      '/api/v1/municipalities.geojson',
    ]) {
      assert.ok(doc.paths[path]?.get, path);
    }
    const params = doc.paths['/api/v1/municipalities'].get.parameters.map((p: { name: string }) => p.name).sort();
    assert.deepEqual(params, ['date', 'format']);
    const docs = await get('/api/docs/');
    assert.equal(docs.statusCode, 200);
    assert.match(docs.body, /swagger-ui/);
    assert.doesNotMatch(docs.body, /<script>(?!\s*<\/script>)/);
    assert.match(String(docs.headers['content-security-policy']), /script-src 'self'(;|$)/);
  });
});

describe('atlas service', () => {
  it('service: successors, former-name search and boundaries per date', async () => {
    assert.deepEqual(
      (await successorsOf(t.deps.db, 'GM0003', '2021-01-01')).map((s) => s.name),
      ['Eemsdelta'],
    );
    const [hit] = await searchMunicipalities(t.deps.db, 'Weesp', '2026-11-28');
    assert.equal(hit.name, 'Amsterdam');
    assert.equal(hit.reason?.nl, 'Weesp is op 24 maart 2022 opgegaan in Amsterdam');
    const b2019 = await boundariesOn(t.deps.db, '2019-06-01');
    const b2021 = await boundariesOn(t.deps.db, '2021-06-01');
    const b2025 = await boundariesOn(t.deps.db, '2025-06-01');
    assert.equal(b2019!.referenceYear, 2019);
    assert.equal(b2025!.referenceYear, 2025);
    assert.equal(b2021!.derived, true);
    const count = (o: { type: string | null; geometries?: unknown[] }) =>
      o.type === 'GeometryCollection' ? (o.geometries?.length ?? 0) : 0;
    assert.equal(count(b2021!.municipalities.objects.municipalities), 352);
    assert.equal(count(b2025!.municipalities.objects.municipalities), 342);
    assert.equal(count(b2025!.provinces!.objects.provinces), 12);
    assert.notEqual(b2019!.version, b2021!.version);
  });
});
