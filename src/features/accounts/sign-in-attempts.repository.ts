// All SQL about counting failed sign-ins. A guess takes its place in the count before its password is checked, in
// one statement that also sets the lock when the count reaches the limit, so that concurrent guesses cannot all
// read the same count: once the limit is reached no further password is checked until the lock ends. A count is
// forgotten when its lock ends or when a window has passed since its last failure. An account keeps its count on
// its row; an address without a usable account keeps one in sign_in_failures, under a keyed hash, and that row
// is deleted once the count would be forgotten anyway, so that deleting it changes nothing anyone can see.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

/** The guess's place in the count (1 for the first failure since the last success or lock), or null if locked. */
export type Claim = { place: number; lockedUntil: string | null } | null;

/** `windowStart`: a count whose last failure is at or before this is forgotten. */
type Attempt = { now: string; lockUntil: string; limit: number; windowStart: string };

/** An ended lock, or a last failure before the window, starts the count afresh; otherwise the guess is one more. */
function nextCount(table: string, lastFailed: string, attempt: Attempt) {
  const t = sql.table(table);
  const last = sql.ref(`${table}.${lastFailed}`);
  const ended = sql`${t}.locked_until is not null and ${t}.locked_until <= ${attempt.now}`;
  return sql<number>`case when (${ended}) or ${last} is null or ${last} <= ${attempt.windowStart} then 1 else ${t}.failed_sign_ins + 1 end`;
}

function notLocked(table: string, now: string) {
  const t = sql.table(table);
  return sql<boolean>`(${t}.locked_until is null or ${t}.locked_until <= ${now})`;
}

export async function claimAccountAttempt(q: Q, userId: number, attempt: Attempt): Promise<Claim> {
  const { now, lockUntil, limit } = attempt;
  const count = nextCount('users', 'last_failed_sign_in_at', attempt);
  const row = await q
    .updateTable('users')
    .set({ failed_sign_ins: count, locked_until: sql<string | null>`case when ${count} >= ${limit} then ${lockUntil} else null end`, last_failed_sign_in_at: now })
    .where('id', '=', userId)
    .where(notLocked('users', now))
    .returning(['failed_sign_ins', 'locked_until'])
    .executeTakeFirst();
  return row ? { place: row.failed_sign_ins, lockedUntil: row.locked_until } : null;
}

export async function claimAddressAttempt(q: Q, addressHash: string, attempt: Attempt): Promise<Claim> {
  const { now, lockUntil, limit } = attempt;
  const count = nextCount('sign_in_failures', 'last_failed_at', attempt);
  const row = await q
    .insertInto('sign_in_failures')
    .values({ address_hash: addressHash, failed_sign_ins: 1, locked_until: 1 >= limit ? lockUntil : null, last_failed_at: now })
    .onConflict((oc) =>
      oc
        .column('address_hash')
        .doUpdateSet({ failed_sign_ins: count, locked_until: sql<string | null>`case when ${count} >= ${limit} then ${lockUntil} else null end`, last_failed_at: now })
        .where(notLocked('sign_in_failures', now)),
    )
    .returning(['failed_sign_ins', 'locked_until'])
    .executeTakeFirst();
  return row ? { place: row.failed_sign_ins, lockedUntil: row.locked_until } : null;
}

export async function accountLockedUntil(q: Q, userId: number): Promise<string | null> {
  const row = await q.selectFrom('users').select('locked_until').where('id', '=', userId).executeTakeFirst();
  return row?.locked_until ?? null;
}

export async function addressLockedUntil(q: Q, addressHash: string): Promise<string | null> {
  const row = await q.selectFrom('sign_in_failures').select('locked_until').where('address_hash', '=', addressHash).executeTakeFirst();
  return row?.locked_until ?? null;
}

/** A right password clears the count and any lock. */
export async function clearAccountFailures(q: Q, userId: number, signedInAt: string): Promise<void> {
  await q.updateTable('users').set({ failed_sign_ins: 0, locked_until: null, last_failed_sign_in_at: null, last_sign_in_at: signedInAt }).where('id', '=', userId).execute();
}

/** Deletes the counts of addresses that the next guess would start afresh: not locked, last failure before the window. */
export async function forgetStaleAddressFailures(q: Q, now: string, windowStart: string): Promise<number> {
  const result = await q
    .deleteFrom('sign_in_failures')
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .where('last_failed_at', '<=', windowStart)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
