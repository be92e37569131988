// The user a request acts for, as resolved by the auth module from a session cookie or API token.
import type { Role } from './permissions.ts';

export interface RequestUser {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  /** For role `coordinator`: the coordinator record this account may edit. */
  coordinatorId: number | null;
  /** For role `municipality`: the CBS code of its own municipality. */
  municipalityCode: string | null;
  /** Grants an admin gave this user on top of its role (e.g. `editor`). */
  grants: readonly string[];
  /** True when the role needs two-factor authentication and the user has not enrolled yet. */
  mustEnrolTotp: boolean;
  via: 'session' | 'token';
  sessionId: string | null;
}

/** The actor recorded in the audit trail for a change. */
export interface Actor {
  userId: number | null;
  /** E.g. the email of the user, "cli", "system", "import". */
  label: string;
  requestId?: string;
}

export function actorOf(user: RequestUser | null, requestId?: string): Actor {
  return user ? { userId: user.id, label: user.email, requestId } : { userId: null, label: 'anonymous', requestId };
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system' };
