// Polygons for GIS clients (RFC 7946, OGC Simple Features): coordinates on a 5-decimal grid (~1 m),
// rings closed, without repeated positions, spikes or self-intersections, exterior counter-clockwise
// and holes clockwise. The simplified boundaries (cartomap/nl, quantised to ~0.001°) already hold a
// few rings that touch themselves or fold back (GM0293, GM1676), and rounding can turn a near-touch
// into a crossing; so after rounding each ring is made simple, on exact integer coordinates:
// 1. repeated positions and spikes (a vertex whose segments fold back onto each other) go;
// 2. while two segments still meet (cross, overlap or touch away from a shared end), one vertex of
//    that pair goes: the one whose removal changes the ring's area least among those that leave
//    fewer meetings — on these boundaries one vertex, about 100 m of outline;
// 3. a ring left with fewer than 3 positions or no area is skipped (a polygon without its exterior
//    ring as a whole).
// Pure functions, no I/O.

/** Positions per degree of the output grid: 5 decimals. */
export const GRID = 1e5;

type Point = [number, number];
type Position = number[];

const orient = (a: Point, b: Point, c: Point) => Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
const same = (p: Point, q: Point) => p[0] === q[0] && p[1] === q[1];

function within(p: Point, a: Point, b: Point): boolean {
  return Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
}

/** True when segments ab and cd have any point in common. */
function segmentsMeet(a: Point, b: Point, c: Point, d: Point): boolean {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if (o1 * o2 < 0 && o3 * o4 < 0) return true;
  return (o1 === 0 && within(c, a, b)) || (o2 === 0 && within(d, a, b)) || (o3 === 0 && within(a, c, d)) || (o4 === 0 && within(b, c, d));
}

/** Twice the signed area of an open ring (the closing segment implied): > 0 counter-clockwise. */
export function signedArea(ring: readonly Point[]): number {
  let s = 0;
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i];
    const q = ring[(i + 1) % ring.length];
    s += p[0] * q[1] - q[0] * p[1];
  }
  return s;
}

/**
 * Pairs of segments (by the index of their first vertex) of an open ring that meet where they must
 * not: non-neighbours anywhere, neighbours beyond their shared vertex. A sweep over x.
 */
export function badMeetings(ring: readonly Point[]): [number, number][] {
  const n = ring.length;
  const order = [...ring.keys()].sort((i, j) => Math.min(ring[i][0], ring[(i + 1) % n][0]) - Math.min(ring[j][0], ring[(j + 1) % n][0]));
  const maxX = (i: number) => Math.max(ring[i][0], ring[(i + 1) % n][0]);
  const out: [number, number][] = [];
  let active: number[] = [];
  for (const i of order) {
    const minX = Math.min(ring[i][0], ring[(i + 1) % n][0]);
    active = active.filter((j) => maxX(j) >= minX);
    for (const j of active) if (meetBadly(ring, i, j)) out.push([Math.min(i, j), Math.max(i, j)]);
    active.push(i);
  }
  return out;
}

function meetBadly(ring: readonly Point[], i: number, j: number): boolean {
  const n = ring.length;
  const [a, b, c, d] = [ring[i], ring[(i + 1) % n], ring[j], ring[(j + 1) % n]];
  if ((i + 1) % n === j || (j + 1) % n === i) {
    // Neighbours share one vertex; they fold back when the far ends are collinear with it and behind.
    const [p, shared, q] = (i + 1) % n === j ? [a, b, d] : [c, d, b];
    return orient(p, shared, q) === 0 && (q[0] - shared[0]) * (p[0] - shared[0]) + (q[1] - shared[1]) * (p[1] - shared[1]) > 0;
  }
  return segmentsMeet(a, b, c, d);
}

/** Drops repeated positions and spikes (also where the ring wraps around) until none is left. */
export function withoutSpikes(ring: readonly Point[]): Point[] {
  let pts = [...ring];
  let changed = true;
  while (changed && pts.length >= 3) {
    changed = false;
    for (let i = 0; i < pts.length && pts.length >= 3; i++) {
      const prev = pts[(i - 1 + pts.length) % pts.length];
      const cur = pts[i];
      const next = pts[(i + 1) % pts.length];
      const repeated = same(prev, cur);
      const spike = orient(prev, cur, next) === 0 && (next[0] - cur[0]) * (prev[0] - cur[0]) + (next[1] - cur[1]) * (prev[1] - cur[1]) >= 0;
      if (repeated || spike) {
        pts.splice(i, 1);
        changed = true;
        i--;
      }
    }
  }
  if (pts.length < 3) pts = [];
  return pts;
}

/** Removes vertices until no two segments meet badly (step 2 above); [] when nothing sound is left. */
export function simpleRing(ring: readonly Point[]): Point[] {
  let pts = withoutSpikes(ring);
  let meetings = badMeetings(pts);
  while (meetings.length > 0 && pts.length >= 3) {
    const [i, j] = meetings[0];
    const area = signedArea(pts);
    const candidates = [...new Set([i, (i + 1) % pts.length, j, (j + 1) % pts.length])].map((k) => {
      const next = withoutSpikes(pts.filter((_, m) => m !== k));
      return { next, meetings: badMeetings(next), change: Math.abs(signedArea(next) - area) };
    });
    const better = candidates.filter((c) => c.meetings.length < meetings.length);
    const pool = better.length > 0 ? better : candidates;
    pool.sort((x, y) => x.meetings.length - y.meetings.length || x.change - y.change);
    pts = pool[0].next;
    meetings = pool[0].meetings;
  }
  return pts.length >= 3 && signedArea(pts) !== 0 ? pts : [];
}

const toGrid = (p: Position): Point => [Math.round(p[0] * GRID), Math.round(p[1] * GRID)];
const fromGrid = (p: Point): Position => [p[0] / GRID, p[1] / GRID];

/** One ring for the API: rounded, simple, wound as RFC 7946 asks and closed; null when nothing is left. */
export function rfc7946Ring(ring: readonly Position[], exterior: boolean): Position[] | null {
  const open = ring.map(toGrid);
  if (open.length > 1 && same(open[0], open[open.length - 1])) open.pop();
  const pts = simpleRing(open);
  if (pts.length === 0) return null;
  if (signedArea(pts) > 0 !== exterior) pts.reverse();
  return [...pts, pts[0]].map(fromGrid);
}

/** A polygon's rings for the API; null when its exterior ring is not sound (the polygon is skipped). */
export function rfc7946Polygon(rings: readonly Position[][]): Position[][] | null {
  const [shell, ...holes] = rings;
  const outer = shell ? rfc7946Ring(shell, true) : null;
  if (!outer) return null;
  return [outer, ...holes.map((h) => rfc7946Ring(h, false)).filter((h) => h !== null)];
}

/**
 * A Polygon or MultiPolygon for the API (RFC 7946, 5 decimals, simple rings); a MultiPolygon with
 * one polygon left stays a MultiPolygon. Null when no polygon is left; other geometries pass as they are.
 */
export function rfc7946Geometry(geometry: GeoJSON.Geometry): GeoJSON.Geometry | null {
  if (geometry.type === 'Polygon') {
    const coordinates = rfc7946Polygon(geometry.coordinates);
    return coordinates ? { type: 'Polygon', coordinates } : null;
  }
  if (geometry.type === 'MultiPolygon') {
    const coordinates = geometry.coordinates.map(rfc7946Polygon).filter((p) => p !== null);
    return coordinates.length > 0 ? { type: 'MultiPolygon', coordinates } : null;
  }
  return geometry;
}
