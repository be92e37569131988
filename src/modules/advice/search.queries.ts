// Finding interactions: the filters of the list and its text search (FTS5 MATCH on SQLite, a Dutch
// tsquery on PostgreSQL), one page newest first with a count, and the export's summaries. The page
// and the count are planned per engine (see searchInteractions and the two PostgreSQL variants).
import { type ExpressionBuilder, sql } from 'kysely';
import { type DbOrTx, dialectOf } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import { postgresQuery, searchTokens, sqliteMatch } from './search.logic.ts';
import type { AdviceInteractionsTable } from './tables.ts';

export interface InteractionFilter {
  /** Municipality codes named by the interaction (any of them). */
  codes?: string[];
  /** Region codes: interactions naming one of these regions also match (with `codes`). */
  regions?: string[];
  adviserId?: number;
  contactId?: number;
  type?: string;
  from?: string;
  to?: string;
  /** Free text for the full-text index. */
  q?: string;
}

function fullText(db: DbOrTx, tokens: string[]) {
  if (dialectOf(db) === 'postgres') return sql<boolean>`advice_interactions.search @@ to_tsquery('dutch', ${postgresQuery(tokens)})`;
  const match = sqliteMatch(tokens);
  // The unary `+` keeps SQLite from looking every match up by rowid and sorting them all (a common
  // word matches most rows: 68 ms CPU for 100,000); the matches become a set that the (date, id) index,
  // read newest first, is checked against until the page is full (13 ms; 4.6 ms when nothing matches).
  return sql<boolean>`+advice_interactions.id IN (SELECT rowid FROM advice_interactions_fts WHERE advice_interactions_fts MATCH ${match})`;
}

function filtered(db: DbOrTx, f: InteractionFilter) {
  let q = db.selectFrom('advice_interactions');
  if (f.codes || f.regions) {
    const codes = f.codes ?? [];
    const regions = f.regions ?? [];
    q = q.where((eb: ExpressionBuilder<Database, 'advice_interactions'>) => {
      const parts = [];
      if (codes.length > 0) {
        parts.push(
          eb(
            'advice_interactions.id',
            'in',
            eb.selectFrom('advice_interaction_municipalities').select('interaction_id').where('municipality_code', 'in', codes),
          ),
        );
      }
      if (regions.length > 0) parts.push(eb('advice_interactions.region_code', 'in', regions));
      return parts.length > 0 ? eb.or(parts) : eb.val(false);
    });
  }
  if (f.adviserId !== undefined) {
    const id = f.adviserId;
    q = q.where('advice_interactions.id', 'in', (eb) =>
      eb.selectFrom('advice_interaction_advisers').select('interaction_id').where('user_id', '=', id),
    );
  }
  if (f.contactId !== undefined) {
    const id = f.contactId;
    q = q.where('advice_interactions.id', 'in', (eb) =>
      eb.selectFrom('advice_interaction_contacts').select('interaction_id').where('contact_id', '=', id),
    );
  }
  if (f.type) q = q.where('advice_interactions.type', '=', f.type as AdviceInteractionsTable['type']);
  if (f.from) q = q.where('advice_interactions.date', '>=', f.from);
  if (f.to) q = q.where('advice_interactions.date', '<=', f.to);
  const tokens = f.q ? searchTokens(f.q) : [];
  if (tokens.length > 0) q = q.where(fullText(db, tokens));
  return q;
}

const LIST_COLUMNS = ['id', 'date', 'type', 'subject', 'region_code', 'origin'] as const;
/** PostgreSQL text search: how many of the newest rows of the filter are tried before the GIN index. */
const NEWEST_PROBE = 5000;
/** …and how many at most when those 5,000 show the cap is near (see searchTextPostgres). */
const WIDEST_PROBE = 20_000;

function newestFirst<Q extends { orderBy: (c: 'date' | 'id', d: 'desc') => Q }>(q: Q): Q {
  return q.orderBy('date', 'desc').orderBy('id', 'desc');
}

/**
 * One page of interactions matching the filter, newest first, with the total. With `countCap` the
 * count stops after cap + 1 rows (`capped`: more than `total` match), so a text search for a common
 * word does not count every match.
 */
export async function searchInteractions(db: DbOrTx, f: InteractionFilter, offset: number, limit: number, countCap?: number) {
  if (countCap !== undefined && dialectOf(db) === 'postgres' && searchTokens(f.q ?? '').length > 0) {
    const narrowed = f.adviserId !== undefined || f.contactId !== undefined || f.type;
    if (!narrowed && (f.codes || f.regions)) return searchAreaTextPostgres(db, f, offset, limit, countCap);
    if (!narrowed) return searchTextPostgres(db, f, offset, limit, countCap);
  }
  const base = filtered(db, f);
  const counted =
    countCap === undefined
      ? base.select((eb) => eb.fn.countAll().as('n'))
      : db
          .selectFrom(
            base
              .select('advice_interactions.id')
              .limit(countCap + 1)
              .as('x'),
          )
          .select((eb) => eb.fn.countAll().as('n'));
  const [rows, count] = await Promise.all([
    newestFirst(base.select(LIST_COLUMNS)).limit(limit).offset(offset).execute(),
    counted.executeTakeFirstOrThrow(),
  ]);
  const n = Number(count.n);
  const capped = countCap !== undefined && n > countCap;
  return { rows, total: capped ? countCap : n, capped };
}

/**
 * The newest `take` text matches among the newest `window` rows of the filter (a subquery in FROM, not
 * `id IN (…)`, which the planner answers from the GIN index again). The outer LIMIT stops the walk
 * down the date index as soon as `take` rows match, so a large window costs only the rows it needs.
 */
async function probeNewest(db: DbOrTx, f: InteractionFilter, window: number, take: number) {
  const newest = newestFirst(filtered(db, { ...f, q: undefined }).select(LIST_COLUMNS))
    .select(sql<string>`advice_interactions.search`.as('search'))
    .limit(window)
    .as('advice_interactions');
  return newestFirst(
    db
      .selectFrom(newest)
      .select(LIST_COLUMNS)
      .where(fullText(db, searchTokens(f.q ?? ''))),
  )
    .limit(take)
    .execute();
}

/**
 * A capped text search on PostgreSQL, whose planner misjudges prefix queries either way: reading the
 * date index backwards tests every row when few match (all 100,000 for a word that is not there:
 * 490 ms), the GIN index reads every match before sorting them (a common word: 23,786 rows, 244 ms;
 * a prefix query cannot skip through the posting lists, so even counting the first 1,001 of two
 * words' 17,407 matches takes 14 ms). So, without a narrowing filter (a municipality, adviser,
 * contact or type: its newest rows can lie anywhere in the date index; a period is fine), the newest
 * 5,000 rows are tried first. When they hold some matches but not more than the cap, the density
 * they show says how many newest rows should hold the cap; up to 20,000 are tried (two words with 851
 * matches in the first 5,000: 5,856 rows walked, 5 ms). A page that lies within the matches found is
 * the answer's page (every row outside the window is older); only when the cap is not reached does
 * the GIN index count, and a page beyond the matches found is read with it (at most the cap matches
 * are sorted, `OFFSET 0` keeps the planner from walking the date index).
 */
async function searchTextPostgres(db: DbOrTx, f: InteractionFilter, offset: number, limit: number, countCap: number) {
  const take = Math.max(countCap + 1, offset + limit);
  let probe = await probeNewest(db, f, NEWEST_PROBE, take);
  if (probe.length > 0 && probe.length <= countCap) {
    const window = Math.ceil(((NEWEST_PROBE * (countCap + 1)) / probe.length) * 1.25);
    if (window <= WIDEST_PROBE) probe = await probeNewest(db, f, window, take);
  }
  const capped = probe.length > countCap;
  if (capped && probe.length >= offset + limit) return { rows: probe.slice(offset, offset + limit), total: countCap, capped };
  const base = filtered(db, f);
  const count = await db
    .selectFrom(
      base
        .select('advice_interactions.id')
        .limit(countCap + 1)
        .as('x'),
    )
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(count.n);
  const rows =
    probe.length >= offset + limit
      ? probe.slice(offset, offset + limit)
      : n > countCap
        ? await newestFirst(base.select(LIST_COLUMNS)).limit(limit).offset(offset).execute()
        : await newestFirst(db.selectFrom(base.select(LIST_COLUMNS).offset(0).as('m')).selectAll())
            .limit(limit)
            .offset(offset)
            .execute();
  return { rows, total: Math.min(n, countCap), capped: n > countCap };
}

/**
 * A capped text search for a municipality (and its regions) on PostgreSQL: the interactions of the
 * area first (the ids from the links and the region index, `OFFSET 0` so the planner does not start
 * from the GIN index or walk the whole date index: 420 ms for Amsterdam), then the text among them.
 * One pass gives the page and the count: the newest matches up to the cap and the page (testing the
 * area's text twice, for a page and for a count, cost Amsterdam's 1,785 rows twice: 10–30 ms each).
 */
async function searchAreaTextPostgres(db: DbOrTx, f: InteractionFilter, offset: number, limit: number, countCap: number) {
  const codes = f.codes?.length ? f.codes : [''];
  const regions = f.regions?.length ? f.regions : [''];
  const ids = db
    .selectFrom('advice_interaction_municipalities')
    .select('interaction_id as id')
    .where('municipality_code', 'in', codes)
    .union(db.selectFrom('advice_interactions').select('id').where('region_code', 'in', regions));
  const area = filtered(db, { ...f, q: undefined, codes: undefined, regions: undefined })
    .where('advice_interactions.id', 'in', ids)
    .select(LIST_COLUMNS)
    .select(sql<string>`advice_interactions.search`.as('search'))
    .offset(0)
    .as('advice_interactions');
  const matches = await newestFirst(
    db
      .selectFrom(area)
      .where(fullText(db, searchTokens(f.q ?? '')))
      .select(LIST_COLUMNS),
  )
    .limit(Math.max(countCap + 1, offset + limit))
    .execute();
  const capped = matches.length > countCap;
  return { rows: matches.slice(offset, offset + limit), total: Math.min(matches.length, countCap), capped };
}

/** Date, type and subject of the interactions matching a filter (for exports), oldest first. */
export async function selectInteractionSummaries(db: DbOrTx, f: InteractionFilter) {
  return filtered(db, f).select(['id', 'date', 'type', 'subject']).orderBy('date').orderBy('id').execute();
}
