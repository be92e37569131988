// Boundaries as an RFC 7946 FeatureCollection: WGS84, coordinates rounded to 5 decimals (~1 m),
// rings wound by the right-hand rule (exterior counter-clockwise, holes clockwise). d3/TopoJSON
// use the opposite winding, so every ring is checked and reversed where needed.
import { feature } from 'topojson-client';
import type { Boundaries, Municipality } from './types.ts';

type Ring = number[][];

function round5(n: number) {
  return Math.round(n * 1e5) / 1e5;
}

/** Twice the signed planar area: > 0 for counter-clockwise. */
function signedArea(ring: Ring): number {
  let s = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s;
}

function cleanRing(ring: Ring, exterior: boolean): Ring {
  const out: Ring = [];
  for (const [x, y] of ring) {
    const p = [round5(x), round5(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0], first[1]]);
  const ccw = signedArea(out) > 0;
  if (ccw !== exterior) out.reverse();
  return out;
}

function cleanPolygon(poly: Ring[]): Ring[] {
  return poly.map((ring, i) => cleanRing(ring, i === 0)).filter((r) => r.length >= 4);
}

export function toGeoJson(boundaries: Boundaries, list: Municipality[], meta: Record<string, unknown>) {
  const byCode = new Map(list.map((m) => [m.code, m]));
  const fc = feature(boundaries.municipalities, boundaries.municipalities.objects.municipalities) as unknown as GeoJSON.FeatureCollection;
  const features = fc.features.map((f) => {
    const code = String(f.id);
    const m = byCode.get(code);
    const g = f.geometry;
    const geometry =
      g.type === 'Polygon'
        ? { type: 'Polygon', coordinates: cleanPolygon(g.coordinates) }
        : g.type === 'MultiPolygon'
          ? { type: 'MultiPolygon', coordinates: g.coordinates.map(cleanPolygon) }
          : g;
    return {
      type: 'Feature',
      id: code,
      properties: {
        code,
        name: m?.name ?? (f.properties as { name?: string } | null)?.name ?? code,
        provinceCode: m?.provinceCode ?? null,
        provinceName: m?.provinceName ?? null,
        population: m?.population ?? null,
        populationReferenceDate: m?.populationRefDate ?? null,
      },
      geometry,
    };
  });
  return { type: 'FeatureCollection', features, meta: { ...meta, referenceYear: boundaries.referenceYear, derived: boundaries.derived } };
}
