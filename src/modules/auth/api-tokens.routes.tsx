// Personal API tokens: the page under "Mijn account" (staff) and GET /api/v1/me for the token's owner.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { AppError, errors } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { actorOf, type RequestUser } from '../../http/request-user.ts';
import { parseInput } from '../../http/validate.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts';
import { tokenNameInput } from './users.schema.ts';
import { TokensPage, tokensCrumbs, tokensTitle } from './views/tokens.tsx';

function userOf(req: FastifyRequest): RequestUser {
  if (!req.user) throw errors.unauthorized();
  return req.user;
}

export async function registerApiTokenRoutes(app: FastifyInstance, deps: AppDeps) {
  const page = (req: FastifyRequest, status?: number) => ({
    title: tokensTitle(req.locale),
    breadcrumbs: tokensCrumbs(req.locale),
    status,
  });

  app.get('/account/tokens', { config: { permission: 'staff' } }, async (req, reply) => {
    const user = userOf(req);
    const revoked = (req.query as Record<string, unknown>).melding === 'ingetrokken';
    return sendPage(req, reply, page(req), <TokensPage tokens={await listApiTokens(deps.db, user.id)} revoked={revoked} />);
  });

  app.post('/account/tokens', { config: { permission: 'staff' } }, async (req, reply) => {
    const user = userOf(req);
    const parsed = parseInput(tokenNameInput, req.body ?? {});
    const typed =
      typeof (req.body as Record<string, unknown> | undefined)?.name === 'string' ? String((req.body as Record<string, unknown>).name) : '';
    if (!parsed.ok) {
      return sendPage(
        req,
        reply,
        page(req, 400),
        <TokensPage tokens={await listApiTokens(deps.db, user.id)} errors={parsed.errors} name={typed} />,
      );
    }
    try {
      const created = await createApiToken(deps, actorOf(user, req.id), user.id, parsed.data.name);
      // Shown in this response only (no redirect): the token is never stored or shown again.
      return sendPage(req, reply, page(req), <TokensPage tokens={await listApiTokens(deps.db, user.id)} newToken={created.token} />);
    } catch (e) {
      if (!(e instanceof AppError) || e.status !== 400) throw e;
      const fieldErrors = [{ field: 'name', message: e.detail }];
      return sendPage(
        req,
        reply,
        page(req, 400),
        <TokensPage tokens={await listApiTokens(deps.db, user.id)} errors={fieldErrors} name={typed} />,
      );
    }
  });

  app.post('/account/tokens/:id/intrekken', { config: { permission: 'staff' } }, async (req, reply) => {
    const user = userOf(req);
    const raw = (req.params as { id: string }).id;
    if (!/^\d{1,12}$/.test(raw)) throw errors.notFound();
    const done = await revokeApiToken(deps, actorOf(user, req.id), user.id, Number(raw));
    if (!done)
      throw errors.notFound({
        nl: 'Dit token bestaat niet of is al ingetrokken.',
        en: 'This token does not exist or has already been revoked.',
      });
    return reply.redirect('/account/tokens?melding=ingetrokken', 303);
  });

  app.get(
    '/api/v1/me',
    {
      config: { permission: 'signedIn' },
      schema: {
        summary: 'The owner of the API token',
        description:
          'Send a personal API token as `Authorization: Bearer gaz_…` (create one at /account/tokens or with `npm run cli -- token:create`). ' +
          'Answers 401 (application/problem+json) without a valid token.',
        tags: ['account'],
        response: {
          200: {
            type: 'object',
            properties: { email: { type: 'string' }, role: { type: 'string', enum: ['admin', 'adviser', 'coordinator', 'municipality'] } },
            required: ['email', 'role'],
          },
        },
      },
    },
    async (req) => {
      const user = userOf(req);
      return { email: user.email, role: user.role };
    },
  );
}
