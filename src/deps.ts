// What the app is built from: configuration, the database, the clock and the module list.
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import type { Actor } from './http/request-user.ts';
import type { ModuleRegistry } from './module.ts';

export interface AppDeps {
  config: Config;
  db: Db;
  /** The current time; tests pass a fixed clock. */
  now: () => Date;
  /** The feature modules (src/modules/index.ts) and what is derived from them. */
  modules: ModuleRegistry;
}

/** What every service function that writes takes first: `createThing(ctx, input)`. Reads take `(db, …)`. */
export interface ServiceCtx {
  /** The database or the caller's transaction. */
  db: Db;
  /** Who makes the change (recorded in the audit trail). */
  actor: Actor;
  now: Date;
}

let day = { from: 0, to: -1, text: '' };

/** Today's date (UTC, YYYY-MM-DD) by the app's clock; formatted once per day, not per call. */
export function todayOf(deps: Pick<AppDeps, 'now'>): string {
  const now = deps.now().getTime();
  if (now < day.from || now >= day.to) {
    const text = new Date(now).toISOString().slice(0, 10);
    const from = Date.parse(`${text}T00:00:00Z`);
    day = { from, to: from + 86_400_000, text };
  }
  return day.text;
}
