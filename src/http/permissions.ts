// Declared permissions: every route names one of these in its `config.permission` where it is
// registered (CONVENTIONS.md §6), and, where it acts on one user's own data, its ownership scope in
// `config.scope`. The core table is below; a module adds its own permissions in its manifest
// (`permissions`, typed by augmenting `ModulePermissions`), and the registry merges them into the
// one table the pipeline and the permission walk (test/permissions.test.ts) read.
export const ROLES = ['admin', 'adviser', 'coordinator', 'municipality', 'learner'] as const;
export type Role = (typeof ROLES)[number];

export interface PermissionSpec {
  /** Roles that hold the permission ('anyone' includes anonymous visitors). */
  roles: 'anyone' | readonly Role[];
  /** A grant an admin can give a user on top of its role (e.g. `editor`); holders have the permission too. */
  grant?: string;
  description: string;
}

export const CORE_PERMISSIONS = {
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
  /** Staff, or a municipality contact person for its own municipality (with scope ownMunicipality). */
  municipalityOrStaff: { roles: ['admin', 'adviser', 'municipality'], description: 'Staff, or a municipality for its own municipality' },
  /** A learner of the academy (own data only). */
  learner: { roles: ['learner'], description: 'Academy learners (own data only)' },
  /** Checked by the route itself against a token from config or a personal link (e.g. /metrics). */
  token: { roles: 'anyone', description: 'A token from configuration or a personal link, checked by the route' },
} as const satisfies Record<string, PermissionSpec>;

/** Permissions added by modules: `declare module '…/http/permissions.ts' { interface ModulePermissions { editor: true } }`. */
// biome-ignore lint/suspicious/noEmptyInterface: filled by module augmentation
export interface ModulePermissions {}

export type PermissionName = keyof typeof CORE_PERMISSIONS | keyof ModulePermissions;

/**
 * Ownership scopes, enforced by the pipeline after the permission:
 * - `ownCoordinator`: a coordinator account acts on the coordinator record linked to it (none → 403);
 * - `ownMunicipality`: a municipality account may only name its own municipality in the route
 *   parameter `param` (default `code`); staff pass.
 */
export type RouteScope = 'ownCoordinator' | { ownMunicipality: string };

/** Roles that must use two-factor authentication before they reach any staff route. */
export const ROLES_REQUIRING_TOTP: readonly Role[] = ['admin', 'adviser'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when a user with this role (null: anonymous) and these grants holds the permission. */
export function mayHold(spec: PermissionSpec, role: Role | null, grants: readonly string[] = []): boolean {
  if (spec.roles === 'anyone') return true;
  if (role === null) return false;
  return spec.roles.includes(role) || (spec.grant !== undefined && grants.includes(spec.grant));
}

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: PermissionName;
    /** Whose data the route acts on; the pipeline refuses other users' (see RouteScope). */
    scope?: RouteScope;
    /**
     * The CSRF rule of a state-changing route (src/http/pipeline.ts). Default: a token made from the
     * CSRF cookie. `false`: routes that take no cookie-based state change (token APIs, personal links).
     * `'signed-in'`: a public form anyone may send (a support request, a registration): a signed-in
     * user's request needs the token as everywhere; an anonymous one may come without it when the
     * browser says it was sent from this site. It acts for nobody, so a forged one could do no more than
     * its sender can do directly; and its form page needs no per-visitor token, so the public cache
     * keeps it (docs/adr/0020-public-forms-without-a-token.md).
     */
    csrf?: boolean | 'signed-in';
    /** Anonymous GETs of this route may be answered by the edge cache (src/http/edge-cache.ts). */
    edgeCache?: boolean;
    /** Security headers for this route, chosen at start-up by the app (page or API set). */
    securityHeaders?: Record<string, string>;
  }
}
