import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';

describe('home and static pages', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('renders the home page in Dutch with one h1, a skip link and the footer links', async () => {
    const res = await t.app.inject({ url: '/' });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /text\/html/);
    assert.match(res.body, /<html lang="nl">/);
    assert.equal(res.body.match(/<h1/g)?.length, 1);
    assert.match(res.body, /href="#main"/);
    assert.match(res.body, /href="\/toegankelijkheid"/);
    assert.match(res.body, /href="\/privacy"/);
  });

  it('switches to English with ?lang=en and remembers it in a cookie', async () => {
    const res = await t.app.inject({ url: '/?lang=en' });
    assert.match(res.body, /<html lang="en">/);
    const cookie = res.cookies.find((c) => c.name === 'gaz_lang');
    assert.equal(cookie?.value, 'en');
    const again = await t.app.inject({ url: '/privacy', cookies: { gaz_lang: 'en' } });
    assert.match(again.body, /<title>Privacy statement/);
  });

  it('gives each page a distinct title', async () => {
    const titles = new Set<string>();
    for (const url of ['/', '/toegankelijkheid', '/privacy']) {
      const res = await t.app.inject({ url });
      titles.add(res.body.match(/<title>([^<]*)<\/title>/)![1]);
    }
    assert.equal(titles.size, 3);
  });

  it('sends a strict CSP and the other security headers', async () => {
    const res = await t.app.inject({ url: '/' });
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin');
  });

  it('serves hashed, compressed CSS with a one-year cache', async () => {
    const page = await t.app.inject({ url: '/' });
    const href = page.body.match(/href="(\/assets\/app\.[0-9a-f]+\.css)"/)![1];
    const css = await t.app.inject({ url: href, headers: { 'accept-encoding': 'br' } });
    assert.equal(css.statusCode, 200);
    assert.equal(css.headers['content-encoding'], 'br');
    assert.match(String(css.headers['cache-control']), /max-age=31536000, immutable/);
  });

  it('answers an unknown page with a Dutch 404 page and an unknown API path with problem+json', async () => {
    const page = await t.app.inject({ url: '/bestaat-niet' });
    assert.equal(page.statusCode, 404);
    assert.match(page.body, /Pagina niet gevonden/);
    const api = await t.app.inject({ url: '/api/v1/bestaat-niet' });
    assert.equal(api.statusCode, 404);
    assert.match(String(api.headers['content-type']), /application\/problem\+json/);
    assert.equal(api.json().status, 404);
  });
});
