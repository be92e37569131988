// Resolves the user a request acts for: a Bearer API token (on /api/v1 only), else the session cookie.
// Only a 'full' session (password and, where enrolled, TOTP) makes a user; a 'password'-stage
// session reaches the TOTP login step only (that route reads it itself).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { ROLES_REQUIRING_TOTP } from '../../http/permissions.ts';
import { isTokenPath } from '../../http/pipeline.ts';
import type { RequestUser } from '../../http/request-user.ts';
import { authenticateApiToken } from './api-tokens.ts';
import { grantsOf } from './grants.ts';
import { clearSessionCookie, findSession, SESSION_COOKIE } from './sessions.ts';

export async function authenticateRequest(req: FastifyRequest, reply: FastifyReply, deps: AppDeps): Promise<RequestUser | null> {
  // A personal API token acts on /api/v1 only: on pages and forms an Authorization header is
  // ignored (the pipeline drops a token user outside /api/v1 as well, whoever authenticates).
  const authorization = req.headers.authorization;
  if (isTokenPath(req.url) && typeof authorization === 'string' && /^bearer\s/i.test(authorization)) {
    const bearer = authorization.slice(7).trim();
    return bearer ? authenticateApiToken(deps.db, bearer, deps.now()) : null;
  }
  const cookieValue = req.cookies[SESSION_COOKIE];
  if (!cookieValue) return null;
  const session = await findSession(deps, cookieValue);
  if (!session) {
    // Unknown or expired: drop the cookie so the next requests skip the lookup.
    clearSessionCookie(reply, deps);
    return null;
  }
  if (session.stage !== 'full') return null;
  const { user } = session;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    coordinatorId: user.coordinator_id === null ? null : Number(user.coordinator_id),
    municipalityCode: user.municipality_code,
    grants: grantsOf(user.grants),
    mustEnrolTotp: ROLES_REQUIRING_TOTP.includes(user.role) && !user.totp_enabled_at,
    via: 'session',
    // The hash, never the cookie value: it names the session without being able to act as it.
    sessionId: session.idHash,
  };
}
