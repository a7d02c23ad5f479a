// The PostgreSQL pool outlives a connection the server closes: the process keeps running and the next query works.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDb } from '../../test/support/db.ts';
import { testEngine } from '../../test/support/engines.ts';

it('survives PostgreSQL closing an idle pooled connection', async (t) => {
  if (testEngine !== 'postgres') {
    t.skip('runs in the PostgreSQL half of the suite');
    return;
  }
  const db = await createTestDb({ poolSize: 1 });
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(warning.message);
  process.on('warning', onWarning);
  try {
    const first = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db.kysely);
    const pid = first.rows[0]!.pid;
    const other = await createTestDb();
    try {
      await sql`select pg_terminate_backend(${pid})`.execute(other.kysely);
    } finally {
      await other.drop();
    }
    // The idle client's error arrives asynchronously; wait until the pool has heard it.
    for (let i = 0; i < 100 && warnings.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.match(warnings.join('\n'), /PostgreSQL closed an idle connection/);
    const again = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db.kysely);
    assert.notEqual(again.rows[0]!.pid, pid);
  } finally {
    process.off('warning', onWarning);
    await db.drop();
  }
});
