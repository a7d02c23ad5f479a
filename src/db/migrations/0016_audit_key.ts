// Frozen: the audit chain is keyed (HMAC-SHA256 with a secret kept out of the database). The head records the
// key's fingerprint, never the key: null while a chain written before keying has not yet been re-hashed, so
// that the first start with a key knows to verify it unkeyed and re-hash it, and a start with another key is
// refused rather than writing events no verification could check.
import type { AnyDb } from './dialect.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('audit_head').addColumn('key_fingerprint', 'text').execute();
}
