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

it('prepares a read once per connection and runs it again by name, with each call’s own values', async (t) => {
  if (testEngine !== 'postgres') {
    t.skip('runs in the PostgreSQL half of the suite');
    return;
  }
  const db = await createTestDb({ poolSize: 1 });
  try {
    const query = (id: number) => db.kysely.selectFrom('council').select(['id', 'name']).where('id', '=', id);
    const read = (id: number) => query(id).execute();
    const sqlText = query(1).compile().sql;
    assert.deepEqual(await read(1), []);
    await db.kysely.insertInto('council').values({ id: 1, name: 'Riverbend', profile_id: 'model', nation: 'england-and-wales', kind: 'principal', area_term: 'ward', updated_at: '2026-11-23T10:00:00Z' }).execute();
    assert.deepEqual(await read(1), [{ id: 1, name: 'Riverbend' }]);
    assert.deepEqual(await read(2), []);
    const prepared = await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(db.kysely);
    const named = prepared.rows.filter((r) => r.statement === sqlText);
    assert.equal(named.length, 1, 'the read is prepared once on the connection');
    assert.match(named[0]!.name, /^nolan_\d+$/);
    assert.ok(!prepared.rows.some((r) => /^insert/i.test(r.statement)), 'writes are not prepared');
  } finally {
    await db.drop();
  }
});
