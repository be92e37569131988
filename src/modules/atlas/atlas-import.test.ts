// Reference data import: good, broken and repeated input, and download from a (local) URL.
import assert from 'node:assert/strict';
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { REFERENCE_DIR } from '../../../test/helpers/atlas.ts';
import { ensureReferenceData } from './boot.ts';
import { importReferenceData, ReferenceDataError } from './import/index.ts';
import { getMunicipality, municipalitiesOn, regionsByType } from './service.ts';
import { atlasIsEmpty, referenceDataVersion } from './snapshot.ts';

const SOURCE = REFERENCE_DIR;

function copyData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gaz-ref-'));
  cpSync(SOURCE, dir, { recursive: true });
  return dir;
}

function edit(dir: string, file: string, fn: (text: string) => string) {
  const path = join(dir, file);
  chmodSync(path, 0o644);
  writeFileSync(path, fn(readFileSync(path, 'utf8')), { mode: 0o644 });
}

async function tableCounts(t: TestApp) {
  const db = t.deps.db;
  const n = async (table: 'atlas_municipalities' | 'atlas_regions' | 'atlas_mergers' | 'atlas_region_memberships' | 'atlas_imports') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    municipalities: await n('atlas_municipalities'),
    regions: await n('atlas_regions'),
    mergers: await n('atlas_mergers'),
    memberships: await n('atlas_region_memberships'),
    imports: await n('atlas_imports'),
  };
}

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => {
  await t.close();
});

describe('atlas import: good data', () => {
  it('imports the reference data: 355/342 municipalities, 12/25/25 regions, 21 mergers', async () => {
    const result = await importReferenceData(t.deps, SOURCE);
    assert.equal(result.status, 'imported');
    assert.deepEqual(result.warnings, []);
    assert.equal(result.counts!.municipalities2019, 355);
    assert.equal(result.counts!.municipalities2025, 342);
    assert.equal(result.counts!.provinces, 12);
    assert.equal(result.counts!.safetyRegions, 25);
    assert.equal(result.counts!.ggdRegions, 25);
    assert.equal(result.counts!.mergers, 21);
    assert.equal((await municipalitiesOn(t.deps.db, '2019-06-01')).length, 355);
    assert.equal((await municipalitiesOn(t.deps.db, '2025-06-01')).length, 342);
    assert.equal((await regionsByType(t.deps.db, 'province', '2025-06-01')).length, 12);
    assert.equal((await regionsByType(t.deps.db, 'safety-region', '2025-06-01')).length, 25);
    assert.equal((await regionsByType(t.deps.db, 'ggd-region', '2019-06-01')).length, 25);
    const counts = await tableCounts(t);
    assert.equal(counts.municipalities, 360);
    assert.equal(counts.mergers, 21);
    assert.equal(counts.memberships, 360 * 3);
  });

  it('derives Haaren’s area shares from geometry (Vught ≈42 %, Oisterwijk ≈28 %, Tilburg ≈18 %, Boxtel ≈10 %)', async () => {
    const haaren = await getMunicipality(t.deps.db, 'GM0788', '2020-06-01');
    const shares = Object.fromEntries(haaren!.successors.map((s) => [s.name, Math.round(s.share * 100)]));
    assert.ok(Math.abs(shares.Vught - 42) <= 3, JSON.stringify(shares));
    assert.ok(Math.abs(shares.Oisterwijk - 28) <= 3, JSON.stringify(shares));
    assert.ok(Math.abs(shares.Tilburg - 18) <= 3, JSON.stringify(shares));
    assert.ok(Math.abs(shares.Boxtel - 10) <= 3, JSON.stringify(shares));
  });

  it('a second run with the same files says so and writes nothing', async () => {
    const before = await tableCounts(t);
    const version = await referenceDataVersion(t.deps.db);
    const result = await importReferenceData(t.deps, SOURCE);
    assert.equal(result.status, 'unchanged');
    assert.equal(result.message, 'Reference data unchanged; nothing to do.');
    assert.deepEqual(await tableCounts(t), before);
    assert.equal(await referenceDataVersion(t.deps.db), version);
  });
});

describe('atlas import: broken data', () => {
  const broken: [string, string, (dir: string) => void, RegExp][] = [
    [
      'a bad municipality code',
      'gemeenten.csv',
      (d) => edit(d, 'gemeenten.csv', (s) => s.replace('GM0010,Delfzijl', 'GX0010,Delfzijl')),
      /^gemeenten\.csv, row 3: code "GX0010" is not a CBS municipality code/,
    ],
    [
      'a missing column',
      'gemeenten.csv',
      (d) => edit(d, 'gemeenten.csv', (s) => s.replace(',population_2019,', ',population_2019x,')),
      /^gemeenten\.csv, row 1: column "population_2019" is missing/,
    ],
    [
      'a merger with an unknown code',
      'herindelingen',
      (d) => edit(d, 'herindelingen_2019_2025.csv', (s) => s.replace('2021-01-01,GM0010,Delfzijl', '2021-01-01,GM9998,Delfzijl')),
      /^herindelingen_2019_2025\.csv, row 3: old_code GM9998 is not in gemeenten\.csv\./,
    ],
    [
      'a truncated topology',
      'gemeente_2025.topojson',
      (d) => edit(d, 'gemeente_2025.topojson', (s) => s.slice(0, Math.floor(s.length / 2))),
      /^gemeente_2025\.topojson: is not valid JSON .*truncated/,
    ],
    [
      'a geometry with an unknown id',
      'gemeente_2019.topojson',
      (d) => edit(d, 'gemeente_2019.topojson', (s) => s.replace('"statcode":"GM0003"', '"statcode":"GM0004"')),
      /^gemeente_2019\.topojson: geometry \d+: GM0004 is not listed for this year/,
    ],
  ];
  for (const [label, , breakIt, expected] of broken) {
    it(`refuses ${label}, naming file and row, leaving the database as it was`, async () => {
      const dir = copyData();
      breakIt(dir);
      const before = await tableCounts(t);
      const version = await referenceDataVersion(t.deps.db);
      await assert.rejects(importReferenceData(t.deps, dir), (err: unknown) => {
        assert.ok(err instanceof ReferenceDataError, String(err));
        assert.match(err.message, expected);
        return true;
      });
      assert.deepEqual(await tableCounts(t), before);
      assert.equal(await referenceDataVersion(t.deps.db), version);
    });
  }
});

describe('atlas import: from a URL and at start-up', () => {
  it('imports from a URL serving the seven files (downloaded into DATA_DIR/reference/)', async () => {
    const other = await createTestApp({ config: { dataDir: mkdtempSync(join(tmpdir(), 'gaz-data-')) } });
    const server: Server = createServer((req, res) => {
      const name = decodeURIComponent(String(req.url).split('/').pop() ?? '');
      const path = join(SOURCE, name);
      if (!/^[\w.]+$/.test(name) || !existsSync(path)) {
        res.writeHead(404).end('not found');
        return;
      }
      res.writeHead(200).end(readFileSync(path));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as { port: number }).port;
      const progress: string[] = [];
      const result = await importReferenceData(other.deps, `http://127.0.0.1:${port}/cbs/`, (label, done, total) =>
        progress.push(`${label} ${done}/${total}`),
      );
      assert.equal(result.status, 'imported');
      assert.equal(result.counts!.municipalities2025, 342);
      assert.ok(progress.includes('downloading reference data 7/7'));
      assert.equal(readdirSync(join(other.deps.config.dataDir, 'reference')).length, 7);
    } finally {
      server.close();
      await other.close();
    }
  });

  it('says clearly which files cannot be downloaded when the URL lacks the CSV files', async () => {
    const other = await createTestApp({ config: { dataDir: mkdtempSync(join(tmpdir(), 'gaz-data-')) } });
    const server: Server = createServer((req, res) => {
      const name = String(req.url).split('/').pop() ?? '';
      if (!name.endsWith('.topojson')) return void res.writeHead(404).end();
      res.writeHead(200).end(readFileSync(join(SOURCE, name)));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as { port: number }).port;
      await assert.rejects(
        importReferenceData(other.deps, `http://127.0.0.1:${port}`),
        /gemeenten\.csv, herindelingen_2019_2025\.csv: could not be downloaded from http:\/\/127\.0\.0\.1:\d+\/ \(gemeenten\.csv: HTTP 404; .*--from DIR/,
      );
      assert.equal((await municipalitiesOn(other.deps.db, '2025-06-01')).length, 0);
    } finally {
      server.close();
      await other.close();
    }
  });

  it('boot: an empty atlas is imported at start-up (REFERENCE_DATA / ../shared/data/cbs), then left alone', async () => {
    const fresh = await createTestApp({ config: { referenceData: SOURCE } });
    try {
      assert.equal(await atlasIsEmpty(fresh.deps.db), true);
      const log: string[] = [];
      await ensureReferenceData(fresh.deps, (l) => log.push(l));
      assert.ok(
        log.some((l) => /Imported 355 municipalities \(2019\), 342 \(2025\)/.test(l)),
        log.join('\n'),
      );
      assert.equal(await atlasIsEmpty(fresh.deps.db), false);
      const again: string[] = [];
      await ensureReferenceData(fresh.deps, (l) => again.push(l));
      assert.deepEqual(again, []);
    } finally {
      await fresh.close();
    }
  });
});
