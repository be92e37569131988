// The coverage of a date as GeoJSON (RFC 7946): the atlas' boundaries of that date with our properties.
import type { Feature } from 'geojson';
import { feature } from 'topojson-client';
import type { Db } from '../../db/database.ts';
import { boundariesOn } from '../atlas/index.ts';
import { networkOn } from './service.ts';

export async function coverageGeoJson(db: Db, date: string) {
  const [n, boundaries] = await Promise.all([networkOn(db, date), boundariesOn(db, date)]);
  const byCode = new Map(n.result.municipalities.map((m) => [m.code, m]));
  const features: Feature[] = [];
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
        geometry: f.geometry,
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
