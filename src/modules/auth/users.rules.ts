// Rules of account administration shared by its services: what the audit trail keeps of an
// account, the account that must exist, and which coordinator record an account may be linked to.
import type { DbOrTx } from '../../db/database.ts';
import { errors } from '../../http/errors.ts';
import type { AuthCtx } from './context.ts';
import { grantsOf } from './grants.ts';
import { selectOtherCoordinatorAccount, selectUserById, type UserRow } from './users.queries.ts';

export const DUPLICATE_EMAIL = {
  nl: 'Er bestaat al een account met dit e-mailadres.',
  en: 'An account with this email address already exists.',
};

/** What the audit trail keeps of an account (never a password or TOTP secret). */
export function auditView(u: Pick<UserRow, 'email' | 'name' | 'role' | 'status' | 'municipality_code' | 'coordinator_id' | 'grants'>) {
  return {
    email: u.email,
    name: u.name,
    role: u.role,
    status: u.status,
    municipalityCode: u.municipality_code,
    coordinatorId: u.coordinator_id === null ? null : Number(u.coordinator_id),
    grants: grantsOf(u.grants),
  };
}

export async function requireUser(db: DbOrTx, userId: number): Promise<UserRow> {
  const row = await selectUserById(db, userId);
  if (!row) throw errors.notFound({ nl: 'Deze gebruiker bestaat niet.', en: 'This user does not exist.' });
  return row;
}

function coordinatorError(nl: string, en: string) {
  const message = { nl, en };
  return errors.badRequest(message, [{ field: 'coordinator_id', message }]);
}

/**
 * A coordinator account edits one coordinator record: the record must exist (asked of the module
 * that keeps them) and may belong to one account only — the one being changed, or none that is
 * still in use. Null: the number is missing.
 */
export async function checkCoordinatorLink(ctx: AuthCtx, userId: number | null, coordinatorId: number | null): Promise<void> {
  if (coordinatorId === null) {
    throw coordinatorError(
      'Vul het nummer van de zorgcoördinator in die dit account beheert.',
      'Enter the number of the care coordinator this account manages.',
    );
  }
  if (!ctx.coordinators) {
    throw coordinatorError(
      'Er zijn hier geen zorgcoördinatoren om een account aan te koppelen.',
      'There are no care coordinators here to link an account to.',
    );
  }
  if (!(await ctx.coordinators.exists(ctx.db, coordinatorId))) {
    throw coordinatorError(
      `Er is geen zorgcoördinator met nummer ${coordinatorId}. Zoek het nummer op bij Beheer › Netwerk van zorgcoördinatoren.`,
      `There is no care coordinator with number ${coordinatorId}. Look the number up under Staff › Care coordinator network.`,
    );
  }
  const other = await selectOtherCoordinatorAccount(ctx.db, coordinatorId, userId);
  if (other) {
    throw coordinatorError(
      `Zorgcoördinator ${coordinatorId} is al gekoppeld aan het account ${other.email}. Kies een andere zorgcoördinator, of deactiveer dat account eerst.`,
      `Care coordinator ${coordinatorId} is already linked to the account ${other.email}. Choose another care coordinator, or deactivate that account first.`,
    );
  }
}
