// Beheer › Gebruikers › <user> (permission admin): details, change role, give or take grants,
// deactivate/reactivate, resend the invitation, and erase (with a confirmation step).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { errors, type FieldError } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { formValues, idParam } from '../../http/route-kit.ts';
import { parseInput } from '../../http/validate.ts';
import { type AuthCtx, authCtx } from './context.ts';
import { presentUserDetail } from './users.presenters.ts';
import { ADMIN, asFieldErrors } from './users.routes.tsx';
import { changeRoleInput, eraseUserInput, grantsInput } from './users.schema.ts';
import { changeRole, deactivateUser, findUserById, reactivateUser, resendInvitation } from './users.service.ts';
import { eraseUser } from './users-erase.ts';
import { grantOptions, setGrants } from './users-grants.ts';
import { um, usersCrumbs } from './views/users-common.tsx';
import { EraseUserPage, eraseTitle, type UserDetailNotice, UserDetailPage } from './views/users-detail.tsx';

const NO_SUCH_USER = { nl: 'Deze gebruiker bestaat niet.', en: 'This user does not exist.' };
const NOTICES = ['opgeslagen', 'uitnodiging-verstuurd', 'rechten-opgeslagen'] as const;

interface DetailOptions {
  status?: number;
  errors?: FieldError[];
  values?: Record<string, string>;
}

async function userOrNotFound(deps: AppDeps, id: number) {
  const row = await findUserById(deps.db, id);
  if (!row) throw errors.notFound(NO_SUCH_USER);
  return presentUserDetail(row);
}

async function sendDetail(req: FastifyRequest, reply: FastifyReply, deps: AppDeps, options: DetailOptions = {}) {
  const id = idParam(req);
  const user = await userOrNotFound(deps, id);
  const label = user.name ?? user.email;
  const raw = (req.query as Record<string, unknown> | undefined)?.melding;
  const notice = NOTICES.find((n) => n === raw) as UserDetailNotice | undefined;
  return sendPage(
    req,
    reply,
    { title: `${label} – ${um(req.locale).users}`, status: options.status, breadcrumbs: usersCrumbs(req.locale, { label }) },
    <UserDetailPage
      user={user}
      isSelf={req.user?.id === id}
      grantOptions={grantOptions(deps.modules.permissions)}
      errors={options.errors}
      values={options.values}
      notice={notice}
    />,
  );
}

/** Runs a change of one user; a rule it breaks (400) re-renders the page with the message beside `field`. */
async function change(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
  field: string,
  run: (ctx: AuthCtx, id: number) => Promise<unknown>,
  notice: (typeof NOTICES)[number] = 'opgeslagen',
) {
  const id = idParam(req);
  try {
    await run(authCtx(req, deps), id);
  } catch (e) {
    const fieldErrors = asFieldErrors(e, field);
    if (!fieldErrors) throw e;
    return sendDetail(req, reply, deps, { status: 400, errors: fieldErrors, values: formValues(req.body) });
  }
  return reply.redirect(`/beheer/gebruikers/${id}?melding=${notice}`, 303);
}

async function postRole(req: FastifyRequest, reply: FastifyReply, deps: AppDeps) {
  const parsed = parseInput(changeRoleInput, req.body ?? {});
  if (!parsed.ok) return sendDetail(req, reply, deps, { status: 400, errors: parsed.errors, values: formValues(req.body) });
  const { role, municipality_code, coordinator_id } = parsed.data;
  return change(req, reply, deps, 'role', (ctx, id) =>
    changeRole(ctx, id, { role, municipalityCode: municipality_code ?? null, coordinatorId: coordinator_id ?? null }),
  );
}

async function postGrants(req: FastifyRequest, reply: FastifyReply, deps: AppDeps) {
  const parsed = parseInput(grantsInput, req.body ?? {});
  if (!parsed.ok) return sendDetail(req, reply, deps, { status: 400, errors: parsed.errors });
  const allowed = grantOptions(deps.modules.permissions).map((o) => o.grant);
  return change(req, reply, deps, 'grants', (ctx, id) => setGrants(ctx, id, parsed.data.grants, allowed), 'rechten-opgeslagen');
}

async function sendErase(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
  options: { status?: number; errors?: FieldError[]; value?: string } = {},
) {
  const id = idParam(req);
  const user = await userOrNotFound(deps, id);
  const title = eraseTitle(req.locale);
  const crumbs = usersCrumbs(req.locale, { href: `/beheer/gebruikers/${id}`, label: user.name ?? user.email }, { label: title });
  return sendPage(
    req,
    reply,
    { title: `${title}: ${user.email}`, status: options.status, breadcrumbs: crumbs },
    <EraseUserPage user={user} errors={options.errors} value={options.value} />,
  );
}

async function postErase(req: FastifyRequest, reply: FastifyReply, deps: AppDeps) {
  const id = idParam(req);
  const user = await userOrNotFound(deps, id);
  const value = formValues(req.body).confirm_email;
  const parsed = parseInput(eraseUserInput, req.body ?? {});
  if (!parsed.ok) return sendErase(req, reply, deps, { status: 400, errors: parsed.errors, value });
  if (parsed.data.confirm_email !== user.email) {
    const message = {
      nl: 'Dit is niet het e-mailadres van deze gebruiker. Typ het precies over om te bevestigen.',
      en: "This is not this user's email address. Type it exactly to confirm.",
    };
    return sendErase(req, reply, deps, { status: 400, errors: [{ field: 'confirm_email', message }], value });
  }
  try {
    await eraseUser(authCtx(req, deps), id);
  } catch (e) {
    const fieldErrors = asFieldErrors(e, 'confirm_email');
    if (!fieldErrors) throw e;
    return sendErase(req, reply, deps, { status: 400, errors: fieldErrors, value });
  }
  return reply.redirect('/beheer/gebruikers?melding=gewist', 303);
}

export async function registerUserDetailRoutes(app: FastifyInstance, deps: AppDeps) {
  const base = '/beheer/gebruikers/:id';
  app.get(base, ADMIN, async (req, reply) => sendDetail(req, reply, deps));
  app.post(`${base}/rol`, ADMIN, async (req, reply) => postRole(req, reply, deps));
  app.post(`${base}/rechten`, ADMIN, async (req, reply) => postGrants(req, reply, deps));
  app.post(`${base}/deactiveren`, ADMIN, async (req, reply) => change(req, reply, deps, '_', deactivateUser));
  app.post(`${base}/activeren`, ADMIN, async (req, reply) => change(req, reply, deps, '_', reactivateUser));
  app.post(`${base}/uitnodiging`, ADMIN, async (req, reply) => change(req, reply, deps, '_', resendInvitation, 'uitnodiging-verstuurd'));
  app.get(`${base}/wissen`, ADMIN, async (req, reply) => sendErase(req, reply, deps));
  app.post(`${base}/wissen`, ADMIN, async (req, reply) => postErase(req, reply, deps));
}
