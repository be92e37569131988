// Invitations: one per municipality existing on the survey's reference date (described as it was
// then), to the recipients chosen for it — advice contacts (resolved when an email goes out, so an
// erased or departed contact is never mailed) or typed addresses — each email with a new personal
// link. Resend, change recipients and revoke per municipality; reminders to those not submitted.
import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/database.ts';
import type { ServiceCtx } from '../../deps.ts';
import { errors } from '../../http/errors.ts';
import { contactsForMunicipality } from '../advice/index.ts';
import { municipalitiesOn } from '../atlas/index.ts';
import { recordAudit } from '../audit/index.ts';
import { queueEmail } from '../outbox/index.ts';
import { invitationMail } from './emails.ts';
import { sizeClassOf } from './groups.logic.ts';
import type { InvitationRow, RecipientRow } from './invitations.queries.ts';
import * as q from './invitations.queries.ts';
import { issueLink, linkUrl } from './links.ts';
import { surveyChanged } from './public-version.ts';
import { requireSurvey } from './surveys.service.ts';
import type { GroupedMunicipality, SurveySummary } from './types.ts';

export interface Recipient {
  email: string;
  name: string | null;
  source: 'advice' | 'typed';
  contactId: number | null;
}

export function groupedOf(r: InvitationRow): GroupedMunicipality {
  return {
    code: r.municipality_code,
    name: r.municipality_name,
    provinceCode: r.province_code,
    provinceName: r.province_name,
    population: r.population === null ? null : Number(r.population),
    sizeClass: r.size_class,
  };
}

/** Creates the invitations of a survey once: every municipality of its reference date, with default recipients. */
export async function ensureInvitations(ctx: ServiceCtx, surveyId: number, today: string): Promise<number> {
  const def = await requireSurvey(ctx.db, surveyId);
  const existing = await q.selectInvitations(ctx.db, surveyId);
  if (existing.length > 0) return existing.length;
  const list = await municipalitiesOn(ctx.db, def.referenceDate);
  const defaults = new Map<string, { contactId: number }[]>();
  for (const m of list) {
    const contacts = await contactsForMunicipality(ctx.db, m.code, today);
    const officials = contacts.filter((c) => c.role === 'aandachtsfunctionaris');
    defaults.set(
      m.code,
      (officials.length > 0 ? officials : contacts).map((c) => ({ contactId: c.id })),
    );
  }
  try {
    await prepareInvitations(ctx, def, list, defaults);
  } catch (e) {
    // Two first uses at once: the other one made them (the unique constraint refused these).
    const made = await q.selectInvitations(ctx.db, surveyId);
    if (made.length === 0) throw e;
    return made.length;
  }
  return list.length;
}

async function prepareInvitations(
  ctx: ServiceCtx,
  def: SurveySummary,
  list: Awaited<ReturnType<typeof municipalitiesOn>>,
  defaults: Map<string, { contactId: number }[]>,
) {
  const surveyId = def.id;
  await inTransaction(ctx.db, async (trx) => {
    const at = ctx.now.toISOString();
    await q.insertInvitations(
      trx,
      list.map((m) => ({
        survey_id: surveyId,
        municipality_code: m.code,
        municipality_name: m.name,
        province_code: m.provinceCode,
        province_name: m.provinceName,
        population: m.population,
        size_class: sizeClassOf(m.population),
        invited_at: null,
        last_sent_at: null,
        created_at: at,
      })),
    );
    const rows = await q.selectInvitations(trx, surveyId);
    await q.insertRecipients(
      trx,
      rows.flatMap((r) =>
        (defaults.get(r.municipality_code) ?? []).map((d) => ({
          invitation_id: r.id,
          contact_id: d.contactId,
          email: null,
          name: null,
          created_at: at,
        })),
      ),
    );
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'survey.invitations.prepare',
      entity: 'survey',
      entityId: surveyId,
      after: { municipalities: rows.length, referenceDate: def.referenceDate },
    });
    surveyChanged(trx);
  });
}

/** Adds invitations (without recipients) for these municipalities of the reference date that have none yet (an import). */
export async function addInvitationsFor(ctx: ServiceCtx, surveyId: number, codes: readonly string[]): Promise<void> {
  const def = await requireSurvey(ctx.db, surveyId);
  const existing = new Set((await q.selectInvitations(ctx.db, surveyId)).map((i) => i.municipality_code));
  const wanted = new Set(codes.filter((c) => !existing.has(c)));
  if (wanted.size === 0) return;
  const at = ctx.now.toISOString();
  const rows = (await municipalitiesOn(ctx.db, def.referenceDate)).filter((m) => wanted.has(m.code));
  await q.insertInvitations(
    ctx.db,
    rows.map((m) => ({
      survey_id: surveyId,
      municipality_code: m.code,
      municipality_name: m.name,
      province_code: m.provinceCode,
      province_name: m.provinceName,
      population: m.population,
      size_class: sizeClassOf(m.population),
      invited_at: null,
      last_sent_at: null,
      created_at: at,
    })),
  );
}

/** The recipients of an invitation as they are today (advice contacts looked up now). */
export async function resolveRecipients(
  db: Db,
  invitation: InvitationRow,
  rows: readonly RecipientRow[],
  today: string,
): Promise<Recipient[]> {
  const own = rows.filter((r) => Number(r.invitation_id) === Number(invitation.id));
  const wanted = new Set(own.filter((r) => r.contact_id !== null).map((r) => Number(r.contact_id)));
  const contacts = wanted.size > 0 ? await contactsForMunicipality(db, invitation.municipality_code, today) : [];
  const out: Recipient[] = contacts
    .filter((c) => wanted.has(c.id))
    .map((c) => ({ email: c.email, name: c.name, source: 'advice', contactId: c.id }));
  for (const r of own) if (r.email) out.push({ email: r.email, name: r.name, source: 'typed', contactId: null });
  const seen = new Set<string>();
  return out.filter((r) => !seen.has(r.email.toLowerCase()) && seen.add(r.email.toLowerCase()));
}

export async function requireInvitation(db: Db, surveyId: number, code: string): Promise<InvitationRow> {
  const row = await q.selectInvitation(db, surveyId, code);
  if (!row)
    throw errors.notFound({
      nl: 'Deze gemeente is niet uitgenodigd voor deze enquête.',
      en: 'This municipality is not invited to this survey.',
    });
  return row;
}

type MailOf = (survey: SurveySummary, invitation: InvitationRow, link: string, recipient: Recipient) => { subject: string; text: string };

/** Queues one email with a new link to each recipient of an invitation (in the caller's transaction); returns how many. */
export async function mailRecipients(
  ctx: ServiceCtx,
  base: string,
  survey: SurveySummary,
  invitation: InvitationRow,
  recipients: readonly Recipient[],
  mail: MailOf,
) {
  for (const r of recipients) {
    const token = await issueLink(ctx.db, Number(invitation.id), 'respond', survey.closesOn, ctx.now);
    await queueEmail(ctx.db, { to: r.email, at: ctx.now, ...mail(survey, invitation, linkUrl(base, token), r) });
  }
  if (recipients.length > 0)
    await q.updateInvitationRow(ctx.db, Number(invitation.id), {
      invited_at: invitation.invited_at ?? ctx.now.toISOString(),
      last_sent_at: ctx.now.toISOString(),
    });
  return recipients.length;
}

const invite: MailOf = (s, i, link, r) => invitationMail(s, i.municipality_name, link, r.name);

const NOT_OPEN = {
  nl: 'Uitnodigingen gaan pas weg als de enquête open is. Open de enquête eerst.',
  en: 'Invitations go out once the survey is open. Open it first.',
};

/** Sends the invitation to every municipality not invited yet that has a recipient; names those without one. */
export async function sendInvitations(
  ctx: ServiceCtx,
  base: string,
  surveyId: number,
  today: string,
): Promise<{ sent: number; emails: number; withoutRecipient: string[] }> {
  const survey = await requireSurvey(ctx.db, surveyId);
  if (survey.status !== 'open') throw errors.conflict(NOT_OPEN);
  await ensureInvitations(ctx, surveyId, today);
  const invitations = (await q.selectInvitations(ctx.db, surveyId)).filter((i) => i.invited_at === null);
  const recipientRows = await q.selectRecipients(ctx.db, surveyId);
  const plan: { invitation: InvitationRow; recipients: Recipient[] }[] = [];
  for (const i of invitations) plan.push({ invitation: i, recipients: await resolveRecipients(ctx.db, i, recipientRows, today) });
  return inTransaction(ctx.db, async (trx) => {
    const c = { ...ctx, db: trx };
    let emails = 0;
    for (const p of plan) emails += await mailRecipients(c, base, survey, p.invitation, p.recipients, invite);
    const sent = plan.filter((p) => p.recipients.length > 0).map((p) => p.invitation.municipality_code);
    const withoutRecipient = plan.filter((p) => p.recipients.length === 0).map((p) => p.invitation.municipality_name);
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'survey.invitations.send',
      entity: 'survey',
      entityId: surveyId,
      after: { municipalities: sent, emails },
    });
    return { sent: sent.length, emails, withoutRecipient };
  });
}

/** Sends the invitation again (new links) to the current recipients of one municipality. */
export async function resendInvitation(ctx: ServiceCtx, base: string, surveyId: number, code: string, today: string): Promise<number> {
  const survey = await requireSurvey(ctx.db, surveyId);
  if (survey.status !== 'open') throw errors.conflict(NOT_OPEN);
  const invitation = await requireInvitation(ctx.db, surveyId, code);
  const recipients = await resolveRecipients(ctx.db, invitation, await q.selectRecipients(ctx.db, surveyId), today);
  if (recipients.length === 0) {
    throw errors.conflict({
      nl: 'Deze gemeente heeft geen ontvanger. Voeg eerst een ontvanger toe.',
      en: 'This municipality has no recipient. Add one first.',
    });
  }
  return inTransaction(ctx.db, async (trx) => {
    const n = await mailRecipients({ ...ctx, db: trx }, base, survey, invitation, recipients, invite);
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'survey.invitation.resend',
      entity: 'survey_invitation',
      entityId: Number(invitation.id),
      after: { code, emails: n },
    });
    return n;
  });
}

export async function setRecipients(
  ctx: ServiceCtx,
  surveyId: number,
  code: string,
  input: { contactIds: number[]; typed: { email: string; name: string | null }[] },
  today: string,
) {
  const invitation = await requireInvitation(ctx.db, surveyId, code);
  const known = new Set((await contactsForMunicipality(ctx.db, code, today)).map((c) => c.id));
  const unknown = input.contactIds.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw errors.badRequest({ nl: 'Kies alleen contactpersonen van deze gemeente.', en: 'Choose contacts of this municipality only.' });
  await inTransaction(ctx.db, async (trx) => {
    const at = ctx.now.toISOString();
    await q.deleteRecipientsOf(trx, Number(invitation.id));
    await q.insertRecipients(trx, [
      ...input.contactIds.map((id) => ({ invitation_id: Number(invitation.id), contact_id: id, email: null, name: null, created_at: at })),
      ...input.typed.map((t) => ({ invitation_id: Number(invitation.id), contact_id: null, email: t.email, name: t.name, created_at: at })),
    ]);
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'survey.invitation.recipients',
      entity: 'survey_invitation',
      entityId: Number(invitation.id),
      after: { code, contactIds: input.contactIds, typed: input.typed.length },
    });
  });
}

export async function revokeLinks(ctx: ServiceCtx, surveyId: number, code: string): Promise<number> {
  const invitation = await requireInvitation(ctx.db, surveyId, code);
  return inTransaction(ctx.db, async (trx) => {
    const n = await q.revokeLinksOf(trx, Number(invitation.id), ctx.now.toISOString());
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'survey.invitation.revoke',
      entity: 'survey_invitation',
      entityId: Number(invitation.id),
      after: { code, revoked: n },
    });
    return n;
  });
}
