// All SQL about sign-in sessions. The cookie holds a random token; only its SHA-256 is stored.
import type { Kysely, Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

export type SessionRecord = { idHash: string; userId: number; createdAt: string; lastSeenAt: string };

export async function insertSession(
  q: Q,
  session: { idHash: string; userId: number; at: string; ip: string | null; userAgent: string | null },
): Promise<void> {
  await q
    .insertInto('sessions')
    .values({
      id_hash: session.idHash,
      user_id: session.userId,
      created_at: session.at,
      last_seen_at: session.at,
      ip: session.ip,
      user_agent: session.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
}

export async function findSession(q: Q, idHash: string): Promise<SessionRecord | undefined> {
  const row = await q
    .selectFrom('sessions')
    .select(['id_hash', 'user_id', 'created_at', 'last_seen_at'])
    .where('id_hash', '=', idHash)
    .executeTakeFirst();
  return row && { idHash: row.id_hash, userId: row.user_id, createdAt: row.created_at, lastSeenAt: row.last_seen_at };
}

export async function touchSession(q: Q, idHash: string, at: string): Promise<void> {
  await q.updateTable('sessions').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(q: Q, idHash: string): Promise<void> {
  await q.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export async function deleteSessionsOfUser(q: Q, userId: number): Promise<number> {
  const result = await q.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteSessionsBefore(q: Q, createdBefore: string, seenBefore: string): Promise<number> {
  const result = await q
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('created_at', '<', createdBefore), eb('last_seen_at', '<', seenBefore)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
