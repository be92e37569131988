// Declared permissions: every route names one of these in its `config.permission` where it is
// registered (CONVENTIONS.md §6). This table is the single list of who may do what; the
// permission test in test/permissions.test.ts walks every registered route against every role.
export const ROLES = ['admin', 'adviser', 'coordinator', 'municipality'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** Anyone, without login. */
  public: { roles: 'anyone', description: 'Anyone, also without login' },
  /** Any logged-in user. */
  signedIn: { roles: ROLES, description: 'Any logged-in user' },
  /** Programme staff: advisers and admins. */
  staff: { roles: ['admin', 'adviser'], description: 'Programme staff (adviser, admin)' },
  /** Admins only: users, roles, imports, settings, audit trail. */
  admin: { roles: ['admin'], description: 'Admins' },
  /** A care coordinator editing its own record. */
  coordinator: { roles: ['coordinator'], description: 'Care coordinators (own record only)' },
  /** A municipality contact person (own municipality only). */
  municipality: { roles: ['municipality'], description: 'Municipality contact persons (own municipality only)' },
  /** Checked by the route itself against a token from config (e.g. /metrics). */
  token: { roles: 'anyone', description: 'A token from configuration, checked by the route' },
} as const satisfies Record<string, { roles: 'anyone' | readonly Role[]; description: string }>;

export type PermissionName = keyof typeof PERMISSIONS;

/** Roles that must use two-factor authentication before they reach any staff route. */
export const ROLES_REQUIRING_TOTP: readonly Role[] = ['admin', 'adviser'];

export function isPermissionName(value: unknown): value is PermissionName {
  return typeof value === 'string' && Object.hasOwn(PERMISSIONS, value);
}

export function roleMay(role: Role | null, permission: PermissionName): boolean {
  const { roles } = PERMISSIONS[permission];
  if (roles === 'anyone') return true;
  return role !== null && (roles as readonly Role[]).includes(role);
}

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: PermissionName;
    /** Set to false on routes that take no cookies-based state change (e.g. token APIs). */
    csrf?: boolean;
    /** Anonymous GETs of this route may be answered by the edge cache (src/http/edge-cache.ts). */
    edgeCache?: boolean;
    /** Security headers for this route, chosen at start-up by the app (page or API set). */
    securityHeaders?: Record<string, string>;
  }
}
