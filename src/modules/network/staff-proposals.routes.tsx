// /beheer/netwerk/voorstellen (staff): proposals and the decision on one.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { currentUser, idParam, serviceCtx } from '../../http/route-kit.ts';
import { parseInput } from '../../http/validate.ts';
import { crumbs, STAFF } from './routes.kit.ts';
import { decisionForm } from './schema.ts';
import * as svc from './service.ts';
import { ProposalList, proposalText } from './views/staff-proposals.tsx';

export function registerProposalRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/beheer/netwerk/voorstellen', { config: STAFF }, async (req, reply) => {
    const coordinators = new Map((await svc.listCoordinators(deps.db)).map((c) => [c.id, c.name]));
    const proposals = (await svc.listProposals(deps.db)).map((p) => ({
      ...p,
      coordinatorName: coordinators.get(p.coordinatorId) ?? String(p.coordinatorId),
    }));
    return sendPage(
      req,
      reply,
      { title: proposalText(req.locale).title, breadcrumbs: crumbs(req) },
      <ProposalList proposals={proposals} userId={currentUser(req).id} />,
    );
  });
  app.post('/beheer/netwerk/voorstellen/:id', { config: STAFF }, async (req, reply) => {
    const id = idParam(req);
    const parsed = parseInput(decisionForm, req.body);
    if (!parsed.ok) throw errors.validation(parsed.errors);
    await svc.decideProposal(serviceCtx(req, deps), id, parsed.data.decision);
    return reply.redirect('/beheer/netwerk/voorstellen', 303);
  });
}
