// How the permission walk (test/permissions.test.ts) calls the atlas routes (convention:
// test/helpers/walk.ts). The walk's app has the CBS reference data imported.
import type { RouteExamples } from '../../../test/helpers/walk.ts';

export const routeExamples: RouteExamples = {
  'GET /api/v1/municipalities/:code': async () => ({ params: { code: 'GM0363' }, query: { date: '2019-09-30' } }),
  'GET /api/v1/regions/:code': async () => ({ params: { code: 'PV27' } }),
  'GET /gemeenten/:code': async () => ({ params: { code: 'GM0363' } }),
  'GET /gemeenten': async () => ({ query: { provincie: 'PV27', sorteer: 'inwoners' } }),
};
