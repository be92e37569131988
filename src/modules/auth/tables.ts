// Tables owned by the auth module: accounts, login sessions, one-time links, recovery codes,
// personal API tokens, failed-login records (throttling) and pending password-reset requests. Timestamps are ISO-8601 UTC text.
import type { Generated } from 'kysely';
import type { Role } from '../../http/permissions.ts';

export interface UsersTable {
  id: Generated<number>;
  /** Lower-cased, unique. */
  email: string;
  name: string | null;
  role: Role;
  /** 'invited' until a password is set, 'active', or 'deactivated'. */
  status: 'invited' | 'active' | 'deactivated';
  /** scrypt hash `scrypt$N$r$p$salt$hash`, null until set. */
  password_hash: string | null;
  password_changed_at: string | null;
  /** Base32 TOTP secret; set at enrolment, active once totp_enabled_at is set. */
  totp_secret: string | null;
  totp_enabled_at: string | null;
  /** Last accepted TOTP time step, so a code cannot be replayed. */
  totp_last_step: number | null;
  /** For role coordinator: the coordinator record it may edit (network module). */
  coordinator_id: number | null;
  /** For role municipality: its CBS code. */
  municipality_code: string | null;
  locale: string | null;
  /** Grants on top of the role, space-separated (e.g. `editor`); empty for none. */
  grants: Generated<string>;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** sha256 of the session id in the cookie; the id itself is never stored. */
  id_hash: string;
  user_id: number;
  /** 'password' after the first factor only, 'full' after TOTP (or for roles without TOTP). */
  stage: 'password' | 'full';
  created_at: string;
  last_seen_at: string;
  /** Absolute end of the session. */
  expires_at: string;
}

export interface OneTimeTokensTable {
  id: Generated<number>;
  user_id: number;
  purpose: 'reset' | 'invite';
  token_hash: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface RecoveryCodesTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  used_at: string | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  /** sha256 of the token; shown to the user once. */
  token_hash: string;
  /** First characters, to recognise a token in the list. */
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  /** 'account:<email>' or 'ip:<address hash>'. */
  scope_key: string;
  at: string;
}

/** A "forgot password" request, until the worker has handled it (reset-requests.ts). */
export interface PasswordResetRequestsTable {
  id: Generated<number>;
  /** As typed, lower-cased; kept only until the request is handled (seconds). */
  email: string;
  requested_at: string;
  request_id: string | null;
}

export interface AuthTables {
  users: UsersTable;
  sessions: SessionsTable;
  one_time_tokens: OneTimeTokensTable;
  recovery_codes: RecoveryCodesTable;
  api_tokens: ApiTokensTable;
  login_failures: LoginFailuresTable;
  password_reset_requests: PasswordResetRequestsTable;
}

declare module '../../db/types.ts' {
  interface Database extends AuthTables {}
}
