// The `privacyStatement` extension point: every module that keeps personal data says on /privacy what
// it keeps, why, how long and how to get it or have it erased — read at the moment asked, so a setting
// (the newsletter's open/click counting, the events' retention term) is told as it is. A module
// contributes one in its manifest:
//
//   extensions: { privacyStatement: [{ id: 'events.registrants', version: eventsOwnVersion, read: async (db) => ({ nl, en }) }] }
//
// `version` is the public-cache data version the text depends on (leave it out for fixed text); the
// page's version combines them, so a change shows at once on the instance that made it (ADR 0016).
import type { Db } from '../../db/database.ts';
import { combinedVersion, type PublicCacheVersion, UNCHANGING } from '../../http/public-cache.ts';
import type { Localized } from '../../i18n.ts';

export interface PrivacyStatementContribution {
  /** `module.what`, unique. */
  id: string;
  /** What the text depends on, when it is read from the database; none: fixed text. */
  version?: PublicCacheVersion;
  /** One paragraph in Dutch and English: what is kept, why, how long, how to see or erase it. */
  read: (db: Db, now: Date) => Promise<Localized>;
}

declare module '../../module.ts' {
  interface ExtensionPoints {
    privacyStatement: PrivacyStatementContribution;
  }
}

/** The page's data version: the contributions' versions together (fixed text only: UNCHANGING). */
export function privacyVersion(contributions: readonly PrivacyStatementContribution[]): PublicCacheVersion {
  const parts = contributions.flatMap((c) => (c.version ? [c.version] : []));
  const unique = [...new Set(parts)];
  return unique.length === 0 ? UNCHANGING : combinedVersion('privacy', unique);
}

/** Every contribution's paragraph, in module order. A failing read fails the page: no partial statement. */
export async function readPrivacyStatements(
  contributions: readonly PrivacyStatementContribution[],
  db: Db,
  now: Date,
): Promise<Localized[]> {
  return Promise.all(contributions.map((c) => c.read(db, now)));
}
