// "Mijn account": the overview and changing the password. Two-step verification is in totp.routes.tsx.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { ROLES_REQUIRING_TOTP } from '../../http/permissions.ts';
import { sendPage } from '../../http/render.tsx';
import { currentUser } from '../../http/route-kit.ts';
import { parseInput } from '../../http/validate.ts';
import { defineMessages, type Localized } from '../../i18n.ts';
import { authCtx } from './context.ts';
import { changePassword } from './passwords.ts';
import { remainingRecoveryCodes } from './recovery-codes.ts';
import { changePasswordInput } from './schema.ts';
import { checkThrottle, recordFailure, throttleKeys, throttleMessage } from './throttle.ts';
import { selectAccountOverview } from './users.queries.ts';
import { type AccountNotice, AccountPage, accountCrumbs, accountTitle } from './views/account.tsx';
import { ChangePasswordPage, changePasswordTitle } from './views/account-password.tsx';

const m = defineMessages({
  wrongCurrent: { nl: 'Het huidige wachtwoord klopt niet.', en: 'The current password is not correct.' },
  sameAsCurrent: {
    nl: 'Het nieuwe wachtwoord is hetzelfde als het huidige. Kies een ander wachtwoord.',
    en: 'The new password is the same as the current one. Choose a different password.',
  },
});

const both = (key: 'wrongCurrent' | 'sameAsCurrent'): Localized => ({ nl: m('nl')[key], en: m('en')[key] });

const ACCOUNT_NOTICES: readonly AccountNotice[] = ['wachtwoord-gewijzigd', 'tweestapsverificatie-aan'];

async function showAccount(req: FastifyRequest, reply: FastifyReply, deps: AppDeps) {
  const user = currentUser(req);
  const row = await selectAccountOverview(deps.db, user.id);
  const notice = ACCOUNT_NOTICES.find((n) => n === (req.query as Record<string, unknown>).melding);
  const account = {
    email: row.email,
    name: row.name,
    role: row.role,
    lastLoginAt: row.last_login_at,
    passwordChangedAt: row.password_changed_at,
    totpEnabled: Boolean(row.totp_enabled_at),
    totpRequired: ROLES_REQUIRING_TOTP.includes(row.role),
    recoveryCodesLeft: row.totp_enabled_at ? await remainingRecoveryCodes(deps.db, user.id) : 0,
  };
  return sendPage(
    req,
    reply,
    { title: accountTitle(req.locale), breadcrumbs: accountCrumbs(req.locale) },
    <AccountPage account={account} notice={notice} />,
  );
}

async function postPassword(req: FastifyRequest, reply: FastifyReply, deps: AppDeps) {
  const user = currentUser(req);
  const t = changePasswordTitle(req.locale);
  const page = { title: t, breadcrumbs: accountCrumbs(req.locale, t) };
  const parsed = parseInput(changePasswordInput, req.body ?? {});
  if (!parsed.ok) return sendPage(req, reply, { ...page, status: 400 }, <ChangePasswordPage errors={parsed.errors} />);

  // Guessing the current password from a stolen session counts against the same limits as login.
  const keys = throttleKeys(deps, user.email, req.ip);
  const state = await checkThrottle(deps, keys);
  if (state.blocked) {
    reply.header('retry-after', String(state.retryAfterSeconds));
    const message = throttleMessage(state.retryAfterSeconds);
    return sendPage(req, reply, { ...page, status: 429 }, <ChangePasswordPage errors={[{ field: 'current_password', message }]} />);
  }
  const result = await changePassword(authCtx(req, deps), {
    userId: user.id,
    currentPassword: parsed.data.current_password,
    newPassword: parsed.data.new_password,
    keepSessionIdHash: user.sessionId,
  });
  if (result.ok) return reply.redirect('/account?melding=wachtwoord-gewijzigd', 303);
  if (result.reason === 'wrong_current') await recordFailure(deps, keys);
  const error =
    result.reason === 'wrong_current'
      ? { field: 'current_password', message: both('wrongCurrent') }
      : { field: 'new_password', message: both('sameAsCurrent') };
  return sendPage(req, reply, { ...page, status: 400 }, <ChangePasswordPage errors={[error]} />);
}

export async function registerAccountRoutes(app: FastifyInstance, deps: AppDeps) {
  const signedIn = { config: { permission: 'signedIn' as const } };
  app.get('/account', signedIn, async (req, reply) => showAccount(req, reply, deps));
  app.get('/account/wachtwoord', signedIn, async (req, reply) => {
    const t = changePasswordTitle(req.locale);
    return sendPage(req, reply, { title: t, breadcrumbs: accountCrumbs(req.locale, t) }, <ChangePasswordPage />);
  });
  app.post('/account/wachtwoord', signedIn, async (req, reply) => postPassword(req, reply, deps));
}
