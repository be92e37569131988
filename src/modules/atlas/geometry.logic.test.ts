// The serializer's polygon repair (geometry.logic.ts), on hand-made rings; the whole country on
// every reference date is checked against an independent validator in test/geometry-validity.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { geometryProblems } from '../../../test/helpers/geometry.ts';
import { badMeetings, rfc7946Geometry, rfc7946Ring, simpleRing, withoutSpikes } from './geometry.logic.ts';

type Point = [number, number];
const polygon = (...rings: number[][][]) => ({ type: 'Polygon' as const, coordinates: rings });
const close = (ring: number[][]) => [...ring, ring[0]];

describe('polygons for the API: grid, closing and winding', () => {
  it('rounds to 5 decimals, closes the ring and winds the exterior counter-clockwise, holes clockwise', () => {
    // Clockwise exterior (as d3/TopoJSON wind it), counter-clockwise hole, not closed, 7 decimals.
    const shell = [
      [5.0000001, 52.0000004],
      [5.0000001, 52.0100001],
      [5.0100004, 52.0100003],
      [5.0100002, 52.0000002],
    ];
    const hole = [
      [5.002, 52.002],
      [5.008, 52.002],
      [5.008, 52.008],
      [5.002, 52.008],
    ];
    const g = rfc7946Geometry(polygon(shell, hole));
    assert.deepEqual(g, {
      type: 'Polygon',
      coordinates: [
        // The given rings reversed, so the same positions in the other order.
        close([
          [5.01, 52],
          [5.01, 52.01],
          [5, 52.01],
          [5, 52],
        ]),
        close([
          [5.002, 52.008],
          [5.008, 52.008],
          [5.008, 52.002],
          [5.002, 52.002],
        ]),
      ],
    });
    assert.deepEqual(geometryProblems(g), []);
  });

  it('removes repeated positions, also those that only rounding makes equal', () => {
    const ring = close([
      [5, 52],
      [5.000001, 52.000002],
      [5.01, 52],
      [5.01, 52.01],
      [5, 52.01],
    ]);
    const g = rfc7946Geometry(polygon(ring));
    assert.equal((g as { coordinates: number[][][] }).coordinates[0].length, 5);
    assert.deepEqual(geometryProblems(g), []);
  });
});

describe('polygons for the API: simple rings', () => {
  it('removes a spike (a vertex whose segments fold back onto each other)', () => {
    const ring: Point[] = [
      [0, 0],
      [10, 0],
      [20, 0],
      [15, 0], // folds back along the bottom edge
      [15, 10],
      [0, 10],
    ];
    assert.ok(badMeetings(ring).length > 0, 'the spike is seen');
    const fixed = withoutSpikes(ring);
    assert.deepEqual(badMeetings(fixed), []);
    assert.ok(!fixed.some(([x, y]) => x === 20 && y === 0), 'the tip of the spike is gone');
  });

  it('turns a ring that touches itself (a vertex on another segment) into a simple one', () => {
    // The vertex (5, 0) lies on the bottom edge from (0, 0) to (10, 0): the ring touches itself.
    const ring: Point[] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [5, 0],
      [0, 10],
    ];
    assert.ok(badMeetings(ring).length > 0);
    const fixed = simpleRing(ring);
    assert.ok(fixed.length >= 3);
    assert.deepEqual(badMeetings(fixed), []);
  });

  it('repairs a bow-tie (two segments crossing) with the least change of area', () => {
    const ring: Point[] = [
      [0, 0],
      [100, 0],
      [100, 100],
      [52, 100],
      [48, -1], // pokes through the bottom edge
      [0, 100],
    ];
    assert.ok(badMeetings(ring).length > 0);
    const fixed = simpleRing(ring);
    assert.deepEqual(badMeetings(fixed), []);
    assert.ok(!fixed.some(([x, y]) => x === 48 && y === -1), 'the vertex that crossed is the one removed');
  });

  it('repairs a near-touch that rounding turns into a crossing (as in GM0293)', () => {
    // (5.99, 51.9735644) lies 4e-7° beside the segment (5.984, 51.9715652)–(6.002, 51.9775630):
    // apart before rounding, on or across it after.
    const ring = close([
      [5.966, 51.9385769],
      [5.984, 51.9425755],
      [5.984, 51.9715652],
      [6.002, 51.977563],
      [6.002, 51.9805619],
      [5.99, 51.9735644],
      [5.952, 51.9645677],
      [5.955, 51.9485734],
    ]);
    const rounded = { type: 'Polygon', coordinates: [ring.map(([x, y]) => [Math.round(x * 1e5) / 1e5, Math.round(y * 1e5) / 1e5])] };
    assert.ok(geometryProblems(rounded).length > 0, 'rounding alone leaves it invalid');
    assert.deepEqual(geometryProblems(rfc7946Geometry(polygon(ring))), []);
  });
});

describe('polygons for the API: what cannot be repaired', () => {
  it('skips rings left without area, and a polygon whose exterior is such a ring', () => {
    const flat = close([
      [5, 52],
      [5.00001, 52],
      [5.000004, 52],
    ]);
    assert.equal(rfc7946Ring(flat, true), null);
    assert.equal(rfc7946Geometry(polygon(flat)), null);
    const square = close([
      [5, 52],
      [5.01, 52],
      [5.01, 52.01],
      [5, 52.01],
    ]);
    const multi = rfc7946Geometry({ type: 'MultiPolygon', coordinates: [[flat], [square, flat]] });
    assert.equal(multi?.type, 'MultiPolygon');
    assert.deepEqual((multi as { coordinates: unknown[][] }).coordinates.length, 1, 'the flat polygon is skipped');
    assert.deepEqual((multi as { coordinates: unknown[][] }).coordinates[0].length, 1, 'the flat hole is skipped');
    assert.deepEqual(geometryProblems(multi), []);
  });
});
