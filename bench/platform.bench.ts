// The platform's static assets under load, beside a bare Fastify route sending the same bytes: the
// stylesheet (immutable, precompressed at start-up). The public pages are in public-routes.bench.ts.
import { compareWithBaseline, startApp } from './lib.ts';

const app = await startApp();
try {
  const home = await fetch(app.url('/'));
  const css = (await home.text()).match(/href="(\/assets\/[^"]+\.css)"/)?.[1];
  if (css) {
    await compareWithBaseline({
      name: 'stylesheet (immutable asset)',
      path: css,
      headers: { 'accept-encoding': 'br' },
      app,
      sameBytes: true,
    });
  }
} finally {
  await app.stop();
}
