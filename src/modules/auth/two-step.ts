// Two-step verification as the account pages and the login use it: enrolment (the first code turns
// TOTP on and makes recovery codes), new recovery codes, and the second factor at login. The codes
// themselves (RFC 6238, replay protection) are in totp.ts and recovery-codes.ts.
import { inTransaction } from '../../db/database.ts';
import type { AuthCtx } from './context.ts';
import { queueEmail, recordAudit } from './ports.ts';
import { consumeRecoveryCode, remainingRecoveryCodes, replaceRecoveryCodes } from './recovery-codes.ts';
import { consumeTotpCode, looksLikeTotpCode, markTotpEnabled, totpStateOf } from './totp.ts';

export type EnableTotpResult = { ok: true; recoveryCodes: string[] } | { ok: false; reason: 'wrong_code' | 'already_enabled' };

const TOTP_ON_EMAIL = {
  subject: 'Tweestapsverificatie staat aan / Two-step verification is on',
  text: [
    'Voor uw account bij Gemeenten aan zet staat tweestapsverificatie nu aan.',
    'Bewaar uw herstelcodes op een veilige plek. Deed u dit niet zelf? Neem dan direct contact op met het programmateam.',
    '',
    '---',
    '',
    'Two-step verification is now on for your Gemeenten aan zet account.',
    'Keep your recovery codes in a safe place. If this was not you, contact the programme team right away.',
  ].join('\n'),
};

/**
 * Confirms enrolment with a first code from the app: TOTP is on from then, ten recovery codes are
 * made (returned once, to show), the change is audited and the user is told by email.
 */
export async function enableTotp(ctx: AuthCtx, input: { userId: number; code: string }): Promise<EnableTotpResult> {
  const now = ctx.now;
  return inTransaction(ctx.db, async (trx): Promise<EnableTotpResult> => {
    const state = await totpStateOf(trx, input.userId);
    if (state.enabledAt) return { ok: false, reason: 'already_enabled' };
    if (!(await consumeTotpCode(trx, input.userId, input.code, now))) return { ok: false, reason: 'wrong_code' };
    await markTotpEnabled(trx, input.userId, now);
    const recoveryCodes = await replaceRecoveryCodes(trx, input.userId);
    const user = await trx.selectFrom('users').select(['email']).where('id', '=', input.userId).executeTakeFirstOrThrow();
    await recordAudit(trx, {
      at: now,
      actor: ctx.actor,
      action: 'totp.enable',
      entity: 'user',
      entityId: input.userId,
      before: { totp_enabled: false },
      after: { totp_enabled: true, recovery_codes: recoveryCodes.length },
      subjectUserIds: [input.userId],
    });
    await queueEmail(trx, { to: user.email, at: now, ...TOTP_ON_EMAIL });
    return { ok: true, recoveryCodes };
  });
}

/** New recovery codes (the old ones stop working), after a current code from the app. */
export async function regenerateRecoveryCodes(
  ctx: AuthCtx,
  input: { userId: number; code: string },
): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false }> {
  return inTransaction(ctx.db, async (trx) => {
    const state = await totpStateOf(trx, input.userId);
    if (!state.enabledAt) return { ok: false as const };
    if (!(await consumeTotpCode(trx, input.userId, input.code, ctx.now))) return { ok: false as const };
    const recoveryCodes = await replaceRecoveryCodes(trx, input.userId);
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'recovery_codes.regenerate',
      entity: 'user',
      entityId: input.userId,
      after: { recovery_codes: recoveryCodes.length },
      subjectUserIds: [input.userId],
    });
    return { ok: true as const, recoveryCodes };
  });
}

/**
 * The second factor at login: a code from the app, or else a recovery code (used up). Returns
 * which one was accepted, or null.
 */
export async function verifySecondFactor(ctx: AuthCtx, input: { userId: number; code: string }): Promise<'totp' | 'recovery' | null> {
  if (looksLikeTotpCode(input.code)) {
    return (await consumeTotpCode(ctx.db, input.userId, input.code, ctx.now)) ? 'totp' : null;
  }
  return inTransaction(ctx.db, async (trx) => {
    if (!(await consumeRecoveryCode(trx, input.userId, input.code, ctx.now))) return null;
    const remaining = await remainingRecoveryCodes(trx, input.userId);
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'recovery_code.use',
      entity: 'user',
      entityId: input.userId,
      after: { recovery_codes_left: remaining },
      subjectUserIds: [input.userId],
    });
    return 'recovery' as const;
  });
}
