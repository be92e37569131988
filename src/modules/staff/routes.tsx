// The staff start page /beheer: a card per staff area (from every module's manifest) the user may open.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { sendPage } from '../../http/render.tsx';
import { userMay } from '../../http/route-kit.ts';
import { StaffHome, staffTitle } from './views/staff-home.tsx';

export async function registerStaffRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/beheer', { config: { permission: 'staff' } }, async (req, reply) => {
    const cards = deps.modules
      .staffLinks()
      .filter((l) => userMay(deps, req.user, l.permission))
      .map((l) => ({ href: l.href, label: l.label[req.locale], description: l.description?.[req.locale] ?? null }));
    return sendPage(
      req,
      reply,
      { title: staffTitle(req.locale), breadcrumbs: [{ label: staffTitle(req.locale) }] },
      <StaffHome cards={cards} />,
    );
  });
}
