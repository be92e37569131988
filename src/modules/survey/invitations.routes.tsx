// Staff routes of invitations: the list (made on first visit from the municipalities of the
// reference date), send, remind now, and per municipality recipients, resend, revoke and reopen.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type AppDeps, todayOf } from '../../deps.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { idParam, serviceCtx } from '../../http/route-kit.ts';
import type { Locale } from '../../i18n.ts';
import { contactsForMunicipality } from '../advice/index.ts';
import { countActiveLinks, selectInvitations, selectRecipients } from './invitations.queries.ts';
import {
  ensureInvitations,
  requireInvitation,
  resendInvitation,
  resolveRecipients,
  revokeLinks,
  sendInvitations,
  setRecipients,
} from './invitations.service.ts';
import { remindNow } from './jobs.ts';
import { selectResponses } from './responses.queries.ts';
import { reopenResponse, responseState } from './responses.service.ts';
import { contactIdsOf, parseTypedRecipients } from './schema.ts';
import { requireSurvey } from './surveys.service.ts';
import type { SurveySummary } from './types.ts';
import { L, staffCrumbs, T } from './views/common.tsx';
import { type InvitationDetail, InvitationPage, InvitationsPage } from './views/invitations.tsx';

const STAFF = { permission: 'staff' as const };

const NOTICES: Record<string, (l: Locale, n: string) => string> = {
  verstuurd: (l, n) => L(l, `Uitnodigingen verstuurd: ${n}.`, `Invitations sent: ${n}.`),
  herinnering: (l) => L(l, 'De herinneringen gaan nu de deur uit.', 'The reminders are being sent now.'),
  ontvangers: (l) => L(l, 'De ontvangers zijn opgeslagen.', 'The recipients have been saved.'),
  opnieuw: (l, n) => L(l, `Opnieuw verstuurd aan ${n} ontvanger(s), met een nieuwe link.`, `Resent to ${n} recipient(s), with a new link.`),
  ingetrokken: (l, n) => L(l, `${n} link(s) ingetrokken.`, `${n} link(s) revoked.`),
  heropend: (l) =>
    L(l, 'De antwoorden zijn heropend; de gemeente kan ze weer wijzigen en opnieuw indienen.', 'The answers have been reopened.'),
};

function noticeOf(req: FastifyRequest): string | null {
  const q = req.query as Record<string, string | undefined>;
  return q.melding && NOTICES[q.melding] ? NOTICES[q.melding](req.locale, (q.n ?? '').slice(0, 400)) : null;
}

async function listPage(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  survey: SurveySummary,
  problem: string | null = null,
  status = 200,
) {
  const today = todayOf(deps);
  await ensureInvitations(serviceCtx(req, deps), survey.id, today);
  const [invitations, recipients, links, responses] = await Promise.all([
    selectInvitations(deps.db, survey.id),
    selectRecipients(deps.db, survey.id),
    countActiveLinks(deps.db, survey.id, deps.now().toISOString()),
    selectResponses(deps.db, survey.id),
  ]);
  const linkCount = new Map(links.map((l) => [Number(l.invitation_id), Number(l.n)]));
  const state = new Map(responses.map((r) => [r.municipality_code, r.status]));
  const lines = invitations.map((i) => ({
    code: i.municipality_code,
    name: i.municipality_name,
    provinceName: i.province_name,
    recipients: recipients.filter((r) => Number(r.invitation_id) === Number(i.id)).length,
    invitedAt: i.invited_at,
    links: linkCount.get(Number(i.id)) ?? 0,
    status: state.get(i.municipality_code) ?? ('not_started' as const),
  }));
  const crumbs = staffCrumbs(req.locale, survey, { label: L(req.locale, 'Uitnodigingen', 'Invitations') });
  return sendPage(
    req,
    reply,
    { title: `${L(req.locale, 'Uitnodigingen', 'Invitations')} — ${T(req.locale, survey.title)}`, breadcrumbs: crumbs, status },
    <InvitationsPage locale={req.locale} survey={survey} lines={lines} notice={noticeOf(req)} problem={problem} />,
  );
}

/** A municipality's invitation; the invitations of the reference date are made on first use (not only by the list page). */
async function invitationOf(deps: AppDeps, req: FastifyRequest, survey: SurveySummary, code: string) {
  await ensureInvitations(serviceCtx(req, deps), survey.id, todayOf(deps));
  return requireInvitation(deps.db, survey.id, code);
}

async function detailPage(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  survey: SurveySummary,
  code: string,
  extra: { problem?: string; errors?: FieldError[]; typed?: string; status?: number } = {},
) {
  const today = todayOf(deps);
  const invitation = await invitationOf(deps, req, survey, code);
  const rows = await selectRecipients(deps.db, survey.id);
  const own = rows.filter((r) => Number(r.invitation_id) === Number(invitation.id));
  const links = (await countActiveLinks(deps.db, survey.id, deps.now().toISOString())).find(
    (l) => Number(l.invitation_id) === Number(invitation.id),
  );
  const d: InvitationDetail = {
    code,
    name: invitation.municipality_name,
    provinceName: invitation.province_name,
    invitedAt: invitation.invited_at,
    lastSentAt: invitation.last_sent_at,
    contacts: await contactsForMunicipality(deps.db, code, today),
    recipients: await resolveRecipients(deps.db, invitation, rows, today),
    typed:
      extra.typed ??
      own
        .filter((r) => r.email)
        .map((r) => (r.name ? `${r.name}, ${r.email}` : r.email!))
        .join('\n'),
    state: await responseState(deps.db, survey.id, code),
    links: Number(links?.n ?? 0),
  };
  const crumbs = staffCrumbs(
    req.locale,
    survey,
    { href: `/beheer/enquetes/${survey.id}/uitnodigingen`, label: L(req.locale, 'Uitnodigingen', 'Invitations') },
    { label: d.name },
  );
  return sendPage(
    req,
    reply,
    { title: `${d.name} — ${T(req.locale, survey.title)}`, breadcrumbs: crumbs, status: extra.status },
    <InvitationPage
      locale={req.locale}
      survey={survey}
      d={d}
      notice={noticeOf(req)}
      problem={extra.problem ?? null}
      errors={extra.errors ?? []}
    />,
  );
}

const codeOf = (req: FastifyRequest) => String((req.params as { code?: string }).code ?? '').toUpperCase();

/** A 409 of a service shown on the page; anything else rethrown. */
async function orConflict<T>(
  run: () => Promise<T>,
  show: (message: string) => Promise<unknown>,
  locale: Locale,
): Promise<T | { shown: unknown }> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof AppError) || e.status !== 409) throw e;
    return { shown: await show(T(locale, e.detail)) };
  }
}

const isShown = (v: unknown): v is { shown: unknown } => typeof v === 'object' && v !== null && 'shown' in v;

export async function registerInvitationRoutes(app: FastifyInstance, deps: AppDeps) {
  const base = (id: number) => `/beheer/enquetes/${id}/uitnodigingen`;
  app.get('/beheer/enquetes/:id/uitnodigingen', { config: STAFF }, async (req, reply) =>
    listPage(deps, req, reply, await requireSurvey(deps.db, idParam(req))),
  );

  app.post('/beheer/enquetes/:id/uitnodigingen/versturen', { config: STAFF }, async (req, reply) => {
    const survey = await requireSurvey(deps.db, idParam(req));
    const r = await orConflict(
      () => sendInvitations(serviceCtx(req, deps), deps.config.publicBaseUrl, survey.id, todayOf(deps)),
      (m) => listPage(deps, req, reply, survey, m, 409),
      req.locale,
    );
    if (isShown(r)) return r.shown;
    const n = `${r.sent} ${L(req.locale, 'gemeenten', 'municipalities')}, ${r.emails} e-mails${r.withoutRecipient.length > 0 ? `; ${L(req.locale, 'zonder ontvanger', 'without recipient')}: ${r.withoutRecipient.slice(0, 20).join(', ')}${r.withoutRecipient.length > 20 ? '…' : ''}` : ''}`;
    return reply.redirect(`${base(survey.id)}?melding=verstuurd&n=${encodeURIComponent(n)}`, 303);
  });

  app.post('/beheer/enquetes/:id/uitnodigingen/herinneren', { config: STAFF }, async (req, reply) => {
    const survey = await requireSurvey(deps.db, idParam(req));
    if (survey.status !== 'open')
      return listPage(
        deps,
        req,
        reply,
        survey,
        L(req.locale, 'Herinneringen kunnen alleen zolang de enquête open is.', 'Reminders only while the survey is open.'),
        409,
      );
    await remindNow(deps, serviceCtx(req, deps).actor, survey.id);
    return reply.redirect(`${base(survey.id)}?melding=herinnering`, 303);
  });

  registerInvitationDetail(app, deps);
}

function registerInvitationDetail(app: FastifyInstance, deps: AppDeps) {
  const base = (id: number) => `/beheer/enquetes/${id}/uitnodigingen`;
  app.get('/beheer/enquetes/:id/uitnodigingen/:code', { config: STAFF }, async (req, reply) =>
    detailPage(deps, req, reply, await requireSurvey(deps.db, idParam(req)), codeOf(req)),
  );

  app.post('/beheer/enquetes/:id/uitnodigingen/:code/ontvangers', { config: STAFF }, async (req, reply) => {
    const survey = await requireSurvey(deps.db, idParam(req));
    const code = codeOf(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    await invitationOf(deps, req, survey, code);
    const typed = parseTypedRecipients(body.typed);
    if (!typed.ok)
      return detailPage(deps, req, reply, survey, code, { errors: typed.errors, typed: String(body.typed ?? ''), status: 400 });
    try {
      await setRecipients(
        serviceCtx(req, deps),
        survey.id,
        code,
        { contactIds: contactIdsOf(body.contact), typed: typed.typed },
        todayOf(deps),
      );
    } catch (e) {
      if (!(e instanceof AppError) || e.status !== 400) throw e;
      return detailPage(deps, req, reply, survey, code, { problem: T(req.locale, e.detail), typed: String(body.typed ?? ''), status: 400 });
    }
    return reply.redirect(`${base(survey.id)}/${code}?melding=ontvangers`, 303);
  });

  const action = (path: string, run: (req: FastifyRequest, survey: SurveySummary, code: string) => Promise<unknown>, melding: string) =>
    app.post(`/beheer/enquetes/:id/uitnodigingen/:code/${path}`, { config: STAFF }, async (req, reply) => {
      const survey = await requireSurvey(deps.db, idParam(req));
      const code = codeOf(req);
      await invitationOf(deps, req, survey, code);
      const r = await orConflict(
        () => run(req, survey, code),
        (m) => detailPage(deps, req, reply, survey, code, { problem: m, status: 409 }),
        req.locale,
      );
      if (isShown(r)) return r.shown;
      return reply.redirect(`${base(survey.id)}/${code}?melding=${melding}&n=${typeof r === 'number' ? r : ''}`, 303);
    });
  action(
    'opnieuw',
    (req, s, code) => resendInvitation(serviceCtx(req, deps), deps.config.publicBaseUrl, s.id, code, todayOf(deps)),
    'opnieuw',
  );
  action('intrekken', (req, s, code) => revokeLinks(serviceCtx(req, deps), s.id, code), 'ingetrokken');
  action('heropenen', (req, s, code) => reopenResponse(serviceCtx(req, deps), s.id, code), 'heropend');
}
