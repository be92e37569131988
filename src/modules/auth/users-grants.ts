// Grants: permissions an admin gives one user on top of its role. Which grants exist is not kept
// here: every permission a module declares with a `grant` (e.g. the news module's `editor`) is one.
import { inTransaction } from '../../db/database.ts';
import { errors } from '../../http/errors.ts';
import type { PermissionSpec } from '../../http/permissions.ts';
import type { Localized } from '../../i18n.ts';
import type { AuthCtx } from './context.ts';
import { grantsOf, storeGrants } from './grants.ts';
import { type UserRow, updateUserGrants } from './users.queries.ts';
import { requireUser } from './users.rules.ts';
import { recordUserUpdate } from './users.service.ts';

export interface GrantOption {
  grant: string;
  /** What holding it allows: the permission's description (one per permission that names the grant). */
  description: string;
}

/** The grants an admin can give: those named by the permission table (core and modules). */
export function grantOptions(permissions: Readonly<Record<string, PermissionSpec>>): GrantOption[] {
  const byGrant = new Map<string, string[]>();
  for (const spec of Object.values(permissions)) {
    if (!spec.grant) continue;
    byGrant.set(spec.grant, [...(byGrant.get(spec.grant) ?? []), spec.description]);
  }
  return [...byGrant.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([grant, ds]) => ({ grant, description: ds.join('; ') }));
}

const UNKNOWN_GRANT: Localized = {
  nl: 'Kies alleen rechten uit de lijst.',
  en: 'Choose only rights from the list.',
};

/**
 * Gives the user exactly these grants (the others are taken away), audited as an update of the
 * user. A grant not in `allowed` is refused; a grant the user had but that no module declares any
 * more is kept out of sight and left alone.
 */
export async function setGrants(ctx: AuthCtx, userId: number, grants: readonly string[], allowed: readonly string[]): Promise<UserRow> {
  const unknown = grants.filter((g) => !allowed.includes(g));
  if (unknown.length > 0) throw errors.badRequest(UNKNOWN_GRANT, [{ field: 'grants', message: UNKNOWN_GRANT }]);
  return inTransaction(ctx.db, async (trx) => {
    const before = await requireUser(trx, userId);
    const kept = grantsOf(before.grants).filter((g) => !allowed.includes(g));
    await updateUserGrants(trx, userId, storeGrants([...kept, ...grants]), ctx.now);
    return recordUserUpdate({ ...ctx, db: trx }, before);
  });
}
