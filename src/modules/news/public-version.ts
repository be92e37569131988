// The news module's data version for the public cache (src/http/public-cache.ts, ADR 0016): what the
// public news pages, feeds, newsletter archive and API show. One cheap read of aggregates, so no
// version row is needed: the articles visible at the moment asked (a scheduled article changes it at
// its publish_at, because the read gets the app's clock), every article's revision counter (each save
// and each withdrawal adds one, whatever the clock says) and the sent editions. Trusted 2 s per
// instance; a write here calls newsChanged in its transaction and is seen by the very next request.
import type { Db } from '../../db/database.ts';
import { publicCacheVersion } from '../../http/public-cache.ts';
import { visibleVersion } from './articles.queries.ts';

export const newsPublicCache = publicCacheVersion('news', async (db, now) => {
  const [visible, articles, editions] = await Promise.all([
    visibleVersion(db, now.toISOString()),
    db
      .selectFrom('news_articles')
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.sum<string>('revision').as('r')])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('news_editions')
      .where('status', '=', 'sent')
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.sum<string>('id').as('i'), eb.fn.max('updated_at').as('u')])
      .executeTakeFirstOrThrow(),
  ]);
  return `${visible}|${articles.n}:${articles.r ?? 0}|${editions.n}:${editions.i ?? 0}:${editions.u ?? ''}`;
});

/** A write in this instance changes what the public sees: call inside its transaction. */
export function newsChanged(db: Db): void {
  newsPublicCache.changed(db);
}
