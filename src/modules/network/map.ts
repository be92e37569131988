// The network map's geometry: one SVG path per municipality of a boundary year, projected once
// per topology and then reused for every date that uses those boundaries (only colours change).
import { geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Db } from '../../db/database.ts';
import { topologyOn } from './geo.ts';

export const MAP_WIDTH = 480;
export const MAP_HEIGHT = 560;

export interface MapShape {
  code: string;
  d: string;
}

const shapesCache = new WeakMap<object, MapShape[]>();

function roundPath(d: string): string {
  return d.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10));
}

export async function mapShapesOn(db: Db, date: string): Promise<MapShape[]> {
  const topo = await topologyOn(db, date);
  if (!topo) return [];
  const cached = shapesCache.get(topo.topology);
  if (cached) return cached;
  const fc: any = feature(topo.topology, topo.topology.objects[topo.objectName]);
  const projection = geoMercator().fitSize([MAP_WIDTH, MAP_HEIGHT], fc);
  const path = geoPath(projection);
  const shapes = (fc.features as any[])
    .map((f) => ({ code: String(f.properties?.code ?? f.properties?.statcode ?? f.id), d: roundPath(path(f) ?? '') }))
    .filter((s) => s.d !== '');
  shapesCache.set(topo.topology, shapes);
  return shapes;
}
