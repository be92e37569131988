// Markdown to safe HTML, in two layers: marked renders what authors may write (headings, lists,
// links, images of our own library with alt text, quotes, live-data blocks) and escapes any raw
// HTML as text; sanitize-html then keeps only an allowlist of elements, attributes and URL schemes,
// so nothing executable reaches a page even if the first layer had a gap. Pure: no I/O.
import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import type { Localized } from '../../i18n.ts';

export interface ImageInfo {
  width: number;
  height: number;
}

export interface EmbedRef {
  kind: string;
  date: string;
}

export interface MarkdownProblem {
  message: Localized;
}

export interface Rendered {
  html: string;
  embeds: EmbedRef[];
  images: number[];
  problems: MarkdownProblem[];
}

export interface RenderOptions {
  /** Dimensions of the library images the body may use (`![alt](afbeelding:12)`). */
  images: ReadonlyMap<number, ImageInfo>;
  /** Kinds of live-data block known (`{{netwerk 2019-09-30}}`). */
  embedKinds: readonly string[];
  /** Absolute base for image URLs (emails); default relative. */
  baseUrl?: string;
}

/** The widths images are stored in (images.logic.ts makes them). */
export const IMAGE_WIDTHS = [480, 960, 1440] as const;

const EMBED_LINE = /^\{\{\s*([a-z-]+)\s+(\d{4}-\d{2}-\d{2})\s*\}\}[ \t]*(?:\n|$)/;
const IMAGE_REF = /^afbeelding:(\d{1,9})$/;

export function imageUrl(id: number, width: number, format: 'webp' | 'jpeg', baseUrl = ''): string {
  return `${baseUrl}/nieuws/afbeelding/${id}-${width}.${format === 'webp' ? 'webp' : 'jpg'}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Widths of an image that exist for it (never upscaled), smallest first. */
export function widthsFor(info: ImageInfo): number[] {
  const fit = IMAGE_WIDTHS.filter((w) => w <= info.width);
  return fit.length > 0 ? fit : [IMAGE_WIDTHS[0]];
}

function buildParser(opts: RenderOptions, out: Rendered): Marked {
  const marked = new Marked({ gfm: true, breaks: false, async: false });
  marked.use({
    extensions: [
      {
        name: 'embed',
        level: 'block',
        start: (src: string) => src.match(/^\{\{/m)?.index,
        tokenizer(src: string) {
          const m = EMBED_LINE.exec(src);
          if (!m) return undefined;
          return { type: 'embed', raw: m[0], kind: m[1], date: m[2] };
        },
        renderer(token) {
          const t = token as unknown as { kind: string; date: string };
          if (!opts.embedKinds.includes(t.kind)) {
            out.problems.push({
              message: {
                nl: `Onbekend gegevensblok “${t.kind}”. Gebruik ${opts.embedKinds.join(' of ')}.`,
                en: `Unknown data block “${t.kind}”. Use ${opts.embedKinds.join(' or ')}.`,
              },
            });
            return '';
          }
          out.embeds.push({ kind: t.kind, date: t.date });
          return `<figure class="gaz-embed" data-embed="${out.embeds.length - 1}"></figure>\n`;
        },
      },
    ],
    renderer: {
      // No raw HTML from authors: it is shown as text.
      html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
      heading({ tokens, depth }: Tokens.Heading) {
        // The page's title is the only h1: author headings start at h2.
        const level = Math.min(Math.max(depth, 2), 4);
        return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
      },
      image({ href, text }: Tokens.Image) {
        const alt = text.trim();
        const m = IMAGE_REF.exec(href.trim());
        const id = m ? Number(m[1]) : null;
        const info = id === null ? undefined : opts.images.get(id);
        if (!info || id === null) {
          out.problems.push({
            message: {
              nl: `Afbeelding “${href}” staat niet in de beeldbank. Upload haar eerst en gebruik ![beschrijving](afbeelding:NUMMER).`,
              en: `Image “${href}” is not in the image library. Upload it first and use ![description](afbeelding:NUMBER).`,
            },
          });
          return '';
        }
        if (alt === '') {
          out.problems.push({
            message: {
              nl: `Afbeelding ${id} heeft geen beschrijving. Schrijf tussen de haken wat erop staat: ![beschrijving](afbeelding:${id}).`,
              en: `Image ${id} has no description. Write what it shows between the brackets: ![description](afbeelding:${id}).`,
            },
          });
          return '';
        }
        out.images.push(id);
        const widths = widthsFor(info);
        const largest = widths[widths.length - 1];
        const height = Math.round((info.height * largest) / info.width);
        const srcset = widths.map((w) => `${imageUrl(id, w, 'webp', opts.baseUrl)} ${w}w`).join(', ');
        return (
          `<img src="${imageUrl(id, largest, 'jpeg', opts.baseUrl)}" srcset="${srcset}" sizes="(max-width: 48rem) 100vw, 48rem" ` +
          `alt="${escapeHtml(alt)}" width="${largest}" height="${height}" loading="lazy" decoding="async">`
        );
      },
    },
  });
  return marked;
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2',
    'h3',
    'h4',
    'p',
    'br',
    'hr',
    'ul',
    'ol',
    'li',
    'blockquote',
    'strong',
    'em',
    'del',
    'code',
    'pre',
    'a',
    'img',
    'figure',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading', 'decoding'],
    figure: ['class', 'data-embed'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
  },
  allowedClasses: { figure: ['gaz-embed'] },
  allowedSchemes: ['https', 'http', 'mailto'],
  allowedSchemesByTag: { img: [] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  enforceHtmlBoundary: false,
  parseStyleAttributes: false,
  transformTags: {
    a: (tagName, attribs) => {
      const href = attribs.href ?? '';
      const external = /^https?:\/\//i.test(href);
      return { tagName, attribs: external ? { ...attribs, rel: 'noopener noreferrer' } : attribs };
    },
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !/^\/nieuws\/afbeelding\/\d+-\d+\.(webp|jpg)$/.test(frame.attribs.src ?? ''),
};

/** The allowlist on its own: anything that is not plain, inert HTML of the shapes above is removed or escaped. */
export function sanitize(html: string, baseUrl?: string): string {
  if (!baseUrl) return sanitizeHtml(html, SANITIZE);
  // Emails carry absolute image URLs on our own site only.
  const own = new RegExp(`^${baseUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/nieuws/afbeelding/\\d+-\\d+\\.(webp|jpg)$`);
  return sanitizeHtml(html, {
    ...SANITIZE,
    allowedSchemesByTag: { img: ['https', 'http'] },
    exclusiveFilter: (frame) => frame.tag === 'img' && !own.test(frame.attribs.src ?? ''),
  });
}

/** Renders an author's Markdown to sanitised HTML, listing the embeds and images it uses and any problems. */
export function renderMarkdown(markdown: string, opts: RenderOptions): Rendered {
  const out: Rendered = { html: '', embeds: [], images: [], problems: [] };
  const raw = buildParser(opts, out).parse(markdown.replace(/\r\n?/g, '\n')) as string;
  out.html = sanitize(raw, opts.baseUrl);
  return out;
}

/** Plain text of sanitised HTML (for the plain-text email part and feed summaries). */
export function htmlToText(html: string): string {
  const text = sanitizeHtml(
    html
      .replace(/<\/(p|h[2-4]|li|blockquote|tr|figure)>/g, '$&\n\n')
      .replace(/<br\s*\/?>/g, '\n')
      .replace(/<li>/g, '<li>- ')
      .replace(/<a href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g, '$2 ($1)'),
    { allowedTags: [], allowedAttributes: {} },
  );
  return text
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
