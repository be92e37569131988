// "Mijn account": overview, change password, two-step verification (enrol, recovery codes).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { ROLES_REQUIRING_TOTP } from '../../http/permissions.ts';
import { sendPage } from '../../http/render.tsx';
import { actorOf, type RequestUser } from '../../http/request-user.ts';
import { parseInput } from '../../http/validate.ts';
import { defineMessages } from '../../i18n.ts';
import { changePassword } from './passwords.ts';
import { remainingRecoveryCodes } from './recovery-codes.ts';
import { changePasswordInput, totpConfirmInput } from './schema.ts';
import { replaceSession } from './sessions.ts';
import { checkThrottle, recordFailure, throttleKeys, throttleMessage } from './throttle.ts';
import { enableTotp, formatSecret, otpauthUri, pendingTotpSecret, qrCodeSvg, regenerateRecoveryCodes, totpStateOf } from './totp.ts';
import { type AccountNotice, AccountPage, accountCrumbs, accountTitle } from './views/account.tsx';
import { ChangePasswordPage, changePasswordTitle } from './views/account-password.tsx';
import { TotpEnrolPage, TotpStatusPage, totpTitle } from './views/totp-enrol.tsx';
import { RecoveryCodesPage, recoveryCodesTitle } from './views/totp-recovery-codes.tsx';

const m = defineMessages({
  wrongCurrent: { nl: 'Het huidige wachtwoord klopt niet.', en: 'The current password is not correct.' },
  sameAsCurrent: {
    nl: 'Het nieuwe wachtwoord is hetzelfde als het huidige. Kies een ander wachtwoord.',
    en: 'The new password is the same as the current one. Choose a different password.',
  },
  wrongTotp: {
    nl: 'Deze code klopt niet of is al gebruikt. Vul de code in die de app nu toont; controleer ook of de tijd op uw telefoon goed staat.',
    en: 'This code is not correct or has already been used. Enter the code the app shows now; also check that the time on your phone is right.',
  },
});

const ACCOUNT_NOTICES: readonly AccountNotice[] = ['wachtwoord-gewijzigd', 'tweestapsverificatie-aan'];

function userOf(req: FastifyRequest): RequestUser {
  // The permission hook ran: 'signedIn' routes always have a user.
  if (!req.user) throw errors.unauthorized();
  return req.user;
}

async function sendEnrolPage(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
  user: RequestUser,
  status = 200,
  fieldErrors = [] as Parameters<typeof TotpEnrolPage>[0]['errors'],
) {
  const secret = await pendingTotpSecret(deps.db, user.id, deps.now());
  const t = totpTitle(req.locale);
  const label = req.locale === 'nl' ? 'QR-code voor de authenticator-app' : 'QR code for the authenticator app';
  const svg = await qrCodeSvg(otpauthUri(secret, user.email), label);
  return sendPage(
    req,
    reply,
    { title: t, status, breadcrumbs: accountCrumbs(req.locale, t) },
    <TotpEnrolPage qrSvg={svg} secret={formatSecret(secret)} required={ROLES_REQUIRING_TOTP.includes(user.role)} errors={fieldErrors} />,
  );
}

export async function registerAccountRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/account', { config: { permission: 'signedIn' } }, async (req, reply) => {
    const user = userOf(req);
    const row = await deps.db
      .selectFrom('users')
      .select(['email', 'name', 'role', 'last_login_at', 'password_changed_at', 'totp_enabled_at'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    const query = req.query as Record<string, unknown>;
    const notice = ACCOUNT_NOTICES.find((n) => n === query.melding);
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
  });

  app.get('/account/wachtwoord', { config: { permission: 'signedIn' } }, async (req, reply) => {
    const t = changePasswordTitle(req.locale);
    return sendPage(req, reply, { title: t, breadcrumbs: accountCrumbs(req.locale, t) }, <ChangePasswordPage />);
  });

  app.post('/account/wachtwoord', { config: { permission: 'signedIn' } }, async (req, reply) => {
    const user = userOf(req);
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
    const result = await changePassword(deps, {
      userId: user.id,
      currentPassword: parsed.data.current_password,
      newPassword: parsed.data.new_password,
      actor: actorOf(user, req.id),
      keepSessionIdHash: user.sessionId,
    });
    if (!result.ok) {
      if (result.reason === 'wrong_current') await recordFailure(deps, keys);
      const message =
        result.reason === 'wrong_current'
          ? { nl: m('nl').wrongCurrent, en: m('en').wrongCurrent }
          : { nl: m('nl').sameAsCurrent, en: m('en').sameAsCurrent };
      const field = result.reason === 'wrong_current' ? 'current_password' : 'new_password';
      return sendPage(req, reply, { ...page, status: 400 }, <ChangePasswordPage errors={[{ field, message }]} />);
    }
    return reply.redirect('/account?melding=wachtwoord-gewijzigd', 303);
  });

  app.get('/account/tweestapsverificatie', { config: { permission: 'signedIn' } }, async (req, reply) => {
    const user = userOf(req);
    const state = await totpStateOf(deps.db, user.id);
    if (state.enabledAt) {
      const t = totpTitle(req.locale);
      const left = await remainingRecoveryCodes(deps.db, user.id);
      return sendPage(req, reply, { title: t, breadcrumbs: accountCrumbs(req.locale, t) }, <TotpStatusPage recoveryCodesLeft={left} />);
    }
    return sendEnrolPage(req, reply, deps, user);
  });

  app.post('/account/tweestapsverificatie', { config: { permission: 'signedIn' } }, async (req, reply) => {
    const user = userOf(req);
    const parsed = parseInput(totpConfirmInput, req.body ?? {});
    if (!parsed.ok) return sendEnrolPage(req, reply, deps, user, 400, parsed.errors);
    const result = await enableTotp(deps, { userId: user.id, code: parsed.data.code, actor: actorOf(user, req.id) });
    if (!result.ok) {
      if (result.reason === 'already_enabled') return reply.redirect('/account/tweestapsverificatie', 303);
      return sendEnrolPage(req, reply, deps, user, 400, [{ field: 'code', message: { nl: m('nl').wrongTotp, en: m('en').wrongTotp } }]);
    }
    // More rights than a moment ago (staff routes open up): a new session id, as at login.
    if (user.via === 'session') await replaceSession(req, reply, deps, user.id, 'full');
    const t = recoveryCodesTitle(req.locale);
    return sendPage(
      req,
      reply,
      { title: t, breadcrumbs: accountCrumbs(req.locale, t) },
      <RecoveryCodesPage codes={result.recoveryCodes} reason="enabled" />,
    );
  });

  app.post('/account/tweestapsverificatie/herstelcodes', { config: { permission: 'signedIn' } }, async (req, reply) => {
    const user = userOf(req);
    const parsed = parseInput(totpConfirmInput, req.body ?? {});
    const state = await totpStateOf(deps.db, user.id);
    if (!state.enabledAt) return reply.redirect('/account/tweestapsverificatie', 303);
    const t = totpTitle(req.locale);
    const page = { title: t, breadcrumbs: accountCrumbs(req.locale, t) };
    const left = () => remainingRecoveryCodes(deps.db, user.id);
    if (!parsed.ok)
      return sendPage(req, reply, { ...page, status: 400 }, <TotpStatusPage recoveryCodesLeft={await left()} errors={parsed.errors} />);
    // New recovery codes are a lasting second factor: guessing the app code counts as a failed login.
    const keys = throttleKeys(deps, user.email, req.ip);
    const throttle = await checkThrottle(deps, keys);
    if (throttle.blocked) {
      reply.header('retry-after', String(throttle.retryAfterSeconds));
      const message = throttleMessage(throttle.retryAfterSeconds);
      return sendPage(
        req,
        reply,
        { ...page, status: 429 },
        <TotpStatusPage recoveryCodesLeft={await left()} errors={[{ field: 'code', message }]} />,
      );
    }
    const result = await regenerateRecoveryCodes(deps, { userId: user.id, code: parsed.data.code, actor: actorOf(user, req.id) });
    if (!result.ok) {
      await recordFailure(deps, keys);
      return sendPage(
        req,
        reply,
        { ...page, status: 400 },
        <TotpStatusPage
          recoveryCodesLeft={await left()}
          errors={[{ field: 'code', message: { nl: m('nl').wrongTotp, en: m('en').wrongTotp } }]}
        />,
      );
    }
    const title = recoveryCodesTitle(req.locale);
    return sendPage(
      req,
      reply,
      { title, breadcrumbs: accountCrumbs(req.locale, title) },
      <RecoveryCodesPage codes={result.recoveryCodes} reason="regenerated" />,
    );
  });
}
