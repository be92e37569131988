// What the app is built from: configuration, the database and replaceable edges (clock, mail transport).
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';

export interface AppDeps {
  config: Config;
  db: Db;
  /** The current time; tests pass a fixed clock. */
  now: () => Date;
}
