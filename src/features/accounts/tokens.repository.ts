// All SQL about API tokens. Only a token's SHA-256 is stored; its first characters help people tell tokens apart.
import type { Kysely, Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

export type TokenRecord = {
  id: number;
  userId: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  expiresAt: string | null;
};

const columns = ['id', 'user_id', 'name', 'prefix', 'created_at', 'last_used_at', 'revoked_at', 'expires_at'] as const;

function toToken(row: { id: number; user_id: number; name: string; prefix: string; created_at: string; last_used_at: string | null; revoked_at: string | null; expires_at: string | null }): TokenRecord {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    expiresAt: row.expires_at,
  };
}

export async function insertToken(q: Q, token: { userId: number; name: string; hash: string; prefix: string; at: string; expiresAt: string }): Promise<number> {
  const row = await q
    .insertInto('api_tokens')
    .values({ user_id: token.userId, name: token.name, token_hash: token.hash, prefix: token.prefix, created_at: token.at, expires_at: token.expiresAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A token is good until it is revoked or expires; one without an expiry is never good. */
export async function findActiveToken(q: Q, hash: string, now: string): Promise<TokenRecord | undefined> {
  const row = await q
    .selectFrom('api_tokens')
    .select(columns)
    .where('token_hash', '=', hash)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row && toToken(row);
}

export async function listTokensOfUser(q: Q, userId: number): Promise<TokenRecord[]> {
  const rows = await q.selectFrom('api_tokens').select(columns).where('user_id', '=', userId).orderBy('id', 'desc').execute();
  return rows.map(toToken);
}

export async function touchToken(q: Q, id: number, at: string): Promise<void> {
  await q.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function revokeToken(q: Q, id: number, userId: number, at: string): Promise<boolean> {
  const result = await q
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
