// Defence in depth on state-changing requests (issue 12, point 10): a form posted from another
// site is refused with a clear 403 even with a valid CSRF token; same-origin requests and clients
// that send neither Sec-Fetch-Site nor Origin (scripts, where the CSRF token still applies) pass.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { anonymousCsrf } from '../../test/helpers/routes.ts';
// biome-ignore lint/style/noRestrictedImports: a test of the shared layer builds the real app, with every module.
import { MODULES } from '../modules/index.ts';
import { probeModule } from './probe.fixture.ts';
import { isCrossSite } from './same-site.ts';

let t: TestApp;
const BASE = 'https://gemeentenaanzet.example';

before(async () => {
  t = await createTestApp({ modules: [...MODULES, probeModule], config: { publicBaseUrl: BASE } });
});
after(async () => t?.close());

function post(headers: Record<string, string>, withToken = true) {
  const { cookies, csrf } = anonymousCsrf(t.app);
  return t.app.inject({
    method: 'POST',
    url: '/probe/formulier',
    cookies,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: withToken ? `_csrf=${encodeURIComponent(csrf)}` : '',
  });
}

test('a cross-site or same-site form post with a valid CSRF token is refused with a clear 403', async () => {
  for (const site of ['cross-site', 'same-site']) {
    const res = await post({ 'sec-fetch-site': site, origin: 'https://kwaadwillend.example' });
    assert.equal(res.statusCode, 403, site);
    assert.match(res.body, /Dit formulier is vanaf een andere website verstuurd en daarom geweigerd/);
  }
  // Without Fetch Metadata (older browsers) the Origin decides.
  const foreign = await post({ origin: 'https://kwaadwillend.example' });
  assert.equal(foreign.statusCode, 403);
  assert.match(foreign.body, /vanaf een andere website/);
  assert.equal((await post({ origin: 'null' })).statusCode, 403);
});

test('same-origin posts, user-typed requests and clients without the headers pass (the CSRF token still applies)', async () => {
  assert.equal((await post({ 'sec-fetch-site': 'same-origin', origin: BASE })).statusCode, 303);
  assert.equal((await post({ 'sec-fetch-site': 'none' })).statusCode, 303);
  assert.equal((await post({ origin: BASE })).statusCode, 303);
  // The address the request was sent to (no proxy in front): inject sends Host localhost:80.
  assert.equal((await post({ origin: 'http://localhost:80' })).statusCode, 303);
  assert.equal((await post({})).statusCode, 303);
  const noToken = await post({}, false);
  assert.equal(noToken.statusCode, 403);
  assert.match(noToken.body, /Het formulier is verlopen/);
});

test('GETs are never refused for where they come from', async () => {
  const res = await t.app.inject({ url: '/', headers: { 'sec-fetch-site': 'cross-site', origin: 'https://elders.example' } });
  assert.equal(res.statusCode, 200);
});

test('isCrossSite decides on Sec-Fetch-Site first, then Origin', () => {
  const req = (headers: Record<string, string>) => ({ headers, protocol: 'http' as const, host: 'app.local:3000' });
  assert.equal(isCrossSite(req({ 'sec-fetch-site': 'same-origin', origin: 'https://x.example' }), BASE), false);
  assert.equal(isCrossSite(req({ 'sec-fetch-site': 'cross-site', origin: BASE }), BASE), true);
  assert.equal(isCrossSite(req({ origin: 'http://app.local:3000' }), BASE), false);
  assert.equal(isCrossSite(req({ origin: 'http://app.local:3001' }), BASE), true);
  assert.equal(isCrossSite(req({}), BASE), false);
});
