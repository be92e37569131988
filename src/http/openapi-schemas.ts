// JSON Schema (draft 2020-12, as OpenAPI 3.1 uses) for shapes several API modules answer with, so
// that every module documents them the same way: dates, and GeoJSON (RFC 7946) feature collections
// of (multi)polygons, the only geometries the API serves.
type Json = Record<string, unknown>;

/** A calendar date `YYYY-MM-DD`. */
export const DATE = { type: 'string', format: 'date', examples: ['2019-09-30'] } as const;
export const NULLABLE_DATE = { type: ['string', 'null'], format: 'date' } as const;

/** [longitude, latitude] in WGS 84 (RFC 7946 §3.1.1). */
const POSITION = { type: 'array', minItems: 2, maxItems: 3, items: { type: 'number' } } as const;
/** A closed ring: at least four positions, the last equal to the first (RFC 7946 §3.1.6). */
const RING = { type: 'array', minItems: 4, items: POSITION } as const;
const POLYGON = {
  type: 'object',
  required: ['type', 'coordinates'],
  properties: { type: { const: 'Polygon' }, coordinates: { type: 'array', minItems: 1, items: RING } },
} as const;
const MULTI_POLYGON = {
  type: 'object',
  required: ['type', 'coordinates'],
  properties: {
    type: { const: 'MultiPolygon' },
    coordinates: { type: 'array', minItems: 1, items: { type: 'array', minItems: 1, items: RING } },
  },
} as const;

/** A FeatureCollection whose features have (multi)polygon geometry (or none) and `properties`; `meta` beside it. */
export function polygonFeatureCollection(properties: Json, meta: Json): Json {
  return {
    type: 'object',
    description: 'GeoJSON FeatureCollection (RFC 7946), coördinaten WGS 84 op 5 decimalen.',
    required: ['type', 'features', 'meta'],
    properties: {
      type: { const: 'FeatureCollection' },
      features: {
        type: 'array',
        items: {
          type: 'object',
          required: ['type', 'id', 'geometry', 'properties'],
          properties: {
            type: { const: 'Feature' },
            id: { type: 'string' },
            geometry: { oneOf: [POLYGON, MULTI_POLYGON, { type: 'null' }] },
            properties,
          },
        },
      },
      meta,
    },
  };
}

/** An object schema whose every property is required (the API always sends each field, null when unknown). */
export function allRequired<P extends Record<string, unknown>>(properties: P, description?: string) {
  return { type: 'object', ...(description ? { description } : {}), required: Object.keys(properties), properties } as const;
}
