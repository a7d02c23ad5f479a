// Frozen: failed sign-ins counted for addresses without an account, so that the lockout answers them exactly as
// it answers an account's (the address is kept only as a SHA-256 of its normalised form); and an expiry for
// every API token. Tokens issued before this migration expire 90 days after it runs, so that a system using
// one keeps working while its owner issues a new one.
import type { AnyDb } from './dialect.ts';

const TOKEN_DAYS_FOR_EXISTING = 90;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('address_hash', 'text', (c) => c.primaryKey())
    .addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('last_failed_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('api_tokens').addColumn('expires_at', 'text').execute();
  const expiresAt = new Date(Date.now() + TOKEN_DAYS_FOR_EXISTING * 86_400_000).toISOString();
  await db.updateTable('api_tokens').set({ expires_at: expiresAt }).where('expires_at', 'is', null).execute();
}
