// The chain is keyed: someone who can rewrite the database but does not hold the audit key cannot give a
// changed event a hash that verifies, however carefully they recompute the chain after it. A checkpoint kept
// outside the database (the Monitoring Officer's daily mail) tells a deletion from a rewrite; a chain from
// before keying is verified and keyed once; rotation leaves it verifiable with the new key and not the old.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { TEST_AUDIT_KEY, withTestDb, type TestDb } from '../../../test/support/db.ts';
import { appendAudit, readChainHead, readChainPage, readKeyFingerprint } from './audit.repository.ts';
import { systemActor } from '../../actor.ts';
import { GENESIS_HASH, hashEvent } from './audit.chain.ts';
import { verifyChain } from './audit.verify.ts';
import { keyChainAtStart, rehashChain } from './audit.rekey.ts';
import { AuditKeyError, keyFingerprint } from './audit-key.ts';

const OTHER_KEY = 'another-key-another-key-another-key-0123';

async function appendSome(db: TestDb, count: number): Promise<void> {
  for (let i = 1; i <= count; i++) {
    await db.kysely.transaction().execute((trx) => appendAudit(trx, db.dialect, systemActor, { action: 'test.changed', entity: 'test', entityId: i, after: { n: i } }, new Date(Date.UTC(2026, 10, 23, 10, 0, i))));
  }
}

async function dropAppendOnlyTriggers(db: TestDb): Promise<void> {
  if (db.dialect === 'postgres') await sql`drop trigger if exists audit_events_no_update on audit_events`.execute(db.kysely);
  else {
    await sql`drop trigger if exists audit_events_no_update`.execute(db.kysely);
    await sql`drop trigger if exists audit_events_no_delete`.execute(db.kysely);
  }
}

/** What someone with the database but not the key can do: change event `from` and re-chain every event after it. */
async function rewriteFrom(db: TestDb, from: number, key: string | null): Promise<void> {
  await dropAppendOnlyTriggers(db);
  const events = await readChainPage(db.kysely, 0, 1_000_000, 1_000_000);
  let previous = GENESIS_HASH;
  for (const event of events) {
    if (event.seq >= from) {
      const forged = { ...event, prev_hash: previous, after_json: event.seq === from ? '{"n":"something else"}' : event.after_json };
      const hash = hashEvent(forged, key);
      await db.kysely.updateTable('audit_events').set({ after_json: forged.after_json, prev_hash: previous, hash }).where('seq', '=', event.seq).execute();
      previous = hash;
    } else previous = event.hash;
  }
  await db.kysely.updateTable('audit_head').set({ hash: previous }).where('id', '=', 1).execute();
}

describe('the keyed audit chain', () => {
  it('names the first rewritten event when the chain after it was recomputed without the key, or with a wrong one', () =>
    withTestDb(async (db) => {
      await appendSome(db, 10);
      for (const key of [null, OTHER_KEY]) {
        await rewriteFrom(db, 4, key);
        const result = await verifyChain(db.kysely);
        assert.ok(!result.intact, `recomputed ${key === null ? 'unkeyed' : 'with a wrong key'}: caught`);
        assert.equal(result.brokenAt, 4);
        assert.match(result.reason, /content does not match its hash/);
      }
    }));

  it('reports events deleted from the end, with the head wound back, as a deletion against the mailed checkpoint', () =>
    withTestDb(async (db) => {
      await appendSome(db, 10);
      const mailed = await readChainHead(db.kysely);
      await dropAppendOnlyTriggers(db);
      await db.kysely.deleteFrom('audit_events').where('seq', '>', 7).execute();
      const seven = await db.kysely.selectFrom('audit_events').select('hash').where('seq', '=', 7).executeTakeFirstOrThrow();
      await db.kysely.updateTable('audit_head').set({ seq: 7, hash: seven.hash }).where('id', '=', 1).execute();
      assert.equal((await verifyChain(db.kysely)).intact, true, 'the chain alone cannot tell');
      const result = await verifyChain(db.kysely, { seq: mailed.seq, hash: mailed.hash });
      assert.ok(!result.intact);
      assert.equal(result.reason, 'the chain ends at 7, before the checkpoint’s 10: events were deleted');
    }));

  it('reports a rewrite against the checkpoint as a rewrite, with or without the key', () =>
    withTestDb(async (db) => {
      await appendSome(db, 10);
      const mailed = await readChainHead(db.kysely);
      await rewriteFrom(db, 4, null);
      const withoutKey = await verifyChain(db.kysely, { seq: mailed.seq, hash: mailed.hash });
      assert.ok(!withoutKey.intact);
      assert.match(withoutKey.reason, /^event 4 was rewritten: its hash no longer matches the checkpoint at seq 10/);
      // Someone who holds the key too: the chain verifies alone, and the checkpoint still shows the rewrite.
      await rewriteFrom(db, 4, TEST_AUDIT_KEY);
      assert.equal((await verifyChain(db.kysely)).intact, true);
      const withKey = await verifyChain(db.kysely, { seq: mailed.seq, hash: mailed.hash });
      assert.ok(!withKey.intact);
      assert.equal(withKey.reason, 'event 10 was rewritten: its hash no longer matches the checkpoint');
    }));

  it('rotates the key in one step: verifiable with the new key and not the old, with an event that says so', () =>
    withTestDb(async (db) => {
      await appendSome(db, 5);
      const done = await rehashChain(db, TEST_AUDIT_KEY, OTHER_KEY, systemActor, { action: 'audit.rekeyed' }, new Date('2026-11-24T09:00:00Z'));
      assert.deepEqual([done.events, done.after.seq], [5, 6]);
      const withNew = await verifyChain(db.kysely, undefined, 2, OTHER_KEY);
      assert.ok(withNew.intact, withNew.intact ? '' : withNew.reason);
      assert.equal((await verifyChain(db.kysely, undefined, 2, TEST_AUDIT_KEY)).intact, false);
      assert.equal(await readKeyFingerprint(db.kysely), keyFingerprint(OTHER_KEY));
      const last = await db.kysely.selectFrom('audit_events').select(['action', 'after_json']).where('seq', '=', 6).executeTakeFirstOrThrow();
      assert.equal(last.action, 'audit.rekeyed');
      // The append-only rule stands again once the re-hash is done.
      await assert.rejects(db.kysely.updateTable('audit_events').set({ actor: 'x' }).where('seq', '=', 1).execute(), /append-only/);
      // The old key cannot rotate it again, nor can this process append with it.
      await assert.rejects(rehashChain(db, TEST_AUDIT_KEY, OTHER_KEY, systemActor, { action: 'audit.rekeyed' }, new Date()), AuditKeyError);
      await assert.rejects(appendSome(db, 1), AuditKeyError);
    }));

  it('keys a chain written before keying once, after verifying it, and refuses a tampered one', () =>
    withTestDb(async (db) => {
      // A chain as it was written before keying: plain SHA-256, and no fingerprint in the head.
      await appendSome(db, 6);
      await rewriteFrom(db, 1, null);
      await db.kysely.updateTable('audit_head').set({ key_fingerprint: null }).where('id', '=', 1).execute();
      assert.match((await verifyChain(db.kysely)).intact ? '' : 'not keyed', /not keyed/, 'an unkeyed chain does not pass as verified');
      await assert.rejects(appendSome(db, 1), /not keyed yet/);
      assert.equal(await keyChainAtStart(db, TEST_AUDIT_KEY, new Date('2026-11-24T09:00:00Z')), 'keyed');
      const keyed = await verifyChain(db.kysely);
      assert.ok(keyed.intact, keyed.intact ? '' : keyed.reason);
      assert.equal(keyed.events, 7);
      assert.equal((await db.kysely.selectFrom('audit_events').select('action').where('seq', '=', 7).executeTakeFirstOrThrow()).action, 'audit.chain-keyed');
      assert.equal(await keyChainAtStart(db, TEST_AUDIT_KEY, new Date()), 'already');
      await assert.rejects(keyChainAtStart(db, OTHER_KEY, new Date()), /AUDIT_KEY is not the key/);
    }));

  it('will not key a chain from before keying that does not verify: nothing is changed', () =>
    withTestDb(async (db) => {
      await appendSome(db, 6);
      await rewriteFrom(db, 1, null);
      await db.kysely.updateTable('audit_head').set({ key_fingerprint: null }).where('id', '=', 1).execute();
      await db.kysely.updateTable('audit_events').set({ actor: 'someone else' }).where('seq', '=', 3).execute();
      const before = await readChainHead(db.kysely);
      await assert.rejects(keyChainAtStart(db, TEST_AUDIT_KEY, new Date()), /does not verify at event 3/);
      assert.deepEqual(await readChainHead(db.kysely), before);
      assert.equal(await readKeyFingerprint(db.kysely), null);
    }));
});
