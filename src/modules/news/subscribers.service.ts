// Subscribers: sign-up with double opt-in (the answer is the same whatever the address's state, so
// it never reveals who is subscribed), confirmation, preferences and unsubscribe through personal
// links, export and erasure, staff import (always "to be confirmed"), expiry of unconfirmed
// sign-ups. Every change writes a consent record and an audit entry (ids only, no addresses).
import { type Db, inTransaction } from '../../db/database.ts';
import type { AppDeps, ServiceCtx } from '../../deps.ts';
import type { Locale } from '../../i18n.ts';
import { recordAudit } from '../audit/index.ts';
import { queueEmail } from '../outbox/index.ts';
import {
  CONFIRM_HOURS,
  confirmationExpired,
  emailHash,
  personalToken,
  readPersonalToken,
  SIGNUPS_PER_EMAIL_PER_DAY,
} from './news.logic.ts';
import { alreadySubscribedMail, CONSENT_TEXT, CONSENT_TEXT_VERSION, confirmationMail } from './subscriber-emails.ts';
import {
  countAttemptsSince,
  deleteAttempts,
  deleteSubscriberEverywhere,
  expirePending,
  insertAttempt,
  insertConsent,
  insertSubscriber,
  type SubscriberRow,
  selectConsents,
  selectSubscriber,
  selectSubscriberByEmail,
  updateSubscriberRow,
} from './subscribers.queries.ts';
import type { NewsConsentsTable, Topic } from './tables.ts';

export interface SubscriptionInput {
  email: string;
  name?: string;
  organisation?: string;
  municipalityCode?: string;
  provinceCode?: string | null;
  topics: Topic[];
}

export const links = {
  confirm: (deps: AppDeps, s: Pick<SubscriberRow, 'id' | 'token_version'>) =>
    `${deps.config.publicBaseUrl}/nieuwsbrief/bevestigen/${personalToken(deps.config.sessionSecret, 'confirm', Number(s.id), Number(s.token_version))}`,
  manage: (deps: AppDeps, s: Pick<SubscriberRow, 'id' | 'token_version'>) =>
    `${deps.config.publicBaseUrl}/nieuwsbrief/voorkeuren/${personalToken(deps.config.sessionSecret, 'manage', Number(s.id), Number(s.token_version))}`,
  unsubscribe: (deps: AppDeps, s: Pick<SubscriberRow, 'id' | 'token_version'>) =>
    `${deps.config.publicBaseUrl}/nieuwsbrief/afmelden/${personalToken(deps.config.sessionSecret, 'manage', Number(s.id), Number(s.token_version))}`,
};

async function consent(
  db: Db,
  id: number,
  at: Date,
  action: NewsConsentsTable['action'],
  method: NewsConsentsTable['method'],
  topics: string,
  locale: Locale = 'nl',
  text?: string,
) {
  await insertConsent(db, {
    subscriber_id: id,
    at: at.toISOString(),
    action,
    method,
    text_version: CONSENT_TEXT_VERSION,
    text: text ?? CONSENT_TEXT[locale],
    topics,
  });
}

const audit = (db: Db, ctx: ServiceCtx, action: string, id: number, after?: unknown) =>
  recordAudit(db, { at: ctx.now, actor: ctx.actor, action, entity: 'news_subscriber', entityId: id, after });

/**
 * Starts a double opt-in. Always resolves the same way for the caller; what happens depends on the
 * address (new or pending: a confirmation email; confirmed: a note to the address; over the
 * per-address limit: nothing).
 */
export async function requestSubscription(
  ctx: ServiceCtx,
  deps: AppDeps,
  input: SubscriptionInput,
  method: 'web-form' | 'api',
  locale: Locale,
): Promise<void> {
  const email = input.email.trim().toLowerCase();
  const hash = emailHash(email);
  const since = new Date(ctx.now.getTime() - 24 * 3600_000).toISOString();
  await inTransaction(ctx.db, async (trx) => {
    if ((await countAttemptsSince(trx, hash, since)) >= SIGNUPS_PER_EMAIL_PER_DAY) return;
    await insertAttempt(trx, hash, ctx.now.toISOString());
    const now = ctx.now.toISOString();
    const topics = [...new Set(input.topics.length > 0 ? input.topics : ['all'])].join(' ');
    const details = {
      name: input.name ?? null,
      organisation: input.organisation ?? null,
      municipality_code: input.municipalityCode ?? null,
      province_code: input.provinceCode ?? null,
      topics,
      updated_at: now,
    };
    const existing = await selectSubscriberByEmail(trx, email);
    if (existing?.status === 'confirmed') {
      const mail = alreadySubscribedMail(locale, links.manage(deps, existing));
      await queueEmail(trx, { to: email, ...mail, at: ctx.now });
      return;
    }
    let row: Pick<SubscriberRow, 'id' | 'token_version'>;
    if (existing) {
      // Pending again (also after an unsubscribe or bounce): earlier links stop working.
      const version = existing.status === 'pending' ? Number(existing.token_version) : Number(existing.token_version) + 1;
      await updateSubscriberRow(trx, Number(existing.id), {
        ...details,
        status: 'pending',
        token_version: version,
        source: method === 'api' ? 'api' : 'web',
      });
      row = { id: existing.id, token_version: version };
    } else {
      const id = await insertSubscriber(trx, {
        email,
        ...details,
        status: 'pending',
        source: method === 'api' ? 'api' : 'web',
        token_version: 1,
        soft_bounces: 0,
        created_at: now,
        confirmed_at: null,
        unsubscribed_at: null,
        unsubscribed_edition_id: null,
        bounced_at: null,
      });
      row = { id, token_version: 1 };
    }
    await consent(trx, Number(row.id), ctx.now, 'sign-up', method, topics, locale);
    await audit(trx, ctx, 'sign-up', Number(row.id), { status: 'pending', topics });
    await queueEmail(trx, { to: email, ...confirmationMail(locale, links.confirm(deps, row)), at: ctx.now });
  });
}

export type ConfirmOutcome = { result: 'confirmed' | 'already'; subscriber: SubscriberRow } | { result: 'expired' | 'invalid' };

export async function confirmSubscription(ctx: ServiceCtx, deps: AppDeps, token: string): Promise<ConfirmOutcome> {
  const t = readPersonalToken(deps.config.sessionSecret, 'confirm', token);
  const s = t ? await selectSubscriber(ctx.db, t.id) : undefined;
  if (!t || !s || Number(s.token_version) !== t.version) return { result: 'invalid' };
  if (s.status === 'confirmed') return { result: 'already', subscriber: s };
  if (s.status !== 'pending') return { result: 'invalid' };
  if (confirmationExpired(s.updated_at, ctx.now)) return { result: 'expired' };
  const now = ctx.now.toISOString();
  await inTransaction(ctx.db, async (trx) => {
    await updateSubscriberRow(trx, Number(s.id), {
      status: 'confirmed',
      confirmed_at: now,
      soft_bounces: 0,
      bounced_at: null,
      unsubscribed_at: null,
      updated_at: now,
    });
    await consent(trx, Number(s.id), ctx.now, 'confirm', 'email-link', s.topics);
    await audit(trx, ctx, 'confirm', Number(s.id), { status: 'confirmed' });
  });
  return { result: 'confirmed', subscriber: (await selectSubscriber(ctx.db, Number(s.id)))! };
}

/** The subscriber a personal (manage) link stands for, or null. */
export async function subscriberByToken(deps: AppDeps, token: string): Promise<SubscriberRow | null> {
  const t = readPersonalToken(deps.config.sessionSecret, 'manage', token);
  if (!t) return null;
  const s = await selectSubscriber(deps.db, t.id);
  return s && Number(s.token_version) === t.version ? s : null;
}

export async function updatePreferences(ctx: ServiceCtx, id: number, input: Omit<SubscriptionInput, 'email'>): Promise<void> {
  const topics = [...new Set(input.topics.length > 0 ? input.topics : ['all'])].join(' ');
  await inTransaction(ctx.db, async (trx) => {
    await updateSubscriberRow(trx, id, {
      name: input.name ?? null,
      organisation: input.organisation ?? null,
      municipality_code: input.municipalityCode ?? null,
      province_code: input.provinceCode ?? null,
      topics,
      updated_at: ctx.now.toISOString(),
    });
    await consent(trx, id, ctx.now, 'change', 'email-link', topics);
    await audit(trx, ctx, 'change', id, { topics });
  });
}

/** Unsubscribes (idempotent). `editionId`: the newsletter whose link was used, for its statistics. */
export async function unsubscribe(
  ctx: ServiceCtx,
  id: number,
  method: 'email-link' | 'one-click' | 'staff',
  editionId: number | null = null,
): Promise<void> {
  const s = await selectSubscriber(ctx.db, id);
  if (!s || s.status === 'unsubscribed') return;
  const now = ctx.now.toISOString();
  await inTransaction(ctx.db, async (trx) => {
    await updateSubscriberRow(trx, id, {
      status: 'unsubscribed',
      unsubscribed_at: now,
      unsubscribed_edition_id: editionId,
      updated_at: now,
    });
    await consent(trx, id, ctx.now, 'unsubscribe', method, s.topics, 'nl', 'Afgemeld; ontvangt geen nieuwsbrief meer.');
    await audit(trx, ctx, 'unsubscribe', id, { status: 'unsubscribed', method });
  });
}

/** Everything stored about a subscriber (the right of access), as a plain object for JSON. */
export async function exportSubscriber(db: Db, id: number) {
  const s = await selectSubscriber(db, id);
  if (!s) return null;
  const deliveries = await db
    .selectFrom('news_deliveries')
    .innerJoin('news_editions', 'news_editions.id', 'news_deliveries.edition_id')
    .select([
      'news_editions.title',
      'news_deliveries.queued_at',
      'news_deliveries.bounce_kind',
      'news_deliveries.opened_at',
      'news_deliveries.clicked_at',
    ])
    .where('news_deliveries.subscriber_id', '=', id)
    .execute();
  return {
    subscriber: {
      email: s.email,
      name: s.name,
      organisation: s.organisation,
      municipalityCode: s.municipality_code,
      provinceCode: s.province_code,
      topics: s.topics.split(' ').filter(Boolean),
      status: s.status,
      source: s.source,
      createdAt: s.created_at,
      confirmedAt: s.confirmed_at,
      unsubscribedAt: s.unsubscribed_at,
      bouncedAt: s.bounced_at,
    },
    consents: (await selectConsents(db, id)).map((c) => ({
      at: c.at,
      action: c.action,
      method: c.method,
      textVersion: c.text_version,
      text: c.text,
      topics: c.topics,
    })),
    newsletters: deliveries.map((d) => ({
      edition: d.title,
      sentAt: d.queued_at,
      bounce: d.bounce_kind,
      openedAt: d.opened_at,
      clickedAt: d.clicked_at,
    })),
  };
}

/** Erasure on request: the subscriber and their consent records are deleted; statistics keep counts only. */
export async function eraseSubscriber(ctx: ServiceCtx, id: number): Promise<void> {
  const s = await selectSubscriber(ctx.db, id);
  if (!s) return;
  await inTransaction(ctx.db, async (trx) => {
    await deleteSubscriberEverywhere(trx, id);
    await deleteAttempts(trx, { emailHash: emailHash(s.email) });
    await audit(trx, ctx, 'erase', id);
  });
}

/** Deletes or falls back sign-ups not confirmed in time; old sign-up counters go too. */
export async function expireUnconfirmed(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - CONFIRM_HOURS * 3600_000).toISOString();
  return inTransaction(db, async (trx) => {
    const n = await expirePending(trx, before, now.toISOString());
    await deleteAttempts(trx, { before: new Date(now.getTime() - 48 * 3600_000).toISOString() });
    return n;
  });
}

export { consent as recordConsent };
