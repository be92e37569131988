// How the permission walk (test/permissions.test.ts) calls the auth module's routes: the data
// each request needs, made through this module's services (convention: test/helpers/walk.ts).
// Routes that change the signed-in account or its session send it in a fresh account's session.
import type { FastifyInstance } from 'fastify';
import type { Account } from '../../../test/helpers/factories.ts';
import type { ExampleContext, RouteExample, RouteExamples } from '../../../test/helpers/walk.ts';
import type { Actor } from '../../http/request-user.ts';
import { createApiToken } from './api-tokens.ts';
import { authCtxFor } from './context.ts';
import { issuePasswordLink } from './one-time-links.ts';
import { pendingTotpSecret, TOTP_WINDOW, totpCode, totpCodeForStep, totpStepAt } from './totp.ts';
import { deactivateUser, inviteUser } from './users.service.ts';

const NEW_PASSWORD = 'een ander lang wachtwoord voor de test';

const actorOf = (ctx: ExampleContext): Actor => ctx.service.actor;

let emails = 0;
/** An address no account has yet. */
const newEmail = (kind: string) => {
  emails += 1;
  return `${kind}-${emails}-${process.pid}@example.org`;
};

/** A session cookie past the password step of a TOTP account (what /inloggen/code needs). */
async function passwordStepSession(app: FastifyInstance, account: Account): Promise<string> {
  const form = await app.inject({ method: 'GET', url: '/inloggen' });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1];
  const csrfCookie = form.cookies.find((c) => c.name === 'gaz_csrf')?.value;
  if (!csrf || !csrfCookie) throw new Error('The login page has no CSRF token');
  const res = await app.inject({
    method: 'POST',
    url: '/inloggen',
    cookies: { gaz_csrf: csrfCookie },
    payload: new URLSearchParams({ _csrf: csrf, email: account.email, password: account.password }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  const session = res.cookies.find((c) => c.name === 'gaz_session')?.value;
  if (res.statusCode !== 303 || !session) throw new Error(`The password step answered ${res.statusCode}`);
  return session;
}

/** The token of a fresh password-reset link for a new account. */
async function resetToken(ctx: ExampleContext): Promise<string> {
  const owner = await ctx.make.user('municipality');
  const link = await issuePasswordLink(authCtxFor(ctx.deps, actorOf(ctx)), owner.id, 'reset');
  const token = new URL(link).searchParams.get('token');
  if (!token) throw new Error('The reset link carries no token');
  return token;
}

/** An account that is not the acting admin, for the user administration pages. */
const target = (ctx: ExampleContext) => ctx.make.user('municipality');

const sharedTarget = (ctx: ExampleContext) => ctx.shared('auth:target-user', () => ctx.make.user('municipality'));

async function loginExample(ctx: ExampleContext): Promise<RouteExample> {
  // A signed-in caller's session is replaced by the login: use a fresh one.
  const account = ctx.user ? await ctx.freshUser() : await ctx.make.user('municipality');
  return { body: { email: account.email, password: account.password } };
}

export const routeExamples: RouteExamples = {
  'GET /inloggen': async (ctx) => ({ status: ctx.user ? 303 : 200 }),
  'POST /inloggen': loginExample,
  // Looking at the code step leaves the half-finished login as it is: one is shared.
  'GET /inloggen/code': async (ctx) => ({
    cookies: {
      gaz_session: await ctx.shared('auth:password-step', async () => passwordStepSession(ctx.app, await ctx.make.user('adviser'))),
    },
  }),
  'POST /inloggen/code': async (ctx) => {
    const account = await ctx.make.user('adviser');
    const session = await passwordStepSession(ctx.app, account);
    return { cookies: { gaz_session: session }, body: { code: totpCode(account.totpSecret!, ctx.deps.now()) } };
  },
  'POST /uitloggen': async (ctx) => {
    if (ctx.user) await ctx.freshUser();
    return {};
  },

  'POST /account/wachtwoord': async (ctx) => {
    const me = await ctx.freshUser();
    return { body: { current_password: me.password, new_password: NEW_PASSWORD, confirm_password: NEW_PASSWORD } };
  },
  'POST /account/tweestapsverificatie': async (ctx) => {
    // Enrolment: a fresh account without TOTP confirms the pending secret; the answer shows its recovery codes.
    const me = await ctx.freshUser({ totp: false });
    const secret = await pendingTotpSecret(ctx.deps.db, me.id, ctx.deps.now());
    return { body: { code: totpCode(secret, ctx.deps.now()) }, status: 200 };
  },
  'POST /account/tweestapsverificatie/herstelcodes': async (ctx) => {
    // New recovery codes, confirmed with a code of a step the login did not use.
    const me = await ctx.freshUser({ totp: true });
    const step = totpStepAt(ctx.deps.now()) + TOTP_WINDOW;
    return { body: { code: totpCodeForStep(me.totpSecret!, step) }, status: 200 };
  },

  'GET /wachtwoord/instellen': async (ctx) => ({ query: { token: await resetToken(ctx) } }),
  'POST /wachtwoord/instellen': async (ctx) => ({
    body: { token: await resetToken(ctx), new_password: NEW_PASSWORD, confirm_password: NEW_PASSWORD },
  }),
  'POST /wachtwoord/vergeten': async (ctx) => ({ body: { email: (await ctx.make.user('municipality')).email } }),

  'POST /beheer/gebruikers/uitnodigen': async () => {
    return { body: { email: newEmail('uitgenodigd'), role: 'municipality', municipality_code: 'GM0363' } };
  },
  'GET /beheer/gebruikers/:id': async (ctx) => ({ params: { id: (await sharedTarget(ctx)).id } }),
  'GET /beheer/gebruikers/:id/wissen': async (ctx) => ({ params: { id: (await sharedTarget(ctx)).id } }),
  'POST /beheer/gebruikers/:id/rol': async (ctx) => ({
    params: { id: (await target(ctx)).id },
    body: { role: 'municipality', municipality_code: 'GM0014' },
  }),
  // No box ticked is a valid form (it takes every grant away): the walk needs no particular grant.
  'POST /beheer/gebruikers/:id/rechten': async (ctx) => ({ params: { id: (await target(ctx)).id }, body: {} }),
  'POST /beheer/gebruikers/:id/deactiveren': async (ctx) => ({ params: { id: (await target(ctx)).id } }),
  'POST /beheer/gebruikers/:id/activeren': async (ctx) => {
    const user = await target(ctx);
    await deactivateUser(authCtxFor(ctx.deps, actorOf(ctx)), user.id);
    return { params: { id: user.id } };
  },
  'POST /beheer/gebruikers/:id/uitnodiging': async (ctx) => {
    const invited = await inviteUser(authCtxFor(ctx.deps, actorOf(ctx)), {
      email: newEmail('uitnodiging'),
      name: null,
      role: 'municipality',
      municipalityCode: 'GM0363',
    });
    return { params: { id: invited.id } };
  },
  'POST /beheer/gebruikers/:id/wissen': async (ctx) => {
    const user = await target(ctx);
    return { params: { id: user.id }, body: { confirm_email: user.email } };
  },

  // The token is shown once, in the answer itself (no redirect).
  'POST /account/tokens': async () => ({ body: { name: 'Token van de permissietest' }, status: 200 }),
  'POST /account/tokens/:id/intrekken': async (ctx) => {
    if (!ctx.user) throw new Error('Revoking a token needs a signed-in owner');
    const { id } = await createApiToken(authCtxFor(ctx.deps, actorOf(ctx)), ctx.user.id, 'Token om in te trekken');
    return { params: { id } };
  },
};
