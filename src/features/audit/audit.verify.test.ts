import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import { connectAgain, createTestDb, TEST_AUDIT_KEY, withTestDb, type TestDb } from '../../../test/support/db.ts';
import { appendAudit, readChainHead } from './audit.repository.ts';
import { systemActor } from '../../actor.ts';
import { GENESIS_HASH, hashEvent } from './audit.chain.ts';
import { describeVerification, verifyChain } from './audit.verify.ts';
import { appendEvents, type WriterOrders } from './audit.parallel-writer.ts';

async function appendSome(db: TestDb, count: number): Promise<void> {
  for (let i = 1; i <= count; i++) {
    await db.kysely.transaction().execute((trx) =>
      appendAudit(trx, db.dialect, systemActor, { action: 'test.changed', entity: 'test', entityId: i, before: { n: i - 1 }, after: { n: i } }, new Date(Date.UTC(2026, 10, 23, 10, 0, i))),
    );
  }
}

/** What someone with direct access to the database could do: the append-only triggers go first. */
async function dropAppendOnlyTriggers(db: TestDb): Promise<void> {
  if (db.dialect === 'postgres') {
    await sql`drop trigger audit_events_no_update on audit_events`.execute(db.kysely);
  } else {
    await sql`drop trigger audit_events_no_update`.execute(db.kysely);
    await sql`drop trigger audit_events_no_delete`.execute(db.kysely);
  }
}

describe('verifying the audit chain', () => {
  it('reports an intact chain with its length and head, reading a page at a time', () =>
    withTestDb(async (db) => {
      assert.deepEqual(await verifyChain(db.kysely), { intact: true, events: 0, head: { seq: 0, hash: GENESIS_HASH }, checkpointSeq: null });
      await appendSome(db, 10);
      const head = await readChainHead(db.kysely);
      for (const pageSize of [1, 3, 10, 1000]) {
        const result = await verifyChain(db.kysely, undefined, pageSize);
        assert.deepEqual(result, { intact: true, events: 10, head, checkpointSeq: null }, `page size ${pageSize}`);
      }
      assert.equal(describeVerification(await verifyChain(db.kysely)), `chain intact: 10 events, head ${head.hash}`);
    }));

  it('finds a changed event at its own seq', () =>
    withTestDb(async (db) => {
      await appendSome(db, 10);
      await dropAppendOnlyTriggers(db);
      await db.kysely.updateTable('audit_events').set({ after_json: '{"n":99}' }).where('seq', '=', 4).execute();
      const result = await verifyChain(db.kysely, undefined, 3);
      assert.equal(result.intact, false);
      assert.ok(!result.intact);
      assert.equal(result.brokenAt, 4);
      assert.equal(result.events, 3);
      assert.match(result.reason, /content does not match its hash/);
    }));

  it('finds an event rewritten with a recomputed hash at the event itself: the hash is keyed', () =>
    withTestDb(async (db) => {
      await appendSome(db, 10);
      await dropAppendOnlyTriggers(db);
      const event = await db.kysely.selectFrom('audit_events').selectAll().where('seq', '=', 6).executeTakeFirstOrThrow();
      const forged = { ...event, actor: 'someone else' };
      await db.kysely.updateTable('audit_events').set({ actor: forged.actor, hash: hashEvent(forged, null) }).where('seq', '=', 6).execute();
      const result = await verifyChain(db.kysely);
      assert.ok(!result.intact);
      assert.equal(result.brokenAt, 6);
      assert.match(result.reason, /content does not match its hash/);
    }));

  it('finds an event deleted from the middle', () =>
    withTestDb(async (db) => {
      await appendSome(db, 10);
      await dropAppendOnlyTriggers(db);
      await db.kysely.deleteFrom('audit_events').where('seq', '=', 5).execute();
      const result = await verifyChain(db.kysely, undefined, 2);
      assert.ok(!result.intact);
      assert.equal(result.brokenAt, 5);
      assert.match(result.reason, /event 5 is missing: the chain jumps from seq 4 to seq 6/);
    }));

  it('finds events deleted from the end: by the head, and by a checkpoint once the head is wound back', () =>
    withTestDb(async (db) => {
      await appendSome(db, 10);
      const checkpoint = await readChainHead(db.kysely);
      assert.deepEqual(await verifyChain(db.kysely, { hash: checkpoint.hash }), { intact: true, events: 10, head: checkpoint, checkpointSeq: 10 });
      await dropAppendOnlyTriggers(db);
      await db.kysely.deleteFrom('audit_events').where('seq', '>', 7).execute();

      const byHead = await verifyChain(db.kysely);
      assert.ok(!byHead.intact);
      assert.equal(byHead.reason, 'events after seq 7 are missing: the chain head says seq 10');

      // Someone careful also winds the head back: the chain alone now looks whole, the checkpoint does not.
      const seven = await db.kysely.selectFrom('audit_events').select('hash').where('seq', '=', 7).executeTakeFirstOrThrow();
      await db.kysely.updateTable('audit_head').set({ seq: 7, hash: seven.hash }).where('id', '=', 1).execute();
      assert.equal((await verifyChain(db.kysely)).intact, true);

      const byHash = await verifyChain(db.kysely, { hash: checkpoint.hash });
      assert.ok(!byHash.intact);
      assert.equal(byHash.brokenAt, 8);
      assert.match(byHash.reason, /^events after seq 7 are missing: the checkpoint’s hash/);
      const bySeq = await verifyChain(db.kysely, { hash: checkpoint.hash, seq: 10 });
      assert.ok(!bySeq.intact);
      assert.equal(bySeq.reason, 'the chain ends at 7, before the checkpoint’s 10: events were deleted');
      // A checkpoint from before the deletion is still found.
      const five = await db.kysely.selectFrom('audit_events').select('hash').where('seq', '=', 5).executeTakeFirstOrThrow();
      assert.equal((await verifyChain(db.kysely, { hash: five.hash, seq: 5 })).intact, true);
    }));

  it('keeps one unbroken chain when two connection pools append at once', async () => {
    const db = await createTestDb();
    try {
      if (db.dialect === 'postgres') {
        // Two pools, as two app instances: each appends 50 events, five transactions at a time.
        const first = connectAgain(db, 5);
        const second = connectAgain(db, 5);
        try {
          await Promise.all([appendEvents(first, 'first', 50, 5), appendEvents(second, 'second', 50, 5)]);
        } finally {
          await first.destroy();
          await second.destroy();
        }
      } else {
        // node:sqlite waits for locks synchronously, so each connection gets its own thread.
        await runWriterThreads([
          { sqliteFile: db.location, auditKey: TEST_AUDIT_KEY, label: 'first', events: 50, concurrency: 1 },
          { sqliteFile: db.location, auditKey: TEST_AUDIT_KEY, label: 'second', events: 50, concurrency: 1 },
        ]);
      }
      const result = await verifyChain(db.kysely);
      assert.equal(describeVerification(result).split(',')[0], 'chain intact: 100 events');
      const seqs = (await db.kysely.selectFrom('audit_events').select('seq').orderBy('seq').execute()).map((r) => r.seq);
      assert.deepEqual(seqs, Array.from({ length: 100 }, (_, i) => i + 1));
      const byWriter = await db.kysely.selectFrom('audit_events').select(['actor', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('actor').orderBy('actor').execute();
      assert.deepEqual(byWriter.map((r) => [r.actor, Number(r.n)]), [['first', 50], ['second', 50]]);
    } finally {
      await db.drop();
    }
  });
});

/** Starts one writer thread for each order; all connect first, then start appending together. */
async function runWriterThreads(orders: WriterOrders[]): Promise<void> {
  const workers = orders.map((o) => new Worker(new URL('./audit.parallel-writer.ts', import.meta.url), { workerData: o }));
  const reply = (worker: Worker) =>
    new Promise<{ ready?: boolean; ok?: boolean; message?: string }>((resolve, reject) => {
      worker.once('error', reject);
      worker.once('message', resolve);
    });
  await Promise.all(workers.map(reply));
  const finished = workers.map(reply);
  for (const worker of workers) worker.postMessage('go');
  const results = await Promise.all(finished);
  const failed = results.find((r) => !r.ok);
  if (failed) throw new Error(`a writer failed: ${failed.message}`);
}
