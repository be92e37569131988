// SQL of invitations, their recipients, personal links and reminder rounds.
import type { Insertable, Updateable } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { LinkPurpose, SurveyInvitationsTable, SurveyRecipientsTable } from './tables.ts';

export async function selectInvitations(db: DbOrTx, surveyId: number) {
  return db.selectFrom('survey_invitations').selectAll().where('survey_id', '=', surveyId).orderBy('municipality_name').execute();
}

export type InvitationRow = Awaited<ReturnType<typeof selectInvitations>>[number];

export async function selectInvitation(db: DbOrTx, surveyId: number, code: string) {
  return db
    .selectFrom('survey_invitations')
    .selectAll()
    .where('survey_id', '=', surveyId)
    .where('municipality_code', '=', code)
    .executeTakeFirst();
}

export async function selectInvitationById(db: DbOrTx, id: number) {
  return db.selectFrom('survey_invitations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertInvitations(db: DbOrTx, rows: readonly Insertable<SurveyInvitationsTable>[]) {
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('survey_invitations')
      .values(rows.slice(i, i + 100))
      .execute();
}

export async function updateInvitationRow(db: DbOrTx, id: number, patch: Updateable<SurveyInvitationsTable>) {
  await db.updateTable('survey_invitations').set(patch).where('id', '=', id).execute();
}

export async function deleteUnsentInvitations(db: DbOrTx, surveyId: number) {
  const ids = db.selectFrom('survey_invitations').select('id').where('survey_id', '=', surveyId);
  await db.deleteFrom('survey_recipients').where('invitation_id', 'in', ids).execute();
  await db.deleteFrom('survey_invitations').where('survey_id', '=', surveyId).execute();
}

export async function selectRecipients(db: DbOrTx, surveyId: number) {
  return db
    .selectFrom('survey_recipients')
    .innerJoin('survey_invitations', 'survey_invitations.id', 'survey_recipients.invitation_id')
    .select([
      'survey_recipients.id',
      'survey_recipients.invitation_id',
      'survey_recipients.contact_id',
      'survey_recipients.email',
      'survey_recipients.name',
    ])
    .where('survey_invitations.survey_id', '=', surveyId)
    .orderBy('survey_recipients.id')
    .execute();
}

export type RecipientRow = Awaited<ReturnType<typeof selectRecipients>>[number];

export async function insertRecipients(db: DbOrTx, rows: readonly Insertable<SurveyRecipientsTable>[]) {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('survey_recipients')
      .values(rows.slice(i, i + 200))
      .execute();
}

export async function deleteRecipientsOf(db: DbOrTx, invitationId: number) {
  await db.deleteFrom('survey_recipients').where('invitation_id', '=', invitationId).execute();
}

export async function insertLink(
  db: DbOrTx,
  row: { invitationId: number; purpose: LinkPurpose; tokenHash: string; expiresAt: string; createdAt: string },
) {
  await db
    .insertInto('survey_links')
    .values({
      invitation_id: row.invitationId,
      purpose: row.purpose,
      token_hash: row.tokenHash,
      expires_at: row.expiresAt,
      revoked_at: null,
      created_at: row.createdAt,
    })
    .execute();
}

/** The link with this token hash, with its invitation. */
export async function selectLinkByHash(db: DbOrTx, tokenHash: string) {
  return db
    .selectFrom('survey_links')
    .innerJoin('survey_invitations', 'survey_invitations.id', 'survey_links.invitation_id')
    .select([
      'survey_links.id',
      'survey_links.purpose',
      'survey_links.expires_at',
      'survey_links.revoked_at',
      'survey_invitations.survey_id',
      'survey_invitations.municipality_code',
      'survey_links.invitation_id',
    ])
    .where('survey_links.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function revokeLinksOf(db: DbOrTx, invitationId: number, at: string): Promise<number> {
  const r = await db
    .updateTable('survey_links')
    .set({ revoked_at: at })
    .where('invitation_id', '=', invitationId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Active (not revoked, not expired) links per invitation of a survey. */
export async function countActiveLinks(db: DbOrTx, surveyId: number, at: string) {
  return db
    .selectFrom('survey_links')
    .innerJoin('survey_invitations', 'survey_invitations.id', 'survey_links.invitation_id')
    .select(['survey_links.invitation_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('survey_invitations.survey_id', '=', surveyId)
    .where('survey_links.revoked_at', 'is', null)
    .where('survey_links.expires_at', '>', at)
    .groupBy('survey_links.invitation_id')
    .execute();
}

/** Records a reminder round for an invitation; false when that round was already sent. */
export async function recordReminder(db: DbOrTx, invitationId: number, round: string, at: string): Promise<boolean> {
  const r = await db
    .insertInto('survey_reminders')
    .values({ invitation_id: invitationId, round, sent_at: at })
    .onConflict((oc) => oc.columns(['invitation_id', 'round']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function selectReminders(db: DbOrTx, surveyId: number) {
  return db
    .selectFrom('survey_reminders')
    .innerJoin('survey_invitations', 'survey_invitations.id', 'survey_reminders.invitation_id')
    .select(['survey_reminders.invitation_id', 'survey_reminders.round', 'survey_reminders.sent_at'])
    .where('survey_invitations.survey_id', '=', surveyId)
    .execute();
}

/** Sets the expiry of every live link of a survey (after its closing date moved). */
export async function updateLinkExpiry(db: DbOrTx, surveyId: number, expiresAt: string) {
  const ids = db.selectFrom('survey_invitations').select('id').where('survey_id', '=', surveyId);
  await db
    .updateTable('survey_links')
    .set({ expires_at: expiresAt })
    .where('invitation_id', 'in', ids)
    .where('revoked_at', 'is', null)
    .execute();
}
