// Recurring jobs (a handler's `every`): each runner, now and then, offers the current period of
// every recurring kind. The job's schedule_key (`kind@periodStart`) is unique, so across all
// instances exactly one job is enqueued per period; its active key (`every:kind`) means a period
// whose predecessor is still unfinished waits for it instead of running beside it.
import type { Db } from '../../db/database.ts';
import type { JobHandler } from '../../module.ts';
import { periodStart, scheduleKey } from './jobs.logic.ts';
import { insertJob, newJobValues, scheduleKeyExists } from './queries.ts';

export interface RecurringSchedule {
  /** Enqueues the current period of every recurring kind not yet taken; returns how many this call enqueued. */
  offer(now: Date): Promise<number>;
}

export function recurringSchedule(db: Db, handlers: readonly JobHandler[]): RecurringSchedule {
  const recurring = handlers.filter((h) => h.every !== undefined);
  /** Per kind, the latest period this process knows to be taken: no query until the next one starts. */
  const taken = new Map<string, number>();
  return {
    async offer(now) {
      let enqueued = 0;
      for (const h of recurring) {
        const start = periodStart(now, h.every!.minutes);
        if ((taken.get(h.kind) ?? -1) >= start.getTime()) continue;
        const key = scheduleKey(h.kind, start);
        const at = now.toISOString();
        const id = await insertJob(
          db,
          newJobValues({
            kind: h.kind,
            payloadJson: JSON.stringify({ periodStart: start.toISOString() }),
            runAt: at,
            createdAt: at,
            key: `every:${h.kind}`,
            scheduleKey: key,
          }),
        );
        if (id !== null) enqueued += 1;
        // Not inserted and not taken: the previous period's job is still unfinished; offer again later.
        if (id !== null || (await scheduleKeyExists(db, key))) taken.set(h.kind, start.getTime());
      }
      return enqueued;
    },
  };
}
