// The list page keeps each reader's page of enquiries between writes: served again without reading the database,
// and read afresh after any write to the enquiries, made by this instance or through another connection (another
// instance, the command line). Writes "elsewhere" are raw SQL on a second connection, which this process's own
// write tracking (table-writes.ts) cannot see: only the database's word reaches the page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type RawBuilder } from 'kysely';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { connectAgain } from '../../../test/support/db.ts';
import type { Db } from '../../db/create-db.ts';
import { addEnquiryCouncil, PASSWORD, type EnquiryCouncil } from './enquiry.fixture.ts';

/**
 * A write nothing announces: on this connection, behind Kysely's back (so table-writes.ts does not see it), with
 * PostgreSQL's notice switched off for it.
 */
async function unannouncedUpdate(db: Db, update: RawBuilder<unknown>): Promise<void> {
  if (db.dialect === 'postgres') await sql`alter table enquiries disable trigger enquiries_announce_change`.execute(db.kysely);
  try {
    await update.execute(db.kysely);
  } finally {
    if (db.dialect === 'postgres') await sql`alter table enquiries enable trigger enquiries_announce_change`.execute(db.kysely);
  }
}

describe('the list page between writes', () => {
  let t: TestApp;
  let c: EnquiryCouncil;
  let elsewhere: Db;
  let ann: Agent;
  let head: Agent;

  /** The head of service's queue once it shows (or, after five seconds, does not show) `pattern`. */
  async function queueShowing(pattern: RegExp): Promise<string> {
    let body = (await head.get('/enquiries')).body;
    // A notice from PostgreSQL arrives a moment after the commit; SQLite's data version is asked every few ms.
    for (let waited = 0; !pattern.test(body) && waited < 5_000; waited += 20) {
      await sleep(20);
      body = (await head.get('/enquiries')).body;
    }
    return body;
  }

  before(async () => {
    t = await createTestApp();
    c = await addEnquiryCouncil(t.deps);
    elsewhere = connectAgain(t.db, 1);
    ann = new Agent(t.app);
    await ann.signIn(c.users.ann.email, PASSWORD);
    head = new Agent(t.app);
    await head.signIn(c.users.head.email, PASSWORD);
    await ann.get('/enquiries/new');
    const logged = await ann.post('/enquiries/new', { subject: 'Pothole on Mill Lane', details: 'Deep, outside number 12.', serviceId: String(c.services.highways) });
    assert.equal(logged.statusCode, 303);
  });
  after(async () => {
    await elsewhere.destroy();
    await t.close();
  });

  it('serves a page it has read again without reading the database', async () => {
    assert.match((await head.get('/enquiries')).body, /Pothole on Mill Lane/);
    await unannouncedUpdate(t.db, sql`update enquiries set subject = 'Pothole on Mill Lane (unannounced)'`);
    const again = (await head.get('/enquiries')).body;
    assert.match(again, /Pothole on Mill Lane</, 'the page kept');
    assert.doesNotMatch(again, /unannounced/);
  });

  it('reads the page afresh after a write through another connection', async () => {
    assert.match((await head.get('/enquiries')).body, /Pothole on Mill Lane/);
    await sql`update enquiries set subject = 'Pothole on Mill Lane, now two'`.execute(elsewhere.kysely);
    assert.match(await queueShowing(/now two/), /Pothole on Mill Lane, now two/);
    await sql`update enquiries set status = 'closed'`.execute(elsewhere.kysely);
    const closed = await queueShowing(/No enquiries to show/);
    assert.match(closed, /No enquiries to show/, 'closed elsewhere: gone from the open queue');
    assert.doesNotMatch(closed, /now two/);
  });

  it('reads the page afresh at once after a write made here', async () => {
    assert.match((await head.get('/enquiries')).body, /No enquiries to show/);
    await ann.get('/enquiries/new');
    await ann.post('/enquiries/new', { subject: 'Broken streetlight on Station Road', details: 'Out for a week.', serviceId: String(c.services.highways) });
    assert.match((await head.get('/enquiries')).body, /Broken streetlight on Station Road/);
  });
});

describe('a kept list page at midnight', () => {
  let t: TestApp;
  let head: Agent;

  before(async () => {
    t = await createTestApp({ now: '2026-12-07T23:59:30Z' });
    const c = await addEnquiryCouncil(t.deps);
    const ann = new Agent(t.app);
    await ann.signIn(c.users.ann.email, PASSWORD);
    await ann.get('/enquiries/new');
    assert.equal((await ann.post('/enquiries/new', { subject: 'Fallen tree on Abbey Road', details: 'Blocking the pavement.', serviceId: String(c.services.highways) })).statusCode, 303);
    // Due today: a write made here, so every copy is dropped and the next page reads it.
    await t.db.kysely.updateTable('enquiries').set({ due_on: '2026-12-07' }).execute();
    head = new Agent(t.app);
    await head.signIn(c.users.head.email, PASSWORD);
  });
  after(async () => t.close());

  it('marks an enquiry overdue when the day turns, though the page of enquiries is kept', async () => {
    const today = (await head.get('/enquiries')).body;
    assert.match(today, /7 December 2026/);
    assert.doesNotMatch(today, /govuk-tag--red">\s*Overdue/);
    t.clock.advance(40_000);
    const tomorrow = (await head.get('/enquiries')).body;
    assert.match(tomorrow, /7 December 2026<\/span><br><strong class="govuk-tag govuk-tag--red">\s*Overdue\s*<\/strong>/);
  });
});

for (const copies of ['expiring', 'none']) describe(`the list page with READ_COPIES=${copies}`, () => {
  let t: TestApp;
  let head: Agent;

  before(async () => {
    t = await createTestApp({ env: { READ_COPIES: copies } });
    const c = await addEnquiryCouncil(t.deps);
    const ann = new Agent(t.app);
    await ann.signIn(c.users.ann.email, PASSWORD);
    head = new Agent(t.app);
    await head.signIn(c.users.head.email, PASSWORD);
    await ann.get('/enquiries/new');
    await ann.post('/enquiries/new', { subject: 'Flooded underpass', details: 'Knee deep after rain.', serviceId: String(c.services.highways) });
  });
  after(async () => t.close());

  it('reads each page of enquiries from the database, so even a write nothing announces shows at once', async () => {
    assert.match((await head.get('/enquiries')).body, /Flooded underpass/);
    await unannouncedUpdate(t.db, sql`update enquiries set subject = 'Flooded underpass (unannounced)'`);
    assert.match((await head.get('/enquiries')).body, /Flooded underpass \(unannounced\)/);
  });
});
