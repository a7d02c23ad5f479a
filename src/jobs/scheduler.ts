// Scheduled work, decided exactly once however many instances share the database. A feature schedules a job
// under a key inside the transaction that decides it (the same key twice is one job) and registers a handler
// for its kind; whichever instance claims the job runs the handler inside a transaction that also marks the job
// done, so the handler's changes and "done" commit together or not at all.
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import pino from 'pino';
import type { Tables } from '../db/database.ts';
import type { Deps } from '../deps.ts';
import { claimDueJobs, completeJob, foldMissedRuns, insertJob, recordJobFailure, type JobRow } from './jobs.repository.ts';

export type JobContext = {
  /**
   * Do all the job's reading and writing here: it commits with the job marked done, or rolls back and the job
   * runs again later. Not through deps.db: on SQLite that waits for this very transaction, and never returns.
   */
  trx: Transaction<Tables>;
  /** As scheduled; a handler checks its shape (Zod) before trusting it. */
  payload: unknown;
  job: { id: number; kind: string; key: string; attempts: number; runAt: string };
  /** The time this run was claimed at, from the clock: what "now" means for the job's decisions. */
  now: Date;
  deps: Deps;
};

export type JobHandler = ((context: JobContext) => Promise<void>) & {
  /**
   * Slow work done before the job's transaction opens (reading files in a worker), so that it holds no lock
   * meanwhile: on SQLite an open transaction holds up every other write. It runs through deps.db, and must be
   * safe to do twice, as the job runs again if anything after it fails.
   */
  beforeTransaction?: (deps: Deps, payload: unknown) => Promise<void>;
};

/** Handlers by job kind. Features export theirs; src/features.ts joins them for startScheduler. */
export type JobHandlers = Record<string, JobHandler>;

/** Joins the handlers of several features. Two features handling one kind is a mistake, refused at start. */
export function combineJobHandlers(...sets: JobHandlers[]): JobHandlers {
  const combined: JobHandlers = {};
  for (const set of sets) {
    for (const [kind, handler] of Object.entries(set)) {
      if (combined[kind]) throw new Error(`Two handlers for the job kind ${kind}`);
      combined[kind] = handler;
    }
  }
  return combined;
}

/**
 * A job that recurs (a weekly digest, a daily checkpoint). When it runs late, every run of its kind missed
 * meanwhile is folded into this one, so the work is done once, not once per missed run; the handler then
 * schedules the next occurrence counted from `now`, never from the run it missed.
 */
export function recurring(handler: JobHandler): JobHandler {
  return async (context) => {
    await foldMissedRuns(context.trx, context.job.kind, context.job.id, context.now.toISOString());
    await handler(context);
  };
}

export type NewJob = { kind: string; key: string; runAt: Date; payload?: unknown };

export const JOB_MAX_ATTEMPTS = 10;
const JOB_LEASE_MS = 5 * 60_000;
const JOB_BATCH = 20;
/** One tick works through at most this many batches, so a backlog drains without one tick running forever. */
export const ROUNDS_PER_TICK = 20;

/** 1, 2, 4, 8 … minutes after the 1st, 2nd, 3rd, 4th … failed run, never more than an hour. */
export function jobRetryDelayMinutes(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1), 60);
}

/**
 * Call inside the transaction that decides the job. Scheduling a key that already exists changes nothing, so a
 * decision taken twice (two requests, two instances, a retried transaction) still runs once. True when added.
 */
export async function scheduleJob(trx: Transaction<Tables>, job: NewJob, at: Date): Promise<boolean> {
  return insertJob(trx, { kind: job.kind, key: job.key, runAt: job.runAt.toISOString(), payloadJson: JSON.stringify(job.payload ?? null) }, at.toISOString());
}

/** The next time of day `hourUtc`:00 UTC strictly after `at`: a daily job's next run. */
export function nextDailyRun(at: Date, hourUtc: number): Date {
  const today = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), hourUtc));
  return today.getTime() > at.getTime() ? today : new Date(today.getTime() + 86_400_000);
}

/** Schedules a daily job's next run, keyed by its day, so that scheduling the same day twice is one job. */
export async function scheduleDailyJob(trx: Transaction<Tables>, kind: string, hourUtc: number, at: Date): Promise<void> {
  const runAt = nextDailyRun(at, hourUtc);
  await scheduleJob(trx, { kind, key: `${kind}:${runAt.toISOString().slice(0, 10)}`, runAt }, at);
}

export type JobRunResult = { claimed: number; done: number; retrying: number; failed: number; lost: number };

function loggerOf(deps: Deps) {
  return deps.logger ?? pino({ level: deps.config.logLevel });
}

/** Claims due jobs of the kinds there are handlers for, and runs each. Kinds without a handler are left alone. */
export async function runDueJobs(deps: Deps, handlers: JobHandlers, options: { instanceId: string; now?: Date; batch?: number }): Promise<JobRunResult> {
  const now = options.now ?? deps.clock.now();
  const jobs = await claimDueJobs(deps.db, {
    now: now.toISOString(),
    leaseUntil: new Date(now.getTime() + JOB_LEASE_MS).toISOString(),
    instanceId: options.instanceId,
    kinds: Object.keys(handlers),
    batch: options.batch ?? JOB_BATCH,
  });
  const result: JobRunResult = { claimed: jobs.length, done: 0, retrying: 0, failed: 0, lost: 0 };
  for (const job of jobs) result[await runOne(deps, handlers[job.kind]!, job, options.instanceId, now)] += 1;
  return result;
}

class LeaseLost extends Error {}

async function runOne(deps: Deps, handler: JobHandler, job: JobRow, instanceId: string, now: Date): Promise<'done' | 'retrying' | 'failed' | 'lost'> {
  try {
    const payload: unknown = JSON.parse(job.payload_json);
    if (handler.beforeTransaction) await handler.beforeTransaction(deps, payload);
    await deps.db.kysely.transaction().execute(async (trx) => {
      if (!(await completeJob(trx, job.id, instanceId, now.toISOString()))) throw new LeaseLost();
      await handler({ trx, payload, job: { id: job.id, kind: job.kind, key: job.job_key, attempts: job.attempts, runAt: job.run_at }, now, deps });
    });
    return 'done';
  } catch (error) {
    // Another instance took the job over after this one's lease ran out; it runs it, and nothing was committed here.
    if (error instanceof LeaseLost) return 'lost';
    const at = deps.clock.now();
    const giveUp = job.attempts >= JOB_MAX_ATTEMPTS;
    const retryAt = giveUp ? null : new Date(at.getTime() + jobRetryDelayMinutes(job.attempts) * 60_000).toISOString();
    const message = error instanceof Error ? error.message : String(error);
    await recordJobFailure(deps.db.kysely, job.id, instanceId, { error: message.slice(0, 1000), retryAt, at: at.toISOString() });
    loggerOf(deps)[giveUp ? 'error' : 'warn']({ jobId: job.id, kind: job.kind, key: job.job_key, attempts: job.attempts, err: error }, giveUp ? 'job failed: given up' : 'job failed: will run again');
    return giveUp ? 'failed' : 'retrying';
  }
}

/**
 * Work done on every tick after the due jobs (delivering the outbox), handed to the scheduler by whoever starts
 * it. `stopped` turns true once the scheduler is stopping: a task working in rounds ends at the next one.
 */
export type TickTask = {
  /** The log's words when a run throws ("the outbox could not be delivered"); the next tick tries again. */
  failed: string;
  run(deps: Deps, stopped: () => boolean): Promise<void>;
};

/** What the scheduler runs: the handlers of every job kind, and the tasks of every tick, in order. */
export type ScheduledWork = { jobs: JobHandlers; everyTick: readonly TickTask[] };

export type Scheduler = {
  instanceId: string;
  /** Runs due jobs and every tick's tasks now (waits for a tick already under way instead of overlapping it). */
  tick(): Promise<void>;
  /** No new tick starts; resolves when the one under way, if any, has finished. */
  stop(): Promise<void>;
};

export const SCHEDULER_INTERVAL_MS = 30_000;

/**
 * Every `intervalMs` (and once straight away): due jobs, then each tick task in turn. Ticks never overlap; the
 * timer is unref'd so that it never keeps the process alive; an error is logged and the next tick tries again.
 */
export function startScheduler(deps: Deps, work: ScheduledWork, options: { intervalMs?: number; instanceId?: string } = {}): Scheduler {
  const { jobs: handlers, everyTick } = work;
  const instanceId = options.instanceId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const intervalMs = options.intervalMs ?? SCHEDULER_INTERVAL_MS;
  const logger = loggerOf(deps);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;

  async function runTick(): Promise<void> {
    try {
      for (let round = 0; round < ROUNDS_PER_TICK && !stopped; round++) {
        const jobs = await runDueJobs(deps, handlers, { instanceId });
        if (jobs.claimed < JOB_BATCH) break;
      }
    } catch (error) {
      logger.error({ err: error }, 'scheduled jobs could not run');
    }
    for (const task of everyTick) {
      try {
        await task.run(deps, () => stopped);
      } catch (error) {
        logger.error({ err: error }, task.failed);
      }
    }
  }

  function tick(): Promise<void> {
    if (!running) running = runTick().finally(() => (running = null));
    return running;
  }

  function next(delay: number): void {
    if (stopped) return;
    timer = setTimeout(() => void tick().then(() => next(intervalMs)), delay);
    timer.unref();
  }

  next(0);
  return {
    instanceId,
    tick,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
