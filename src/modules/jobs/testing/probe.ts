// A small real module for the jobs tests: handlers that record each run in their own tables, fail
// on request, work through a batch idempotently (the README's pattern), wait at a gate, or recur.
// Tests add it with createTestApp({ modules: [...MODULES, probeModule] }) and applyProbeMigrations().
import type { Kysely } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { migrateToLatest } from '../../../db/migrate.ts';
import { defineModule, type JobHandler, type ModuleRegistry } from '../../../module.ts';
import { cleanupJobs } from '../cleanup.ts';

interface ProbeTables {
  job_probe_runs: { id?: number; job_id: number; kind: string; attempt: number; period_start: string | null };
  job_probe_items: { job_id: number; item: number };
}
const probeDb = (db: Db) => db as unknown as Kysely<ProbeTables>;

async function recordRun(db: Db, job: { id: number; kind: string; attempt: number }, periodStart: string | null = null) {
  await probeDb(db)
    .insertInto('job_probe_runs')
    .values({ job_id: job.id, kind: job.kind, attempt: job.attempt, period_start: periodStart })
    .execute();
}

/** A gate a handler waits at until the test opens it; `reached` resolves when a handler arrives. */
export class Gate {
  private openIt!: () => void;
  private arrived!: () => void;
  readonly opened = new Promise<void>((resolve) => (this.openIt = resolve));
  readonly reached = new Promise<void>((resolve) => (this.arrived = resolve));
  open() {
    this.openIt();
  }
  async pass(signal: AbortSignal | undefined, honourSignal: boolean): Promise<void> {
    this.arrived();
    if (!honourSignal || !signal) return this.opened;
    return new Promise<void>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      void this.opened.then(resolve);
    });
  }
}
export const gates = new Map<string, Gate>();

const description = { nl: 'Proeftaak', en: 'Probe job' };

const record: JobHandler = {
  kind: 'probe.record',
  description,
  async run(job, ctx) {
    await recordRun(ctx.deps.db, job);
  },
};

/** Fails (message from the payload) until the attempt named `succeedOnAttempt`. */
const flaky: JobHandler = {
  kind: 'probe.flaky',
  description,
  maxAttempts: 3,
  async run(job, ctx) {
    await recordRun(ctx.deps.db, job);
    const p = job.payload as { succeedOnAttempt?: number; message: string };
    if (p.succeedOnAttempt === undefined || job.attempt < p.succeedOnAttempt) throw new Error(p.message);
  },
};

/**
 * Works through items 1…total. Each item's effect and its record commit in one transaction, and
 * items already recorded are skipped: a rerun after a crash neither skips nor repeats an item.
 * `failAt` makes the first attempt fail after that many items; `perRun` paces itself with continueAt.
 */
const batch: JobHandler = {
  kind: 'probe.batch',
  description,
  async run(job, ctx) {
    const p = job.payload as { total: number; failAt?: number; perRun?: number };
    const db = probeDb(ctx.deps.db);
    const done = new Set(
      (await db.selectFrom('job_probe_items').select('item').where('job_id', '=', job.id).execute()).map((r) => Number(r.item)),
    );
    let thisRun = 0;
    for (let item = 1; item <= p.total; item++) {
      if (done.has(item)) continue;
      if (p.failAt !== undefined && job.attempt === 1 && item > p.failAt) throw new Error(`stopped before item ${item}`);
      if (p.perRun !== undefined && thisRun === p.perRun) return { continueAt: new Date(ctx.deps.now().getTime() + 60_000) };
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('job_probe_items').values({ job_id: job.id, item }).execute();
      });
      thisRun += 1;
      await ctx.progress(item, p.total);
    }
  },
};

/** Records its run, then waits at the named gate(s), reporting progress before or after if asked (honouring ctx.signal unless told not to). */
const gated: JobHandler = {
  kind: 'probe.gated',
  description,
  async run(job, ctx) {
    await recordRun(ctx.deps.db, job);
    const p = job.payload as {
      gate: string;
      ignoreSignal?: boolean;
      progressAfter?: boolean;
      progressBefore?: [number, number];
      thenGate?: string;
    };
    if (p.progressBefore) await ctx.progress(...p.progressBefore);
    await gates.get(p.gate)!.pass(ctx.signal, !p.ignoreSignal);
    if (p.progressAfter) await ctx.progress(1, 1);
    if (p.thenGate) await gates.get(p.thenGate)!.pass(ctx.signal, !p.ignoreSignal);
  },
};

const hourly: JobHandler = {
  kind: 'probe.hourly',
  description,
  every: { minutes: 60 },
  async run(job, ctx) {
    await recordRun(ctx.deps.db, job, (job.payload as { periodStart: string }).periodStart);
  },
};

const probeJobs = [record, flaky, batch, gated, hourly];

export const probeModule = defineModule({
  name: 'probe',
  migrations: new URL('./migrations/', import.meta.url),
  jobs: probeJobs,
});

/** The handlers the jobs tests' runners use: the probe's and the jobs module's own, not other modules'. */
export const TEST_HANDLERS: readonly JobHandler[] = [...probeJobs, cleanupJobs];

/** Applies every module's migrations including the probe's (createTestApp applies the real list only). */
export async function applyProbeMigrations(db: Db, registry: ModuleRegistry): Promise<void> {
  await migrateToLatest(db, registry.migrationFolders());
}

export async function probeRuns(db: Db, kind?: string) {
  let q = probeDb(db).selectFrom('job_probe_runs').selectAll().orderBy('id');
  if (kind) q = q.where('kind', '=', kind);
  return (await q.execute()).map((r) => ({ jobId: Number(r.job_id), attempt: Number(r.attempt), periodStart: r.period_start }));
}

export async function probeItems(db: Db, jobId: number): Promise<number[]> {
  const rows = await probeDb(db).selectFrom('job_probe_items').select('item').where('job_id', '=', jobId).orderBy('item').execute();
  return rows.map((r) => Number(r.item));
}
