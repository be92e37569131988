// The choropleth's legend: an HTML list with a small swatch per class (fill + texture), so the
// classes are readable by screen readers and distinguishable without colour.
import { DEFAULT_NO_DATA, type LegendClass, patternMarks } from './choropleth.ts';
import { BOUNDARY_STROKE } from './palette.ts';

function swatchSvg(id: string, c: LegendClass): string {
  const pattern = c.pattern && c.pattern !== 'none';
  const defs = pattern
    ? `<defs><pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="${c.fill}"/>${patternMarks(c.pattern)}</pattern></defs>`
    : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="28" height="18" viewBox="0 0 28 18" aria-hidden="true" focusable="false">${defs}<rect x=".5" y=".5" width="27" height="17" fill="${pattern ? `url(#${id})` : c.fill}" stroke="${BOUNDARY_STROKE}"/></svg>`;
}

export function ChoroplethLegend(props: {
  id: string;
  heading: string;
  classes: LegendClass[];
  locale: 'nl' | 'en';
  /** Optional count per class key, shown after the label. */
  counts?: Map<string, number>;
  /** Shown as an extra entry when it has a count > 0 (or always when counts are not given). */
  noData?: LegendClass | null;
}) {
  const noData = props.noData === undefined ? DEFAULT_NO_DATA : props.noData;
  const entries = [...props.classes];
  if (noData && (!props.counts || (props.counts.get(noData.key) ?? 0) > 0)) entries.push(noData);
  const headingId = `${props.id}-heading`;
  return (
    <div class="gaz-choropleth-legend" id={props.id}>
      <h2 class="utrecht-heading-3" id={headingId}>
        {props.heading}
      </h2>
      <ul class="gaz-choropleth-legend__list" aria-labelledby={headingId}>
        {entries.map((c, i) => (
          <li class="gaz-choropleth-legend__item" key={c.key} data-class={c.key}>
            <span class="gaz-choropleth-legend__swatch" dangerouslySetInnerHTML={{ __html: swatchSvg(`${props.id}-s${i}`, c) }} />
            <span>
              {c.label[props.locale]}
              {props.counts ? ` (${props.counts.get(c.key) ?? 0})` : null}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A drawn map (the SVG of renderChoropleth) beside its legend; nothing when there is no map (no boundaries). */
export function MapWithLegend(props: { svg: string | null; legend: Parameters<typeof ChoroplethLegend>[0] }) {
  if (!props.svg) return null;
  return (
    <div class="gaz-reach-map">
      <div class="gaz-map-wrap" dangerouslySetInnerHTML={{ __html: props.svg }} />
      <ChoroplethLegend {...props.legend} />
    </div>
  );
}
