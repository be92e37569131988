// Login sessions in the database. The browser holds a random 32-byte id in the `gaz_session`
// cookie; the table holds only its sha256, so a leaked database cannot be replayed as a login.
// A session is 'password' after the first factor (it only reaches the TOTP step) and 'full' after.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db, DbOrTx } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import { rotateCsrfSecret } from '../../http/csrf.ts';
import type { SessionsTable, UsersTable } from './tables.ts';

export const SESSION_COOKIE = 'gaz_session';
/** The half-logged-in state between password and TOTP code lasts at most this long. */
export const PENDING_SESSION_MINUTES = 10;
/**
 * How often last_seen_at is written: a twentieth of the idle timeout (at most a minute), so a page
 * view is not always a write, and an active session never looks idle — it loses at most 5 % of
 * its idle time (with SESSION_IDLE_MINUTES=1: written every 3 s).
 */
export function touchIntervalMs(idleMinutes: number): number {
  return Math.min(60_000, Math.max(1000, Math.floor((idleMinutes * 60_000) / 20)));
}

export type SessionStage = SessionsTable['stage'];

export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

export function sessionCookieOptions(config: Config, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.env === 'production',
    maxAge: maxAgeSeconds,
  };
}

/** Deletes sessions past their absolute end or idle for too long (any user). */
export async function deleteExpiredSessions(deps: AppDeps, db: DbOrTx = deps.db): Promise<void> {
  const now = deps.now();
  const idleCutoff = addMinutes(now, -deps.config.sessionIdleMinutes).toISOString();
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('last_seen_at', '<', idleCutoff)]))
    .execute();
}

/** Starts a new session with a fresh id and returns the id for the cookie. */
export async function createSession(deps: AppDeps, db: DbOrTx, userId: number, stage: SessionStage): Promise<string> {
  const now = deps.now();
  const id = randomBytes(32).toString('base64url');
  const lifetime = stage === 'full' ? deps.config.sessionAbsoluteMinutes : PENDING_SESSION_MINUTES;
  await db
    .insertInto('sessions')
    .values({
      id_hash: hashSessionId(id),
      user_id: userId,
      stage,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: addMinutes(now, lifetime).toISOString(),
    })
    .execute();
  // Opportunistic clean-up: logins are rare enough that this costs nothing noticeable.
  await deleteExpiredSessions(deps, db);
  return id;
}

export function setSessionCookie(reply: FastifyReply, deps: AppDeps, id: string, stage: SessionStage): void {
  const minutes = stage === 'full' ? deps.config.sessionAbsoluteMinutes : PENDING_SESSION_MINUTES;
  reply.setCookie(SESSION_COOKIE, id, sessionCookieOptions(deps.config, minutes * 60));
}

export function clearSessionCookie(reply: FastifyReply, deps: AppDeps): void {
  reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(deps.config));
}

export interface ActiveSession {
  idHash: string;
  stage: SessionStage;
  createdAt: string;
  user: Pick<UsersTable, 'email' | 'name' | 'role' | 'status' | 'coordinator_id' | 'municipality_code' | 'totp_enabled_at' | 'locale'> & {
    id: number;
    grants: string;
  };
}

/**
 * The live session for a cookie value, or null when it is unknown, expired (idle or absolute) or
 * belongs to an account that is not active. Expired rows are deleted on sight. Refreshes
 * last_seen_at when it is older than touchIntervalMs.
 */
export async function findSession(deps: AppDeps, cookieValue: string): Promise<ActiveSession | null> {
  if (!/^[\w-]{20,100}$/.test(cookieValue)) return null;
  const idHash = hashSessionId(cookieValue);
  const row = await deps.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id_hash',
      'sessions.stage',
      'sessions.created_at',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'users.status',
      'users.coordinator_id',
      'users.municipality_code',
      'users.totp_enabled_at',
      'users.grants',
      'users.locale',
    ])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return null;
  const now = deps.now();
  const idleLimit = new Date(row.last_seen_at).getTime() + deps.config.sessionIdleMinutes * 60_000;
  if (now.getTime() >= new Date(row.expires_at).getTime() || now.getTime() >= idleLimit) {
    await deps.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    return null;
  }
  if (row.status !== 'active') return null;
  if (now.getTime() - new Date(row.last_seen_at).getTime() >= touchIntervalMs(deps.config.sessionIdleMinutes)) {
    await deps.db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id_hash', '=', idHash).execute();
  }
  return {
    idHash,
    stage: row.stage,
    createdAt: row.created_at,
    user: {
      id: Number(row.id),
      email: row.email,
      name: row.name,
      role: row.role,
      status: row.status,
      coordinator_id: row.coordinator_id,
      municipality_code: row.municipality_code,
      totp_enabled_at: row.totp_enabled_at,
      grants: row.grants,
      locale: row.locale,
    },
  };
}

/** The session of this request (any stage), read from its cookie. */
export async function sessionOfRequest(req: FastifyRequest, deps: AppDeps): Promise<ActiveSession | null> {
  const value = req.cookies[SESSION_COOKIE];
  return value ? findSession(deps, value) : null;
}

/** Ends one session (logout). Takes the cookie value, not the hash. */
export async function destroySession(db: Db | DbOrTx, cookieValue: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', hashSessionId(cookieValue)).execute();
}

/** Ends every session of a user (password changed or reset, account deactivated). */
export async function revokeSessionsOf(db: DbOrTx, userId: number, options: { exceptIdHash?: string } = {}): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (options.exceptIdHash) query = query.where('id_hash', '!=', options.exceptIdHash);
  await query.execute();
}

/**
 * Ends the request's current session (if any) and starts a new one with a fresh id: a session id
 * known before login (fixation) is worth nothing after it. A full session also gets a new CSRF
 * secret, so no form token from before the login works after it.
 */
export async function replaceSession(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
  userId: number,
  stage: SessionStage,
): Promise<string> {
  const old = req.cookies[SESSION_COOKIE];
  if (old) await destroySession(deps.db, old);
  const id = await createSession(deps, deps.db, userId, stage);
  setSessionCookie(reply, deps, id, stage);
  if (stage === 'full') rotateCsrfSecret(reply, deps.config);
  return id;
}
