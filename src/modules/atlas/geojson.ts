// Boundaries as an RFC 7946 FeatureCollection: WGS84, coordinates rounded to 5 decimals (~1 m),
// valid polygons (simple rings, exterior counter-clockwise, holes clockwise: geometry.logic.ts).
// d3/TopoJSON use the opposite winding, so every ring is checked and reversed where needed.
import { feature } from 'topojson-client';
import { rfc7946Geometry } from './geometry.logic.ts';
import type { Boundaries, Municipality } from './types.ts';

export function toGeoJson(boundaries: Boundaries, list: Municipality[], meta: Record<string, unknown>) {
  const byCode = new Map(list.map((m) => [m.code, m]));
  const fc = feature(boundaries.municipalities, boundaries.municipalities.objects.municipalities) as unknown as GeoJSON.FeatureCollection;
  const features = fc.features.map((f) => {
    const code = String(f.id);
    const m = byCode.get(code);
    const geometry = f.geometry ? rfc7946Geometry(f.geometry) : null;
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
