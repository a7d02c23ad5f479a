// Hearing of writes made outside this process, on the engine this run uses: another connection's commits on
// SQLite (asked at most every SQLITE_CHECK_MS); notices from migration 0013's triggers on PostgreSQL, heard again
// after the listening connection is cut.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { connectAgain, createTestDb, type TestDb } from '../../test/support/db.ts';
import { createTestApp } from '../../test/support/app.ts';
import { testEngine } from '../../test/support/engines.ts';
import { parseChange, postgresChangeFeed, SQLITE_CHECK_MS, type Change, type ChangeFeed } from './change-feed.ts';
import type { Db } from './create-db.ts';

/** Waits (up to five seconds) until `done` holds: notices arrive a little after the commit that sends them. */
async function until(done: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !done(); waited += 10) {
    if (waited > 5_000) assert.fail(`waited five seconds for ${what}`);
    await sleep(10);
  }
}

const AT = '2026-11-24T09:00:00.000Z';

describe('the change feed', () => {
  let db: TestDb;
  let elsewhere: Db;
  let feed: ChangeFeed;
  const changes: Change[] = [];
  const states: boolean[] = [];
  /** What this engine's feed has heard by now: SQLite is asked, PostgreSQL tells. */
  const heard = () => {
    feed.check();
    return changes;
  };

  before(async () => {
    db = await createTestDb();
    elsewhere = connectAgain(db, 1);
    feed = db.watchChanges({ change: (change) => changes.push(change), state: (live) => states.push(live) });
    await feed.started;
  });
  after(async () => {
    await feed.close();
    await elsewhere.destroy();
    await db.drop();
  });

  it('is live once started', () => {
    assert.equal(feed.live, true);
  });

  it('hears a write committed through another connection', async () => {
    changes.length = 0;
    await sql`insert into wards (name, created_at) values ('Abbey', ${AT})`.execute(elsewhere.kysely);
    await until(() => heard().length > 0, 'the insert to be heard');
    // SQLite knows only that something changed; PostgreSQL names the table and the write.
    assert.deepEqual(changes, [testEngine === 'postgres' ? { table: 'wards', write: 'insert' } : null]);
  });

  it('does not hear a write of its own connection twice, nor a read', { skip: testEngine !== 'sqlite' && 'PostgreSQL announces every commit' }, async () => {
    changes.length = 0;
    await sql`insert into wards (name, created_at) values ('Brook', ${AT})`.execute(db.kysely);
    await sql`select count(*) from wards`.execute(elsewhere.kysely);
    await sleep(SQLITE_CHECK_MS + 5);
    assert.deepEqual(heard(), []);
  });

  it('names each kind of write, and a rolled-back one not at all', { skip: testEngine !== 'postgres' && 'SQLite names no table' }, async () => {
    changes.length = 0;
    await elsewhere.kysely
      .transaction()
      .execute(async (trx) => {
        await sql`update wards set name = 'Abbey North'`.execute(trx);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    await sql`update wards set name = 'Abbey North'`.execute(elsewhere.kysely);
    await sql`delete from wards`.execute(elsewhere.kysely);
    await sql`truncate enquiry_copies`.execute(elsewhere.kysely);
    await until(() => changes.length >= 3, 'three notices');
    assert.deepEqual(changes, [
      { table: 'wards', write: 'update' },
      { table: 'wards', write: 'delete' },
      { table: 'enquiry_copies', write: 'delete' },
    ]);
  });

  it('when its connection is cut, stops being live, says that anything may have changed, and listens again', { skip: testEngine !== 'postgres' && 'SQLite has no connection to lose' }, async () => {
    changes.length = 0;
    states.length = 0;
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'nolan change feed' and datname = current_database()`.execute(elsewhere.kysely);
    await until(() => states.length >= 2, 'the feed to drop and come back');
    assert.deepEqual(states, [false, true]);
    assert.deepEqual(changes, [null, null], 'everything dropped when deaf, and again when hearing');
    assert.equal(feed.live, true);
    changes.length = 0;
    await sql`insert into wards (name, created_at) values ('Castle', ${AT})`.execute(elsewhere.kysely);
    await until(() => changes.length > 0, 'a write after the reconnection');
    assert.deepEqual(changes, [{ table: 'wards', write: 'insert' }]);
  });

  it('stays not live, without throwing, while the database cannot be reached', { skip: testEngine !== 'postgres' && 'SQLite is a file' }, async () => {
    const deaf = postgresChangeFeed('postgres://postgres@127.0.0.1:1/nowhere', { change: () => undefined });
    await deaf.started;
    assert.equal(deaf.live, false);
    await deaf.close();
  });
});

describe('a notice', () => {
  it('is read as a table and a write, or as "anything" when it is not one', () => {
    assert.deepEqual(parseChange('enquiries:insert'), { table: 'enquiries', write: 'insert' });
    assert.equal(parseChange(''), null);
    assert.equal(parseChange(undefined), null);
    assert.equal(parseChange('enquiries'), null);
  });
});

describe('the tables read caches are made from', () => {
  it('all announce their writes on PostgreSQL', { skip: testEngine !== 'postgres' && 'SQLite needs no triggers' }, async () => {
    const t = await createTestApp();
    try {
      const cached = t.app.readCacheTables();
      assert.ok(cached.includes('enquiries') && cached.includes('sessions'), `the caches' tables: ${cached.join(', ')}`);
      const { rows } = await sql<{ table: string }>`
        select distinct c.relname as "table" from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
        where p.proname = 'nolan_announce_change' and not t.tgisinternal`.execute(t.db.kysely);
      const announced = new Set(rows.map((r) => r.table));
      assert.deepEqual(
        cached.filter((table) => !announced.has(table)),
        [],
        'every table a read cache is made from has the trigger',
      );
    } finally {
      await t.close();
    }
  });
});
