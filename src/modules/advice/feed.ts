// Reading the other modules' contributions: interactions from the `interactionFeed` extension point
// and building-block evidence from `policyEvidence` (extensions.ts). A contribution that fails is
// left out (and reported as such), never the page.
import type { Db } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import type { Localized } from '../../i18n.ts';
import type { FeedInteraction, FeedQuery, PolicyEvidence } from './extensions.ts';

export interface SourcedFeedInteraction extends FeedInteraction {
  source: string;
  sourceLabel: Localized;
}

export interface FeedResult {
  items: SourcedFeedInteraction[];
  /** Labels of sources that failed to answer. */
  failed: Localized[];
}

/** Feed interactions of every contributing module for the query, oldest first. */
export async function feedInteractions(deps: Pick<AppDeps, 'modules'>, db: Db, query: FeedQuery): Promise<FeedResult> {
  const feeds = deps.modules.extensions('interactionFeed');
  const failed: Localized[] = [];
  const lists = await Promise.all(
    feeds.map(async (feed) => {
      try {
        const items = await feed.list(db, query);
        return items
          .filter((i) => i.date >= query.from && i.date <= query.to)
          .filter((i) => !query.codes || i.municipalityCodes.some((c) => query.codes!.includes(c)))
          .map((i) => ({ ...i, source: feed.source, sourceLabel: feed.label }));
      } catch {
        failed.push(feed.label);
        return [];
      }
    }),
  );
  const items = lists.flat().sort((a, b) => a.date.localeCompare(b.date) || a.source.localeCompare(b.source));
  return { items, failed };
}

export interface BlockEvidence extends PolicyEvidence {
  providerId: string;
}

/** Evidence per block id for one municipality on a date, from every provider. */
export async function evidenceFor(
  deps: Pick<AppDeps, 'modules'>,
  db: Db,
  code: string,
  date: string,
): Promise<Map<string, BlockEvidence[]>> {
  const out = new Map<string, BlockEvidence[]>();
  await Promise.all(
    deps.modules.extensions('policyEvidence').map(async (p) => {
      let evidence: PolicyEvidence | null = null;
      try {
        evidence = await p.evidenceOn(db, code, date);
      } catch {
        evidence = null;
      }
      if (evidence) out.set(p.block, [...(out.get(p.block) ?? []), { ...evidence, providerId: p.id }]);
    }),
  );
  for (const list of out.values()) list.sort((a, b) => a.providerId.localeCompare(b.providerId));
  return out;
}
