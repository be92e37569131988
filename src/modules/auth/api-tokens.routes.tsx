// Personal API tokens: the page under "Mijn account" (staff) and GET /api/v1/me for the token's owner.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { AppError, errors } from '../../http/errors.ts';
import { ROLES } from '../../http/permissions.ts';
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
        summary: 'Van wie het API-token is',
        description:
          'Stuur een persoonlijk API-token mee als `Authorization: Bearer gaz_…` (te maken via /account/tokens of met `npm run cli -- token:create`). ' +
          'Zonder geldig token: 401 (application/problem+json).',
        tags: ['account'],
        response: {
          200: {
            description: 'Het e-mailadres en de rol van het account',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { email: { type: 'string', format: 'email' }, role: { type: 'string', enum: [...ROLES] } },
                  required: ['email', 'role'],
                },
              },
            },
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
