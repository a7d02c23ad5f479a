// A second writer in its own thread, for the parallel-writers test: it opens its own connection to the
// database, as another instance or a command run beside the server would, and appends events to the chain,
// each in a transaction of its own. On SQLite a second connection must be in another thread (or process):
// node:sqlite waits for a lock synchronously, so two connections in one thread would wait on each other.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createPostgresDb, createSqliteDb, type Db } from '../../db/create-db.ts';
import { appendAudit } from './audit.repository.ts';
import { useAuditKey } from './audit-key.ts';

export type WriterOrders = { sqliteFile?: string; postgresUrl?: string; auditKey: string; label: string; events: number; concurrency: number };

/** Appends `events` events, `concurrency` transactions at a time. */
export async function appendEvents(db: Db, label: string, events: number, concurrency: number): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < events) {
      const n = next++;
      await db.kysely.transaction().execute((trx) =>
        appendAudit(trx, db.dialect, { userId: null, label }, { action: 'test.parallel-append', entity: 'test', entityId: `${label}-${n}` }, new Date()),
      );
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
}

if (!isMainThread && parentPort) {
  const orders = workerData as WriterOrders;
  useAuditKey(orders.auditKey);
  const db = orders.postgresUrl ? createPostgresDb(orders.postgresUrl, orders.concurrency) : createSqliteDb(orders.sqliteFile!);
  try {
    // Both writers connect first and start together when told, so that their transactions overlap.
    await db.kysely.selectFrom('audit_head').select('seq').execute();
    const go = new Promise((resolve) => parentPort!.once('message', resolve));
    parentPort.postMessage({ ready: true });
    await go;
    await appendEvents(db, orders.label, orders.events, orders.concurrency);
    parentPort.postMessage({ ok: true });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  } finally {
    await db.destroy();
  }
}
