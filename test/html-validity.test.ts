// Every HTML page the app serves is valid HTML, as an outside validator (the W3C Nu validator) would
// judge it. The pages come from Fastify's route table and the permission walk's route examples
// (test/helpers/walk.ts), on a database with the reference data and the whole demo scenario: every
// GET route that answers text/html, as anonymous and as one user of every role it admits. Also the
// English versions (?lang=en) of the public pages and of the staff pages without parameters, the
// error pages (404, 401, 403, a 400 for a bad query) and every form re-shown with its errors (each
// form's example sent with every field left empty: a 400 page). Each page is checked by
// html-validate with the project's .htmlvalidate.json: the `html-validate:standard` preset (bad
// nesting, duplicate ids, invalid or missing attributes, obsolete elements, unclosed elements, bad
// ARIA) and the rules named in it that the Nu validator also reports; and, as rules of this file
// (gaz/*), what the Nu validator checks and html-validate does not: the table model (every row as
// wide as the first), <time datetime> values, URL syntax in href/src/action, the values of date and
// number inputs, <meta charset="utf-8"> in the first 1024 bytes, a lang on <html>, and obsolete
// attributes html-validate does not know (charset on <script>, say). A failure lists page, caller,
// rule, line:column and the snippet. Runs on SQLite and on PostgreSQL (TEST_DATABASE_URL).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { type ConfigData, type DOMReadyEvent, type HtmlElement, HtmlValidate, type Message, type Plugin, Rule } from 'html-validate';
import { modules } from '../src/modules/index.ts';
import type { TestApp } from './helpers/app.ts';
import type { Account } from './helpers/factories.ts';
import {
  exampleFor,
  exampleRequest,
  exampleUrl,
  type RouteExample,
  type RouteExamples,
  type WalkClient,
  type WalkRoute,
} from './helpers/walk.ts';
import { startWalk } from './helpers/walk-app.ts';
import { expectationFor, needsExample, type Walker, type Who, walkRoutes, whosOf } from './helpers/walker.ts';

/**
 * Rules of html-validate:standard that .htmlvalidate.json turns off, each with why. Only purely
 * stylistic rules may be off, since an outside validator judges validity, not style. None is off
 * today: the standard preset holds no stylistic rule the pages break. A rule turned off in the
 * config without a reason here fails the first test.
 */
const STYLISTIC_RULES_OFF: Record<string, string> = {};

// Checks the Nu validator makes and html-validate has no rule for (errors in Nu, except a row
// narrower than the first, which Nu warns about: here an error too, as a row with a missing cell
// shifts what a screen reader announces as its column header).
const span = (cell: HtmlElement, name: string) => {
  const n = Number(cell.getAttributeValue(name) ?? '1');
  return Number.isInteger(n) && n > 0 ? n : 1;
};

/** The rows of a table (direct tr, and those of thead, tbody, tfoot) grouped as the HTML table model groups them. */
function rowGroups(table: HtmlElement): HtmlElement[][] {
  const groups: HtmlElement[][] = [];
  let loose: HtmlElement[] | null = null;
  for (const child of table.childElements) {
    if (child.tagName === 'tr') {
      if (!loose) {
        loose = [];
        groups.push(loose);
      }
      loose.push(child);
    } else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) {
      loose = null;
      groups.push(child.childElements.filter((r) => r.tagName === 'tr'));
    }
  }
  return groups;
}

/** Nu: "A table row was N columns wide and exceeded / is less than the column count established by the first row". */
class TableColumns extends Rule {
  setup() {
    this.on('dom:ready', (event: DOMReadyEvent) => {
      for (const table of event.document.querySelectorAll('table')) {
        let columns: number | null = null;
        for (const rows of rowGroups(table)) {
          const carried: number[] = []; // per row: cells from rowspans above
          rows.forEach((row, i) => {
            const cells = row.childElements.filter((c) => c.tagName === 'td' || c.tagName === 'th');
            let width = carried[i] ?? 0;
            for (const cell of cells) {
              const cols = span(cell, 'colspan');
              width += cols;
              for (let k = 1; k < Math.min(span(cell, 'rowspan'), rows.length - i); k++) carried[i + k] = (carried[i + k] ?? 0) + cols;
            }
            if (columns === null) columns = width;
            else if (width !== columns) this.report(row, `A table row is ${width} columns wide, the first row established ${columns}`);
          });
        }
      }
    });
  }
}

const DATE = /^\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?$/;
const ZONE = /^(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/;
function validDatetime(v: string): boolean {
  if (/^\d{4,}(-(0[1-9]|1[0-2]))?$/.test(v) || DATE.test(v) || /^--(0[1-9]|1[0-2])-\d\d$/.test(v) || TIME.test(v)) return true;
  if (/^\d{4,}-W(0[1-9]|[1-4]\d|5[0-3])$/.test(v) || ZONE.test(v)) return true;
  if (/^P(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/.test(v) && v !== 'P' && !v.endsWith('T')) return true;
  const m = /^(.+?)[T ](.+?)(Z|[+-].+)?$/.exec(v);
  return m !== null && DATE.test(m[1]) && TIME.test(m[2]) && (m[3] === undefined || ZONE.test(m[3]));
}

/** Nu: "Bad value for attribute datetime on element time". */
class TimeDatetime extends Rule {
  setup() {
    this.on('dom:ready', (event: DOMReadyEvent) => {
      for (const time of event.document.querySelectorAll('time')) {
        const value = time.getAttributeValue('datetime') ?? time.textContent.trim();
        if (!validDatetime(value)) this.report(time, `"${value}" is not a valid date or time (datetime of <time>)`);
      }
    });
  }
}

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'poster', 'cite', 'data'];

/** Nu: "Bad value … for attribute href: Illegal character in path segment / query" (spaces, bad percent-encoding, …). */
class UrlSyntax extends Rule {
  setup() {
    this.on('dom:ready', (event: DOMReadyEvent) => {
      for (const el of event.document.querySelectorAll('*')) {
        for (const name of URL_ATTRIBUTES) {
          const value = el.getAttributeValue(name);
          if (value === null || !el.hasAttribute(name)) continue;
          const bad = /[\s<>"`{}|\\^]/.exec(value.trim()) ?? /%(?![0-9a-fA-F]{2})/.exec(value);
          if (bad) this.report(el, `${name}="${value}" has an illegal character in a URL ("${bad[0]}")`);
        }
      }
    });
  }
}

const INPUT_VALUES: Record<string, RegExp> = {
  date: DATE,
  month: /^\d{4,}-(0[1-9]|1[0-2])$/,
  week: /^\d{4,}-W(0[1-9]|[1-4]\d|5[0-3])$/,
  time: TIME,
  number: /^-?(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?$/,
  range: /^-?(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?$/,
};

/** Nu: "Bad value … for attribute value/min/max on element input" (a date that is not YYYY-MM-DD, say). */
class InputValues extends Rule {
  setup() {
    this.on('dom:ready', (event: DOMReadyEvent) => {
      for (const input of event.document.querySelectorAll('input')) {
        const pattern = INPUT_VALUES[input.getAttributeValue('type') ?? ''];
        if (!pattern) continue;
        for (const name of ['value', 'min', 'max']) {
          const value = input.getAttributeValue(name);
          if (value !== null && value !== '' && !pattern.test(value))
            this.report(input, `${name}="${value}" is not valid for <input type="${input.getAttributeValue('type')}">`);
        }
      }
    });
  }
}

/** Nu: "A charset attribute on a meta element found after the first 1024 bytes." */
class MetaCharset extends Rule {
  setup() {
    this.on('dom:ready', (event: DOMReadyEvent) => {
      const meta = event.document.querySelector('meta[charset]');
      if (!meta) this.report(event.document.querySelector('head') ?? event.document.root, 'The page declares no <meta charset>');
      else if (meta.location.offset > 1024) this.report(meta, '<meta charset> comes after the first 1024 bytes');
      else if (meta.getAttributeValue('charset')?.toLowerCase() !== 'utf-8') this.report(meta, '<meta charset> is not utf-8');
    });
  }
}

/** Nu: "Consider adding a lang attribute to the html start tag to declare the language of this document." */
class HtmlLang extends Rule {
  setup() {
    this.on('dom:ready', (event: DOMReadyEvent) => {
      const html = event.document.querySelector('html');
      const lang = html?.getAttributeValue('lang') ?? '';
      if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang))
        this.report(html ?? event.document.root, `<html> declares no valid lang ("${lang}")`);
    });
  }
}

/** Obsolete attributes (HTML, "Obsolete features") html-validate's no-deprecated-attr does not know. */
const OBSOLETE_ATTRIBUTES: Record<string, string[]> = {
  script: ['charset'],
  img: ['longdesc'],
  a: ['rev'],
  link: ['rev'],
  table: ['border'],
};

/** Nu: "The charset attribute on the script element is obsolete." (and the others of the list) */
class ObsoleteAttributes extends Rule {
  setup() {
    this.on('dom:ready', (event: DOMReadyEvent) => {
      for (const [element, attributes] of Object.entries(OBSOLETE_ATTRIBUTES)) {
        for (const el of event.document.querySelectorAll(element)) {
          for (const name of attributes.filter((a) => el.hasAttribute(a)))
            this.report(el, `The ${name} attribute on <${element}> is obsolete`);
        }
      }
    });
  }
}

/** Nu (warning): "Section lacks heading. Consider using h2-h6 elements … or else use a div element instead." Also for <article>. */
class SectionHeading extends Rule {
  setup() {
    this.on('dom:ready', (event: DOMReadyEvent) => {
      for (const el of event.document.querySelectorAll('section, article')) {
        if (el.querySelector('h1, h2, h3, h4, h5, h6') === null)
          this.report(el, `<${el.tagName}> lacks a heading (use a div, or give it one)`);
      }
    });
  }
}

const nuPlugin: Plugin = {
  name: 'gaz-nu',
  rules: {
    'gaz/table-columns': TableColumns,
    'gaz/time-datetime': TimeDatetime,
    'gaz/url-syntax': UrlSyntax,
    'gaz/input-values': InputValues,
    'gaz/meta-charset': MetaCharset,
    'gaz/obsolete-attr': ObsoleteAttributes,
    'gaz/html-lang': HtmlLang,
    'gaz/section-heading': SectionHeading,
  },
};
const nuRules = Object.fromEntries(Object.keys(nuPlugin.rules!).map((r) => [r, 'error' as const]));

const CONFIG_FILE = new URL('../.htmlvalidate.json', import.meta.url);
const config = JSON.parse(readFileSync(CONFIG_FILE, 'utf8')) as ConfigData;
const validator = new HtmlValidate({ ...config, plugins: [nuPlugin], rules: { ...config.rules, ...nuRules } });

let t: TestApp;
let examples: RouteExamples;
let walker: Walker;
/** Anonymous and one user of every role (grant holders see what some role sees already). */
const whos: Who[] = whosOf(modules).filter((w) => w.grants.length === 0);

before(async () => {
  ({ t, examples, walker } = await startWalk({ whos, demo: true }));
});

after(async () => {
  await t?.close();
});

const isHtml = (res: LightMyRequestResponse) => String(res.headers['content-type'] ?? '').startsWith('text/html');

/** The source around a message: the flagged characters between » «, with 60 characters either side. */
function snippet(html: string, m: Message): string {
  const start = Math.max(0, m.offset - 60);
  const end = m.offset + Math.max(m.size, 1);
  const around = `${html.slice(start, m.offset)}»${html.slice(m.offset, end)}«${html.slice(end, end + 60)}`;
  return around.replace(/\s+/g, ' ');
}

/** What the validator finds in a page, one line per message: page, rule, line:column, message, snippet. */
async function findings(page: string, res: LightMyRequestResponse): Promise<string[]> {
  const report = await validator.validateString(res.body, page);
  return report.results.flatMap((r) =>
    r.messages.map((m) => `${page}: ${m.ruleId} at ${m.line}:${m.column}: ${m.message}\n      ${snippet(res.body, m)}`),
  );
}

/**
 * Sends a route's example as `who`, changed by `change` (the example is built as the walk builds
 * it); null when `change` says not to send it.
 */
async function sendIf(route: WalkRoute, who: Who, change: (e: RouteExample) => RouteExample | null) {
  const account: Account | null = await walker.account(who);
  const fresh: { client?: WalkClient } = {};
  const fn = exampleFor(examples, route);
  const example = change(fn ? await fn(walker.context(account, fresh)) : {});
  if (!example) return null;
  const client = fresh.client ?? (await walker.client(account));
  const res = await t.app.inject(exampleRequest(route, example, client));
  // A request that replaced the shared session (it should not, but a form left empty might): log in again next time.
  if (account && !fresh.client && (res.cookies as { name: string }[]).some((c) => c.name === 'gaz_session')) walker.forgetLogin(account);
  return { res, page: `${route.method} ${exampleUrl(route, example)} as ${who.label}` };
}

async function send(route: WalkRoute, who: Who, change: (e: RouteExample) => RouteExample = (e) => e) {
  const sent = await sendIf(route, who, change);
  if (!sent) throw new Error(`${route.url} was not sent`);
  return sent;
}

const allowed = (route: WalkRoute, who: Who) => expectationFor(modules, route, who).kind !== 'denied';
const walkable = (route: WalkRoute) => !needsExample(route) || exampleFor(examples, route) !== undefined;
const getRoutes = () => walkRoutes(t.app.routeTable).filter((r) => r.method === 'GET' && walkable(r));
const withLang = (e: RouteExample): RouteExample => ({ ...e, query: { ...(e.query ?? {}), lang: 'en' } });

const report = (problems: string[], what: string) =>
  assert.equal(problems.length, 0, `${problems.length} HTML validity problems in ${what}:\n${problems.join('\n')}`);

test('.htmlvalidate.json extends html-validate:standard and turns off only stylistic rules, each with its reason here', () => {
  assert.deepEqual(config.extends, ['html-validate:standard']);
  const off = Object.entries(config.rules ?? {})
    .filter(([, v]) => v === 'off' || v === 0 || (Array.isArray(v) && (v[0] === 'off' || v[0] === 0)))
    .map(([rule]) => rule)
    .sort();
  assert.deepEqual(off, Object.keys(STYLISTIC_RULES_OFF).sort());
});

test('the validator with this configuration flags what the Nu validator flags (it is really on)', async () => {
  const bad =
    '<!doctype html><html><head><title>x</title></head><body><main>' +
    '<span><form action="/x"><button type="submit">Zend</button></form></span>' +
    '<p id="a">een</p><p id="a">twee</p><img src="/x.png"><label for="nergens">Veld</label><center>oud</center>' +
    '<div/><table><tr><th>a</th><th>b</th></tr><tr><td>1</td></tr></table><time datetime="30-09-2019">30 september</time>' +
    '<a href="/kaart?q=een twee">kaart</a><script src="/a.js" charset="UTF-8"></script><script type="text/javascript" src="/b.js"></script><input type="date" value="30-09-2019" aria-label="Datum"><section><p>zonder kop</p></section></main></body></html>';
  const res = { body: bad } as LightMyRequestResponse;
  const rules = new Set((await findings('probe', res)).map((line) => line.split(' ')[1]));
  const expected = [
    'element-permitted-content',
    'no-dup-id',
    'wcag/h37',
    'no-missing-references',
    'deprecated',
    'no-self-closing',
    'script-type',
  ];
  for (const rule of [
    ...expected,
    'gaz/table-columns',
    'gaz/time-datetime',
    'gaz/url-syntax',
    'gaz/input-values',
    'gaz/meta-charset',
    'gaz/obsolete-attr',
    'gaz/section-heading',
  ]) {
    assert.ok(rules.has(rule), `${rule} is not reported (got ${[...rules].join(', ')})`);
  }
});

test('every GET route that answers HTML is valid HTML, for anonymous and one user of every role it admits', async (ctx) => {
  const problems: string[] = [];
  const pagesBy = new Map<string, number>();
  for (const route of getRoutes()) {
    for (const who of whos.filter((w) => allowed(route, w))) {
      const { res, page } = await send(route, who);
      if (!isHtml(res)) continue;
      pagesBy.set(who.label, (pagesBy.get(who.label) ?? 0) + 1);
      problems.push(...(await findings(page, res)));
    }
  }
  const total = [...pagesBy.values()].reduce((a, b) => a + b, 0);
  ctx.diagnostic(`${total} pages: ${[...pagesBy].map(([w, n]) => `${w} ${n}`).join(', ')}`);
  // Every caller really got pages (an example that broke would otherwise shrink the check silently).
  for (const who of whos) assert.ok((pagesBy.get(who.label) ?? 0) >= 10, `${who.label} got only ${pagesBy.get(who.label) ?? 0} HTML pages`);
  assert.ok(total >= 300, `only ${total} HTML pages`);
  report(problems, `${total} pages`);
});

test('the English versions (?lang=en) of the public pages and of the staff pages without parameters are valid HTML', async (ctx) => {
  const anonymous = whos.find((w) => w.role === null)!;
  const admin = whos.find((w) => w.role === 'admin')!;
  const problems: string[] = [];
  let pages = 0;
  for (const route of getRoutes()) {
    const callers = [anonymous, admin].filter((w) => allowed(route, w) && (w === anonymous || !/[:*]/.test(route.url)));
    // A page both may see is checked once, anonymously.
    for (const who of callers.slice(0, 1)) {
      const { res, page } = await send(route, who, withLang);
      if (!isHtml(res)) continue;
      assert.match(res.body, /<html lang="en"/, `${page} is not in English`);
      pages += 1;
      problems.push(...(await findings(page, res)));
    }
  }
  ctx.diagnostic(`${pages} English pages`);
  assert.ok(pages >= 40, `only ${pages} English pages`);
  report(problems, `${pages} English pages`);
});

test('the error pages are valid HTML: 404, 401, 403 and a 400 for a bad query, in Dutch and English', async () => {
  const anonymous = whos.find((w) => w.role === null)!;
  const learner = whos.find((w) => w.role === 'learner')!;
  const cases: { route: WalkRoute; who: Who; status: number }[] = [
    { route: { method: 'GET', url: '/deze-pagina-bestaat-niet', permission: 'public' }, who: anonymous, status: 404 },
    { route: { method: 'GET', url: '/beheer/deze-pagina-bestaat-niet', permission: 'public' }, who: learner, status: 404 },
    { route: { method: 'GET', url: '/beheer', permission: 'staff' }, who: anonymous, status: 401 },
    { route: { method: 'GET', url: '/beheer', permission: 'staff' }, who: learner, status: 403 },
    { route: { method: 'GET', url: '/bijeenkomsten', permission: 'public' }, who: anonymous, status: 400 },
  ];
  const problems: string[] = [];
  for (const { route, who, status } of cases) {
    for (const lang of ['nl', 'en']) {
      const query: Record<string, string> = { lang, ...(status === 400 ? { audience: 'iedereen' } : {}) };
      const { res, page } = await send({ ...route }, who, () => ({ query }));
      assert.equal(res.statusCode, status, `${page}: expected ${status}, got ${res.statusCode}`);
      assert.ok(isHtml(res), `${page}: not an HTML page`);
      problems.push(...(await findings(page, res)));
    }
  }
  report(problems, 'the error pages');
});

/** A form example with every field left empty (repeated fields: none sent); null for a form without fields. */
function emptied(e: RouteExample): RouteExample | null {
  if (!e.body || e.json !== undefined || Object.keys(e.body).length === 0) return null;
  const body = Object.fromEntries(Object.entries(e.body ?? {}).map(([k, v]) => [k, Array.isArray(v) ? [] : '']));
  return { ...e, body };
}

test('every form sent with its fields left empty answers a valid HTML page (the form again, with its errors)', async (ctx) => {
  const problems: string[] = [];
  const errorPages: string[] = [];
  // After the GET pages (the test order is the file's): what an empty form might still change no longer matters.
  const forms = walkRoutes(t.app.routeTable).filter((r) => r.method === 'POST' && !r.url.startsWith('/api/') && walkable(r));
  for (const route of forms) {
    const who = whos.find((w) => allowed(route, w));
    if (!who || !exampleFor(examples, route)) continue;
    const sent = await sendIf(route, who, emptied);
    if (!sent || !isHtml(sent.res)) continue;
    const { res, page } = sent;
    if (res.statusCode === 400) errorPages.push(page);
    problems.push(...(await findings(page, res)));
  }
  ctx.diagnostic(`${errorPages.length} forms re-shown with errors (400)`);
  assert.ok(errorPages.length >= 20, `only ${errorPages.length} forms answered 400 with a page:\n${errorPages.join('\n')}`);
  assert.ok(
    errorPages.some((p) => p.startsWith('POST /inloggen ')),
    'the login form left empty is among them',
  );
  report(problems, 'the forms re-shown with errors');
});
