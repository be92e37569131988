// Regions from geometry: a municipality belongs to the region whose polygon contains a point inside
// the municipality. Also the area shares of a split (Haaren) by sampling a grid.
import { geoBounds, geoCentroid, geoContains } from 'd3-geo';

type Feature = GeoJSON.Feature;
export interface RegionShape {
  code: string;
  feature: Feature;
  bounds: [[number, number], [number, number]];
}

export function shapeOf(code: string, feature: Feature): RegionShape {
  return { code, feature, bounds: geoBounds(feature) as [[number, number], [number, number]] };
}

function inBounds(s: RegionShape, p: [number, number]) {
  const [[x0, y0], [x1, y1]] = s.bounds;
  return p[0] >= x0 && p[0] <= x1 && p[1] >= y0 && p[1] <= y1;
}

function contains(s: RegionShape, p: [number, number]) {
  return inBounds(s, p) && geoContains(s.feature, p);
}

/** The largest polygon of a (multi)polygon feature, by bounding-box area (enough to skip islets). */
function mainPolygon(f: Feature): Feature {
  if (f.geometry.type !== 'MultiPolygon') return f;
  let best = f.geometry.coordinates[0];
  let bestSize = -1;
  for (const poly of f.geometry.coordinates) {
    const xs = poly[0].map((c) => c[0]);
    const ys = poly[0].map((c) => c[1]);
    const size = (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
    if (size > bestSize) {
      best = poly;
      bestSize = size;
    }
  }
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: best } };
}

/** Points inside the feature: the centroid of its main polygon if inside, else grid points nearest to it. */
export function interiorPoints(f: Feature, max = 8): [number, number][] {
  const main = mainPolygon(f);
  const c = geoCentroid(main) as [number, number];
  const out: [number, number][] = [];
  if (geoContains(main, c)) out.push(c);
  const [[x0, y0], [x1, y1]] = geoBounds(main);
  const n = 24;
  const grid: [number, number][] = [];
  for (let i = 1; i < n; i++) {
    for (let j = 1; j < n; j++) grid.push([x0 + ((x1 - x0) * i) / n, y0 + ((y1 - y0) * j) / n]);
  }
  grid.sort((a, b) => (a[0] - c[0]) ** 2 + (a[1] - c[1]) ** 2 - ((b[0] - c[0]) ** 2 + (b[1] - c[1]) ** 2));
  for (const p of grid) {
    if (out.length >= max) break;
    if (geoContains(main, p)) out.push(p);
  }
  return out;
}

export interface Assignment {
  regionCode: string | null;
  /** Codes of every region containing the first interior point (length ≠ 1 is a problem). */
  hits: string[];
}

/** The region containing an interior point of `f`; tries further interior points if the first lands nowhere. */
export function assignRegion(f: Feature, regions: RegionShape[]): Assignment {
  const points = interiorPoints(f);
  let firstHits: string[] | null = null;
  for (const p of points) {
    const hits = regions.filter((r) => contains(r, p)).map((r) => r.code);
    if (firstHits === null) firstHits = hits;
    if (hits.length === 1) return { regionCode: hits[0], hits: firstHits };
  }
  return { regionCode: null, hits: firstHits ?? [] };
}

/** Share of `old`'s area in each of `parts`, by sampling a grid inside `old`. Sums to 1. */
export function areaShares(old: Feature, parts: RegionShape[], n = 40): Map<string, number> {
  const [[x0, y0], [x1, y1]] = geoBounds(old);
  const counts = new Map<string, number>(parts.map((p) => [p.code, 0]));
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const p: [number, number] = [x0 + ((x1 - x0) * (i + 0.5)) / n, y0 + ((y1 - y0) * (j + 0.5)) / n];
      if (!geoContains(old, p)) continue;
      const hit = parts.find((s) => contains(s, p));
      if (!hit) continue;
      counts.set(hit.code, counts.get(hit.code)! + 1);
      total++;
    }
  }
  const out = new Map<string, number>();
  for (const [code, c] of counts) out.set(code, total === 0 ? 1 / parts.length : Math.round((c / total) * 1000) / 1000);
  return out;
}
