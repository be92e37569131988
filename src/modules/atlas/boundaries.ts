// The municipal boundaries of a date. Before 2021: the 2019 file; from 2023: the 2025 file. Dates in
// 2021–2022 match neither file, so the 2019 geometry is used with every merged municipality drawn
// as its successor (arcs merged with topojson-client mergeArcs); Haaren, split in 2021, is drawn
// whole as the successor that got the largest share of its area (Vught) — an approximation.
import { mergeArcs } from 'topojson-client';
import type { GeometryCollection, GeometryObject, MultiPolygon, Polygon, Topology } from 'topojson-specification';
import type { Db } from '../../db/database.ts';
import { boundaryYearFor } from './atlas.logic.ts';
import * as q from './queries.ts';
import { type Snapshot, snapshot } from './snapshot.ts';
import type { AreaProperties, AreaTopology, Boundaries, ReferenceYear } from './types.ts';

type Area = Polygonal<AreaProperties>;

/** The boundaries in force on `date` (null before the first import). */
export async function boundariesOn(db: Db, date: string): Promise<Boundaries | null> {
  const s = await snapshot(db);
  const year = boundaryYearFor(date);
  const codes = s.index.municipalitiesOn(date).map((m) => m.code);
  const key = year === 'derived' ? `derived:${codes.join(',')}` : String(year);
  return s.boundaries.memo(key, () => loadBoundaries(db, s, year, date));
}

async function loadBoundaries(db: Db, s: Snapshot, year: ReferenceYear | 'derived', date: string): Promise<Boundaries | null> {
  const fileYear = year === 'derived' ? 2019 : year;
  const [gem, prov] = await Promise.all([q.loadBoundary(db, fileYear, 'gemeente'), q.loadBoundary(db, 2025, 'provincie')]);
  if (!gem) return null;
  let municipalities = normalizeTopology(JSON.parse(gem.topojson) as Topology, 'municipalities');
  let version = `${s.version}-${fileYear}`;
  if (year === 'derived') {
    municipalities = dissolveToDate(municipalities, s, date);
    version = `${s.version}-d${s.index.municipalitiesOn(date).length}-${date < '2022-01-01' ? 'a' : date < '2022-03-24' ? 'b' : 'c'}`;
  }
  const provinces = prov ? normalizeTopology(JSON.parse(prov.topojson) as Topology, 'provinces') : null;
  return { referenceYear: fileYear, derived: year === 'derived', municipalities, provinces, version };
}

type Polygonal<P extends GeoJSON.GeoJsonProperties> = Polygon<P> | MultiPolygon<P>;

function isPolygonal<P extends GeoJSON.GeoJsonProperties>(g: GeometryObject<P>): g is Polygonal<P> {
  return g.type === 'Polygon' || g.type === 'MultiPolygon';
}

/** Renames the single object to `name` and gives each geometry properties { code, name } (the import checked the files). */
function normalizeTopology<N extends string>(topo: Topology, name: N): AreaTopology<N> {
  const obj = Object.values(topo.objects)[0];
  const source = obj?.type === 'GeometryCollection' ? obj.geometries : [];
  const geometries = source.filter(isPolygonal).map((g): Area => {
    const props = g.properties ?? {};
    const code = String(('statcode' in props ? props.statcode : undefined) ?? g.id);
    return { ...g, id: code, properties: { code, name: String(('statnaam' in props ? props.statnaam : undefined) ?? code) } };
  });
  const objects = { [name]: { type: 'GeometryCollection', geometries } } as Record<N, GeometryCollection<AreaProperties>>;
  return { ...topo, objects };
}

function dissolveToDate(topo: AreaTopology<'municipalities'>, s: Snapshot, date: string): AreaTopology<'municipalities'> {
  const groups = new Map<string, Area[]>();
  for (const g of topo.objects.municipalities.geometries.filter(isPolygonal)) {
    const target = s.index.successorsOf(String(g.id), date)[0]?.code ?? String(g.id);
    const list = groups.get(target) ?? [];
    list.push(g);
    groups.set(target, list);
  }
  const geometries: Area[] = [];
  for (const [code, parts] of groups) {
    const name = s.index.nameOn(code, date);
    if (parts.length === 1 && parts[0].id === code) {
      geometries.push({ ...parts[0], properties: { code, name } });
    } else {
      const merged = mergeArcs(topo, parts);
      geometries.push({ ...merged, id: code, properties: { code, name } });
    }
  }
  return { ...topo, objects: { municipalities: { type: 'GeometryCollection', geometries } } };
}
