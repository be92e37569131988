// The newsletter's settings, kept in the database so every instance agrees: open and click counts
// (off by default, as the privacy statement says), the default send rate, the soft-bounce limit,
// and the hash of the bounce webhook's shared secret (the secret itself is shown once, never stored).
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import type { ServiceCtx } from '../../deps.ts';
import { recordAudit } from '../audit/index.ts';
import { getSetting, putSetting } from './editions.queries.ts';
import { DEFAULT_SOFT_BOUNCE_LIMIT } from './news.logic.ts';
import { newsSettingsChanged } from './privacy.ts';

export interface NewsSettings {
  tracking: boolean;
  ratePerMinute: number;
  softBounceLimit: number;
  webhookConfigured: boolean;
}

export const DEFAULT_RATE_PER_MINUTE = 600;

export async function newsSettings(db: Db): Promise<NewsSettings> {
  const [tracking, rate, limit, secret] = await Promise.all([
    getSetting(db, 'tracking'),
    getSetting(db, 'rate_per_minute'),
    getSetting(db, 'soft_bounce_limit'),
    getSetting(db, 'webhook_secret_sha256'),
  ]);
  return {
    tracking: tracking === '1',
    ratePerMinute: rate ? Number(rate) : DEFAULT_RATE_PER_MINUTE,
    softBounceLimit: limit ? Number(limit) : DEFAULT_SOFT_BOUNCE_LIMIT,
    webhookConfigured: secret !== null,
  };
}

export async function webhookSecretHash(db: Db): Promise<string | null> {
  return getSetting(db, 'webhook_secret_sha256');
}

export async function saveSettings(
  ctx: ServiceCtx,
  s: { tracking: boolean; ratePerMinute: number; softBounceLimit: number },
): Promise<void> {
  const at = ctx.now.toISOString();
  await putSetting(ctx.db, 'tracking', s.tracking ? '1' : '0', at);
  await putSetting(ctx.db, 'rate_per_minute', String(s.ratePerMinute), at);
  await putSetting(ctx.db, 'soft_bounce_limit', String(s.softBounceLimit), at);
  newsSettingsChanged(ctx.db);
  await recordAudit(ctx.db, { at: ctx.now, actor: ctx.actor, action: 'update', entity: 'news_settings', entityId: null, after: s });
}

/** A new shared secret for the bounce webhook; returned once to show the admin, stored only as a hash. */
export async function rotateWebhookSecret(ctx: ServiceCtx): Promise<string> {
  const secret = randomBytes(24).toString('base64url');
  await putSetting(ctx.db, 'webhook_secret_sha256', createHash('sha256').update(secret).digest('hex'), ctx.now.toISOString());
  await recordAudit(ctx.db, { at: ctx.now, actor: ctx.actor, action: 'rotate-secret', entity: 'news_settings', entityId: null });
  return secret;
}
