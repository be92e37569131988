// The coverage of a date as GeoJSON (RFC 7946): the atlas' boundaries of that date with our properties,
// each geometry as the atlas serves it (5 decimals, valid polygons wound the RFC 7946 way).
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { Db } from '../../db/database.ts';
import { boundariesOn, rfc7946Geometry } from '../atlas/index.ts';
import { networkOn } from './service.ts';

export async function coverageGeoJson(db: Db, date: string) {
  const [n, boundaries] = await Promise.all([networkOn(db, date), boundariesOn(db, date)]);
  const byCode = new Map(n.result.municipalities.map((m) => [m.code, m]));
  const features: Feature<Geometry | null>[] = [];
  const areas = boundaries?.municipalities.objects.municipalities;
  if (boundaries && areas) {
    const fc = feature(boundaries.municipalities, areas);
    for (const f of fc.features) {
      const code = String(f.id);
      const m = byCode.get(code);
      if (!m) continue;
      features.push({
        type: 'Feature',
        id: code,
        geometry: f.geometry ? rfc7946Geometry(f.geometry) : null,
        properties: {
          code,
          name: m.name,
          status: m.status,
          capacity: m.capacity,
          ftePer100k: m.ftePer100k,
          coordinators: m.coordinatorIds.length,
        },
      });
    }
  }
  return { type: 'FeatureCollection', features, meta: { date, norm: n.result.norm, boundaries: boundaries?.referenceYear ?? null } };
}
