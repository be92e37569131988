// The choropleth renderer on the real CBS boundary files (read in place, never copied).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { renderToString } from 'preact-render-to-string';
import type { Topology } from 'topojson-specification';
import { REFERENCE_DIR } from '../../../test/helpers/atlas.ts';
import {
  areaFeatures,
  BOUNDARY_STROKE,
  type ChoroplethInput,
  ChoroplethLegend,
  categoricalStyle,
  contrastRatio,
  countByClass,
  type LegendClass,
  NO_DATA_FILL,
  QUALITATIVE,
  renderChoropleth,
  sequentialPalette,
} from './index.ts';

const DATA = REFERENCE_DIR;
const load = (name: string) => JSON.parse(readFileSync(resolve(DATA, name), 'utf8')) as Topology;
const gem2025 = load('gemeente_2025.topojson');
const gem2019 = load('gemeente_2019.topojson');
const prov = load('provincie_2025.topojson');

const legend: LegendClass[] = sequentialPalette(3).map((fill, i) => ({
  key: `c${i}`,
  label: { nl: `klasse ${i}`, en: `class ${i}` },
  fill,
  pattern: i === 2 ? 'hatch' : 'none',
}));

function input(over: Partial<ChoroplethInput> = {}): ChoroplethInput {
  return {
    id: 'test-map',
    areas: { topology: gem2025 },
    values: { GM0363: 'c2', GM0014: 'c1', GM0599: 'c0' },
    legend,
    title: 'Testkaart <& "quotes">',
    locale: 'nl',
    linkFor: (code) => `/gemeenten/${code}`,
    titleFor: (_code, name, cls) => `${name}: ${cls.label.nl}`,
    ...over,
  };
}

describe('renderChoropleth', () => {
  const svg = renderChoropleth(input({ overlay: { topology: prov } }));

  it('draws one path per feature, each inside a link with a title', () => {
    const areas =
      svg.match(
        /<a href="\/gemeenten\/GM\d{4}" data-code="GM\d{4}" data-name="[^"]*" data-value="[^"]*"><title>[^<]+<\/title><path d="[^"]+"\/><\/a>/g,
      ) ?? [];
    assert.equal(areas.length, 342);
    const paths = svg.match(/<path /g)!.length;
    // 342 areas + the province overlay + the hatch pattern's marks.
    assert.equal(paths, 342 + 1 + 1);
    assert.equal(renderChoropleth(input({ areas: { topology: gem2019 } })).match(/<a href=/g)!.length, 355);
  });

  it('is an accessible group labelled by its (escaped) title', () => {
    assert.match(svg, /^<svg [^>]*role="group" aria-labelledby="test-map-title"/);
    assert.match(svg, /<title id="test-map-title">Testkaart &lt;&amp; &quot;quotes&quot;&gt;<\/title>/);
    assert.match(svg, /<title>Amsterdam: klasse 2<\/title>/);
    assert.match(svg, /<title>Groningen: klasse 1<\/title>/);
    assert.match(svg, /<title>Utrecht: geen gegevens<\/title>/);
  });

  it('fills per class, with a pattern where the legend asks for one, and grey for no data', () => {
    assert.match(svg, /<pattern id="test-map-p2"[^>]*><rect [^>]*fill="#1d91c0"\/>/);
    assert.match(svg, /<g class="gaz-choropleth__class" fill="url\(#test-map-p2\)" data-class="c2"><a href="\/gemeenten\/GM0363"/);
    assert.match(svg, new RegExp(`fill="${NO_DATA_FILL}" data-class="__none__"`));
  });

  it('draws the overlay without fill and without pointer events', () => {
    assert.match(
      svg,
      /<path class="gaz-choropleth__overlay" d="M[^"]+" fill="none"[^>]*pointer-events="none" aria-hidden="true"\/><\/svg>$/,
    );
  });

  it('rounds coordinates to one decimal and stays inside the viewBox', () => {
    const numbers = [...svg.matchAll(/ d="([^"]+)"/g)].flatMap((m) => m[1].match(/-?\d+(\.\d+)?/g) ?? []);
    assert.ok(numbers.length > 10000);
    for (const n of numbers) assert.ok(!/\.\d\d/.test(n), `not rounded: ${n}`);
    const coords = [...svg.matchAll(/<a [^>]*><title>[^<]*<\/title><path d="([^"]+)"/g)].flatMap((m) =>
      m[1].match(/-?\d+(\.\d+)?/g)!.map(Number),
    );
    assert.ok(Math.min(...coords) >= 0 && Math.max(...coords) <= 720);
  });

  it('is deterministic and independent of feature order', () => {
    assert.equal(renderChoropleth(input({ overlay: { topology: prov } })), svg);
    const values = new Map(Object.entries({ GM0363: 'c2', GM0014: 'c1', GM0599: 'c0' }));
    assert.equal(renderChoropleth(input({ overlay: { topology: prov }, values })), svg);
    const reversed = areaFeatures({ topology: gem2025 }).reverse();
    assert.equal(renderChoropleth(input({ overlay: { topology: prov }, areas: reversed })), svg);
  });

  it('can render areas without links as focusable labelled groups', () => {
    const plain = renderChoropleth(input({ linkFor: () => null }));
    assert.equal(plain.match(/<g data-code="GM\d{4}"[^>]*tabindex="0" role="img" aria-label="[^"]+"><title>/g)!.length, 342);
  });
});

describe('legend', () => {
  it('lists every class with a swatch, the count and the no-data entry when used', () => {
    const counts = countByClass(['GM0363', 'GM0014', 'GM0599', 'GM0344'], { GM0363: 'c2', GM0014: 'c1', GM0599: 'c0' }, legend);
    const html = renderToString(ChoroplethLegend({ id: 'lg', heading: 'Legenda', classes: legend, counts, locale: 'nl' }));
    assert.equal(html.match(/class="gaz-choropleth-legend__item"/g)!.length, 4);
    assert.match(html, /klasse 0 \(1\)/);
    assert.match(html, /geen gegevens \(1\)/);
    assert.match(html, /<pattern id="lg-s2"/);
    assert.match(html, /aria-hidden="true"/);
    const en = renderToString(ChoroplethLegend({ id: 'lg', heading: 'Legend', classes: legend, locale: 'en', noData: null }));
    assert.equal(en.match(/<li /g)!.length, 3);
    assert.match(en, /class 1/);
  });
});

describe('palettes', () => {
  it('every fill has at least 3:1 contrast with the boundary stroke (WCAG 1.4.11)', () => {
    for (const fill of [...sequentialPalette(5), ...QUALITATIVE, NO_DATA_FILL]) {
      assert.ok(contrastRatio(fill, BOUNDARY_STROKE) >= 3, `${fill}: ${contrastRatio(fill, BOUNDARY_STROKE).toFixed(2)}`);
    }
  });
  it('sequential palettes run light to dark; categorical styles are unique pairs', () => {
    assert.deepEqual(sequentialPalette(2), ['#ffffcc', '#1d91c0']);
    assert.throws(() => sequentialPalette(6));
    const pairs = new Set(Array.from({ length: 36 }, (_, i) => JSON.stringify(categoricalStyle(i))));
    assert.equal(pairs.size, 36);
  });
});
