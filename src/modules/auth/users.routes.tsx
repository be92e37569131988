// Beheer › Gebruikers (permission admin): list with filter, invite, and per user: change role,
// deactivate/reactivate, resend the invitation, erase (with a confirmation step).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { AppError, errors, type FieldError } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { actorOf } from '../../http/request-user.ts';
import { parseInput } from '../../http/validate.ts';
import { presentUserDetail, presentUserListItem } from './users.presenters.ts';
import { changeRoleInput, eraseUserInput, inviteUserInput, userListQuery } from './users.schema.ts';
import {
  changeRole,
  deactivateUser,
  eraseUser,
  findUserById,
  inviteUser,
  listUsers,
  reactivateUser,
  resendInvitation,
} from './users.service.ts';
import { um, usersCrumbs } from './views/users-common.tsx';
import { EraseUserPage, eraseTitle, type UserDetailNotice, UserDetailPage } from './views/users-detail.tsx';
import { InviteUserPage } from './views/users-invite.tsx';
import { type UsersListNotice, UsersListPage } from './views/users-list.tsx';

const ADMIN = { config: { permission: 'admin' as const } };

function formValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && k !== '_csrf') values[k] = v;
  }
  return values;
}

function userIdOf(req: FastifyRequest): number {
  const raw = (req.params as { id?: string }).id ?? '';
  if (!/^\d{1,12}$/.test(raw)) throw errors.notFound({ nl: 'Deze gebruiker bestaat niet.', en: 'This user does not exist.' });
  return Number(raw);
}

/** A rule a service enforces (duplicate email, own account) as messages for the form. */
function asFieldErrors(e: unknown, field: string): FieldError[] | null {
  if (!(e instanceof AppError) || e.status !== 400) return null;
  return e.fields.length > 0 ? e.fields : [{ field, message: e.detail }];
}

export async function registerUserAdminRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/beheer/gebruikers', ADMIN, async (req, reply) => {
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
  });

  const invitePage = (req: FastifyRequest) => {
    const title = um(req.locale).invite;
    return { title, breadcrumbs: usersCrumbs(req.locale, { label: title }) };
  };

  app.get('/beheer/gebruikers/uitnodigen', ADMIN, async (req, reply) => sendPage(req, reply, invitePage(req), <InviteUserPage />));

  app.post('/beheer/gebruikers/uitnodigen', ADMIN, async (req, reply) => {
    const values = formValues(req.body);
    const parsed = parseInput(inviteUserInput, req.body ?? {});
    if (!parsed.ok)
      return sendPage(req, reply, { ...invitePage(req), status: 400 }, <InviteUserPage values={values} errors={parsed.errors} />);
    try {
      await inviteUser(deps, actorOf(req.user, req.id), {
        email: parsed.data.email,
        name: parsed.data.name ?? null,
        role: parsed.data.role,
        municipalityCode: parsed.data.municipality_code ?? null,
        coordinatorId: parsed.data.coordinator_id ?? null,
      });
    } catch (e) {
      const fieldErrors = asFieldErrors(e, 'email');
      if (!fieldErrors) throw e;
      return sendPage(req, reply, { ...invitePage(req), status: 400 }, <InviteUserPage values={values} errors={fieldErrors} />);
    }
    return reply.redirect('/beheer/gebruikers?melding=uitgenodigd', 303);
  });

  async function sendDetail(
    req: FastifyRequest,
    reply: FastifyReply,
    options: { status?: number; errors?: FieldError[]; values?: Record<string, string> } = {},
  ) {
    const id = userIdOf(req);
    const row = await findUserById(deps.db, id);
    if (!row) throw errors.notFound({ nl: 'Deze gebruiker bestaat niet.', en: 'This user does not exist.' });
    const user = presentUserDetail(row);
    const label = user.name ?? user.email;
    const raw = (req.query as Record<string, unknown> | undefined)?.melding;
    const notice = (['opgeslagen', 'uitnodiging-verstuurd'] as const).find((n) => n === raw) as UserDetailNotice | undefined;
    return sendPage(
      req,
      reply,
      { title: `${label} – ${um(req.locale).users}`, status: options.status, breadcrumbs: usersCrumbs(req.locale, { label }) },
      <UserDetailPage user={user} isSelf={req.user?.id === id} errors={options.errors} values={options.values} notice={notice} />,
    );
  }

  app.get('/beheer/gebruikers/:id', ADMIN, async (req, reply) => sendDetail(req, reply));

  app.post('/beheer/gebruikers/:id/rol', ADMIN, async (req, reply) => {
    const id = userIdOf(req);
    const values = formValues(req.body);
    const parsed = parseInput(changeRoleInput, req.body ?? {});
    if (!parsed.ok) return sendDetail(req, reply, { status: 400, errors: parsed.errors, values });
    try {
      await changeRole(deps, actorOf(req.user, req.id), id, {
        role: parsed.data.role,
        municipalityCode: parsed.data.municipality_code ?? null,
        coordinatorId: parsed.data.coordinator_id ?? null,
      });
    } catch (e) {
      const fieldErrors = asFieldErrors(e, 'role');
      if (!fieldErrors) throw e;
      return sendDetail(req, reply, { status: 400, errors: fieldErrors, values });
    }
    return reply.redirect(`/beheer/gebruikers/${id}?melding=opgeslagen`, 303);
  });

  app.post('/beheer/gebruikers/:id/deactiveren', ADMIN, async (req, reply) => {
    const id = userIdOf(req);
    try {
      await deactivateUser(deps, actorOf(req.user, req.id), id);
    } catch (e) {
      const fieldErrors = asFieldErrors(e, '_');
      if (!fieldErrors) throw e;
      return sendDetail(req, reply, { status: 400, errors: fieldErrors });
    }
    return reply.redirect(`/beheer/gebruikers/${id}?melding=opgeslagen`, 303);
  });

  app.post('/beheer/gebruikers/:id/activeren', ADMIN, async (req, reply) => {
    const id = userIdOf(req);
    await reactivateUser(deps, actorOf(req.user, req.id), id);
    return reply.redirect(`/beheer/gebruikers/${id}?melding=opgeslagen`, 303);
  });

  app.post('/beheer/gebruikers/:id/uitnodiging', ADMIN, async (req, reply) => {
    const id = userIdOf(req);
    try {
      await resendInvitation(deps, actorOf(req.user, req.id), id);
    } catch (e) {
      const fieldErrors = asFieldErrors(e, '_');
      if (!fieldErrors) throw e;
      return sendDetail(req, reply, { status: 400, errors: fieldErrors });
    }
    return reply.redirect(`/beheer/gebruikers/${id}?melding=uitnodiging-verstuurd`, 303);
  });

  async function sendErase(
    req: FastifyRequest,
    reply: FastifyReply,
    options: { status?: number; errors?: FieldError[]; value?: string } = {},
  ) {
    const id = userIdOf(req);
    const row = await findUserById(deps.db, id);
    if (!row) throw errors.notFound({ nl: 'Deze gebruiker bestaat niet.', en: 'This user does not exist.' });
    const user = presentUserDetail(row);
    const title = eraseTitle(req.locale);
    const crumbs = usersCrumbs(req.locale, { href: `/beheer/gebruikers/${id}`, label: user.name ?? user.email }, { label: title });
    return sendPage(
      req,
      reply,
      { title: `${title}: ${user.email}`, status: options.status, breadcrumbs: crumbs },
      <EraseUserPage user={user} errors={options.errors} value={options.value} />,
    );
  }

  app.get('/beheer/gebruikers/:id/wissen', ADMIN, async (req, reply) => sendErase(req, reply));

  app.post('/beheer/gebruikers/:id/wissen', ADMIN, async (req, reply) => {
    const id = userIdOf(req);
    const row = await findUserById(deps.db, id);
    if (!row) throw errors.notFound({ nl: 'Deze gebruiker bestaat niet.', en: 'This user does not exist.' });
    const value = formValues(req.body).confirm_email;
    const parsed = parseInput(eraseUserInput, req.body ?? {});
    if (!parsed.ok) return sendErase(req, reply, { status: 400, errors: parsed.errors, value });
    if (parsed.data.confirm_email !== row.email) {
      const message = {
        nl: 'Dit is niet het e-mailadres van deze gebruiker. Typ het precies over om te bevestigen.',
        en: "This is not this user's email address. Type it exactly to confirm.",
      };
      return sendErase(req, reply, { status: 400, errors: [{ field: 'confirm_email', message }], value });
    }
    try {
      await eraseUser(deps, actorOf(req.user, req.id), id);
    } catch (e) {
      const fieldErrors = asFieldErrors(e, 'confirm_email');
      if (!fieldErrors) throw e;
      return sendErase(req, reply, { status: 400, errors: fieldErrors, value });
    }
    return reply.redirect('/beheer/gebruikers?melding=gewist', 303);
  });
}
