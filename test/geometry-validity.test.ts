// GIS clients read the API's GeoJSON and expect valid geometries (OGC Simple Features, RFC 7946).
// First the validator (test/helpers/geometry.ts) is shown to catch each kind of invalid polygon;
// then every municipality geometry of /api/v1/municipalities.geojson and every coverage geometry of
// /api/v1/network/coverage.geojson is checked on every date the boundaries or the municipalities
// change (2019, 2025, the derived maps of 2021–2022 and the day before each change), plus today.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { municipalitiesOn } from '../src/modules/atlas/index.ts';
import type { TestApp } from './helpers/app.ts';
import { createAtlasTestApp } from './helpers/atlas.ts';
import { geometryProblems } from './helpers/geometry.ts';

const TODAY = '2026-03-15';

const square = (x0: number, y0: number, size: number) => [
  [x0, y0],
  [x0 + size, y0],
  [x0 + size, y0 + size],
  [x0, y0 + size],
  [x0, y0],
];
const clockwise = (ring: number[][]) => [...ring].reverse();
const polygon = (...rings: number[][][]) => ({ type: 'Polygon', coordinates: rings });
const multi = (...polygons: number[][][][]) => ({ type: 'MultiPolygon', coordinates: polygons });
const problemsOf = (g: unknown) => geometryProblems(g).join('\n');

describe('the geometry validator', () => {
  it('accepts a square with a hole, and two islands that touch in one point', () => {
    assert.deepEqual(geometryProblems(polygon(square(5, 52, 0.01), clockwise(square(5.002, 52.002, 0.004)))), []);
    assert.deepEqual(geometryProblems(multi([square(5, 52, 0.01)], [square(5.01, 52.01, 0.01)])), []);
  });

  it('finds open rings, too few positions, repeated positions and more than 5 decimals', () => {
    assert.match(problemsOf(polygon(square(5, 52, 0.01).slice(0, 4))), /not closed/);
    assert.match(
      problemsOf(
        polygon([
          [5, 52],
          [5.01, 52],
          [5, 52],
        ]),
      ),
      /3 positions/,
    );
    const repeated = square(5, 52, 0.01);
    repeated.splice(1, 0, [5, 52]);
    assert.match(problemsOf(polygon(repeated)), /repeats the position before it/);
    assert.match(problemsOf(polygon(square(5.000001, 52, 0.01))), /more than 5 decimals/);
  });

  it('finds wrong winding (RFC 7946: exterior counter-clockwise, holes clockwise) and rings without area', () => {
    assert.match(problemsOf(polygon(clockwise(square(5, 52, 0.01)))), /exterior ring is clockwise/);
    assert.match(problemsOf(polygon(square(5, 52, 0.01), square(5.002, 52.002, 0.004))), /hole is counter-clockwise/);
    assert.match(
      problemsOf(
        polygon([
          [5, 52],
          [5.01, 52],
          [5.02, 52],
          [5, 52],
        ]),
      ),
      /no area|overlap|fold back/,
    );
  });

  it('finds a bow-tie, a spike and a ring that touches itself', () => {
    const bowtie = [
      [5, 52],
      [5.01, 52.01],
      [5.01, 52],
      [5, 52.01],
      [5, 52],
    ];
    assert.match(problemsOf(polygon(bowtie)), /cross/);
    const spike = [
      [5, 52],
      [5.02, 52],
      [5.01, 52],
      [5.01, 52.01],
      [5, 52.01],
      [5, 52],
    ];
    assert.match(problemsOf(polygon(spike)), /overlap|fold back/);
    const touching = [
      [5, 52],
      [5.01, 52],
      [5.01, 52.01],
      [5.005, 52],
      [5, 52.01],
      [5, 52],
    ];
    assert.match(problemsOf(polygon(touching)), /not simple/);
  });

  it('finds holes outside their exterior, nested holes, crossing rings and overlapping polygons', () => {
    assert.match(problemsOf(polygon(square(5, 52, 0.01), clockwise(square(5.1, 52.1, 0.004)))), /not inside its exterior/);
    const nested = polygon(square(5, 52, 0.01), clockwise(square(5.001, 52.001, 0.008)), clockwise(square(5.003, 52.003, 0.002)));
    assert.match(problemsOf(nested), /inside hole/);
    assert.match(problemsOf(polygon(square(5, 52, 0.01), clockwise(square(5.005, 52.005, 0.01)))), /cross/);
    assert.match(problemsOf(multi([square(5, 52, 0.01)], [square(5.002, 52.002, 0.004)])), /inside polygon/);
    assert.match(problemsOf(multi([square(5, 52, 0.01)], [square(5.01, 52, 0.01)])), /overlap/, 'a shared edge');
  });
});

let t: TestApp;
before(async () => {
  t = await createAtlasTestApp(new Date(`${TODAY}T12:00:00Z`));
});
after(async () => {
  await t?.close();
});

const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Every date on which the set of municipalities changes (found by following validFrom/validTo from 2019). */
async function changeDates(): Promise<string[]> {
  const found = new Set<string>(['2019-01-01']);
  const queue = ['2019-01-01', TODAY];
  while (queue.length > 0) {
    const date = queue.shift()!;
    for (const m of await municipalitiesOn(t.deps.db, date)) {
      for (const d of [m.validFrom, m.validTo]) {
        if (d && d > '2019-01-01' && !found.has(d)) {
          found.add(d);
          queue.push(d);
        }
      }
    }
  }
  return [...found].sort();
}

describe('every geometry the API serves is valid', () => {
  it('on every date the municipalities or their boundaries change, the day before, and today', async (ctx) => {
    const changes = await changeDates();
    assert.ok(changes.includes('2021-01-01') && changes.includes('2022-03-24') && changes.includes('2023-01-01'), changes.join(' '));
    // The boundary files switch on 2021-01-01 (derived) and 2023-01-01 (2025 file); 2021-06-01 is a derived map.
    const dates = [...new Set([...changes, ...changes.map(dayBefore), '2021-06-01', '2022-06-01', '2024-06-01', '2025-01-01', TODAY])]
      .filter((d) => d >= '2019-01-01')
      .sort();
    const invalid: string[] = [];
    for (const date of dates) {
      const expected = (await municipalitiesOn(t.deps.db, date)).map((m) => m.code).sort();
      for (const path of ['/api/v1/municipalities.geojson', '/api/v1/network/coverage.geojson']) {
        const res = await t.app.inject({ url: `${path}?date=${date}` });
        assert.equal(res.statusCode, 200, `${path}?date=${date}`);
        const features = res.json().features as { id: string; geometry: unknown }[];
        assert.deepEqual(features.map((f) => f.id).sort(), expected, `${path}?date=${date}: one feature per municipality of the date`);
        for (const f of features) {
          const problems = geometryProblems(f.geometry);
          if (problems.length > 0) invalid.push(`${path}?date=${date} ${f.id}: ${problems.slice(0, 3).join('; ')}`);
        }
      }
    }
    ctx.diagnostic(`${dates.length} dates: ${dates.join(' ')}`);
    assert.deepEqual(invalid, []);
  });
});
