// The public cache over real HTTP (app.inject() would bypass the edge in front of Fastify), on probe
// routes added to the real app: kept and compressed once per data version; a change in this process
// seen by the very next request; another instance's change once the version is read again; never a
// signed-in user's page, a CSRF token, a cookie-setting or private answer in a copy; one rendering
// for a crowd of requests; the language cookie keyed; misuse refused at start-up.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { loginAs } from '../../test/helpers/auth.ts';
import { type HttpAnswer, listenForHttp } from '../../test/helpers/http.ts';
import type { EdgeServed } from './edge-cache.ts';
import { publicCacheVersion, VERSION_TRUST_MS } from './public-cache.ts';
import { keepOutOfPublicCache } from './public-cache-route.ts';
import { sendPage } from './render.tsx';

let t: TestApp;
let get: (path: string, headers?: Record<string, string>) => Promise<HttpAnswer>;
let clock = 5_000_000;
let data = 'v1';
let renders = 0;
const served: EdgeServed[] = [];
const version = publicCacheVersion(
  'probe',
  async () => data,
  () => clock,
);
const cached = { config: { permission: 'public' as const, publicCache: version } };

async function page(req: FastifyRequest, reply: FastifyReply, extra = '') {
  renders += 1;
  // Long enough for requests sent together to overlap.
  await new Promise((r) => setTimeout(r, 30));
  const text = `data ${data}; user ${req.user?.email ?? 'none'}; locale ${req.locale}; ${'padding '.repeat(300)}${extra}`;
  return sendPage(req, reply, { title: 'Probe', cacheControl: 'public, max-age=60' }, text);
}

before(async () => {
  t = await createTestApp({
    beforeReady: (app) => {
      app.get('/__cache/page', cached, (req, reply) => page(req, reply));
      app.get('/__cache/form', cached, (req, reply) => page(req, reply, `<input name="_csrf" value="${reply.generateCsrf()}">`));
      app.get('/__cache/private', cached, async (_req, reply) => reply.header('cache-control', 'private, no-store').send('x'.repeat(2000)));
      app.get('/__cache/part-failed', cached, (req, reply) => {
        keepOutOfPublicCache(req);
        return page(req, reply);
      });
    },
  });
  t.app.edgeCache.onServed((s) => served.push(s));
  get = await listenForHttp(t.app);
});
after(async () => t.close());
beforeEach(() => {
  t.app.edgeCache.clear();
  served.length = 0;
  renders = 0;
  data = 'v1';
  clock += 10 * VERSION_TRUST_MS;
});

const text = (a: HttpAnswer) => {
  const encoding = a.headers['content-encoding'];
  return (encoding === 'br' ? brotliDecompressSync(a.body) : encoding === 'gzip' ? gunzipSync(a.body) : a.body).toString();
};

describe('public cache: kept, compressed, revalidated', () => {
  it('renders once, then answers from the edge with the same headers and bytes, in every encoding', async () => {
    const first = await get('/__cache/page', { 'accept-encoding': 'gzip, br' });
    assert.equal(first.status, 200);
    assert.equal(first.headers['content-encoding'], 'br');
    assert.match(String(first.headers.vary), /accept-encoding/);
    assert.match(String(first.headers.vary), /cookie/);
    const second = await get('/__cache/page', { 'accept-encoding': 'gzip, br' });
    assert.equal(served.length, 1, 'the second is answered by the edge');
    assert.deepEqual(second.body, first.body);
    assert.equal(second.headers.etag, first.headers.etag);
    assert.equal(second.headers['cache-control'], 'public, max-age=60');
    const gzip = await get('/__cache/page', { 'accept-encoding': 'gzip' });
    const plain = await get('/__cache/page');
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(text(gzip), text(first));
    assert.equal(text(plain), text(first));
    assert.equal(gzip.headers.etag, first.headers.etag, 'one ETag for every encoding of the same page');
    const notModified = await get('/__cache/page', { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) });
    assert.equal(notModified.status, 304);
    assert.equal(notModified.body.length, 0);
    assert.match(text(first), /data v1; user none; locale nl/);
    assert.equal(renders, 3, 'one rendering per encoding');
  });

  it('a change in this process is seen by the very next request', async () => {
    await get('/__cache/page');
    await get('/__cache/page');
    assert.equal(served.length, 1);
    version.changed(t.deps.db, 'v2');
    data = 'v2';
    const after = await get('/__cache/page');
    assert.match(text(after), /data v2/);
    assert.equal(served.length, 1, 'not from the old copy');
    assert.match(text(await get('/__cache/page')), /data v2/);
    assert.equal(served.length, 2, 'the new copy is answered by the edge');
  });

  it('a change by another instance is seen once the version is read again, and only then', async () => {
    await get('/__cache/page');
    data = 'v3'; // written elsewhere: this instance was not told
    assert.match(text(await get('/__cache/page')), /data v1/, 'within the trust period the copy stands');
    clock += VERSION_TRUST_MS;
    assert.match(text(await get('/__cache/page')), /data v3/);
    assert.equal(renders, 2);
  });

  it('an unchanged version, read again, answers from the same copy without rendering', async () => {
    const first = await get('/__cache/page');
    clock += VERSION_TRUST_MS * 3;
    const again = await get('/__cache/page');
    assert.equal(served.length, 0, 'the pipeline read the version…');
    assert.deepEqual(again.body, first.body);
    assert.equal(renders, 1, '…and answered from the copy');
    await get('/__cache/page');
    assert.equal(served.length, 1, 'trusted again: the edge answers');
  });

  it('a crowd of requests for a page not yet kept renders it once', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, () => get('/__cache/page', { 'accept-encoding': 'br' })));
    assert.equal(renders, 1);
    for (const a of answers) assert.deepEqual(a.body, answers[0].body);
  });

  it('keeps a copy per language for a request with only the language cookie', async () => {
    const dutch = await get('/__cache/page');
    const english = await get('/__cache/page', { cookie: 'gaz_lang=en' });
    assert.match(text(english), /locale en/);
    assert.match(text(await get('/__cache/page', { cookie: 'gaz_lang=en' })), /locale en/);
    assert.match(text(await get('/__cache/page')), /locale nl/);
    assert.deepEqual((await get('/__cache/page')).body, dutch.body);
    assert.equal(renders, 2);
    assert.equal(served.length, 3);
    // ?lang= without the cookie sets the cookie: that answer is never kept.
    const asked = await get('/__cache/page?lang=en');
    assert.match(String(asked.headers['set-cookie']), /gaz_lang=en/);
    assert.match(String((await get('/__cache/page?lang=en')).headers['set-cookie']), /gaz_lang=en/);
  });
});

describe('public cache: never a person’s page', () => {
  it('never keeps a signed-in user’s page, nor answers a signed-in user from a copy', async () => {
    const session = await loginAs(t, 'adviser');
    const cookie = Object.entries(session.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const anonymous = await get('/__cache/page');
    const own = await get('/__cache/page', { cookie });
    assert.match(text(own), new RegExp(`user ${session.user.email}`));
    assert.equal(own.headers['cache-control'], 'private, no-store');
    const sizeAfter = t.app.edgeCache.size;
    await get('/__cache/page', { cookie });
    assert.equal(t.app.edgeCache.size, sizeAfter, 'nothing kept for the user');
    const later = await get('/__cache/page');
    assert.doesNotMatch(text(later), /user (?!none)/);
    assert.deepEqual(later.body, anonymous.body);
    const bearer = await get('/__cache/page', { authorization: 'Bearer not-a-token' });
    assert.equal(bearer.status, 200);
    assert.equal(served.length, 1, 'only the anonymous request without a cookie was answered by the edge');
  });

  it('never keeps a page with a CSRF token (it sets the CSRF cookie), with or without the language cookie', async () => {
    const variants: Record<string, string>[] = [{}, { cookie: 'gaz_lang=nl' }];
    for (const headers of variants) {
      const one = await get('/__cache/form', headers);
      const two = await get('/__cache/form', headers);
      assert.match(String(one.headers['set-cookie']), /gaz_csrf=/);
      assert.match(String(two.headers['set-cookie']), /gaz_csrf=/);
    }
    assert.equal(renders, 4);
    assert.equal(served.length, 0);
    assert.equal(t.app.edgeCache.size, 0);
  });

  it('keeps nothing the handler marked private or left out on purpose', async () => {
    await get('/__cache/private');
    await get('/__cache/part-failed');
    await get('/__cache/part-failed');
    assert.equal(t.app.edgeCache.size, 0);
    assert.equal(renders, 2);
  });

  it('refuses at start-up a public cache on a staff route, on a POST, or beside a route rate limit', async () => {
    const handler = async () => 'x';
    const misuses: RouteOptions[] = [
      { method: 'GET', url: '/__x1', config: { permission: 'staff', publicCache: version }, handler },
      { method: 'POST', url: '/__x2', config: { permission: 'public', publicCache: version }, handler },
      {
        method: 'GET',
        url: '/__x3',
        config: { permission: 'public', publicCache: version, rateLimit: { max: 5, timeWindow: 1000 } },
        handler,
      },
    ];
    let refused = 0;
    const other = await createTestApp({
      beforeReady: (app) => {
        for (const m of misuses) {
          assert.throws(() => app.route(m), /public cache/);
          refused += 1;
        }
      },
    });
    await other.close();
    assert.equal(refused, 3);
  });
});
