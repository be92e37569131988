// Colour-blind-safe palettes for choropleths, chosen so every fill has at least 3:1 contrast
// (WCAG 1.4.11 non-text contrast) with the dark boundary stroke drawn between municipalities.

/** The boundary colour between areas. */
export const BOUNDARY_STROKE = '#1f1f1f';
/** The fill for areas without a value. */
export const NO_DATA_FILL = '#f2f2f2';

/** Sequential, light to dark (ColorBrewer YlGnBu steps; colour-blind safe). Pick n with sequentialPalette. */
const SEQUENTIAL = ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0'];

/** Qualitative (Paul Tol's "light" scheme, designed for colour-blind readers). */
export const QUALITATIVE = ['#77aadd', '#99ddff', '#44bb99', '#bbcc33', '#aaaa00', '#eedd88', '#ee8866', '#ffaabb', '#dddddd'];

export type PatternKind = 'none' | 'hatch' | 'dots' | 'cross' | 'vertical';
export const PATTERNS: PatternKind[] = ['none', 'hatch', 'dots', 'cross'];

/** `n` (1–5) colours of the sequential palette, evenly spread from light to dark. */
export function sequentialPalette(n: number): string[] {
  if (n < 1 || n > SEQUENTIAL.length) throw new Error(`sequentialPalette supports 1–${SEQUENTIAL.length} classes, got ${n}`);
  if (n === 1) return [SEQUENTIAL[2]];
  return Array.from({ length: n }, (_, i) => SEQUENTIAL[Math.round((i * (SEQUENTIAL.length - 1)) / (n - 1))]);
}

/** Colour and pattern for category i: the pair is unique for the first 36 categories. */
export function categoricalStyle(i: number): { fill: string; pattern: PatternKind } {
  return { fill: QUALITATIVE[i % QUALITATIVE.length], pattern: PATTERNS[i % PATTERNS.length] };
}

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two #rrggbb colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
