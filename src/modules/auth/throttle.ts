// Login throttling kept in the database (login_failures), so it holds across app instances.
// Two counters: per account (guessing one person's password) and per IP address (trying many
// accounts). Neither stores the email address or IP itself: both are keyed by a keyed hash.
import { createHmac } from 'node:crypto';
import type { DbOrTx } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import type { Localized } from '../../i18n.ts';

export const LOGIN_LIMITS = {
  account: { max: 5, windowMinutes: 15 },
  ip: { max: 20, windowMinutes: 15 },
} as const;

/** Failure rows older than this are never needed again. */
const KEEP_HOURS = 24;

export interface ThrottleKeys {
  account: string | null;
  ip: string | null;
}

function keyedHash(deps: AppDeps, value: string): string {
  return createHmac('sha256', deps.config.sessionSecret).update(value).digest('hex').slice(0, 40);
}

export function accountKey(deps: AppDeps, email: string): string {
  return `account:${keyedHash(deps, email.trim().toLowerCase())}`;
}

export function ipKey(deps: AppDeps, ip: string): string {
  return `ip:${keyedHash(deps, ip)}`;
}

export function throttleKeys(deps: AppDeps, email: string | null, ip: string | null): ThrottleKeys {
  return { account: email ? accountKey(deps, email) : null, ip: ip ? ipKey(deps, ip) : null };
}

export type ThrottleState = { blocked: false } | { blocked: true; retryAfterSeconds: number; scope: 'account' | 'ip' };

async function stateOf(deps: AppDeps, key: string, limit: { max: number; windowMinutes: number }): Promise<number | null> {
  const now = deps.now();
  const windowMs = limit.windowMinutes * 60_000;
  const since = new Date(now.getTime() - windowMs).toISOString();
  const rows = await deps.db
    .selectFrom('login_failures')
    .select('at')
    .where('scope_key', '=', key)
    .where('at', '>', since)
    .orderBy('at', 'desc')
    .limit(limit.max)
    .execute();
  if (rows.length < limit.max) return null;
  // Blocked until the oldest of the last `max` failures leaves the window.
  const oldest = new Date(rows[rows.length - 1].at).getTime();
  return Math.max(1, Math.ceil((oldest + windowMs - now.getTime()) / 1000));
}

/** Whether a login attempt for these keys must wait, and for how long. */
export async function checkThrottle(deps: AppDeps, keys: ThrottleKeys): Promise<ThrottleState> {
  if (keys.account) {
    const wait = await stateOf(deps, keys.account, LOGIN_LIMITS.account);
    if (wait !== null) return { blocked: true, retryAfterSeconds: wait, scope: 'account' };
  }
  if (keys.ip) {
    const wait = await stateOf(deps, keys.ip, LOGIN_LIMITS.ip);
    if (wait !== null) return { blocked: true, retryAfterSeconds: wait, scope: 'ip' };
  }
  return { blocked: false };
}

/** Counts a failed attempt against both keys and clears out rows nobody needs any more. */
export async function recordFailure(deps: AppDeps, keys: ThrottleKeys, db: DbOrTx = deps.db): Promise<void> {
  const now = deps.now();
  const at = now.toISOString();
  const values = [keys.account, keys.ip].filter((k): k is string => k !== null).map((scope_key) => ({ scope_key, at }));
  if (values.length > 0) await db.insertInto('login_failures').values(values).execute();
  const cutoff = new Date(now.getTime() - KEEP_HOURS * 3600_000).toISOString();
  await db.deleteFrom('login_failures').where('at', '<', cutoff).execute();
}

/** After a successful login the account's count starts again (the IP's count does not). */
export async function clearAccountFailures(deps: AppDeps, keys: ThrottleKeys, db: DbOrTx = deps.db): Promise<void> {
  if (keys.account) await db.deleteFrom('login_failures').where('scope_key', '=', keys.account).execute();
}

/** The message shown with HTTP 429, saying how long to wait. */
export function throttleMessage(retryAfterSeconds: number): Localized {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return {
    nl: `Te veel mislukte inlogpogingen. Wacht ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} en probeer het dan opnieuw.`,
    en: `Too many failed login attempts. Wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} and try again.`,
  };
}
