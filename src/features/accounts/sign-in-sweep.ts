// Every night the scheduler sweeps what signing in leaves behind: sessions past their idle or absolute limit
// (refused on sight already, but otherwise kept for ever, in the database and its backups), and the failure
// counts of addresses without an account that the next guess would start afresh anyway.
import type { Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import { nextDailyRun, recurring, scheduleDailyJob, type JobContext, type JobHandlers } from '../../jobs/scheduler.ts';
import { ABSOLUTE_LIMIT_MS, IDLE_LIMIT_MS } from '../../web/session.ts';
import { deleteSessionsBefore } from './sessions.repository.ts';
import { forgetStaleAddressFailures } from './sign-in-attempts.repository.ts';
import { FAILURE_WINDOW_MS } from './sign-in.service.ts';

export const SIGN_IN_SWEEP = 'accounts.sign-in-sweep';
/** In the quiet of the night: 03:00 UTC. */
const HOUR_UTC = 3;

/** The next 03:00 UTC strictly after `at`. */
export function nextSignInSweep(at: Date): Date {
  return nextDailyRun(at, HOUR_UTC);
}

/** Schedules the next nightly sweep; the same night twice is one job. */
export async function scheduleSignInSweep(trx: Transaction<Tables>, at: Date): Promise<void> {
  await scheduleDailyJob(trx, SIGN_IN_SWEEP, HOUR_UTC, at);
}

async function sweep(ctx: JobContext): Promise<void> {
  const now = ctx.now.getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  const sessions = await deleteSessionsBefore(ctx.trx, iso(now - ABSOLUTE_LIMIT_MS), iso(now - IDLE_LIMIT_MS));
  const addresses = await forgetStaleAddressFailures(ctx.trx, iso(now), iso(now - FAILURE_WINDOW_MS));
  ctx.deps.logger?.info({ sessions, addresses }, 'sign-in sweep: expired sessions and stale failure counts deleted');
  await scheduleSignInSweep(ctx.trx, ctx.now);
}

export const accountJobHandlers: JobHandlers = { [SIGN_IN_SWEEP]: recurring(sweep) };
