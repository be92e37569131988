// What checkA11y (helpers.ts) adds to axe-core on every page a browser test visits (see README.md
// in this folder for why axe alone missed the contrast failures of issue 12):
//   - axe's "incomplete" color-contrast results, measured by our own code instead of dropped;
//   - contrast of every SVG <text>/<tspan> (its fill against what is painted behind it) and of
//     controls: boundaries and glyph-only icons 3:1 (WCAG 1.4.11);
//   - reflow (WCAG 1.4.10) at 320 CSS px and at 200 % zoom of a 1280 × 720 window (640 × 360 CSS px);
//   - screenshots at 320, 768 and 1280 px, once per URL path and test file, in
//     test-results/screenshots/<test file>/<slug>-<width>.png.
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const pageSource = readFileSync(join(import.meta.dirname, 'a11y-page.js'), 'utf8');

export interface PageFailure {
  target: string;
  what?: string;
  problem: string;
}

interface InPage {
  contrast(incomplete: string[], exclude: string[]): PageFailure[];
  reflow(exclude: string[]): PageFailure[];
}

async function load(page: Page) {
  if (!(await page.evaluate('typeof window.__gazA11y === "object"'))) await page.evaluate(pageSource);
}

/** Contrast axe leaves undecided (the targets of its incomplete color-contrast nodes), SVG text and controls. */
export async function contrastFailures(page: Page, incomplete: string[], exclude: string[]): Promise<PageFailure[]> {
  await load(page);
  return page.evaluate(([inc, exc]) => (window as unknown as { __gazA11y: InPage }).__gazA11y.contrast(inc, exc), [incomplete, exclude]);
}

async function settle(page: Page, timersRun: boolean) {
  // A frame for islands that re-render on resize (only where the page's scripts run).
  if (timersRun) await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

/** The test file that is running (node --test runs each file in its own process). */
function testFileName(): string {
  const fromArgs = process.argv.find((a) => /\.test\.tsx?$/.test(a));
  const fromStack = new Error().stack?.match(/([\w.-]+)\.test\.tsx?/)?.[1];
  return fromArgs ? basename(fromArgs).replace(/\.test\.tsx?$/, '') : (fromStack ?? 'unknown');
}

/** `/netwerk/gemeente/GM0363` → `netwerk-gemeente-GM0363`; `/` → `home`. */
export function slugOf(url: string): string {
  const pathname = /^https?:/.test(url) ? new URL(url).pathname : 'inline';
  const slug = pathname
    .replace(/^\/+|\/+$/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .slice(0, 80);
  return slug === '' ? 'home' : slug;
}

const shot = new Set<string>();

export const REFLOW_WIDTH = 320;
/** 200 % zoom of a 1280 × 720 window: the layout of a 640 × 360 CSS px viewport. */
export const ZOOM_VIEWPORT = { width: 640, height: 360 };
export const SCREENSHOT_WIDTHS = [320, 768, 1280];

/**
 * Reflow at 320 px (with `atReflowWidth`'s checks there) and at 200 % zoom, and the screenshots (first visit of this URL path in this test
 * file only), on `page` (whose URL names the page `url`); the viewport is restored afterwards.
 */
export async function reflowAndScreenshots(
  page: Page,
  url: string,
  exclude: string[],
  timersRun: boolean,
  atReflowWidth: (where: string) => Promise<string[]> = async () => [],
): Promise<string[]> {
  const original = page.viewportSize() ?? { width: 1280, height: 720 };
  const file = testFileName();
  const slug = slugOf(url);
  const takeShots = /^https?:/.test(url) && !shot.has(`${file} ${slug}`);
  shot.add(`${file} ${slug}`);
  const dir = join(root, 'test-results', 'screenshots', file);
  if (takeShots) mkdirSync(dir, { recursive: true });
  const failures: string[] = [];
  const steps: { width: number; height: number; reflow?: string; narrowChecks?: boolean; screenshot?: boolean }[] = [
    { width: REFLOW_WIDTH, height: 720, reflow: `${REFLOW_WIDTH} CSS px`, narrowChecks: true, screenshot: true },
    { ...ZOOM_VIEWPORT, reflow: '200 % zoom (640 × 360 CSS px)' },
    { width: 768, height: 1024, screenshot: true },
    { width: 1280, height: 720, screenshot: true },
  ];
  try {
    for (const step of steps) {
      if (!step.reflow && !(step.screenshot && takeShots)) continue;
      await page.setViewportSize({ width: step.width, height: step.height });
      await settle(page, timersRun);
      if (step.reflow) {
        await load(page);
        const found = await page.evaluate((exc) => (window as unknown as { __gazA11y: InPage }).__gazA11y.reflow(exc), exclude);
        for (const f of found) failures.push(`- reflow at ${step.reflow}: ${f.target}: ${f.problem}`);
        if (step.narrowChecks) failures.push(...(await atReflowWidth(`at ${step.reflow}`)));
      }
      if (step.screenshot && takeShots) {
        await page.screenshot({ path: join(dir, `${slug}-${step.width}.png`), fullPage: true, animations: 'disabled' });
      }
    }
  } finally {
    await page.setViewportSize(original);
    await settle(page, timersRun);
  }
  return failures;
}
