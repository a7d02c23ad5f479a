// Keying the chain and rotating its key: in one transaction, every event is checked under the old key (or, for
// a chain written before keying, as plain SHA-256) and re-hashed under the new one, the head is moved to the
// new hash and fingerprint, and an event says so, hashed with the new key. A chain that does not verify under
// the old key is never re-hashed: that would launder whatever was changed.
import { sql, type Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import type { Db } from '../../db/create-db.ts';
import { GENESIS_HASH, hashEvent } from './audit.chain.ts';
import { appendAuditWithKey, readChainPage } from './audit.repository.ts';
import type { Actor } from '../../actor.ts';
import { AuditKeyError, keyFingerprint } from './audit-key.ts';

const PAGE = 1000;

/** The append-only trigger of migration 0001 stands aside for the re-hash alone, inside its transaction. */
async function withoutAppendOnlyTrigger(trx: Transaction<Tables>, db: Db, work: () => Promise<void>): Promise<void> {
  if (db.dialect === 'postgres') {
    await sql`drop trigger if exists audit_events_no_update on audit_events`.execute(trx);
    await work();
    await sql`create trigger audit_events_no_update before update or delete on audit_events
      for each row execute function audit_events_append_only()`.execute(trx);
  } else {
    await sql`drop trigger if exists audit_events_no_update`.execute(trx);
    await work();
    await sql`create trigger audit_events_no_update before update on audit_events
      begin select raise(abort, 'audit_events is append-only'); end`.execute(trx);
  }
}

export type Rehashed = { events: number; before: { seq: number; hash: string }; after: { seq: number; hash: string } };

/**
 * Re-hashes the chain from `from` (null: plain SHA-256) to `to`, then appends `closing` with the new key. Throws
 * AuditKeyError, changing nothing, when the head names another key than `from` or an event does not verify.
 */
export async function rehashChain(db: Db, from: string | null, to: string, actor: Actor, closing: { action: string }, at: Date): Promise<Rehashed> {
  return db.kysely.transaction().execute(async (trx) => {
    if (db.dialect === 'sqlite') await trx.updateTable('audit_head').set((eb) => ({ seq: eb.ref('seq') })).where('id', '=', 1).execute();
    let headQuery = trx.selectFrom('audit_head').select(['seq', 'hash', 'key_fingerprint']).where('id', '=', 1);
    if (db.dialect === 'postgres') headQuery = headQuery.forUpdate();
    const head = await headQuery.executeTakeFirstOrThrow();
    if (head.key_fingerprint !== (from === null ? null : keyFingerprint(from))) {
      throw new AuditKeyError(from === null ? 'the audit chain is already keyed' : 'the old audit key is not the one the chain is hashed with');
    }
    let oldPrevious = GENESIS_HASH;
    let newPrevious = GENESIS_HASH;
    let last = 0;
    await withoutAppendOnlyTrigger(trx, db, async () => {
      for (let after = 0; ; ) {
        const page = await readChainPage(trx, after, head.seq, PAGE);
        for (const event of page) {
          if (event.seq !== last + 1 || event.prev_hash !== oldPrevious || hashEvent(event, from) !== event.hash) {
            throw new AuditKeyError(`the audit chain does not verify at event ${last + 1}: it was not re-hashed (run nolan audit verify)`);
          }
          const hash = hashEvent({ ...event, prev_hash: newPrevious }, to);
          await trx.updateTable('audit_events').set({ prev_hash: newPrevious, hash }).where('seq', '=', event.seq).execute();
          oldPrevious = event.hash;
          newPrevious = hash;
          last = event.seq;
        }
        if (page.length < PAGE) break;
        after = last;
      }
    });
    if (last !== head.seq || oldPrevious !== head.hash) throw new AuditKeyError(`the audit chain does not verify: it ends at ${last} but its head says ${head.seq}`);
    await trx.updateTable('audit_head').set({ hash: newPrevious, key_fingerprint: keyFingerprint(to) }).where('id', '=', 1).execute();
    const before = { seq: head.seq, hash: head.hash };
    await appendAuditWithKey(trx, db.dialect, to, actor, { action: closing.action, entity: 'audit', after: { events: last, before } }, at);
    const now = await trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
    return { events: last, before, after: now };
  });
}

/**
 * At start: a chain written before keying is verified as it was written and re-hashed with the key, once; an
 * empty chain takes the key with its first event. A chain keyed with another key is refused (AuditKeyError).
 */
export async function keyChainAtStart(db: Db, key: string, at: Date): Promise<'keyed' | 'already' | 'empty'> {
  const head = await db.kysely.selectFrom('audit_head').select(['seq', 'key_fingerprint']).where('id', '=', 1).executeTakeFirstOrThrow();
  if (head.key_fingerprint === keyFingerprint(key)) return 'already';
  if (head.key_fingerprint !== null) throw new AuditKeyError('AUDIT_KEY is not the key this audit chain is hashed with: start with that key, or rotate it with nolan audit rekey');
  if (head.seq === 0) return 'empty';
  await rehashChain(db, null, key, { userId: null, label: 'system' }, { action: 'audit.chain-keyed' }, at);
  return 'keyed';
}
