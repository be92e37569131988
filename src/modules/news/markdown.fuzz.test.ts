// A fuzz test of the Markdown renderer: crafted bodies (script, javascript: links, event handlers,
// SVG and MathML tricks, entity and case games, broken tags) mixed by fast-check into Markdown never
// yield executable content. The output is parsed by a real HTML parser (htmlparser2, as browsers
// tokenise) and every element and attribute is checked against what is inert.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseDocument } from 'htmlparser2';
import { renderMarkdown } from './markdown.logic.ts';

const ALLOWED = new Set([
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
]);
// A URL is judged as a browser reads it: the WHATWG URL parser (what `new URL` implements) resolves it
// against an article's address, so `%5Bx%5D(javascript:…)` is a relative path on this site and
// `java&#x09;script:` (the tab removed) is javascript:. A URL the parser refuses navigates nowhere.
const ARTICLE_URL = 'https://gemeentenaanzet.example/nieuws/artikel';
const SAFE_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);

function isInertUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value, ARTICLE_URL);
  } catch {
    return true;
  }
  return SAFE_PROTOCOLS.has(url.protocol);
}

const ATTACKS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//x.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)><circle/></svg>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](java&#x09;script:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](vbscript:msgbox(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![x](javascript:alert(1))',
  '![x" onerror="alert(1)](afbeelding:1)',
  '[x](https://ok.example "t\\" onmouseover=\\"alert(1)")',
  '<iframe src="https://x.example"></iframe>',
  '<object data="x.swf"></object><embed src="x">',
  '<style>body{background:url(javascript:alert(1))}</style>',
  '<div style="background:url(javascript:alert(1))">s</div>',
  '<form action="javascript:alert(1)"><button>b</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:/">',
  '<a href="&#x6A;avascript:alert(1)">e</a>',
  '<<script>script>alert(1)<</script>/script>',
  '<!--<script>alert(1)//-->',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><script>alert(1)</script></template>',
  '<details open ontoggle=alert(1)>',
  '`<script>alert(1)</script>`',
  '```html\n<script>alert(1)</script>\n```',
  '<figure class="gaz-embed" data-embed="0" onclick="alert(1)"></figure>',
  '{{netwerk 2019-09-30}}',
  '[ok](https://example.org) [rel](/nieuws) [mail](mailto:a@example.org)',
  // Found by the mixed fuzz below (seed 1116077102): a link whose destination is itself a link.
  '[]([x](&#106;avascript:alert(1)))',
  '[x](\tjavascript:alert(1))',
  '[x](<java\nscript:alert(1)>)',
];
const MARKDOWN = ['# ', '## ', '> ', '- ', '1. ', '**', '_', '\n\n', '\n', ' ', '[', '](', ')', '![', '<', '>', '"', "'", '`', '|', '---'];

function check(html: string): string[] {
  const problems: string[] = [];
  const walk = (node: { type: string; name?: string; attribs?: Record<string, string>; children?: unknown[] }) => {
    if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
      const name = (node.name ?? '').toLowerCase();
      if (!ALLOWED.has(name)) problems.push(`element <${name}>`);
      for (const [attr, value] of Object.entries(node.attribs ?? {})) {
        const a = attr.toLowerCase();
        if (a.startsWith('on') || a === 'style' || a === 'srcdoc' || a === 'formaction') problems.push(`attribute ${a} on <${name}>`);
        if (a === 'href' || a === 'src') {
          if (!isInertUrl(value)) problems.push(`${a}="${value}" on <${name}>`);
        }
        if (a === 'srcset' && /script:|data:/i.test(value)) problems.push(`srcset="${value}"`);
      }
    }
    for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
  };
  walk(parseDocument(html) as unknown as Parameters<typeof walk>[0]);
  return problems;
}

const OPTS = { images: new Map([[1, { width: 800, height: 600 }]]), embedKinds: ['netwerk'] };

test('every known attack alone yields only inert HTML', () => {
  for (const attack of ATTACKS) {
    const { html } = renderMarkdown(attack, OPTS);
    assert.deepEqual(check(html), [], `input: ${attack}\noutput: ${html}`);
  }
});

test('attacks mixed with Markdown syntax and random text never yield executable content', () => {
  const piece = fc.oneof(
    fc.constantFrom(...ATTACKS),
    fc.constantFrom(...MARKDOWN),
    fc.string({ maxLength: 20 }),
    fc.string({ unit: 'grapheme', maxLength: 8 }),
  );
  fc.assert(
    fc.property(fc.array(piece, { minLength: 1, maxLength: 30 }), (pieces) => {
      const { html } = renderMarkdown(pieces.join(''), OPTS);
      const problems = check(html);
      if (problems.length > 0) throw new Error(`${problems.join(', ')}\ninput: ${JSON.stringify(pieces.join(''))}\noutput: ${html}`);
    }),
    { numRuns: 1500 },
  );
});

test('links and images keep working for real content', () => {
  const { html } = renderMarkdown('[Netwerk](/netwerk) en [CoMensha](https://www.comensha.nl)\n\n![Een foto](afbeelding:1)', OPTS);
  assert.match(html, /<a href="\/netwerk">Netwerk<\/a>/);
  assert.match(html, /<a href="https:\/\/www\.comensha\.nl" rel="noopener noreferrer">CoMensha<\/a>/);
  assert.match(html, /<img src="\/nieuws\/afbeelding\/1-480\.jpg"/);
});

test('the URL oracle reads a URL as a browser does', () => {
  for (const bad of [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    ' \u0001javascript:alert(1)',
    'vbscript:x',
    'data:text/html,x',
  ]) {
    assert.equal(isInertUrl(bad), false, JSON.stringify(bad));
  }
  for (const good of ['/nieuws', '#kop', 'https://example.org', 'mailto:a@example.org', '%5Bx%5D(javascript:alert(1))', 'pad/naar']) {
    assert.equal(isInertUrl(good), true, JSON.stringify(good));
  }
});
