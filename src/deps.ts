// What the app is built from: configuration, the database and replaceable edges (clock, mail transport).
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';

export interface AppDeps {
  config: Config;
  db: Db;
  /** The current time; tests pass a fixed clock. */
  now: () => Date;
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
