// A region that scrolls sideways when its content (a data table, a chart) is wider than a narrow
// screen: WCAG 1.4.10 allows two-dimensional content to scroll, and a keyboard user must reach it to
// scroll it (WCAG 2.1.1, axe scrollable-region-focusable), so it is focusable and named. A named
// div with role="region" rather than a <section>: a section without a heading is what HTML
// validators warn about, and the region's name is its label. Styled by `.gaz-table-scroll` (app.css).
import type { ComponentChildren } from 'preact';

export function ScrollRegion(props: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must be reachable by keyboard (WCAG 2.1.1)
    // biome-ignore lint/a11y/useSemanticElements: a <section> without a heading is flagged by HTML validators; the region is named by aria-label
    <div class="gaz-table-scroll" role="region" tabIndex={0} aria-label={props.label}>
      {props.children}
    </div>
  );
}
