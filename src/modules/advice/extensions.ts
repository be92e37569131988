// The advice module's extension points: what other modules contribute to the policy monitor.
//
//   // in another module's manifest (e.g. the academy):
//   extensions: {
//     policyEvidence: [{ id: 'academy.trained', block: 'frontline-trained', evidenceOn: async (db, code, date) => … }],
//     interactionFeed: [{ source: 'events', label: { nl: 'Evenementen', en: 'Events' }, list: async (db, range) => … }],
//   }
//
// The advice module reads them with `deps.modules.extensions('policyEvidence' | 'interactionFeed')`.
// These signatures are a contract: they are only ever extended compatibly (new optional fields).
import type { Db } from '../../db/database.ts';
import type { Localized } from '../../i18n.ts';

/** What a contributing module knows about one building block for one municipality on a date. */
export interface PolicyEvidence {
  /** One line shown beside the block, e.g. "14 front-line workers completed the course". */
  summary: Localized;
  /** The number behind the summary (e.g. learners who completed a course); 0 is a real answer. */
  count: number;
  /** Where staff read more (a page of the contributing module). */
  url?: string;
}

export interface PolicyEvidenceProvider {
  /** Unique across providers, `module.name`, e.g. 'academy.trained'. */
  id: string;
  /** The building block it informs: a block id from blocks/policy-blocks-v*.json (e.g. 'frontline-trained'). */
  block: string;
  /** Evidence for `municipalityCode` (a CBS code existing on `date`, YYYY-MM-DD) on `date`; null = nothing to show. */
  evidenceOn(db: Db, municipalityCode: string, date: string): Promise<PolicyEvidence | null>;
}

/** One dated contact another module had with municipalities (e.g. a workshop they attended). */
export interface FeedInteraction {
  /** The contributing module's own id of the record (unique within its source). */
  sourceId: string;
  /** YYYY-MM-DD. */
  date: string;
  /** A type word such as 'workshop' or 'presentation' (the advice interaction types are understood and labelled). */
  type: string;
  title: Localized;
  /** The municipalities that took part (CBS codes as they existed on `date`). */
  municipalityCodes: string[];
  /** A page of the contributing module about the record. */
  url?: string;
}

export interface FeedQuery {
  /** Inclusive YYYY-MM-DD. */
  from: string;
  /** Inclusive YYYY-MM-DD. */
  to: string;
  /** Only interactions with at least one of these municipalities (absent: all). */
  codes?: string[];
}

export interface InteractionFeed {
  /** The contributing module's name, e.g. 'events'; shown with each item. */
  source: string;
  /** How the source is named beside its items, e.g. { nl: 'Evenementen', en: 'Events' }. */
  label: Localized;
  list(db: Db, query: FeedQuery): Promise<FeedInteraction[]>;
}

declare module '../../module.ts' {
  interface ExtensionPoints {
    /** Evidence for a building block of the policy scorecard (advice module). */
    policyEvidence: PolicyEvidenceProvider;
    /** Read-only interactions shown and counted by the advice module beside its own. */
    interactionFeed: InteractionFeed;
  }
}
