// The checks checkA11y adds to axe-core (e2e/a11y.ts), on pages made for the purpose: each kind of
// failure is found and named, and a page without them passes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, launchBrowser } from './helpers.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => browser?.close());

const page = (body: string, style = '') =>
  `<!doctype html><html lang="nl"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Proef</title>` +
  `<style>body{margin:0;font-family:sans-serif;color:#1f1f1f;background:#fff} ${style}</style></head><body><main><h1>Proef</h1>${body}</main></body></html>`;

async function problems(html: string): Promise<string> {
  const p: Page = await browser.newPage();
  try {
    await p.setContent(html);
    await checkA11y(p);
    return '';
  } catch (e) {
    return (e as Error).message;
  } finally {
    await p.close();
  }
}

const chart = (fill: string, background = '') =>
  `<svg viewBox="0 0 200 60" width="200" role="img" aria-label="Grafiek">${background}` +
  `<text x="10" y="30" font-size="14" fill="${fill}">Jan</text><text x="60" y="30" font-size="14" fill="${fill}"><tspan>Feb</tspan></text></svg>`;

test('SVG text is measured by its fill against what is painted behind it', { timeout: 30_000 }, async () => {
  const light = await problems(page(chart('#aaaaaa')));
  assert.match(light, /color contrast, [^\n]*text[^\n]*: [^\n]*svg > text: contrast 2\.32:1, needs 4\.5:1 \(#aaaaaa on #ffffff, 14\.0px\)/);
  assert.match(light, /svg > text > tspan: contrast 2\.32:1/);
  assert.equal(await problems(page(chart('#333333'))), '');
  // Dark text on a dark rectangle drawn before it fails; the same text on white passes.
  const onDark = await problems(page(chart('#333333', '<rect x="0" y="0" width="200" height="60" fill="#154273"/>')));
  assert.match(onDark, /svg > text: contrast 1\.\d\d:1, needs 4\.5:1 \(#333333 on #154273/);
  // A patterned shape counts with each of its colours; the pattern's own tile in <defs> is not painted there.
  const pattern =
    '<defs><pattern id="p" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#ffffff"/>' +
    '<path d="M0 6L6 0" stroke="#154273"/></pattern></defs>';
  const onPattern = await problems(page(chart('#333333', `${pattern}<rect x="55" y="10" width="60" height="30" fill="url(#p)"/>`)));
  assert.match(onPattern, /svg > text > tspan: contrast 1\.\d\d:1, needs 4\.5:1 \(#333333 on #154273/);
  assert.doesNotMatch(onPattern, /svg > text: /, 'Jan is not on the patterned shape');
});

test('controls: a faint border and a faint glyph-only icon fail 1.4.11, axe-undecided text is measured', { timeout: 30_000 }, async () => {
  const faint = await problems(
    page(
      '<label for="q">Zoekterm</label> <input id="q" name="q"> <button type="button" class="zoom" aria-label="Inzoomen">+</button>',
      'input{border:1px solid #dddddd} .zoom{border:2px solid #1f1f1f;background:#fff;color:#c8c8c8}',
    ),
  );
  assert.match(faint, /control \(WCAG 1\.4\.11\): input#q: boundary contrast 1\.36:1, needs 3:1 \(border #dddddd on #ffffff\)/);
  assert.match(faint, /icon glyph \(WCAG 1\.4\.11\): [^\n]*main > button\.zoom: contrast 1\.\d\d:1, needs 3:1/);
  const fine = await problems(
    page(
      '<label for="q">Zoekterm</label> <input id="q" name="q"> <button type="button" class="zoom" aria-label="Inzoomen">+</button>',
      'input{border:1px solid #6f6f6f} .zoom{border:2px solid #1f1f1f;background:#fff;color:#154273}',
    ),
  );
  assert.equal(fine, '');
});

test('reflow at 320 px and at 200 % zoom names the element that overflows', { timeout: 30_000 }, async () => {
  const wide = await problems(page('<p class="wide">Een regel tekst in een vak van vaste breedte.</p>', '.wide{width:500px}'));
  assert.match(wide, /reflow at 320 CSS px: html: the page scrolls horizontally: 500 px wide in a 320 px viewport/);
  assert.match(wide, /reflow at 320 CSS px: [^\n]*main > p\.wide: reaches 500 px in a 320 px viewport \(500 px wide\)/);
  assert.doesNotMatch(wide, /200 % zoom/, 'a 500 px box fits 640 CSS px');
  const zoom = await problems(page('<p class="wide">Tekst</p>', '.wide{width:700px}'));
  assert.match(zoom, /reflow at 200 % zoom \(640 × 360 CSS px\): [^\n]*main > p\.wide: reaches 700 px/);
  // A page that hides the overflow still clips text: reported too.
  const hidden = await problems(page('<p class="wide">Tekst</p>', 'body{overflow-x:hidden} .wide{width:500px}'));
  assert.match(hidden, /main > p\.wide: reaches 500 px in a 320 px viewport/);
  const clipped = await problems(
    page('<p class="cut">Eenheelerglangwoordzonderspaties</p>', '.cut{width:100px;overflow:hidden;white-space:nowrap}'),
  );
  assert.match(clipped, /main > p\.cut: text clipped: \d+ px of text in a 100 px box/);
});

test('a wide table may scroll inside a focusable, named container, not in an anonymous one', { timeout: 30_000 }, async () => {
  const table = '<table><caption id="c">Cijfers</caption><tr><th scope="col">Een heel brede kolom</th></tr></table>';
  const style = '.scroll{overflow-x:auto} table{width:900px}';
  const anonymous = await problems(page(`<div class="scroll">${table}</div>`, style));
  assert.match(anonymous, /main > div\.scroll: a horizontal scroll container without tabindex="0" and an accessible name/);
  assert.doesNotMatch(anonymous, /page scrolls horizontally/);
  const named = await problems(page(`<div class="scroll" tabindex="0" role="region" aria-labelledby="c">${table}</div>`, style));
  assert.equal(named, '');
  // Visually hidden text far right in the table escapes a scroll container that is not its containing block.
  const hidden = '<span style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)">verborgen</span>';
  const wideCell = `<table><caption id="c">Cijfers</caption><tr><th scope="col">Een heel brede kolom</th><td>x ${hidden}</td></tr></table>`;
  const escaping = await problems(page(`<div class="scroll" tabindex="0" role="region" aria-labelledby="c">${wideCell}</div>`, style));
  assert.match(escaping, /page scrolls horizontally/);
  assert.match(escaping, /tbody > tr > td > span: reaches \d+ px in a 320 px viewport \(1 px wide, position: absolute/);
  const held = await problems(
    page(`<div class="scroll" tabindex="0" role="region" aria-labelledby="c">${wideCell}</div>`, `${style} .scroll{position:relative}`),
  );
  assert.equal(held, '');
});

test('contrast is checked again at 320 px, where a narrow layout shows other content', { timeout: 30_000 }, async () => {
  const narrowOnly = await problems(
    page(
      '<p class="narrow">Alleen op een smal scherm</p>',
      '.narrow{display:none;color:#aaaaaa} @media (max-width: 30em){.narrow{display:block}}',
    ),
  );
  assert.match(narrowOnly, /- at 320 CSS px: \[serious\] color-contrast: /);
  assert.match(
    narrowOnly,
    /at p: <p class="narrow">Alleen op een smal scherm<\/p>\n +Fix any of the following:\n +Element has insufficient color contrast of 2\.32/,
  );
  assert.doesNotMatch(narrowOnly, /^- \[serious\] color-contrast/m, 'hidden at 1280 px');
});
