// How the permission walk (test/permissions.test.ts) calls the ops routes (convention:
// test/helpers/walk.ts). /metrics decides itself (permission 'token'): with the configured token
// every caller gets the figures; without METRICS_TOKEN the endpoint does not exist.
import type { RouteExamples } from '../../../test/helpers/walk.ts';

export const routeExamples: RouteExamples = {
  'GET /metrics': async (ctx) => {
    const token = ctx.deps.config.metricsToken;
    return token ? { headers: { authorization: `Bearer ${token}` } } : { status: 404 };
  },
};
