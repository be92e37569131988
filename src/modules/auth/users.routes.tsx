// Beheer › Gebruikers (permission admin): the list with its filter, and inviting a user. One user's
// page and its forms (role, grants, access, erasure) are in user-detail.routes.tsx.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { formValues } from '../../http/route-kit.ts';
import { parseInput } from '../../http/validate.ts';
import { authCtx } from './context.ts';
import { presentUserListItem } from './users.presenters.ts';
import { inviteUserInput, userListQuery } from './users.schema.ts';
import { inviteUser, listUsers } from './users.service.ts';
import { um, usersCrumbs } from './views/users-common.tsx';
import { InviteUserPage } from './views/users-invite.tsx';
import { type UsersListNotice, UsersListPage } from './views/users-list.tsx';

export const ADMIN = { config: { permission: 'admin' as const } };

/** A rule a service enforces (duplicate email, own account, unknown coordinator) as messages for the form. */
export function asFieldErrors(e: unknown, field: string): FieldError[] | null {
  if (!(e instanceof AppError) || e.status !== 400) return null;
  return e.fields.length > 0 ? e.fields : [{ field, message: e.detail }];
}

async function showList(req: FastifyRequest, reply: FastifyReply, deps: AppDeps) {
  const query = userListQuery.parse(req.query ?? {});
  const rows = await listUsers(deps.db, query);
  const raw = (req.query as Record<string, unknown>).melding;
  const notice = (['uitgenodigd', 'gewist'] as const).find((n) => n === raw) as UsersListNotice | undefined;
  return sendPage(
    req,
    reply,
    { title: um(req.locale).users, breadcrumbs: usersCrumbs(req.locale) },
    <UsersListPage users={rows.map(presentUserListItem)} filter={query} notice={notice} />,
  );
}

function invitePage(req: FastifyRequest, status?: number) {
  const title = um(req.locale).invite;
  return { title, status, breadcrumbs: usersCrumbs(req.locale, { label: title }) };
}

async function postInvite(req: FastifyRequest, reply: FastifyReply, deps: AppDeps) {
  const values = formValues(req.body);
  const parsed = parseInput(inviteUserInput, req.body ?? {});
  if (!parsed.ok) return sendPage(req, reply, invitePage(req, 400), <InviteUserPage values={values} errors={parsed.errors} />);
  try {
    await inviteUser(authCtx(req, deps), {
      email: parsed.data.email,
      name: parsed.data.name ?? null,
      role: parsed.data.role,
      municipalityCode: parsed.data.municipality_code ?? null,
      coordinatorId: parsed.data.coordinator_id ?? null,
    });
  } catch (e) {
    const fieldErrors = asFieldErrors(e, 'email');
    if (!fieldErrors) throw e;
    return sendPage(req, reply, invitePage(req, 400), <InviteUserPage values={values} errors={fieldErrors} />);
  }
  return reply.redirect('/beheer/gebruikers?melding=uitgenodigd', 303);
}

export async function registerUserAdminRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/beheer/gebruikers', ADMIN, async (req, reply) => showList(req, reply, deps));
  app.get('/beheer/gebruikers/uitnodigen', ADMIN, async (req, reply) => sendPage(req, reply, invitePage(req), <InviteUserPage />));
  app.post('/beheer/gebruikers/uitnodigen', ADMIN, async (req, reply) => postInvite(req, reply, deps));
}
