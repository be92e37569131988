// Personal links: 32 random bytes in the link, only their sha256 stored (like the password links of
// the auth module). A link lets whoever holds it answer for its municipality while the survey is
// open, and read that municipality's feedback report after it closes (for LINK_DAYS_AFTER_CLOSE
// days). Staff can revoke a municipality's links; a new email always carries a new link.
import { createHash, randomBytes } from 'node:crypto';
import type { DbOrTx } from '../../db/database.ts';
import { insertLink, selectLinkByHash, updateLinkExpiry } from './invitations.queries.ts';
import type { LinkPurpose } from './tables.ts';

export const LINK_DAYS_AFTER_CLOSE = 400;
export const RESPOND_PATH = '/enquete';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{40,60}$/;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** When links of a survey closing on `closesOn` stop working. */
export function linkExpiry(closesOn: string): string {
  const d = new Date(`${closesOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1 + LINK_DAYS_AFTER_CLOSE);
  return d.toISOString();
}

/** Makes a new link for an invitation and returns its token (to put in one email). */
export async function issueLink(db: DbOrTx, invitationId: number, purpose: LinkPurpose, closesOn: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await insertLink(db, {
    invitationId,
    purpose,
    tokenHash: hashToken(token),
    expiresAt: linkExpiry(closesOn),
    createdAt: now.toISOString(),
  });
  return token;
}

/** The absolute URL of a link (the token travels in the query string, which the request log leaves out). */
export function linkUrl(publicBaseUrl: string, token: string, path = RESPOND_PATH): string {
  return `${publicBaseUrl}${path}?token=${token}`;
}

export type LinkCheck =
  | { status: 'valid'; surveyId: number; code: string; invitationId: number; purpose: LinkPurpose }
  | { status: 'unknown' | 'expired' | 'revoked' };

/** What a token is worth now. */
export async function resolveLink(db: DbOrTx, token: unknown, now: Date): Promise<LinkCheck> {
  if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) return { status: 'unknown' };
  const row = await selectLinkByHash(db, hashToken(token));
  if (!row) return { status: 'unknown' };
  if (row.revoked_at !== null) return { status: 'revoked' };
  if (new Date(row.expires_at).getTime() <= now.getTime()) return { status: 'expired' };
  return {
    status: 'valid',
    surveyId: Number(row.survey_id),
    code: row.municipality_code,
    invitationId: Number(row.invitation_id),
    purpose: row.purpose,
  };
}

export async function extendRespondLinks(db: DbOrTx, surveyId: number, closesOn: string) {
  await updateLinkExpiry(db, surveyId, linkExpiry(closesOn));
}
