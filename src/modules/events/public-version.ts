// The events module's data version for the public cache (src/http/public-cache.ts, ADR 0016): what the
// event list, event pages, calendar feeds and the API show. One read of a version row that every staff
// write bumps in its transaction (events_settings.public_version), the places taken (every
// registration, cancellation and offer moves them) and the moments that change an answer by
// themselves: how many events have started (the registration form closes, "past") and ended
// (upcoming → past), and the Dutch date (the registration window is in Dutch dates). The read gets
// the app's clock, so these change at the right moment. Trusted 2 s per instance; a write here
// calls bumpEventsVersion or eventsChanged and is seen by the very next request.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { combinedVersion, publicCacheVersion } from '../../http/public-cache.ts';
import { atlasPublicCache } from '../atlas/index.ts';
import { amsterdamDate } from './events.logic.ts';

const VERSION_KEY = 'public_version';

export const eventsOwnVersion = publicCacheVersion('events', async (db, now) => {
  const at = now.toISOString();
  const [events, row] = await Promise.all([
    db
      .selectFrom('events_events')
      .select((eb) => [
        eb.fn.countAll<string>().as('n'),
        eb.fn.max('updated_at').as('u'),
        eb.fn.sum<string>('taken').as('t'),
        sql<string>`sum(case when starts_at <= ${at} then 1 else 0 end)`.as('s'),
        sql<string>`sum(case when ends_at < ${at} then 1 else 0 end)`.as('e'),
      ])
      .executeTakeFirstOrThrow(),
    db.selectFrom('events_settings').select('value').where('key', '=', VERSION_KEY).executeTakeFirst(),
  ]);
  return `${row?.value ?? '0'}|${events.n}|${events.u ?? ''}|${events.t ?? 0}|${events.s ?? 0}|${events.e ?? 0}|${amsterdamDate(now)}`;
});

/** The public event pages also show the atlas' provinces and municipalities. */
export const eventsPublicCache = combinedVersion('events+atlas', [eventsOwnVersion, atlasPublicCache]);

/** A staff write (an event created or changed): bumps the version row in the write's transaction. */
export async function bumpEventsVersion(db: Db, now: Date): Promise<void> {
  const value = `${now.toISOString()}#${Math.random().toString(36).slice(2, 8)}`;
  await db
    .insertInto('events_settings')
    .values({ key: VERSION_KEY, value, updated_at: now.toISOString() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now.toISOString() }))
    .execute();
  eventsOwnVersion.changed(db);
}

/** A write that moves the places taken (the read sees it): tells this instance at once. */
export function eventsChanged(db: Db): void {
  eventsOwnVersion.changed(db);
}
