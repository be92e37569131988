// Login throttling kept in the database (login_failures), so it holds across app instances.
// Three counters: per account (guessing one person's password), per IP address (trying many
// accounts) and per account for the second factor (guessing codes). None stores the email address,
// account id or IP itself: each is keyed by a keyed hash.
//
// The second-factor counter is its own: entering the right password again clears the account's
// password failures, never its wrong codes, so re-entering the password does not buy new guesses.
import { createHmac } from 'node:crypto';
import type { Config } from '../../config.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import type { Localized } from '../../i18n.ts';

export const LOGIN_LIMITS = {
  account: { max: 5, windowMinutes: 15 },
  ip: { max: 20, windowMinutes: 15 },
  /** Wrong TOTP or recovery codes per account, whatever the address and however often the password is entered. */
  secondFactor: { max: 5, windowMinutes: 15 },
} as const;

/** Failure rows older than this are never needed again. */
const KEEP_HOURS = 24;

/** What the throttle reads: the database, the clock and the key of its hashes. */
export type ThrottleDeps = Pick<AppDeps, 'db' | 'now'> & { config: Pick<Config, 'sessionSecret'> };

export interface ThrottleKeys {
  account: string | null;
  ip: string | null;
}

type Scope = keyof typeof LOGIN_LIMITS;

function keyedHash(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('hex').slice(0, 40);
}

export function accountKey(secret: string, email: string): string {
  return `account:${keyedHash(secret, email.trim().toLowerCase())}`;
}

export function ipKey(secret: string, ip: string): string {
  return `ip:${keyedHash(secret, ip)}`;
}

export function secondFactorKey(secret: string, userId: number): string {
  return `totp:${keyedHash(secret, `user:${userId}`)}`;
}

/** Keys of the password step: the address typed and the client's IP. */
export function throttleKeys(deps: ThrottleDeps, email: string | null, ip: string | null): ThrottleKeys {
  const secret = deps.config.sessionSecret;
  return { account: email ? accountKey(secret, email) : null, ip: ip ? ipKey(secret, ip) : null };
}

/** Keys of a second-factor step (login code, new recovery codes): the account's code counter and the IP. */
export function secondFactorKeys(deps: ThrottleDeps, userId: number, ip: string | null): ThrottleKeys {
  const secret = deps.config.sessionSecret;
  return { account: secondFactorKey(secret, userId), ip: ip ? ipKey(secret, ip) : null };
}

function limitOf(key: string): { max: number; windowMinutes: number } {
  const scope: Scope = key.startsWith('totp:') ? 'secondFactor' : key.startsWith('ip:') ? 'ip' : 'account';
  return LOGIN_LIMITS[scope];
}

export type ThrottleState = { blocked: false } | { blocked: true; retryAfterSeconds: number; scope: 'account' | 'ip' };

async function stateOf(deps: ThrottleDeps, key: string): Promise<number | null> {
  const limit = limitOf(key);
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
export async function checkThrottle(deps: ThrottleDeps, keys: ThrottleKeys): Promise<ThrottleState> {
  if (keys.account) {
    const wait = await stateOf(deps, keys.account);
    if (wait !== null) return { blocked: true, retryAfterSeconds: wait, scope: 'account' };
  }
  if (keys.ip) {
    const wait = await stateOf(deps, keys.ip);
    if (wait !== null) return { blocked: true, retryAfterSeconds: wait, scope: 'ip' };
  }
  return { blocked: false };
}

/** Counts a failed attempt against both keys and clears out rows nobody needs any more. */
export async function recordFailure(deps: ThrottleDeps, keys: ThrottleKeys, db: DbOrTx = deps.db): Promise<void> {
  const now = deps.now();
  const at = now.toISOString();
  const values = [keys.account, keys.ip].filter((k): k is string => k !== null).map((scope_key) => ({ scope_key, at }));
  if (values.length > 0) await db.insertInto('login_failures').values(values).execute();
  const cutoff = new Date(now.getTime() - KEEP_HOURS * 3600_000).toISOString();
  await db.deleteFrom('login_failures').where('at', '<', cutoff).execute();
}

/** After a successful step the key's count starts again (the IP's count does not). */
export async function clearAccountFailures(deps: ThrottleDeps, keys: ThrottleKeys, db: DbOrTx = deps.db): Promise<void> {
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
