// The read caches: copies expire by the app's clock, a write in this process to a table a copy is made from drops
// it, a value read before a change is not kept after it, and a session is read from the database at most once a
// minute while a change made here (signing out, disabling the account) still takes effect at once.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDb, type TestDb } from '../../test/support/db.ts';
import { Agent, createTestApp, type TestApp } from '../../test/support/app.ts';
import { fixedClock } from '../clock.ts';
import { onTableWrite } from '../db/table-writes.ts';
import { createAccount, setAccountDisabled } from '../features/accounts/accounts.service.ts';
import { systemActor } from '../features/audit/audit.repository.ts';
import { ReadCache } from './read-cache.ts';
import { TOUCH_INTERVAL_MS } from './session.ts';

const PASSWORD = 'a long enough password for the cache';

describe('a read cache', () => {
  it('keeps a value until its time is up', async () => {
    const clock = fixedClock('2026-11-23T09:00:00Z');
    const cache = new ReadCache<string>(clock, 1_000);
    let loads = 0;
    const load = async () => `value ${++loads}`;
    assert.equal(await cache.through('k', load), 'value 1');
    clock.advance(999);
    assert.equal(await cache.through('k', load), 'value 1');
    clock.advance(1);
    assert.equal(await cache.through('k', load), 'value 2');
  });

  it('does not keep a value read before it was cleared', async () => {
    const cache = new ReadCache<string>(fixedClock('2026-11-23T09:00:00Z'), 60_000);
    const version = cache.version;
    cache.clear();
    cache.set('k', 'read before the change', version);
    assert.equal(cache.get('k'), undefined);
    cache.set('k', 'read after it', cache.version);
    assert.equal(cache.get('k'), 'read after it');
  });
});

describe('writes seen by table', () => {
  let db: TestDb;
  before(async () => {
    db = await createTestDb();
  });
  after(async () => db.drop());

  it('names the table of each insert, update and delete made through Kysely, and nothing for reads', async () => {
    const seen: string[] = [];
    const stop = onTableWrite((table, write) => seen.push(`${write} ${table}`));
    try {
      const at = '2026-11-23T09:00:00.000Z';
      const { id } = await db.kysely.insertInto('wards').values({ external_id: null, name: 'Abbey', created_at: at }).returning('id').executeTakeFirstOrThrow();
      await db.kysely.updateTable('wards as w').set({ name: 'Abbey North' }).where('w.id', '=', id).execute();
      await db.kysely.selectFrom('wards').selectAll().execute();
      await db.kysely.deleteFrom('wards').where('id', '=', id).execute();
    } finally {
      stop();
    }
    assert.deepEqual(seen, ['insert wards', 'update wards', 'delete wards']);
  });
});

describe('the session cache', () => {
  let t: TestApp;
  let agent: Agent;
  const email = 'cached.officer@council.gov.uk';
  before(async () => {
    t = await createTestApp({ now: '2026-11-23T09:00:00Z' });
    await createAccount(t.deps, systemActor, { email, fullName: 'Cached Officer', roles: [], password: PASSWORD });
    agent = new Agent(t.app);
    await agent.signIn(email, PASSWORD);
  });
  after(async () => t.close());

  it('reads the session from the database at most once a minute', async () => {
    assert.equal((await agent.get('/account')).statusCode, 200);
    // Removed behind Kysely's back (raw SQL names no table to the cache), as another instance would remove it.
    await sql`delete from sessions`.execute(t.db.kysely);
    assert.equal((await agent.get('/account')).statusCode, 200, 'still known within the minute');
    t.clock.advance(TOUCH_INTERVAL_MS);
    assert.equal((await agent.get('/account')).statusCode, 303, 'read afresh after a minute, and gone');
  });

  it('ends the sessions of an account disabled in this process at once', async () => {
    await agent.signIn(email, PASSWORD);
    assert.equal((await agent.get('/account')).statusCode, 200);
    const user = await t.db.kysely.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    await setAccountDisabled(t.deps, systemActor, user.id, true);
    assert.equal((await agent.get('/account')).statusCode, 303);
  });
});
