// The advice module's data version for the public cache (src/http/public-cache.ts, ADR 0016): what its
// panel on the public municipality profile shows (the responsible adviser, when that adviser
// publishes a profile). Read from small tables, whole: the settings (advisers per region, fallback),
// the advisers' public profiles and who is active staff, hashed. Trusted 2 s per instance; a write
// here calls adviceChanged in its transaction and is seen by the very next request. A change of a
// user's role or status (the auth module) is seen within the 2 s.
import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { publicCacheVersion } from '../../http/public-cache.ts';
import { staffMembers } from './people.ts';
import { selectProfiles, selectSettings } from './settings.queries.ts';

export const advicePublicCache = publicCacheVersion('advice', async (db) => {
  const [settings, profiles, staff] = await Promise.all([selectSettings(db), selectProfiles(db), staffMembers(db)]);
  const parts = [
    settings.map((s) => `${s.key}=${s.value}`).sort(),
    profiles.map((p) => [p.user_id, p.display_name, p.role_title, p.organisation, p.published].join('\u0001')).sort(),
    staff.map((s) => s.id).sort((a, b) => a - b),
  ];
  return createHash('sha1').update(JSON.stringify(parts)).digest('base64url');
});

/** A write in this instance changes what the public sees: call inside its transaction. */
export function adviceChanged(db: Db): void {
  advicePublicCache.changed(db);
}
