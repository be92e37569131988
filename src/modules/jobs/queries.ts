// SQL of the jobs module. Claiming is the one place with a dialect branch (as in the outbox):
// PostgreSQL uses FOR UPDATE SKIP LOCKED so concurrent runners never pick the same row; SQLite has
// one writer, so a conditional UPDATE (it only succeeds while the row is still claimable) is enough.
// Every change a runner makes to a claimed job is conditional on still holding its lease.
import { type ExpressionBuilder, type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import { dialectOf } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import type { JobStatus, JobsTable } from './tables.ts';

export type JobRow = Selectable<JobsTable>;
type Db = Kysely<Database>;

/** The row of a new queued job. */
export function newJobValues(j: {
  kind: string;
  payloadJson: string;
  runAt: string;
  createdAt: string;
  maxAttempts?: number | null;
  key?: string | null;
  scheduleKey?: string | null;
}): Insertable<JobsTable> {
  return {
    kind: j.kind,
    payload_json: j.payloadJson,
    status: 'queued',
    run_at: j.runAt,
    attempts: 0,
    max_attempts: j.maxAttempts ?? null,
    job_key: j.key ?? null,
    active_key: j.key ?? null,
    schedule_key: j.scheduleKey ?? null,
    locked_by: null,
    locked_until: null,
    progress_done: null,
    progress_total: null,
    last_error: null,
    cancel_requested: 0,
    created_at: j.createdAt,
    started_at: null,
    finished_at: null,
  };
}

/** Inserts a job; null when a unique key (active_key or schedule_key) already holds one. */
export async function insertJob(db: Db, values: Insertable<JobsTable>): Promise<number | null> {
  const row = await db
    .insertInto('jobs')
    .values(values)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}

export async function selectIdByActiveKey(db: Db, key: string): Promise<number | null> {
  const row = await db.selectFrom('jobs').select('id').where('active_key', '=', key).executeTakeFirst();
  return row ? Number(row.id) : null;
}

export async function scheduleKeyExists(db: Db, key: string): Promise<boolean> {
  return (await db.selectFrom('jobs').select('id').where('schedule_key', '=', key).executeTakeFirst()) !== undefined;
}

const LEASE_EXPIRED = 'The previous attempt did not finish: its runner stopped (lease expired).';

function claimable(eb: ExpressionBuilder<Database, 'jobs'>, now: string, kinds: readonly string[]) {
  return eb.and([
    eb('kind', 'in', kinds),
    eb.or([
      eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)]),
      eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)]),
    ]),
  ]);
}

/**
 * Claims one due job of the given kinds for `runnerId` until `leaseUntil`: a queued job whose time
 * has come, or a running one whose runner's lease ran out (that runner died). Null when none is due.
 */
export async function claimNext(
  db: Db,
  runnerId: string,
  kinds: readonly string[],
  now: string,
  leaseUntil: string,
): Promise<JobRow | null> {
  if (kinds.length === 0) return null;
  if (dialectOf(db) === 'postgres') {
    const result = await sql<JobRow>`
      UPDATE jobs
         SET status = 'running', locked_by = ${runnerId}, locked_until = ${leaseUntil}, attempts = attempts + 1,
             started_at = ${now}, last_error = CASE WHEN status = 'running' THEN ${LEASE_EXPIRED} ELSE last_error END
       WHERE id = (
         SELECT id FROM jobs
          WHERE kind IN (${sql.join(kinds)})
            AND ((status = 'queued' AND run_at <= ${now}) OR (status = 'running' AND locked_until < ${now}))
          ORDER BY run_at, id
          LIMIT 1
          FOR UPDATE SKIP LOCKED)
      RETURNING *`.execute(db);
    return result.rows[0] ?? null;
  }
  for (let tries = 0; tries < 5; tries++) {
    const candidate = await db
      .selectFrom('jobs')
      .select('id')
      .where((eb) => claimable(eb, now, kinds))
      .orderBy('run_at')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    if (!candidate) return null;
    const claimed = await db
      .updateTable('jobs')
      .set((eb) => ({
        status: 'running',
        locked_by: runnerId,
        locked_until: leaseUntil,
        attempts: eb('attempts', '+', 1),
        started_at: now,
        last_error: sql<string | null>`CASE WHEN status = 'running' THEN ${LEASE_EXPIRED} ELSE last_error END`,
      }))
      .where('id', '=', candidate.id)
      .where((eb) => claimable(eb, now, kinds))
      .returningAll()
      .executeTakeFirst();
    if (claimed) return claimed;
    // Another runner took it between our read and our write: look again.
  }
  return null;
}

/** Renews a held lease (and stores progress); null when the lease was lost. */
export async function renewLease(
  db: Db,
  id: number,
  runnerId: string,
  leaseUntil: string,
  progress?: { done: number; total: number },
): Promise<{ cancelRequested: boolean } | null> {
  const row = await db
    .updateTable('jobs')
    .set({ locked_until: leaseUntil, ...(progress ? { progress_done: progress.done, progress_total: progress.total } : {}) })
    .where('id', '=', id)
    .where('locked_by', '=', runnerId)
    .where('status', '=', 'running')
    .returning('cancel_requested')
    .executeTakeFirst();
  return row ? { cancelRequested: Number(row.cancel_requested) === 1 } : null;
}

/** What a runner does with a job it holds when the attempt ends. */
export type AttemptEnd =
  | { status: 'done' | 'cancelled'; at: string }
  | { status: 'failed'; at: string; error: string }
  | { status: 'queued'; runAt: string; error: string | null; resetAttempts?: boolean }
  /** Shutdown: back in the queue as if this attempt never started. */
  | { status: 'released'; runAt: string };

/** Ends the attempt of a held job; false when the lease was lost (another runner took over). */
export async function endAttempt(db: Db, id: number, runnerId: string, end: AttemptEnd): Promise<boolean> {
  const unlock = { locked_by: null, locked_until: null };
  const query = db.updateTable('jobs').where('id', '=', id).where('locked_by', '=', runnerId).where('status', '=', 'running');
  const set =
    end.status === 'released'
      ? query.set((eb) => ({ ...unlock, status: 'queued', run_at: end.runAt, attempts: eb('attempts', '-', 1) }))
      : end.status === 'queued'
        ? query.set({
            ...unlock,
            status: 'queued',
            run_at: end.runAt,
            ...(end.error === null ? {} : { last_error: end.error }),
            ...(end.resetAttempts ? { attempts: 0 } : {}),
          })
        : query.set({
            ...unlock,
            status: end.status,
            active_key: null,
            finished_at: end.at,
            ...(end.status === 'failed' ? { last_error: end.error } : {}),
          });
  const r = await set.executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Cancels a job that is not running; true when it was queued or failed. */
export async function cancelWaiting(db: Db, id: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({ status: 'cancelled', active_key: null, finished_at: at })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'failed'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Asks the runner of a running job to stop it; true when the job was running. */
export async function requestCancel(db: Db, id: number): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({ cancel_requested: 1 })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Queues a failed job again at once with fresh attempts (throws on a unique key another job now holds). */
export async function requeueFailed(db: Db, id: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set((eb) => ({ status: 'queued', run_at: at, attempts: 0, active_key: eb.ref('job_key'), finished_at: null, cancel_requested: 0 }))
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function selectJob(db: Db, id: number): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Jobs of some statuses: unfinished ones soonest first, finished ones latest first. */
export async function selectJobs(db: Db, statuses: readonly JobStatus[], limit: number): Promise<JobRow[]> {
  const finished = statuses.every((s) => s === 'done' || s === 'cancelled' || s === 'failed');
  let q = db.selectFrom('jobs').selectAll().where('status', 'in', statuses);
  q = finished ? q.orderBy('finished_at', 'desc').orderBy('id', 'desc') : q.orderBy('run_at').orderBy('id');
  return q.limit(limit).execute();
}

export async function countByStatus(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('jobs')
    .select(['status', (eb) => eb.fn.countAll().as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/**
 * Deletes finished jobs older than the cut-offs, except the newest scheduled job of each kind (it
 * marks the current period as taken for as long as the period lasts).
 */
export async function deleteFinished(db: Db, cutoffs: { doneBefore: string; failedBefore: string }): Promise<number> {
  const r = await db
    .deleteFrom('jobs')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', 'in', ['done', 'cancelled']), eb('finished_at', '<', cutoffs.doneBefore)]),
        eb.and([eb('status', '=', 'failed'), eb('finished_at', '<', cutoffs.failedBefore)]),
      ]),
    )
    .where((eb) =>
      eb.or([
        eb('schedule_key', 'is', null),
        eb(
          'id',
          'not in',
          eb
            .selectFrom('jobs as newest')
            .select((e) => e.fn.max('newest.id').as('id'))
            .where('newest.schedule_key', 'is not', null)
            .groupBy('newest.kind'),
        ),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** True for a unique-constraint violation on either engine. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'));
}
