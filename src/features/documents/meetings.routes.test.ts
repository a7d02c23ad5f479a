// Adding a meeting: custodians only, every problem named, audited, and then straight on to filing a paper.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { addDocumentCouncil, PASSWORD, type DocumentCouncil } from './document.fixture.ts';
import { readable } from '../../../test/support/html.ts';

describe('adding a meeting', () => {
  let t: TestApp;
  let c: DocumentCouncil;
  before(async () => {
    t = await createTestApp();
    c = await addDocumentCouncil(t.deps);
  });
  after(async () => t.close());

  it('names every problem, then adds the meeting, audits it, and offers it for the next paper', async () => {
    const clerk = new Agent(t.app);
    await clerk.signIn(c.users.clerk.email, PASSWORD);
    await clerk.get('/documents/meetings/new');
    const bad = await clerk.post('/documents/meetings/new', { bodyId: '', title: '', 'heldOn-day': '30', 'heldOn-month': '2', 'heldOn-year': '2027' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /href="#bodyId">Select the committee or body that meets/);
    assert.match(readable(bad.body), /href="#title">Enter the meeting’s title/);
    assert.match(bad.body, /href="#heldOn-day">The date of the meeting must be a real date/);
    const missingDate = await clerk.post('/documents/meetings/new', { bodyId: String(c.bodies.planning), title: 'Planning Committee' });
    assert.match(missingDate.body, /href="#heldOn-day">Enter the date of the meeting/);
    const good = await clerk.post('/documents/meetings/new', { bodyId: String(c.bodies.planning), title: 'Planning Committee, 14 January 2027', 'heldOn-day': '14', 'heldOn-month': '1', 'heldOn-year': '2027' });
    assert.equal(good.statusCode, 303);
    const id = Number(/meeting=(\d+)/.exec(String(good.headers.location))![1]);
    const form = await clerk.get(String(good.headers.location));
    assert.match(form.body, new RegExp(`<option value="${id}" selected>Planning Committee, 14 January 2027</option>`));
    assert.match(form.body, new RegExp(`<option value="${c.bodies.planning}" selected>Planning Committee</option>`));
    const audited = await t.db.kysely.selectFrom('audit_events').select('after_json').where('action', '=', 'meeting.created').where('entity_id', '=', String(id)).executeTakeFirst();
    assert.match(audited!.after_json!, /2027-01-14/);
  });

  it('is for the register’s custodians only', async () => {
    const member = new Agent(t.app);
    await member.signIn(c.users.red.email, PASSWORD);
    assert.equal((await member.get('/documents/meetings/new')).statusCode, 403);
    assert.equal((await member.post('/documents/meetings/new', { title: 'x' })).statusCode, 403);
  });
});
