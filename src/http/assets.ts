// Static assets built in memory at start-up: one CSS file made of only the NL Design System
// components we use (plus only those of our design tokens, src/assets/theme, that the shipped CSS
// references), and one small JavaScript bundle per client island. Names carry a content hash, so they are cached for a year.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const assetsDir = join(here, '..', 'assets');

/** The NL Design System component stylesheets the pages use. Add one here when a view needs it. */
export const CSS_COMPONENTS = [
  'document',
  'page-layout',
  'page-header',
  'page-body',
  'page-content',
  'page-footer',
  'skip-link',
  'heading-1',
  'heading-2',
  'heading-3',
  'paragraph',
  'link',
  'link-list',
  'unordered-list',
  'ordered-list',
  'button',
  'button-group',
  'form-field',
  'form-fieldset',
  'form-label',
  'form-field-description',
  'form-field-error-message',
  'textbox',
  'textarea',
  'select',
  'checkbox',
  'radio-button',
  'table',
  'breadcrumb-nav',
  'alert',
  'nav-bar',
  'data-list',
  'badge-list',
  'status-badge',
  'separator',
] as const;

export interface Asset {
  path: string;
  contentType: string;
  body: Buffer;
  gzip: Buffer;
  brotli: Buffer;
  etag: string;
}

export interface AssetManifest {
  css: string;
  islands: Record<string, string>;
  byPath: Map<string, Asset>;
}

function hashOf(body: Buffer | string): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 12);
}

function makeAsset(name: string, ext: string, contentType: string, content: string): Asset {
  const body = Buffer.from(content);
  const hash = hashOf(body);
  return {
    path: `/assets/${name}.${hash}.${ext}`,
    contentType,
    body,
    gzip: gzipSync(body, { level: 9 }),
    brotli: brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }),
    etag: `"${hash}"`,
  };
}

function componentCss(name: string): string {
  const file = require.resolve(`@utrecht/${name}-css/dist/index.min.css`);
  return readFileSync(file, 'utf8');
}

/** The programme's design tokens (ADR 0018): primitives and the component-token mapping. */
export function themeCss(): string {
  const dir = join(assetsDir, 'theme');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.css'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

/**
 * Keep only the theme tokens that the shipped CSS references, following var() chains inside the
 * theme itself, as one `.gaz-theme{...}` rule (the class on <body>).
 */
export function treeShakeTokens(theme: string, usedCss: string): string {
  const declaration = /(--[\w-]+)\s*:\s*([^;}]+);/g;
  const tokens = new Map<string, string>();
  for (const m of theme.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(declaration)) tokens.set(m[1], m[2].trim());
  const wanted = new Set<string>();
  const queue = [...usedCss.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1]);
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (wanted.has(name) || !tokens.has(name)) continue;
    wanted.add(name);
    for (const m of tokens.get(name)!.matchAll(/var\(\s*(--[\w-]+)/g)) queue.push(m[1]);
  }
  const body = [...wanted]
    .sort()
    .map((name) => `${name}:${tokens.get(name)}`)
    .join(';');
  return `.gaz-theme{${body}}`;
}

async function buildIslands(): Promise<Map<string, string>> {
  const dir = join(assetsDir, 'islands');
  const entries = readdirSync(dir).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'));
  const esbuild = await import('esbuild');
  const out = new Map<string, string>();
  for (const entry of entries) {
    const result = await esbuild.build({
      entryPoints: [join(dir, entry)],
      bundle: true,
      write: false,
      format: 'esm',
      minify: true,
      target: 'es2020',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      legalComments: 'none',
    });
    out.set(entry.replace(/\.tsx?$/, ''), result.outputFiles[0].text);
  }
  return out;
}

let built: Promise<AssetManifest> | undefined;

/** Builds the assets once per process. */
export function loadAssets(): Promise<AssetManifest> {
  built ??= (async () => {
    const components = CSS_COMPONENTS.map(componentCss).join('\n');
    const own = readdirSync(join(assetsDir, 'css'))
      .filter((f) => f.endsWith('.css'))
      .sort()
      .map((f) => readFileSync(join(assetsDir, 'css', f), 'utf8'))
      .join('\n');
    const usedCss = `${components}\n${own}`;
    const css = `${treeShakeTokens(themeCss(), usedCss)}\n${components}\n${minifyCss(own)}`;
    const cssAsset = makeAsset('app', 'css', 'text/css; charset=utf-8', css);
    const byPath = new Map<string, Asset>([[cssAsset.path, cssAsset]]);
    const islands: Record<string, string> = {};
    for (const [name, code] of await buildIslands()) {
      const asset = makeAsset(name, 'js', 'text/javascript; charset=utf-8', code);
      byPath.set(asset.path, asset);
      islands[name] = asset.path;
    }
    return { css: cssAsset.path, islands, byPath };
  })();
  return built;
}

function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};:,>])\s*/g, '$1')
    .trim();
}
