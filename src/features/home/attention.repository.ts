// The SQL behind the administrator's home panel: accounts that need a look.
import type { Kysely } from 'kysely';
import type { Tables } from '../../db/database.ts';

export type AccountAttention = { id: number; email: string; fullName: string; lockedUntil: string | null; createdAt: string };

export async function countAccounts(db: Kysely<Tables>): Promise<{ total: number; disabled: number }> {
  const row = await db
    .selectFrom('users')
    .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>('disabled_at').as('disabled')])
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), disabled: Number(row.disabled) };
}

/** Accounts locked after repeated failed sign-ins, until their lock runs out. */
export async function listLockedAccounts(db: Kysely<Tables>, now: string): Promise<AccountAttention[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'email', 'full_name', 'locked_until', 'created_at'])
    .where('locked_until', '>', now)
    .where('disabled_at', 'is', null)
    .orderBy('locked_until')
    .execute();
  return rows.map((r) => ({ id: r.id, email: r.email, fullName: r.full_name, lockedUntil: r.locked_until, createdAt: r.created_at }));
}

/** Active accounts whose holder has never signed in: invitations not taken up, or sign-ins never used. */
export async function listNeverSignedIn(db: Kysely<Tables>): Promise<AccountAttention[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'email', 'full_name', 'locked_until', 'created_at'])
    .where('last_sign_in_at', 'is', null)
    .where('disabled_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, email: r.email, fullName: r.full_name, lockedUntil: r.locked_until, createdAt: r.created_at }));
}
