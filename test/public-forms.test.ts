// Public forms without a per-visitor CSRF token (ADR 0020), for every module, found by walking the
// route table on the whole demo scenario:
// - every page the public cache may keep (`config.publicCache`), fetched as a first-time anonymous
//   visitor, sets no CSRF cookie and carries no token, so it can be kept; every POST form on it goes to
//   a route that takes an anonymous visitor's request without a token (`csrf: 'signed-in'`) — a form
//   that posted to a token route would fail for every visitor of the kept page;
// - every such route takes an anonymous request from a page of this site (Sec-Fetch-Site
//   `same-origin`, or else an Origin of this site) and refuses one that does not say so: no header at
//   all, another site, or a user-typed request; a signed-in user still needs the token.
// Runs on SQLite and on PostgreSQL (TEST_DATABASE_URL).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { modules } from '../src/modules/index.ts';
import type { TestApp } from './helpers/app.ts';
import { exampleFor, exampleRequest, expectedStatus, type RouteExample, type RouteExamples, type WalkRoute } from './helpers/walk.ts';
import { startWalk } from './helpers/walk-app.ts';
import { expectationFor, needsExample, type Walker, walkRoutes, whosOf } from './helpers/walker.ts';

const BASE = 'https://gemeentenaanzet.example';
let t: TestApp;
let examples: RouteExamples;
let walker: Walker;
const whos = whosOf(modules);
/** A first-time visitor: no cookies, no token. */
const NOBODY = { cookies: {}, csrf: '' };

before(async () => {
  ({ t, examples, walker } = await startWalk({ whos, demo: true, config: { publicBaseUrl: BASE } }));
});
after(async () => t?.close());

type Listed = WalkRoute & { csrf?: boolean | 'signed-in'; publicCache?: true };
const table = (): Listed[] => walkRoutes(t.app.routeTable) as Listed[];
const walkable = (route: WalkRoute) => !needsExample(route) || exampleFor(examples, route) !== undefined;

async function exampleOf(route: WalkRoute): Promise<RouteExample> {
  const fn = exampleFor(examples, route);
  return fn ? fn(walker.context(null)) : {};
}

/** The route a form's action goes to (its pattern, `:param` for any segment), or undefined. */
function postRouteOf(action: string): Listed | undefined {
  const path = new URL(action, BASE).pathname;
  return table().find(
    (r) =>
      r.method === 'POST' &&
      new RegExp(`^${r.url.replace(/[.]/g, '\\.').replace(/:\w+(\([^)]*\))?/g, '[^/]+')}/?$`).test(decodeURIComponent(path)),
  );
}

function postActions(html: string): string[] {
  return [...html.matchAll(/<form\b([^>]*)>/g)]
    .map((m) => m[1])
    .filter((attrs) => /\bmethod="post"/i.test(attrs))
    .map((attrs) => (/\baction="([^"]*)"/.exec(attrs)?.[1] ?? '').replaceAll('&amp;', '&'));
}

const cookieNames = (res: LightMyRequestResponse) => (res.cookies as { name: string }[]).map((c) => c.name);

test('every page the public cache may keep sets no CSRF cookie, and its forms post to routes that need no token', async (ctx) => {
  const problems: string[] = [];
  const withForms = new Set<string>();
  let pages = 0;
  for (const route of table().filter((r) => r.method === 'GET' && r.publicCache && walkable(r))) {
    const res = await t.app.inject(exampleRequest(route, await exampleOf(route), NOBODY));
    if (res.statusCode !== 200 || !String(res.headers['content-type'] ?? '').startsWith('text/html')) continue;
    pages += 1;
    if (cookieNames(res).includes('gaz_csrf')) problems.push(`${route.url}: sets the CSRF cookie, so the public cache never keeps it`);
    if (/name="_csrf"/.test(res.body)) problems.push(`${route.url}: carries a CSRF token`);
    for (const action of postActions(res.body)) {
      withForms.add(route.url);
      const target = postRouteOf(action);
      if (!target) problems.push(`${route.url}: a form posts to ${action}, which is no route`);
      else if (target.csrf !== 'signed-in' && target.csrf !== false)
        problems.push(`${route.url}: a form posts to ${target.url}, which needs a CSRF token the kept page cannot carry`);
    }
  }
  ctx.diagnostic(`${pages} kept pages, with forms: ${[...withForms].join(', ')}`);
  assert.ok(pages >= 25, `only ${pages} pages`);
  // The public forms of today's modules are among them (a broken example would otherwise shrink the check).
  for (const url of ['/ondersteuning', '/bijeenkomsten/:id', '/academy/aanmelden', '/nieuwsbrief/aanmelden']) {
    assert.ok(withForms.has(url), `${url} shows no form to an anonymous visitor`);
  }
  assert.deepEqual(problems, []);
});

test('a public form route takes an anonymous post from this site without a token and refuses one that does not say where it is from', async () => {
  const forms = table().filter((r) => r.csrf === 'signed-in');
  assert.ok(forms.length >= 4, `only ${forms.length} public form routes`);
  for (const route of forms) {
    assert.equal(route.permission, 'public', `${route.url}: a token-less form must be public`);
    const send = async (headers: Record<string, string>) => {
      const example = await exampleOf(route);
      return t.app.inject(exampleRequest(route, { ...example, headers: { ...(example.headers ?? {}), ...headers } }, NOBODY));
    };
    const expected = expectedStatus(route, await exampleOf(route));
    assert.equal((await send({ 'sec-fetch-site': 'same-origin' })).statusCode, expected, `${route.url} from this site`);
    assert.equal((await send({ origin: BASE })).statusCode, expected, `${route.url} with this site's Origin (no Fetch Metadata)`);
    for (const [what, headers] of [
      ['no header', {}],
      ['another site', { 'sec-fetch-site': 'cross-site', origin: 'https://kwaadwillend.example' }],
      ['a sibling site', { 'sec-fetch-site': 'same-site' }],
      ['typed by the user', { 'sec-fetch-site': 'none' }],
      ["another site's Origin", { origin: 'https://kwaadwillend.example' }],
      ['Origin null', { origin: 'null' }],
    ] as const) {
      const res = await send(headers);
      assert.equal(res.statusCode, 403, `${route.url}, ${what}: ${res.statusCode}`);
      assert.match(res.body, /Het formulier is verlopen|vanaf een andere website/, `${route.url}, ${what}: a clear message`);
    }
  }
});

test('a signed-in user sending a public form still needs the CSRF token', async () => {
  const who = whos.find((w) => w.role === 'adviser')!;
  for (const route of table().filter((r) => r.csrf === 'signed-in')) {
    if (expectationFor(modules, route, who).kind === 'denied') continue;
    const account = await walker.account(who)!;
    const client = await walker.client(account);
    const example = await exampleOf(route);
    const withoutToken = await t.app.inject(
      exampleRequest(route, { ...example, headers: { 'sec-fetch-site': 'same-origin' } }, { ...client, csrf: '' }),
    );
    assert.equal(withoutToken.statusCode, 403, `${route.url} without the token`);
    const withToken = await t.app.inject(
      exampleRequest(route, { ...(await exampleOf(route)), headers: { 'sec-fetch-site': 'same-origin' } }, client),
    );
    assert.equal(withToken.statusCode, expectedStatus(route, example), `${route.url} with the token`);
  }
});
