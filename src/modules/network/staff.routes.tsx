// Staff pages under /beheer/netwerk (permission staff; the norm is admin-only), one file per
// resource. Forms post and redirect (303); invalid input re-renders the form with status 400, the
// messages beside the fields and what was typed. Every change is audited by the service.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { sendPage } from '../../http/render.tsx';
import { currentUser } from '../../http/route-kit.ts';
import { crumbs, STAFF } from './routes.kit.ts';
import * as svc from './service.ts';
import { registerCoordinatorRoutes } from './staff-coordinators.routes.tsx';
import { registerGapRoutes } from './staff-gaps.routes.tsx';
import { registerNormRoutes } from './staff-norm.routes.tsx';
import { registerOrganisationRoutes } from './staff-organisations.routes.tsx';
import { registerProposalRoutes } from './staff-proposals.routes.tsx';
import { registerRegionRoutes } from './staff-regions.routes.tsx';
import { indexText, StaffIndex } from './views/staff-index.tsx';

export function registerNetworkStaffRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/beheer/netwerk', { config: STAFF }, async (req, reply) => {
    const pending = (await svc.listProposals(deps.db, { status: 'pending' })).length;
    return sendPage(
      req,
      reply,
      { title: indexText(req.locale).title, breadcrumbs: crumbs(req).slice(0, 1) },
      <StaffIndex pending={pending} isAdmin={currentUser(req).role === 'admin'} />,
    );
  });
  registerOrganisationRoutes(app, deps);
  registerCoordinatorRoutes(app, deps);
  registerProposalRoutes(app, deps);
  registerRegionRoutes(app, deps);
  registerGapRoutes(app, deps);
  registerNormRoutes(app, deps);
}
