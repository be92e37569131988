// "Mijn account" › Tweestapsverificatie: enrolment (QR code, first code) and new recovery codes.
// Guessing the app code for new recovery codes counts on the account's second-factor counter, as at login.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import type { FieldError } from '../../http/errors.ts';
import { ROLES_REQUIRING_TOTP } from '../../http/permissions.ts';
import { sendPage } from '../../http/render.tsx';
import type { RequestUser } from '../../http/request-user.ts';
import { currentUser } from '../../http/route-kit.ts';
import { parseInput } from '../../http/validate.ts';
import { defineMessages, type Localized } from '../../i18n.ts';
import { authCtx } from './context.ts';
import { remainingRecoveryCodes } from './recovery-codes.ts';
import { totpConfirmInput } from './schema.ts';
import { replaceSession } from './sessions.ts';
import { checkThrottle, clearAccountFailures, recordFailure, secondFactorKeys, throttleMessage } from './throttle.ts';
import { formatSecret, otpauthUri, pendingTotpSecret, qrCodeSvg, totpStateOf } from './totp.ts';
import { enableTotp, regenerateRecoveryCodes } from './two-step.ts';
import { accountCrumbs } from './views/account.tsx';
import { TotpEnrolPage, TotpStatusPage, totpTitle } from './views/totp-enrol.tsx';
import { RecoveryCodesPage, recoveryCodesTitle } from './views/totp-recovery-codes.tsx';

const m = defineMessages({
  wrongTotp: {
    nl: 'Deze code klopt niet of is al gebruikt. Vul de code in die de app nu toont; controleer ook of de tijd op uw telefoon goed staat.',
    en: 'This code is not correct or has already been used. Enter the code the app shows now; also check that the time on your phone is right.',
  },
  qrLabel: { nl: 'QR-code voor de authenticator-app', en: 'QR code for the authenticator app' },
});

const WRONG_TOTP: Localized = { nl: m('nl').wrongTotp, en: m('en').wrongTotp };

async function sendEnrolPage(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
  user: RequestUser,
  status = 200,
  errors: FieldError[] = [],
) {
  const secret = await pendingTotpSecret(deps.db, user.id, deps.now());
  const t = totpTitle(req.locale);
  const svg = await qrCodeSvg(otpauthUri(secret, user.email), m(req.locale).qrLabel);
  return sendPage(
    req,
    reply,
    { title: t, status, breadcrumbs: accountCrumbs(req.locale, t) },
    <TotpEnrolPage qrSvg={svg} secret={formatSecret(secret)} required={ROLES_REQUIRING_TOTP.includes(user.role)} errors={errors} />,
  );
}

async function sendStatusPage(req: FastifyRequest, reply: FastifyReply, deps: AppDeps, status = 200, errors: FieldError[] = []) {
  const t = totpTitle(req.locale);
  const left = await remainingRecoveryCodes(deps.db, currentUser(req).id);
  return sendPage(
    req,
    reply,
    { title: t, status, breadcrumbs: accountCrumbs(req.locale, t) },
    <TotpStatusPage recoveryCodesLeft={left} errors={errors} />,
  );
}

function sendCodes(req: FastifyRequest, reply: FastifyReply, codes: string[], reason: 'enabled' | 'regenerated') {
  const title = recoveryCodesTitle(req.locale);
  return sendPage(
    req,
    reply,
    { title, breadcrumbs: accountCrumbs(req.locale, title) },
    <RecoveryCodesPage codes={codes} reason={reason} />,
  );
}

async function postEnrol(req: FastifyRequest, reply: FastifyReply, deps: AppDeps) {
  const user = currentUser(req);
  const parsed = parseInput(totpConfirmInput, req.body ?? {});
  if (!parsed.ok) return sendEnrolPage(req, reply, deps, user, 400, parsed.errors);
  const result = await enableTotp(authCtx(req, deps), { userId: user.id, code: parsed.data.code });
  if (!result.ok) {
    if (result.reason === 'already_enabled') return reply.redirect('/account/tweestapsverificatie', 303);
    return sendEnrolPage(req, reply, deps, user, 400, [{ field: 'code', message: WRONG_TOTP }]);
  }
  // More rights than a moment ago (staff routes open up): a new session id, as at login.
  if (user.via === 'session') await replaceSession(req, reply, deps, user.id, 'full');
  return sendCodes(req, reply, result.recoveryCodes, 'enabled');
}

async function postNewRecoveryCodes(req: FastifyRequest, reply: FastifyReply, deps: AppDeps) {
  const user = currentUser(req);
  const parsed = parseInput(totpConfirmInput, req.body ?? {});
  const state = await totpStateOf(deps.db, user.id);
  if (!state.enabledAt) return reply.redirect('/account/tweestapsverificatie', 303);
  if (!parsed.ok) return sendStatusPage(req, reply, deps, 400, parsed.errors);
  // New recovery codes are a lasting second factor: a wrong app code counts as a wrong login code.
  const keys = secondFactorKeys(deps, user.id, req.ip);
  const throttle = await checkThrottle(deps, keys);
  if (throttle.blocked) {
    reply.header('retry-after', String(throttle.retryAfterSeconds));
    return sendStatusPage(req, reply, deps, 429, [{ field: 'code', message: throttleMessage(throttle.retryAfterSeconds) }]);
  }
  const result = await regenerateRecoveryCodes(authCtx(req, deps), { userId: user.id, code: parsed.data.code });
  if (!result.ok) {
    await recordFailure(deps, keys);
    return sendStatusPage(req, reply, deps, 400, [{ field: 'code', message: WRONG_TOTP }]);
  }
  await clearAccountFailures(deps, keys);
  return sendCodes(req, reply, result.recoveryCodes, 'regenerated');
}

export async function registerTotpRoutes(app: FastifyInstance, deps: AppDeps) {
  const signedIn = { config: { permission: 'signedIn' as const } };
  app.get('/account/tweestapsverificatie', signedIn, async (req, reply) => {
    const user = currentUser(req);
    const state = await totpStateOf(deps.db, user.id);
    return state.enabledAt ? sendStatusPage(req, reply, deps) : sendEnrolPage(req, reply, deps, user);
  });
  app.post('/account/tweestapsverificatie', signedIn, async (req, reply) => postEnrol(req, reply, deps));
  app.post('/account/tweestapsverificatie/herstelcodes', signedIn, async (req, reply) => postNewRecoveryCodes(req, reply, deps));
}
