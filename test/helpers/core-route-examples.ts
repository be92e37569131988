// Route examples for the routes the app itself registers (src/app.ts, src/http/openapi.ts), which
// belong to no module. Module routes have theirs in src/modules/<name>/route-examples.ts.
import type { RouteExamples } from './walk.ts';

export const coreRouteExamples: RouteExamples = {
  'GET /assets/:file': async (ctx) => {
    const path = [...ctx.app.assets.byPath.keys()].find((p) => p.endsWith('.css'));
    if (!path) throw new Error('The app serves no stylesheet');
    return { params: { file: path.slice('/assets/'.length) } };
  },
  'GET /api/docs/static/*': async () => ({ params: { '*': 'swagger-ui.css' } }),
  // Swagger UI's own entry redirects to the docs page.
  'GET /api/docs/static/index.html': async () => ({ status: 302 }),
};
