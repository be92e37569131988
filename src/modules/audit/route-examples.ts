// How the permission walk (test/permissions.test.ts) calls the audit page (convention:
// test/helpers/walk.ts): with a filter, so the filtered list is what an admin is shown.
import type { RouteExamples } from '../../../test/helpers/walk.ts';

export const routeExamples: RouteExamples = {
  'GET /beheer/audit': async () => ({ query: { entity: 'user', from: '2019-01-01' } }),
};
