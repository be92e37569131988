// Personal API tokens: the page under "Mijn account" (staff) and GET /api/v1/me for the token's owner.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { AppError, errors } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { currentUser, formValues, idParam, serviceCtx } from '../../http/route-kit.ts';
import { parseInput } from '../../http/validate.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts';
import { tokenNameInput } from './users.schema.ts';
import { TokensPage, tokensCrumbs, tokensTitle } from './views/tokens.tsx';

const page = (req: FastifyRequest, status?: number) => ({
  title: tokensTitle(req.locale),
  breadcrumbs: tokensCrumbs(req.locale),
  status,
});

async function postToken(req: FastifyRequest, reply: FastifyReply, deps: AppDeps) {
  const user = currentUser(req);
  const parsed = parseInput(tokenNameInput, req.body ?? {});
  const typed = formValues(req.body).name ?? '';
  const refuse = async (fieldErrors: { field: string; message: { nl: string; en: string } }[]) =>
    sendPage(req, reply, page(req, 400), <TokensPage tokens={await listApiTokens(deps.db, user.id)} errors={fieldErrors} name={typed} />);
  if (!parsed.ok) return refuse(parsed.errors);
  try {
    const created = await createApiToken(serviceCtx(req, deps), user.id, parsed.data.name);
    // Shown in this response only (no redirect): the token is never stored or shown again.
    return sendPage(req, reply, page(req), <TokensPage tokens={await listApiTokens(deps.db, user.id)} newToken={created.token} />);
  } catch (e) {
    if (!(e instanceof AppError) || e.status !== 400) throw e;
    return refuse([{ field: 'name', message: e.detail }]);
  }
}

export async function registerApiTokenRoutes(app: FastifyInstance, deps: AppDeps) {
  const staff = { config: { permission: 'staff' as const } };
  app.get('/account/tokens', staff, async (req, reply) => {
    const revoked = (req.query as Record<string, unknown>).melding === 'ingetrokken';
    return sendPage(req, reply, page(req), <TokensPage tokens={await listApiTokens(deps.db, currentUser(req).id)} revoked={revoked} />);
  });
  app.post('/account/tokens', staff, async (req, reply) => postToken(req, reply, deps));
  app.post('/account/tokens/:id/intrekken', staff, async (req, reply) => {
    const done = await revokeApiToken(serviceCtx(req, deps), currentUser(req).id, idParam(req));
    if (!done) {
      throw errors.notFound({
        nl: 'Dit token bestaat niet of is al ingetrokken.',
        en: 'This token does not exist or has already been revoked.',
      });
    }
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
      const user = currentUser(req);
      return { email: user.email, role: user.role };
    },
  );
}
