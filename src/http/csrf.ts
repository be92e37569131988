// The CSRF secret lives in a signed cookie (@fastify/csrf-protection with @fastify/cookie); forms
// carry a token made from it. At login the secret is replaced, so a secret (and its tokens) known
// before the login — planted by someone else, or seen on a shared computer — is worth nothing after.
import { randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { Config } from '../config.ts';

export const CSRF_COOKIE = 'gaz_csrf';

export function csrfCookieOptions(config: Pick<Config, 'env'>) {
  return { path: '/', sameSite: 'lax' as const, httpOnly: true, secure: config.env === 'production', signed: true };
}

/** Sets a new CSRF secret on the response (the next page's forms get tokens made from it). */
export function rotateCsrfSecret(reply: FastifyReply, config: Pick<Config, 'env'>): void {
  // 18 random bytes, as @fastify/csrf's own secrets.
  reply.setCookie(CSRF_COOKIE, randomBytes(18).toString('base64'), csrfCookieOptions(config));
}
