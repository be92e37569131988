// A reusable choropleth: features + a value per area + a legend in, an accessible SVG string out.
// Pure (no I/O). Every area is an <a> link with a <title> (its accessible name), so the map works
// with a keyboard and without JavaScript; the map island only adds hover, tooltip and zoom.
import { type GeoProjection, geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiLineString } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Localized } from '../../i18n.ts';
import { BOUNDARY_STROKE, NO_DATA_FILL, type PatternKind } from './palette.ts';

export type { Localized };

export interface LegendClass {
  /** The value key areas are mapped to (see ChoroplethInput.values). */
  key: string;
  label: Localized;
  fill: string;
  /** A texture on top of the fill, so colour is not the only cue (WCAG 1.4.1). */
  pattern?: PatternKind;
}

export interface AreaSource {
  topology: Topology;
  /** Name of the object in topology.objects; defaults to the only/first one. */
  object?: string;
}

export interface ChoroplethInput {
  /** Prefix for element ids; must be unique in the page. */
  id: string;
  /** The areas: a TopoJSON object, or GeoJSON features with a code in properties.code / statcode / id. */
  areas: AreaSource | Feature[];
  /** Area code → legend class key. Areas without a value get `noData`. */
  values: ReadonlyMap<string, string> | Record<string, string>;
  legend: LegendClass[];
  /** Class for areas without a value (default: light grey, label "geen gegevens"). */
  noData?: LegendClass;
  /** Borders drawn on top without fill (e.g. provinces); not interactive. */
  overlay?: AreaSource | null;
  /** Accessible title and optional description of the whole map. */
  title: string;
  description?: string;
  locale: 'nl' | 'en';
  /** Link target for an area, or null for a non-link area. */
  linkFor: (code: string) => string | null;
  /** The area's accessible name, e.g. "Amsterdam: Noord-Holland". */
  titleFor: (code: string, name: string, legendClass: LegendClass) => string;
  width?: number;
  height?: number;
}

export const DEFAULT_NO_DATA: LegendClass = {
  key: '__none__',
  label: { nl: 'geen gegevens', en: 'no data' },
  fill: NO_DATA_FILL,
  pattern: 'none',
};

const PATTERN_SIZE = 6;
const DEFAULT_WIDTH = 600;
const DEFAULT_HEIGHT = 720;

/** The SVG marks of a texture tile of `size` (drawn in a dark translucent ink over the fill). */
export function patternMarks(kind: PatternKind | undefined, size = PATTERN_SIZE): string {
  const s = size;
  switch (kind) {
    case 'hatch':
      return `<path d="M0 ${s}L${s} 0M${-s / 2} ${s / 2}L${s / 2} ${-s / 2}M${s / 2} ${s * 1.5}L${s * 1.5} ${s / 2}" stroke="#000" stroke-opacity=".45" stroke-width="1"/>`;
    case 'cross':
      return `<path d="M0 0L${s} ${s}M0 ${s}L${s} 0" stroke="#000" stroke-opacity=".4" stroke-width=".8"/>`;
    case 'dots':
      return `<circle cx="${s / 2}" cy="${s / 2}" r="1.1" fill="#000" fill-opacity=".5"/>`;
    case 'vertical':
      return `<path d="M${s / 2} 0V${s}" stroke="#000" stroke-opacity=".45" stroke-width="1"/>`;
    default:
      return '';
  }
}

/** Escapes text for SVG/HTML text and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function safeId(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '_');
}

function codeOf(f: Feature): string {
  const p = (f.properties ?? {}) as Record<string, unknown>;
  return String(p.code ?? p.statcode ?? f.id ?? '');
}

function nameOf(f: Feature): string {
  const p = (f.properties ?? {}) as Record<string, unknown>;
  return String(p.name ?? p.statnaam ?? codeOf(f));
}

function objectOf(src: AreaSource): GeometryCollection {
  const name = src.object ?? Object.keys(src.topology.objects)[0];
  const obj = src.topology.objects[name];
  if (!obj) throw new Error(`Topology has no object "${name}"`);
  return obj as GeometryCollection;
}

/** GeoJSON features of the areas, sorted by code so the output is deterministic. */
export function areaFeatures(areas: AreaSource | Feature[]): Feature[] {
  const list = Array.isArray(areas)
    ? areas
    : ((feature(areas.topology, objectOf(areas)) as unknown as FeatureCollection).features as Feature[]);
  return [...list].sort((a, b) => (codeOf(a) < codeOf(b) ? -1 : codeOf(a) > codeOf(b) ? 1 : 0));
}

/** A Mercator projection fitted to the features in the given box (with a small margin). */
export function fittedProjection(features: Feature[], width: number, height: number): GeoProjection {
  const margin = 8;
  const fc: FeatureCollection = { type: 'FeatureCollection', features };
  return geoMercator().fitExtent(
    [
      [margin, margin],
      [width - margin, height - margin],
    ],
    fc,
  );
}

function lookup(values: ChoroplethInput['values'], code: string): string | undefined {
  return values instanceof Map ? values.get(code) : (values as Record<string, string>)[code];
}

interface ProjectedArea {
  code: string;
  name: string;
  /** The SVG path, coordinates rounded to one decimal. */
  d: string;
}

interface Projected {
  areas: ProjectedArea[];
  /** The overlay's border path per overlay source (projected with the areas' projection). */
  overlays: WeakMap<object, string>;
}

/**
 * Projection and paths per area source and size. The geometry of a date is the same for every
 * rendering of it (only the classes change), and projecting ~350 municipalities is the cost of a
 * render, so it is done once per topology object (weakly held: it goes with the atlas' snapshot).
 */
const projectedCache = new WeakMap<object, Map<string, { projected: Projected; path: GeoPath }>>();

type GeoPath = ReturnType<typeof geoPath>;

function cacheSlot(areas: AreaSource | Feature[], width: number, height: number): { owner: object; key: string } {
  const owner: object = Array.isArray(areas) ? areas : areas.topology;
  return { owner, key: `${Array.isArray(areas) ? '' : (areas.object ?? '')}|${width}|${height}` };
}

function projectedAreas(areas: AreaSource | Feature[], width: number, height: number): { projected: Projected; path: GeoPath } {
  const { owner, key } = cacheSlot(areas, width, height);
  let bySize = projectedCache.get(owner);
  if (!bySize) {
    bySize = new Map();
    projectedCache.set(owner, bySize);
  }
  let hit = bySize.get(key);
  if (!hit) {
    const features = areaFeatures(areas);
    const path = geoPath(fittedProjection(features, width, height)).digits(1);
    const list: ProjectedArea[] = [];
    for (const f of features) {
      const d = path(f as Feature<Geometry>);
      if (d) list.push({ code: codeOf(f), name: nameOf(f), d });
    }
    hit = { projected: { areas: list, overlays: new WeakMap() }, path };
    bySize.set(key, hit);
  }
  return hit;
}

/** Whether the areas are already projected at this size (the start-up warm-up's test reads it). */
export function isProjected(areas: AreaSource | Feature[], width = DEFAULT_WIDTH, height = DEFAULT_HEIGHT): boolean {
  const { owner, key } = cacheSlot(areas, width, height);
  return projectedCache.get(owner)?.has(key) ?? false;
}

function overlayPath(input: ChoroplethInput, projected: { projected: Projected; path: GeoPath }): string {
  if (!input.overlay) return '';
  const topo = input.overlay.topology;
  let d = projected.projected.overlays.get(topo);
  if (d === undefined) {
    const obj = objectOf(input.overlay);
    d = projected.path(mesh(topo, obj) as MultiLineString) ?? '';
    projected.projected.overlays.set(topo, d);
  }
  return d
    ? `<path class="gaz-choropleth__overlay" d="${d}" fill="none" stroke="#000" stroke-width="1.6" stroke-linejoin="round" pointer-events="none" aria-hidden="true"/>`
    : '';
}

/** The <pattern> of a class with a texture (added to `defs`), or its plain fill. */
function fillOf(c: LegendClass, patternId: string, defs: string[]): string {
  if (!c.pattern || c.pattern === 'none') return c.fill;
  defs.push(
    `<pattern id="${patternId}" width="${PATTERN_SIZE}" height="${PATTERN_SIZE}" patternUnits="userSpaceOnUse"><rect width="${PATTERN_SIZE}" height="${PATTERN_SIZE}" fill="${c.fill}"/>${patternMarks(c.pattern)}</pattern>`,
  );
  return `url(#${patternId})`;
}

/** Renders the choropleth as an SVG string (no XML declaration; for inline use in HTML). */
export function renderChoropleth(input: ChoroplethInput): string {
  const width = input.width ?? DEFAULT_WIDTH;
  const height = input.height ?? DEFAULT_HEIGHT;
  const projected = projectedAreas(input.areas, width, height);
  const noData = input.noData ?? DEFAULT_NO_DATA;
  const classes = new Map(input.legend.map((c) => [c.key, c]));
  const id = safeId(input.id);

  // Group areas per class so each group carries the fill once.
  const groups = new Map<LegendClass, string[]>();
  for (const c of [...input.legend, noData]) groups.set(c, []);
  for (const { code, name, d } of projected.projected.areas) {
    const key = lookup(input.values, code);
    const cls = (key !== undefined && classes.get(key)) || noData;
    const title = escapeXml(input.titleFor(code, name, cls));
    const attrs = `data-code="${escapeXml(code)}" data-name="${escapeXml(name)}" data-value="${escapeXml(cls.label[input.locale])}"`;
    const href = input.linkFor(code);
    groups
      .get(cls)!
      .push(
        href
          ? `<a href="${escapeXml(href)}" ${attrs}><title>${title}</title><path d="${d}"/></a>`
          : `<g ${attrs} tabindex="0" role="img" aria-label="${title}"><title>${title}</title><path d="${d}"/></g>`,
      );
  }

  const defs: string[] = [];
  const body: string[] = [];
  [...groups.entries()].forEach(([cls, items], i) => {
    if (items.length === 0) return;
    const fill = fillOf(cls, `${id}-p${i}`, defs);
    body.push(`<g class="gaz-choropleth__class" fill="${fill}" data-class="${escapeXml(cls.key)}">${items.join('')}</g>`);
  });

  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const desc = input.description ? `<desc id="${descId}">${escapeXml(input.description)}</desc>` : '';
  const labelledBy = input.description ? `${titleId} ${descId}` : titleId;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="gaz-choropleth" id="${id}" viewBox="0 0 ${width} ${height}" role="group" aria-labelledby="${labelledBy}" data-choropleth="">` +
    `<title id="${titleId}">${escapeXml(input.title)}</title>${desc}` +
    (defs.length ? `<defs>${defs.join('')}</defs>` : '') +
    `<g class="gaz-choropleth__areas" stroke="${BOUNDARY_STROKE}" stroke-width=".5" stroke-linejoin="round">${body.join('')}</g>` +
    overlayPath(input, projected) +
    `</svg>`
  );
}

/** Counts areas per legend class key (areas without a value count under the no-data key). */
export function countByClass(
  codes: Iterable<string>,
  values: ChoroplethInput['values'],
  legend: LegendClass[],
  noData: LegendClass = DEFAULT_NO_DATA,
): Map<string, number> {
  const known = new Set(legend.map((c) => c.key));
  const counts = new Map<string, number>([...legend, noData].map((c) => [c.key, 0]));
  for (const code of codes) {
    const key = lookup(values, code);
    const k = key !== undefined && known.has(key) ? key : noData.key;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}
