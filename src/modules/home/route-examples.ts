// How the permission walk (test/permissions.test.ts) calls the home module's routes (convention:
// test/helpers/walk.ts). All three are public GETs without parameters, so they need no example:
// everyone gets 200.
import type { RouteExamples } from '../../../test/helpers/walk.ts';

export const routeExamples: RouteExamples = {};
