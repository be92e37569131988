// Parses and validates one TopoJSON reference file: one GeometryCollection of polygons whose ids
// match the file's pattern (and, for municipalities, the codes gemeenten.csv lists for the year).
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { ReferenceDataError } from './errors.ts';
import type { ReferenceFile } from './source.ts';

export interface ParsedTopology {
  file: ReferenceFile;
  text: string;
  topology: Topology;
  /** GeoJSON features (d3 winding), id = statcode. */
  features: { id: string; name: string; feature: GeoJSON.Feature }[];
}

export function parseTopology(file: ReferenceFile, buf: Buffer, idPattern: RegExp, knownIds?: Set<string>): ParsedTopology {
  const text = buf.toString('utf8');
  let topology: Topology;
  try {
    topology = JSON.parse(text);
  } catch (err) {
    throw new ReferenceDataError(file, null, `is not valid JSON (${(err as Error).message}); the file may be truncated.`);
  }
  if (topology?.type !== 'Topology' || !Array.isArray(topology.arcs) || typeof topology.objects !== 'object') {
    throw new ReferenceDataError(file, null, 'is not a TopoJSON Topology (type, arcs and objects are required).');
  }
  const objects = Object.values(topology.objects);
  if (objects.length !== 1 || objects[0].type !== 'GeometryCollection') {
    throw new ReferenceDataError(file, null, 'must hold exactly one GeometryCollection object.');
  }
  const collection = objects[0] as GeometryCollection<{ statcode?: string; statnaam?: string } | null>;
  const features: ParsedTopology['features'] = [];
  const seen = new Set<string>();
  collection.geometries.forEach((g, i) => {
    const where = `geometry ${i + 1}`;
    const props = g.properties ?? {};
    const id = String(('statcode' in props ? props.statcode : undefined) ?? g.id ?? '');
    if (!idPattern.test(id)) throw new ReferenceDataError(file, null, `${where}: statcode "${id}" does not look like ${idPattern.source}.`);
    if (knownIds && !knownIds.has(id))
      throw new ReferenceDataError(file, null, `${where}: ${id} is not listed for this year in gemeenten.csv.`);
    if (seen.has(id)) throw new ReferenceDataError(file, null, `${where}: ${id} appears twice.`);
    seen.add(id);
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon')
      throw new ReferenceDataError(file, null, `${where} (${id}): expected a Polygon or MultiPolygon, got ${g.type}.`);
    let f: GeoJSON.Feature;
    try {
      f = feature(topology, g) as GeoJSON.Feature;
      checkRings(f);
    } catch (err) {
      throw new ReferenceDataError(file, null, `${where} (${id}): the geometry does not decode (${(err as Error).message}).`);
    }
    features.push({ id, name: String(('statnaam' in props ? props.statnaam : undefined) ?? id), feature: f });
  });
  if (knownIds) {
    for (const id of knownIds) {
      if (!seen.has(id)) throw new ReferenceDataError(file, null, `${id} is listed for this year in gemeenten.csv but has no geometry.`);
    }
  }
  return { file, text, topology, features };
}

function checkRings(f: GeoJSON.Feature) {
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [];
  for (const poly of polys) {
    for (const ring of poly) {
      if (ring.length < 4) throw new Error('a ring has fewer than 4 points');
      for (const [x, y] of ring) {
        if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > 180 || Math.abs(y) > 90)
          throw new Error('a coordinate is not a longitude/latitude');
      }
      const a = ring[0];
      const b = ring[ring.length - 1];
      if (a[0] !== b[0] || a[1] !== b[1]) throw new Error('a ring is not closed');
    }
  }
}
