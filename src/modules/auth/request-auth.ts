// Resolves the user a request acts for (session cookie or Bearer API token).
// Placeholder until the auth module lands: every request is anonymous.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import type { RequestUser } from '../../http/request-user.ts';

export async function authenticateRequest(_req: FastifyRequest, _reply: FastifyReply, _deps: AppDeps): Promise<RequestUser | null> {
  return null;
}
