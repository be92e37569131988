// The staff start page /beheer: a card per staff area the user's role may open.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { roleMay } from '../../http/permissions.ts';
import { sendPage } from '../../http/render.tsx';
import { staffLinks } from './links.ts';
import { StaffHome, staffTitle } from './views/staff-home.tsx';

export async function registerStaffRoutes(app: FastifyInstance, _deps: AppDeps) {
  app.get('/beheer', { config: { permission: 'staff' } }, async (req, reply) => {
    const role = req.user?.role ?? null;
    const cards = staffLinks
      .filter((l) => roleMay(role, l.permission))
      .map((l) => ({ href: l.href, label: l.label[req.locale], description: l.description?.[req.locale] ?? null }));
    return sendPage(
      req,
      reply,
      { title: staffTitle(req.locale), breadcrumbs: [{ label: staffTitle(req.locale) }] },
      <StaffHome cards={cards} />,
    );
  });
}
