// Bounces and complaints, reported by a mail provider's webhook (with a shared secret) or read from
// delivery status notifications in a mailbox (dsn.logic.ts). A hard bounce or a complaint stops
// all mail to the address at once; soft bounces do after the set number.
import { createHash } from 'node:crypto';
import { inTransaction } from '../../db/database.ts';
import type { ServiceCtx } from '../../deps.ts';
import { recordAudit } from '../audit/index.ts';
import { type BounceFact, parseBounceReport } from './dsn.logic.ts';
import { insertBounce, selectDeliveryByToken, selectLatestDeliveryOf, updateDelivery } from './editions.queries.ts';
import { newsSettings } from './settings.ts';
import { selectSubscriber, selectSubscriberByEmail, updateSubscriberRow } from './subscribers.queries.ts';
import { recordConsent } from './subscribers.service.ts';

export type BounceOutcome = 'recorded' | 'unknown';

/** Applies one report to the subscriber it is about; 'unknown' when it names nobody we know. */
export async function recordBounce(ctx: ServiceCtx, fact: BounceFact, source: 'webhook' | 'dsn'): Promise<BounceOutcome> {
  const byToken = fact.delivery ? await selectDeliveryByToken(ctx.db, fact.delivery) : undefined;
  const subscriber = byToken?.subscriber_id
    ? await selectSubscriber(ctx.db, Number(byToken.subscriber_id))
    : fact.email
      ? await selectSubscriberByEmail(ctx.db, fact.email)
      : undefined;
  if (!subscriber) return 'unknown';
  const id = Number(subscriber.id);
  const delivery = byToken ?? (await selectLatestDeliveryOf(ctx.db, id));
  const { softBounceLimit } = await newsSettings(ctx.db);
  const now = ctx.now.toISOString();
  const softCount = Number(subscriber.soft_bounces) + (fact.kind === 'soft' ? 1 : 0);
  const stops = fact.kind !== 'soft' || softCount >= softBounceLimit;
  const status = fact.kind === 'complaint' ? 'complained' : stops ? 'bounced' : subscriber.status;
  await inTransaction(ctx.db, async (trx) => {
    await insertBounce(trx, {
      subscriber_id: id,
      delivery_id: delivery ? Number(delivery.id) : null,
      kind: fact.kind,
      source,
      status_code: fact.status,
      at: now,
    });
    if (delivery && delivery.bounce_kind === null)
      await updateDelivery(trx, Number(delivery.id), { bounce_kind: fact.kind, bounced_at: now });
    await updateSubscriberRow(trx, id, {
      soft_bounces: softCount,
      status,
      bounced_at: stops ? now : subscriber.bounced_at,
      updated_at: now,
    });
    if (stops && subscriber.status !== status) {
      const text =
        fact.kind === 'complaint'
          ? 'Klacht (spam) gemeld door de mailprovider; ontvangt niets meer.'
          : 'Adres onbereikbaar (bounce); ontvangt niets meer.';
      await recordConsent(trx, id, ctx.now, 'bounce', 'mail-provider', subscriber.topics, 'nl', text);
    }
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: `bounce-${fact.kind}`,
      entity: 'news_subscriber',
      entityId: id,
      after: { status, softBounces: softCount, source },
    });
  });
  return 'recorded';
}

export interface BounceMessageOutcome {
  /** Bounces and complaints the message states (0: not a report). */
  reports: number;
  /** Of those, the ones about a subscriber we know. */
  recorded: number;
  /** The same message was applied before (by its SHA-256); nothing was changed now. */
  repeated: boolean;
}

/**
 * Applies one raw message from the bounce mailbox (a DSN, RFC 3464, or a complaint, RFC 5965) in one
 * transaction with the record that it was read, so that reading the same message again changes nothing.
 */
export async function processBounceMessage(ctx: ServiceCtx, raw: string, source: 'maildir' | 'dsn' = 'dsn'): Promise<BounceMessageOutcome> {
  const facts = parseBounceReport(raw);
  const sha256 = createHash('sha256').update(raw).digest('hex');
  return inTransaction(ctx.db, async (trx) => {
    const claimed = await trx
      .insertInto('news_bounce_messages')
      .values({ sha256, source, reports: facts.length, recorded: 0, at: ctx.now.toISOString() })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return { reports: facts.length, recorded: 0, repeated: true };
    let recorded = 0;
    for (const f of facts) if ((await recordBounce({ ...ctx, db: trx }, f, 'dsn')) === 'recorded') recorded++;
    await trx.updateTable('news_bounce_messages').set({ recorded }).where('sha256', '=', sha256).execute();
    return { reports: facts.length, recorded, repeated: false };
  });
}
