// The job table. A job is scheduled once per key, claimed under a lease by one instance at a time, and marked
// done in the same transaction as the work it does.
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { JobsTable, Tables } from '../db/database.ts';
import { claimRows } from '../db/claim-rows.ts';
import type { Db } from '../db/create-db.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

export type JobRow = Selectable<JobsTable>;

/** Inserts the job unless one with the same key exists (whatever its state). True when this call added it. */
export async function insertJob(q: Q, job: { kind: string; key: string; runAt: string; payloadJson: string }, at: string): Promise<boolean> {
  const result = await q
    .insertInto('jobs')
    .values({ kind: job.kind, job_key: job.key, payload_json: job.payloadJson, run_at: job.runAt, created_at: at })
    .onConflict((oc) => oc.column('job_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export type JobClaim = { now: string; leaseUntil: string; instanceId: string; kinds: string[]; batch: number };

/**
 * Claims up to `batch` due jobs of the given kinds whose lease (if any) has run out: each is leased to this
 * instance and one more attempt counted. PostgreSQL locks what it reads and skips rows another instance is
 * claiming (FOR UPDATE SKIP LOCKED); SQLite runs the single statement under its one writer lock.
 */
export async function claimDueJobs(db: Db, claim: JobClaim): Promise<JobRow[]> {
  if (claim.kinds.length === 0) return [];
  const changes = { locked_until: claim.leaseUntil, locked_by: claim.instanceId, attempts: sql<number>`attempts + 1` };
  const due = (q: Q) =>
    q
      .selectFrom('jobs')
      .select('id')
      .where('done_at', 'is', null)
      .where('failed_at', 'is', null)
      .where('run_at', '<=', claim.now)
      .where((w) => w.or([w('locked_until', 'is', null), w('locked_until', '<=', claim.now)]))
      .where('kind', 'in', claim.kinds)
      .orderBy('run_at')
      .orderBy('id')
      .limit(claim.batch);
  const rows = await claimRows(db, 'jobs', due, changes);
  return rows.sort((a, b) => a.run_at.localeCompare(b.run_at) || a.id - b.id);
}

/**
 * Marks the job done, if this instance still holds it. Called first in the job's transaction: on PostgreSQL it
 * locks the row, on SQLite it takes the writer lock, so a second runner of the same job waits and then finds
 * it done. False when the lease was lost to another instance.
 */
export async function completeJob(trx: Transaction<Tables>, id: number, instanceId: string, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('jobs')
    .set({ done_at: at, locked_until: null, last_error: null })
    .where('id', '=', id)
    .where('locked_by', '=', instanceId)
    .where('done_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A failed run: released to run again at `retryAt`, or given up on when `retryAt` is null. */
export async function recordJobFailure(q: Q, id: number, instanceId: string, failure: { error: string; retryAt: string | null; at: string }): Promise<void> {
  await q
    .updateTable('jobs')
    .set({
      last_error: failure.error,
      locked_until: null,
      locked_by: null,
      ...(failure.retryAt === null ? { failed_at: failure.at } : { run_at: failure.retryAt }),
    })
    .where('id', '=', id)
    .where('locked_by', '=', instanceId)
    .where('done_at', 'is', null)
    .execute();
}

export async function findJobByKey(q: Q, key: string): Promise<JobRow | undefined> {
  return q.selectFrom('jobs').selectAll().where('job_key', '=', key).executeTakeFirst();
}

/**
 * Marks done, unrun, every other run of a recurring kind that is due by `at`: they are folded into the run
 * under way, which does their work once. Runs another instance has claimed and finished are left as they are.
 */
export async function foldMissedRuns(trx: Transaction<Tables>, kind: string, runningId: number, at: string): Promise<number> {
  const result = await trx
    .updateTable('jobs')
    .set({ done_at: at, locked_until: null, last_error: `folded into job ${runningId}, which ran late` })
    .where('kind', '=', kind)
    .where('id', '!=', runningId)
    .where('done_at', 'is', null)
    .where('failed_at', 'is', null)
    .where('run_at', '<=', at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
