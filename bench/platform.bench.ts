// The platform's own routes under load, beside a bare Fastify server: the public home page
// (server-rendered, compressed when asked) and a static asset.
import { compareWithBaseline, startApp } from './lib.ts';

const app = await startApp();
try {
  await compareWithBaseline({ name: 'home page', path: '/', app });
  await compareWithBaseline({ name: 'home page, brotli', path: '/', headers: { 'accept-encoding': 'br' }, app });
  const home = await fetch(app.url('/'));
  const css = (await home.text()).match(/href="(\/assets\/[^"]+\.css)"/)?.[1];
  if (css) await compareWithBaseline({ name: 'stylesheet (immutable asset)', path: css, headers: { 'accept-encoding': 'br' }, app });
} finally {
  await app.stop();
}
