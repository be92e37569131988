// Validity of GeoJSON polygons as GIS clients expect it (OGC Simple Features, RFC 7946), checked on
// exact integers: every coordinate must lie on the 5-decimal grid the API promises, and is scaled to
// it (x · 10⁵), so orientation tests are exact (differences < 2²⁶, products < 2⁵³).
//
// A ring is valid when it is closed, has ≥ 4 positions, no repeated consecutive positions, encloses a
// non-zero area and is simple (no two of its segments meet except neighbours at their shared end,
// and neighbours never fold back onto each other: a spike). A polygon's exterior ring is
// counter-clockwise and its holes clockwise (RFC 7946 §3.1.6); rings of a polygon do not cross or
// overlap and touch in at most one point; every hole lies inside the exterior and outside the other
// holes. The polygons of a MultiPolygon do not cross, share no edge and none lies inside another.
// Segment pairs are found with a sweep over x, so a whole country is checked in well under a second.

export const GRID = 1e5;

type Point = [number, number];
type Ring = Point[];

interface Segment {
  a: Point;
  b: Point;
  poly: number;
  ring: number;
  index: number;
  ringLength: number;
  minX: number;
  maxX: number;
}

const orient = (a: Point, b: Point, c: Point) => Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));

function between(p: Point, a: Point, b: Point): boolean {
  return Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
}

function onSegment(p: Point, a: Point, b: Point): boolean {
  return orient(a, b, p) === 0 && between(p, a, b);
}

const same = (p: Point, q: Point) => p[0] === q[0] && p[1] === q[1];
const key = (p: Point) => `${p[0]},${p[1]}`;

/** How two segments meet: not at all, at single points (listed), crossing inside both, or overlapping along a stretch. */
type Meeting = { kind: 'none' } | { kind: 'touch'; points: Point[] } | { kind: 'cross' } | { kind: 'overlap' };

export function meet(s: { a: Point; b: Point }, t: { a: Point; b: Point }): Meeting {
  const o1 = orient(s.a, s.b, t.a);
  const o2 = orient(s.a, s.b, t.b);
  const o3 = orient(t.a, t.b, s.a);
  const o4 = orient(t.a, t.b, s.b);
  if (o1 * o2 < 0 && o3 * o4 < 0) return { kind: 'cross' };
  if (o1 === 0 && o2 === 0) {
    // Collinear: the shared stretch, along the longer axis.
    const axis = Math.abs(s.a[0] - s.b[0]) >= Math.abs(s.a[1] - s.b[1]) ? 0 : 1;
    const lo = Math.max(Math.min(s.a[axis], s.b[axis]), Math.min(t.a[axis], t.b[axis]));
    const hi = Math.min(Math.max(s.a[axis], s.b[axis]), Math.max(t.a[axis], t.b[axis]));
    if (lo > hi) return { kind: 'none' };
    if (lo < hi) return { kind: 'overlap' };
  }
  const points = [t.a, t.b].filter((p) => onSegment(p, s.a, s.b)).concat([s.a, s.b].filter((p) => onSegment(p, t.a, t.b)));
  if (points.length === 0) return { kind: 'none' };
  const unique = new Map(points.map((p) => [key(p), p]));
  return { kind: 'touch', points: [...unique.values()] };
}

/** Twice the signed area: > 0 for counter-clockwise. */
export function signedArea(ring: readonly Point[]): number {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s;
}

/** 1 inside, 0 on the boundary, -1 outside (even-odd rule, exact). */
export function pointInRing(p: Point, ring: readonly Point[]): 1 | 0 | -1 {
  let inside = false;
  for (let i = 0; i < ring.length - 1; i++) {
    const a = ring[i];
    const b = ring[i + 1];
    if (onSegment(p, a, b)) return 0;
    if (a[1] > p[1] !== b[1] > p[1]) {
      // Does the edge pass to the right of p? Compare without division.
      const side = orient(a, b, p);
      if ((b[1] > a[1] && side > 0) || (b[1] < a[1] && side < 0)) inside = !inside;
    }
  }
  return inside ? 1 : -1;
}

/** The ring's positions on the integer grid, or a problem when a coordinate is not on it. */
function toGrid(raw: unknown, where: string, problems: string[]): Ring | null {
  if (!Array.isArray(raw)) {
    problems.push(`${where}: not an array of positions`);
    return null;
  }
  const ring: Ring = [];
  for (const [i, pos] of raw.entries()) {
    if (!Array.isArray(pos) || pos.length < 2 || !pos.every((n) => typeof n === 'number' && Number.isFinite(n))) {
      problems.push(`${where}[${i}]: not a position`);
      return null;
    }
    const x = pos[0] * GRID;
    const y = pos[1] * GRID;
    if (Math.abs(x - Math.round(x)) > 1e-6 || Math.abs(y - Math.round(y)) > 1e-6) {
      problems.push(`${where}[${i}]: ${pos[0]},${pos[1]} has more than 5 decimals`);
      return null;
    }
    ring.push([Math.round(x), Math.round(y)]);
  }
  return ring;
}

/** Closed, at least 4 positions, no position repeating the one before it. */
function structureProblems(ring: Ring, where: string): string[] {
  const out: string[] = [];
  if (ring.length < 4) out.push(`${where}: ${ring.length} positions (at least 4 needed)`);
  if (ring.length > 0 && !same(ring[0], ring[ring.length - 1])) out.push(`${where}: not closed`);
  for (let i = 1; i < ring.length; i++) if (same(ring[i], ring[i - 1])) out.push(`${where}[${i}]: repeats the position before it`);
  return out;
}

/** A non-zero area, wound the RFC 7946 way. */
function windingProblems(ring: Ring, where: string, exterior: boolean): string[] {
  const out: string[] = [];
  const area = signedArea(ring);
  if (area === 0) out.push(`${where}: encloses no area`);
  else if (exterior && area < 0) out.push(`${where}: exterior ring is clockwise (RFC 7946: counter-clockwise)`);
  else if (!exterior && area > 0) out.push(`${where}: hole is counter-clockwise (RFC 7946: clockwise)`);
  return out;
}

function segmentsOf(polygons: Ring[][]): Segment[] {
  const segments: Segment[] = [];
  polygons.forEach((rings, poly) => {
    rings.forEach((ring, r) => {
      for (let i = 0; i < ring.length - 1; i++) {
        const a = ring[i];
        const b = ring[i + 1];
        segments.push({
          a,
          b,
          poly,
          ring: r,
          index: i,
          ringLength: ring.length - 1,
          minX: Math.min(a[0], b[0]),
          maxX: Math.max(a[0], b[0]),
        });
      }
    });
  });
  return segments.sort((s, t) => s.minX - t.minX);
}

/** Every pair of segments whose x-ranges overlap (sweep over x). */
function* candidatePairs(segments: Segment[]): Generator<[Segment, Segment]> {
  let active: Segment[] = [];
  for (const s of segments) {
    active = active.filter((t) => t.maxX >= s.minX);
    for (const t of active) {
      if (Math.max(Math.min(s.a[1], s.b[1]), Math.min(t.a[1], t.b[1])) <= Math.min(Math.max(s.a[1], s.b[1]), Math.max(t.a[1], t.b[1]))) {
        yield [s, t];
      }
    }
    active.push(s);
  }
}

function neighbours(s: Segment, t: Segment): boolean {
  if (s.poly !== t.poly || s.ring !== t.ring) return false;
  const d = Math.abs(s.index - t.index);
  return d === 1 || d === s.ringLength - 1;
}

const label = (s: Segment) => `polygon ${s.poly} ring ${s.ring} segment ${s.index}`;

/** Crossings, overlaps and touches between segments of the geometry (rings already individually sound). */
function intersectionProblems(polygons: Ring[][]): string[] {
  const out: string[] = [];
  const touches = new Map<string, Set<string>>();
  for (const [s, t] of candidatePairs(segmentsOf(polygons))) {
    const m = meet(s, t);
    if (m.kind === 'none') continue;
    if (m.kind === 'cross' || m.kind === 'overlap') {
      out.push(`${label(s)} and ${label(t)} ${m.kind === 'cross' ? 'cross' : 'overlap'}`);
      continue;
    }
    if (neighbours(s, t)) {
      if (m.points.length > 1) out.push(`${label(s)} and ${label(t)} fold back (a spike)`);
      continue;
    }
    if (s.poly === t.poly && s.ring === t.ring) {
      out.push(`${label(s)} touches ${label(t)} (the ring is not simple)`);
      continue;
    }
    if (s.poly !== t.poly) continue; // separate polygons may touch in points
    const pair = [s.ring, t.ring].sort().join('/');
    const set = touches.get(`${s.poly}:${pair}`) ?? new Set<string>();
    for (const p of m.points) set.add(key(p));
    touches.set(`${s.poly}:${pair}`, set);
  }
  for (const [pair, points] of touches) if (points.size > 1) out.push(`rings ${pair} touch in ${points.size} points`);
  return out;
}

/** A vertex of `ring` that is not on `other`'s boundary, classified against `other` (0: all on it). */
function sideOf(ring: Ring, other: Ring): 1 | 0 | -1 {
  for (const p of ring) {
    const side = pointInRing(p, other);
    if (side !== 0) return side;
  }
  return 0;
}

function containmentProblems(polygons: Ring[][]): string[] {
  const out: string[] = [];
  polygons.forEach((rings, p) => {
    const [shell, ...holes] = rings;
    holes.forEach((hole, h) => {
      if (sideOf(hole, shell) !== 1) out.push(`polygon ${p} hole ${h + 1} is not inside its exterior ring`);
      holes.forEach((other, o) => {
        if (o !== h && sideOf(hole, other) === 1) out.push(`polygon ${p} hole ${h + 1} lies inside hole ${o + 1}`);
      });
    });
    polygons.forEach((otherRings, q) => {
      if (q === p) return;
      const [otherShell, ...otherHoles] = otherRings;
      if (sideOf(shell, otherShell) === 1 && !otherHoles.some((hole) => sideOf(shell, hole) !== -1)) {
        out.push(`polygon ${p} lies inside polygon ${q}`);
      }
    });
  });
  return out;
}

/** Everything wrong with a Polygon or MultiPolygon geometry (empty: valid). */
export function geometryProblems(geometry: unknown): string[] {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return [`not a Polygon or MultiPolygon: ${String(g?.type)}`];
  const rawPolygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown;
  if (!Array.isArray(rawPolygons) || rawPolygons.length === 0) return ['no polygons'];
  const problems: string[] = [];
  const polygons: Ring[][] = [];
  rawPolygons.forEach((rawRings: unknown, p) => {
    if (!Array.isArray(rawRings) || rawRings.length === 0) {
      problems.push(`polygon ${p}: no rings`);
      return;
    }
    const rings = rawRings.map((raw, r) => toGrid(raw, `polygon ${p} ring ${r}`, problems));
    rings.forEach((ring, r) => {
      if (ring) problems.push(...structureProblems(ring, `polygon ${p} ring ${r}`));
    });
    if (rings.every((r) => r !== null)) polygons.push(rings as Ring[]);
  });
  // Rings that are not even rings cannot be checked further.
  if (problems.length > 0) return problems;
  polygons.forEach((rings, p) => {
    rings.forEach((ring, r) => {
      problems.push(...windingProblems(ring, `polygon ${p} ring ${r}`, r === 0));
    });
  });
  const crossings = intersectionProblems(polygons);
  return [...problems, ...(crossings.length > 0 ? crossings : containmentProblems(polygons))];
}
