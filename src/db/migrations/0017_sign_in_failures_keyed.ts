// Frozen: a count of failed sign-ins is forgotten a day after its last failure, for an account as for an address
// without one, so each account row records when its last counted attempt was. An address without an account is
// now kept under an HMAC keyed from the session secret; the rows kept under a plain SHA-256 of what was typed
// are deleted (a count lost this way starts afresh at the next guess, as an account's forgotten count does).
import type { AnyDb } from './dialect.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('users').addColumn('last_failed_sign_in_at', 'text').execute();
  // A count under way when this runs is kept for its day.
  await db.updateTable('users').set({ last_failed_sign_in_at: new Date().toISOString() }).where('failed_sign_ins', '>', 0).execute();
  await db.deleteFrom('sign_in_failures').execute();
}
