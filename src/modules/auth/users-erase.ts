// GDPR erasure of an account: the person's name, email, password, two-factor secret and links go;
// sessions and tokens end; the audit entries about them lose their values. The row stays
// (deactivated) so references from other records keep pointing somewhere.
import { inTransaction } from '../../db/database.ts';
import { errors } from '../../http/errors.ts';
import { eraseAuditSubject } from '../audit/index.ts';
import { revokeAllApiTokensOf } from './api-tokens.ts';
import type { AuthCtx } from './context.ts';
import { recordAudit } from './ports.ts';
import { revokeSessionsOf } from './sessions.ts';
import { accountKey, secondFactorKey } from './throttle.ts';
import { requireUser } from './users.rules.ts';

const SELF_ERASE = {
  nl: 'U kunt uw eigen gegevens niet wissen. Vraag een andere beheerder.',
  en: 'You cannot erase your own data. Ask another administrator.',
};

/** The address an erased account keeps: unique, and never deliverable. */
export function erasedEmail(userId: number): string {
  return `verwijderd-${userId}@invalid`;
}

export async function eraseUser(ctx: AuthCtx, userId: number): Promise<void> {
  if (ctx.actor.userId === userId) throw errors.badRequest(SELF_ERASE);
  await inTransaction(ctx.db, async (trx) => {
    const before = await requireUser(trx, userId);
    const now = ctx.now;
    await trx
      .updateTable('users')
      .set({
        email: erasedEmail(userId),
        name: null,
        status: 'deactivated',
        password_hash: null,
        password_changed_at: null,
        totp_secret: null,
        totp_enabled_at: null,
        totp_last_step: null,
        coordinator_id: null,
        municipality_code: null,
        grants: '',
        locale: null,
        last_login_at: null,
        updated_at: now.toISOString(),
      })
      .where('id', '=', userId)
      .execute();
    await revokeSessionsOf(trx, userId);
    await revokeAllApiTokensOf(trx, userId, now);
    // Token names may be personal ("laptop van Jan"): they go too.
    await trx.updateTable('api_tokens').set({ name: '—' }).where('user_id', '=', userId).execute();
    await trx.deleteFrom('one_time_tokens').where('user_id', '=', userId).execute();
    await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    const secret = ctx.config.sessionSecret;
    await trx
      .deleteFrom('login_failures')
      .where('scope_key', 'in', [accountKey(secret, before.email), secondFactorKey(secret, userId)])
      .execute();
    await trx.deleteFrom('password_reset_requests').where('email', '=', before.email).execute();
    await eraseAuditSubject(trx, userId, [before.email, before.name ?? ''].filter(Boolean));
    // The erasure itself is recorded without any personal data.
    await recordAudit(trx, { at: now, actor: ctx.actor, action: 'erase', entity: 'user', entityId: userId });
  });
}
