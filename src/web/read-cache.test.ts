// The read caches: copies expire by the app's clock, a write in this process to a table a copy is made from drops
// it, a value read before a change is not kept after it, and a session is read from the database at most once a
// minute while a change made here (signing out, disabling the account) still takes effect at once.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { setTimeout as sleep } from 'node:timers/promises';
import { connectAgain, createTestDb, type TestDb } from '../../test/support/db.ts';
import { Agent, createTestApp, type TestApp } from '../../test/support/app.ts';
import { fixedClock } from '../clock.ts';
import { onTableWrite } from '../db/table-writes.ts';
import { createAccount, setAccountDisabled } from '../features/accounts/accounts.service.ts';
import { systemActor } from '../actor.ts';
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

  it('reads once for everyone who asks for the same key while it is being read, and afresh after a clear', async () => {
    const cache = new ReadCache<string>(fixedClock('2026-11-23T09:00:00Z'), 60_000);
    let loads = 0;
    const pending: (() => void)[] = [];
    const load = () => new Promise<string>((resolve) => pending.push(() => resolve(`value ${++loads}`)));
    const waiting = [cache.through('k', load), cache.through('k', load), cache.through('k', load)];
    assert.equal(pending.length, 1, 'one read for three readers');
    pending.shift()!();
    assert.deepEqual(await Promise.all(waiting), ['value 1', 'value 1', 'value 1']);
    const before = cache.through('k2', load);
    cache.clear();
    const after = cache.through('k2', load);
    assert.equal(pending.length, 2, 'a read begun after the clear does not wait on one begun before it');
    for (const resolve of pending.splice(0)) resolve();
    assert.deepEqual([await before, await after], ['value 2', 'value 3']);
    assert.equal(cache.get('k2'), 'value 3', 'only the read begun after the clear is kept');
  });

  it('drops its oldest entry when full, not everything', () => {
    const cache = new ReadCache<number>(fixedClock('2026-11-23T09:00:00Z'), 60_000, { maxEntries: 2 });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('a', 3);
    cache.set('c', 4);
    assert.deepEqual([cache.get('a'), cache.get('b'), cache.get('c')], [3, undefined, 4]);
  });

  it('keeps and serves an exact copy only while writes made elsewhere are being heard', async () => {
    let live = true;
    const cache = new ReadCache<string>(fixedClock('2026-11-23T09:00:00Z'), 60_000, { exact: true, live: () => live });
    cache.set('k', 'kept');
    live = false;
    assert.equal(cache.get('k'), undefined, 'not served while deaf');
    let loads = 0;
    const load = async () => `read ${++loads}`;
    assert.equal(await cache.through('k', load), 'read 1');
    assert.equal(await cache.through('k', load), 'read 2', 'read through, not kept');
    live = true;
    const relaxed = new ReadCache<string>(fixedClock('2026-11-23T09:00:00Z'), 60_000, { live: () => false });
    relaxed.set('k', 'kept');
    assert.equal(relaxed.get('k'), 'kept', 'a cache that need not be exact still serves until its time is up');
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
    // Aged behind Kysely's back (raw SQL names no table to the cache). An update is not an end, so no cache drops
    // it: only reading the session again finds it idle for too long.
    await sql`update sessions set last_seen_at = ${'2026-11-23T01:00:00.000Z'}`.execute(t.db.kysely);
    assert.equal((await agent.get('/account')).statusCode, 200, 'still known within the minute');
    t.clock.advance(TOUCH_INTERVAL_MS);
    assert.equal((await agent.get('/account')).statusCode, 303, 'read afresh after a minute, and gone');
  });

  it('ends a session ended through another instance at once, not a minute later', async () => {
    await agent.signIn(email, PASSWORD);
    assert.equal((await agent.get('/account')).statusCode, 200);
    const elsewhere = connectAgain(t.db, 1);
    try {
      await sql`delete from sessions`.execute(elsewhere.kysely);
    } finally {
      await elsewhere.destroy();
    }
    // A moment later: PostgreSQL's notice arrives, or SQLite's data version is next asked (change-feed.ts).
    let status = (await agent.get('/account')).statusCode;
    for (let waited = 0; status === 200 && waited < 5_000; waited += 20) {
      await sleep(20);
      status = (await agent.get('/account')).statusCode;
    }
    assert.equal(status, 303);
  });

  it('ends the sessions of an account disabled in this process at once', async () => {
    await agent.signIn(email, PASSWORD);
    assert.equal((await agent.get('/account')).statusCode, 200);
    const user = await t.db.kysely.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    await setAccountDisabled(t.deps, systemActor, user.id, true);
    assert.equal((await agent.get('/account')).statusCode, 303);
  });
});

describe('sessions as READ_COPIES says', () => {
  const email = 'copies.officer@council.gov.uk';
  /** Whether a session aged behind Kysely's back still lets its holder in within the minute. */
  async function stillKnownWhenAged(copies: string): Promise<boolean> {
    const t = await createTestApp({ now: '2026-11-23T09:00:00Z', env: { READ_COPIES: copies } });
    try {
      await createAccount(t.deps, systemActor, { email, fullName: 'Copies Officer', roles: [], password: PASSWORD });
      const agent = new Agent(t.app);
      await agent.signIn(email, PASSWORD);
      assert.equal((await agent.get('/account')).statusCode, 200);
      await sql`update sessions set last_seen_at = ${'2026-11-23T01:00:00.000Z'}`.execute(t.db.kysely);
      return (await agent.get('/account')).statusCode === 200;
    } finally {
      await t.close();
    }
  }

  it('keeps who is signed in for up to a minute with expiring copies, as with kept ones', async () => {
    assert.equal(await stillKnownWhenAged('expiring'), true);
    assert.equal(await stillKnownWhenAged('kept'), true);
  });

  it('reads the session on every request with none', async () => {
    assert.equal(await stillKnownWhenAged('none'), false);
  });
});

describe('what a read cache holds', () => {
  it('knows a value it keeps, under any key, until it is dropped', () => {
    const cache = new ReadCache<string[]>(fixedClock('2026-11-23T09:00:00Z'), 60_000);
    const kept = ['a'];
    cache.set('one', kept);
    assert.equal(cache.holds(kept), true);
    assert.equal(cache.holds(['a']), false, 'an equal value is not the one kept');
    cache.clear();
    assert.equal(cache.holds(kept), false);
  });

  it('holds nothing while an exact cache is not to be trusted', () => {
    let live = true;
    const cache = new ReadCache<string[]>(fixedClock('2026-11-23T09:00:00Z'), 60_000, { exact: true, live: () => live });
    const kept = ['a'];
    cache.set('one', kept);
    live = false;
    assert.equal(cache.holds(kept), false);
  });
});
