// SQL of the support requests' per-email limit (keyed hashes, never the address itself).
import type { DbOrTx } from '../../db/database.ts';

export async function selectRequestTimes(db: DbOrTx, key: string, since: string) {
  return db.selectFrom('advice_request_throttle').select('at').where('key', '=', key).where('at', '>', since).execute();
}

/** Counts one request against the key and drops rows nobody needs any more. */
export async function recordRequest(db: DbOrTx, key: string, at: string, keepSince: string) {
  await db.insertInto('advice_request_throttle').values({ key, at }).execute();
  await db.deleteFrom('advice_request_throttle').where('at', '<', keepSince).execute();
}
