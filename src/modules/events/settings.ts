// The events module's settings: how long registrants' data is kept after an event (the privacy
// statement's term), when reminders go out, and how long a freed place is held for the next on the list.
import { type Db, inTransaction } from '../../db/database.ts';
import type { ServiceCtx } from '../../deps.ts';
import { recordAudit } from '../audit/index.ts';
import { bumpEventsVersion } from './public-version.ts';
import { selectSettings, upsertSetting } from './queries.ts';

export interface EventSettings {
  retentionDays: number;
  reminderDays: number;
  offerHours: number;
}

export const DEFAULT_SETTINGS: EventSettings = { retentionDays: 365, reminderDays: 2, offerHours: 48 };

export async function eventSettings(db: Db): Promise<EventSettings> {
  const stored = await selectSettings(db);
  const num = (key: keyof EventSettings) => {
    const n = Number(stored[key]);
    return Number.isInteger(n) && n > 0 ? n : DEFAULT_SETTINGS[key];
  };
  return { retentionDays: num('retentionDays'), reminderDays: num('reminderDays'), offerHours: num('offerHours') };
}

export async function saveEventSettings(ctx: ServiceCtx, next: EventSettings): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const before = await eventSettings(trx);
    const at = ctx.now.toISOString();
    for (const [key, value] of Object.entries(next)) await upsertSetting(trx, key, String(value), at);
    await bumpEventsVersion(trx, ctx.now);
    await recordAudit(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'update',
      entity: 'events_settings',
      entityId: null,
      before,
      after: next,
    });
  });
}
