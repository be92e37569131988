// The public cache: anonymous answers of public GET routes, kept compressed by the edge cache
// (src/http/edge-cache.ts) for as long as the data they show is unchanged. A route opts in with one
// line in its config, naming the data version its answers depend on:
//
//   app.get('/netwerk', { config: { permission: 'public', publicCache: networkPublicCache } }, handler)
//
// A data version is a string that changes whenever the data changes (`publicCacheVersion` below: a
// cheap read of the module's own version row or aggregate). Each instance trusts the version it read
// for 2 s, so another instance's write is seen within about 2 s; a write in this instance calls
// `changed(db, newVersion)` in its transaction, and from then on every request reads the version
// again until the new one is committed and seen: never stale on the instance that made the change.
// Answers are also tied to the day they were made on (today's date is the default of most pages).
// See docs/adr/0016-public-cache.md.
import type { Db } from '../db/database.ts';

/** What an answer's validity is tied to. */
export interface PublicCacheVersion {
  readonly name: string;
  /** The version, when a read recent enough to trust is known (no database call); otherwise null. */
  fresh(db: Db): string | null;
  /**
   * The version, read from the database when the last read is no longer trusted. `now` is the app's
   * clock (deps.now()), for versions that change with time (an article published at a set moment).
   */
  current(db: Db, now: Date): Promise<string>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Anonymous GETs of this public route are answered from the public cache while this version
     * (and the day) is unchanged. src/http/public-cache.ts.
     */
    publicCache?: PublicCacheVersion;
  }
}

/** How long a version read is trusted: the most another instance's write stays unseen (plus one read). */
export const VERSION_TRUST_MS = 2000;
/** Longest wait for a committed write's version to show up (a write that was rolled back never does). */
const PENDING_MAX_MS = 30_000;
/** Without the new version named, every request reads the version again for this long after a write. */
const PENDING_UNNAMED_MS = 5000;

interface State {
  value: string | null;
  checkedAt: number;
  /** A read shared by the requests that need one at the same moment (never while a write is pending). */
  reading: Promise<string> | null;
  /** Until when a write made here may still be uncommitted or unseen (0: none). */
  pendingUntil: number;
  /** The version that write sets, when the writer named it: seeing it ends the wait. */
  pendingValue: string | null;
}

export interface WritableVersion extends PublicCacheVersion {
  /**
   * A write in this process changed, or is changing in its transaction, what this version covers.
   * Name the version it writes when it has one: the wait ends as soon as it is seen.
   */
  changed(db: Db, newVersion?: string): void;
}

/**
 * The database a Kysely instance or any of its transactions talks to: transactions share the
 * adapter of the instance they were started on, so a write inside a transaction reaches the state
 * that the instance's readers use.
 */
function instanceOf(db: Db): object {
  return db.getExecutor().adapter;
}

/**
 * A data version read by `read` (one cheap query: a version row the writes bump, or an aggregate such
 * as a count and the latest `updated_at`), trusted for VERSION_TRUST_MS. `clock` times the trust only.
 */
export function publicCacheVersion(
  name: string,
  read: (db: Db, now: Date) => Promise<string>,
  clock: () => number = Date.now,
): WritableVersion {
  const states = new WeakMap<object, State>();
  const stateOf = (db: Db) => {
    const key = instanceOf(db);
    let s = states.get(key);
    if (s === undefined) {
      s = { value: null, checkedAt: 0, reading: null, pendingUntil: 0, pendingValue: null };
      states.set(key, s);
    }
    return s;
  };
  const trusted = (s: State, now: number) => s.value !== null && s.pendingUntil <= now && now - s.checkedAt < VERSION_TRUST_MS;
  const readInto = async (s: State, db: Db, now: Date, started: number) => {
    const value = await read(db, now);
    if (s.pendingValue !== null && value === s.pendingValue) {
      s.pendingUntil = 0;
      s.pendingValue = null;
    }
    if (started >= s.checkedAt) {
      s.value = value;
      s.checkedAt = started;
    }
    return value;
  };
  return {
    name,
    fresh(db) {
      const s = states.get(instanceOf(db));
      return s !== undefined && trusted(s, clock()) ? s.value : null;
    },
    current(db, at) {
      const s = stateOf(db);
      const now = clock();
      if (trusted(s, now)) return Promise.resolve(s.value as string);
      if (s.pendingUntil > now) return readInto(s, db, at, now);
      if (s.pendingUntil > 0) {
        s.pendingUntil = 0;
        s.pendingValue = null;
      }
      if (s.reading === null) {
        const reading = readInto(s, db, at, now).finally(() => {
          if (s.reading === reading) s.reading = null;
        });
        s.reading = reading;
      }
      return s.reading;
    },
    changed(db, newVersion) {
      const s = stateOf(db);
      s.pendingUntil = clock() + (newVersion === undefined ? PENDING_UNNAMED_MS : PENDING_MAX_MS);
      s.pendingValue = newVersion ?? null;
      // A read already under way may have begun before the commit: nobody may join it now.
      s.reading = null;
    },
  };
}

/** Several versions as one (a page showing several modules' data): trusted when every part is. */
export function combinedVersion(name: string, parts: readonly PublicCacheVersion[]): PublicCacheVersion {
  // The edge asks on every answer: the joined string is made again only when a part changed.
  const values: string[] = [];
  let joined = '';
  let dirty = true;
  return {
    name,
    fresh(db) {
      for (let i = 0; i < parts.length; i++) {
        const v = parts[i].fresh(db);
        if (v === null) return null;
        if (values[i] !== v) {
          values[i] = v;
          dirty = true;
        }
      }
      if (dirty) {
        joined = parts.map((p, i) => `${p.name}=${values[i]};`).join('');
        dirty = false;
      }
      return joined;
    },
    async current(db, now) {
      const read = await Promise.all(parts.map((p) => p.current(db, now)));
      return parts.map((p, i) => `${p.name}=${read[i]};`).join('');
    },
  };
}

/** For pages that show no data, only text of the code (the home page, statements): valid per process and day. */
export const UNCHANGING: PublicCacheVersion = {
  name: 'unchanging',
  fresh: () => 'unchanging',
  current: async () => 'unchanging',
};
