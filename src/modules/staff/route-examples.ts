// How the permission walk (test/permissions.test.ts) calls the staff start page (convention:
// test/helpers/walk.ts): an allowed user gets the page with the cards of the modules' staff links.
import type { RouteExamples } from '../../../test/helpers/walk.ts';

export const routeExamples: RouteExamples = {
  'GET /beheer': async (ctx) => {
    const link = ctx.deps.modules.staffLinks().find((l) => l.permission === 'staff');
    return link ? { ownerMark: `href="${link.href}"` } : {};
  },
};
