// The job runner: polls for due jobs (a cheap indexed query, about every second, and at once when
// this process enqueues a job), runs a few at a time, offers recurring periods, and stops cleanly:
// handlers are asked to stop (ctx.signal), those that stop are released back to the queue, those
// that finish are recorded, and what is still running after the grace period is left to its lease.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import type { JobHandler } from '../../module.ts';
import { type RunningAttempt, startAttempt } from './attempt.ts';
import { handlerProblems } from './jobs.logic.ts';
import { claimNext } from './queries.ts';
import { type RecurringSchedule, recurringSchedule } from './schedule.ts';
import { onJobEnqueued } from './service.ts';

export interface JobRunnerOptions {
  deps: AppDeps;
  /** Default deps.db (a test passes a second connection to act as another instance). */
  db?: Db;
  /** Default: every handler the modules declare. */
  handlers?: readonly JobHandler[];
  /** Default deps.now. */
  now?: () => Date;
  log?: FastifyBaseLogger;
  /** Jobs run at the same time (default 2). */
  concurrency?: number;
  /** Pause between polls when nothing is due (default 1 s). */
  pollMs?: number;
  /** How long a claim holds without renewal (default 2 min; renewed every quarter of it while running). */
  leaseMs?: number;
  /** How often recurring periods are offered (default 15 s). */
  scheduleMs?: number;
  /** How long stop() waits for running handlers (default 10 s). */
  graceMs?: number;
  runnerId?: string;
}

export interface JobRunner {
  readonly id: string;
  /** Claims one due job and runs it to its end; true when there was one. */
  runOnce(): Promise<boolean>;
  /** Runs due jobs one by one until none is due; returns how many ran. */
  drain(): Promise<number>;
  /** Enqueues the current period of each recurring kind not yet taken; returns how many. */
  offerRecurring(): Promise<number>;
  start(): void;
  wake(): void;
  stop(): Promise<void>;
}

export const SILENT_LOG: FastifyBaseLogger = {
  level: 'silent',
  fatal() {},
  error() {},
  warn() {},
  info() {},
  debug() {},
  trace() {},
  silent() {},
  child: () => SILENT_LOG,
};

class Runner implements JobRunner {
  readonly id: string;
  private readonly db: Db;
  private readonly now: () => Date;
  private readonly log: FastifyBaseLogger;
  private readonly byKind: Map<string, JobHandler>;
  private readonly settings: { concurrency: number; pollMs: number; leaseMs: number; scheduleMs: number; graceMs: number };
  private readonly schedule: RecurringSchedule;
  private readonly inFlight = new Map<number, RunningAttempt>();
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly o: JobRunnerOptions) {
    this.id = o.runnerId ?? `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
    this.db = o.db ?? o.deps.db;
    this.now = o.now ?? o.deps.now;
    this.log = o.log ?? SILENT_LOG;
    const handlers = o.handlers ?? o.deps.modules.jobHandlers();
    for (const h of handlers) {
      const problems = handlerProblems(h);
      if (problems.length > 0) throw new Error(`Job handler "${h.kind}" is declared wrongly: ${problems.join('; ')}.`);
    }
    this.byKind = new Map(handlers.map((h) => [h.kind, h]));
    this.settings = {
      concurrency: Math.max(1, o.concurrency ?? 2),
      pollMs: o.pollMs ?? 1000,
      leaseMs: o.leaseMs ?? 120_000,
      scheduleMs: o.scheduleMs ?? 15_000,
      graceMs: o.graceMs ?? 10_000,
    };
    this.schedule = recurringSchedule(this.db, handlers);
  }

  private async claim(): Promise<RunningAttempt | null> {
    const at = this.now();
    const leaseUntil = new Date(at.getTime() + this.settings.leaseMs).toISOString();
    const row = await claimNext(this.db, this.id, [...this.byKind.keys()], at.toISOString(), leaseUntil);
    if (!row) return null;
    const settings = { db: this.db, deps: this.o.deps, log: this.log, runnerId: this.id, now: this.now, leaseMs: this.settings.leaseMs };
    const attempt = startAttempt(settings, this.byKind.get(row.kind)!, row);
    this.inFlight.set(attempt.jobId, attempt);
    void attempt.done.then(() => {
      this.inFlight.delete(attempt.jobId);
      this.wakeUp?.();
    });
    return attempt;
  }

  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      this.wakeUp = null;
    });
  }

  private async safely<T>(what: string, fn: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      // Database unreachable or similar: log and keep polling.
      this.log.error({ err: String((err as Error)?.message ?? err) }, `jobs: ${what} failed`);
      return fallback;
    }
  }

  private async run() {
    let lastOffer = Number.NEGATIVE_INFINITY;
    while (this.running) {
      if (Date.now() - lastOffer >= this.settings.scheduleMs) {
        lastOffer = Date.now();
        await this.safely('offering recurring jobs', () => this.offerRecurring(), 0);
      }
      const room = this.inFlight.size < this.settings.concurrency;
      const claimed = room && (await this.safely('claiming', () => this.claim(), null)) !== null;
      if (!claimed && this.running) await this.pause(this.settings.pollMs);
    }
  }

  async runOnce(): Promise<boolean> {
    const attempt = await this.claim();
    if (!attempt) return false;
    await attempt.done;
    return true;
  }

  async drain(): Promise<number> {
    let n = 0;
    while (await this.runOnce()) n += 1;
    return n;
  }

  offerRecurring(): Promise<number> {
    return this.schedule.offer(this.now());
  }

  start() {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = onJobEnqueued(() => this.wakeUp?.());
    this.loop = this.run();
  }

  wake() {
    this.wakeUp?.();
  }

  async stop() {
    this.running = false;
    this.unsubscribe?.();
    this.wakeUp?.();
    await this.loop;
    const attempts = [...this.inFlight.values()];
    for (const a of attempts) a.stop('shutdown');
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      Promise.all(attempts.map((a) => a.done)).then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), this.settings.graceMs);
      }),
    ]);
    clearTimeout(timer);
    if (!finished) {
      for (const a of this.inFlight.values()) a.abandon();
      this.log.warn({ jobIds: [...this.inFlight.keys()] }, 'jobs: still running at shutdown; recovered after their lease expires');
    }
  }
}

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  return new Runner(options);
}

/** Runs every due job of the app's modules until none is due (for tests and the CLI); returns how many ran. */
export function runDueJobs(deps: AppDeps, options: Omit<JobRunnerOptions, 'deps'> = {}): Promise<number> {
  return createJobRunner({ deps, ...options }).drain();
}
