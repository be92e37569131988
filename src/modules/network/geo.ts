// The coverage of a date as GeoJSON: the atlas' boundaries of that date with our properties.
import { feature } from 'topojson-client';
import type { Db } from '../../db/database.ts';
import * as atlas from '../atlas/index.ts';
import { networkOn } from './service.ts';

/** The municipal boundary topology in force on a date (from the atlas). */
export async function topologyOn(db: Db, date: string): Promise<{ year: number | string; topology: any; objectName: string } | null> {
  const b: any = await (atlas as any).boundariesOn(db, date);
  if (!b?.municipalities) return null;
  const names = Object.keys(b.municipalities.objects ?? {});
  const objectName = names.includes('municipalities') ? 'municipalities' : (names.find((n) => n.startsWith('gemeente')) ?? names[0]);
  return { year: b.referenceYear, topology: b.municipalities, objectName };
}

export async function coverageGeoJson(db: Db, date: string) {
  const [n, topo] = await Promise.all([networkOn(db, date), topologyOn(db, date)]);
  const byCode = new Map(n.result.municipalities.map((m) => [m.code, m]));
  const features: unknown[] = [];
  if (topo) {
    const fc: any = feature(topo.topology, topo.topology.objects[topo.objectName]);
    for (const f of fc.features) {
      const code = String(f.properties?.code ?? f.properties?.statcode ?? f.id);
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
  return { type: 'FeatureCollection', features, meta: { date, norm: n.result.norm, boundaries: topo?.year ?? null } };
}
