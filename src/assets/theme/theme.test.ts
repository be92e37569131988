// The programme's design tokens (ADR 0018): every text/background pair reaches WCAG AA contrast,
// every mapped component token is one the shipped CSS reads, and the built stylesheet carries the
// theme under .gaz-theme only.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CSS_COMPONENTS, loadAssets, themeCss } from '../../http/assets.ts';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

function declarations(css: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/(--[\w-]+)\s*:\s*([^;}]+);/g)) out.set(m[1], m[2].trim());
  return out;
}

const tokens = declarations(themeCss());

/** Follows var() references until a literal value. */
function resolve(name: string, seen = new Set<string>()): string {
  const value = tokens.get(name);
  assert.ok(value !== undefined, `${name} is not defined`);
  assert.ok(!seen.has(name), `${name} refers to itself`);
  seen.add(name);
  const ref = /^var\(\s*(--[\w-]+)\s*\)$/.exec(value);
  return ref ? resolve(ref[1], seen) : value;
}

/** WCAG 2.x relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  assert.match(hex, /^#[0-9a-f]{6}$/i, `${hex} is not a #rrggbb colour`);
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const colourTokens = [...tokens.keys()].filter((n) => n.startsWith('--gaz-color-'));
const surfaces = colourTokens.filter((n) => n.startsWith('--gaz-color-surface'));

function assertContrast(fg: string, bg: string, minimum: number) {
  const ratio = contrast(resolve(fg), resolve(bg));
  assert.ok(ratio >= minimum, `${fg} on ${bg}: ${ratio.toFixed(2)}:1, needs ${minimum}:1`);
}

describe('design tokens: contrast (WCAG 2.2 AA)', () => {
  test('the contrast formula matches known values', () => {
    assert.equal(contrast('#000000', '#ffffff').toFixed(1), '21.0');
    assert.equal(contrast('#767676', '#ffffff').toFixed(2), '4.54');
  });

  test('every text and link colour reaches 4.5:1 on every surface', () => {
    const texts = colourTokens.filter((n) => /^--gaz-color-(text|link)/.test(n));
    assert.ok(texts.length >= 4 && surfaces.length >= 3, 'the theme names its text colours and surfaces');
    for (const fg of texts) for (const bg of surfaces) assertContrast(fg, bg, 4.5);
  });

  test('every --gaz-color-on-<x> reaches 4.5:1 on --gaz-color-<x>', () => {
    const ons = colourTokens.filter((n) => n.startsWith('--gaz-color-on-'));
    assert.ok(ons.length >= 6);
    for (const fg of ons) assertContrast(fg, fg.replace('--gaz-color-on-', '--gaz-color-'), 4.5);
  });

  test('borders of controls, focus rings and status colours reach 3:1 on every surface (WCAG 1.4.11)', () => {
    const ui = ['border-control', 'focus', 'primary', 'error', 'ok', 'warning-border', 'info-border'].map((n) => `--gaz-color-${n}`);
    for (const fg of ui) for (const bg of surfaces) assertContrast(fg, bg, 3);
    assertContrast('--gaz-color-focus-inverse', '--gaz-color-primary', 3);
  });

  test('every component colour with a background colour reaches 4.5:1 on it', () => {
    let checked = 0;
    for (const name of tokens.keys()) {
      const m = /^(--utrecht-.+-)color$/.exec(name);
      if (!m || name.endsWith('-background-color') || name.endsWith('-border-color')) continue;
      const bg = `${m[1]}background-color`;
      if (!tokens.has(bg)) continue;
      const background = resolve(bg) === 'transparent' ? '--gaz-color-surface' : bg;
      assertContrast(name, background, 4.5);
      checked++;
    }
    assert.ok(checked >= 40, `only ${checked} component pairs found`);
  });
});

describe('design tokens: mapping', () => {
  const components = CSS_COMPONENTS.map((n) => readFileSync(require.resolve(`@utrecht/${n}-css/dist/index.min.css`), 'utf8')).join('\n');
  const read = new Set([...components.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1]));

  test('every mapped --utrecht-* token is one a shipped component stylesheet reads', () => {
    const mapped = [...declarations(readFileSync(join(here, 'components.css'), 'utf8')).keys()];
    assert.deepEqual(
      mapped.filter((n) => !read.has(n)),
      [],
    );
  });

  test('every --gaz-* token referenced by the theme or our stylesheets is defined', () => {
    const own = readFileSync(join(here, '..', 'css', 'app.css'), 'utf8') + themeCss();
    const referenced = new Set([...own.matchAll(/var\(\s*(--gaz-[\w-]+)/g)].map((m) => m[1]));
    assert.deepEqual(
      [...referenced].filter((n) => !tokens.has(n)),
      [],
    );
  });

  test('the built stylesheet carries the tokens under .gaz-theme and nothing of the example theme', async () => {
    const assets = await loadAssets();
    const css = assets.byPath.get(assets.css)!.body.toString();
    assert.ok(css.startsWith('.gaz-theme{'), 'the token rule comes first');
    assert.match(css, /--utrecht-button-primary-action-background-color:var\(--gaz-color-primary\)/);
    assert.match(css, /--gaz-color-primary:#154273/);
    assert.doesNotMatch(css, /voorbeeld|--basis-/);
  });
});
