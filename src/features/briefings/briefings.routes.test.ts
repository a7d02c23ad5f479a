// The briefing pages over a real database: a leader asks, the officer answers, the meeting is recorded and the
// notes verified; bad input gets an error summary and stores nothing; two answers at once get a conflict; and
// each role sees only what it should — another group only what the protocol has it told.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { addBriefingCouncil, PASSWORD, type BriefingCouncil } from './briefing.fixture.ts';
import { readable } from '../../../test/support/html.ts';

describe('the briefing pages', () => {
  let t: TestApp;
  let c: BriefingCouncil;
  const agents = new Map<string, Agent>();
  const as = async (who: keyof BriefingCouncil['users']) => {
    const known = agents.get(who);
    if (known) return known;
    const agent = new Agent(t.app);
    await agent.signIn(c.users[who].email, PASSWORD);
    agents.set(who, agent);
    return agent;
  };
  const request = { officerId: '', subject: 'Town centre regeneration', 'meetsOn-day': '2', 'meetsOn-month': '12', 'meetsOn-year': '2026', attendees: 'Red councillors', nonMembersPresent: 'no', partyBusiness: 'no' };
  let id = 0;

  before(async () => {
    t = await createTestApp();
    c = await addBriefingCouncil(t.deps, 'model');
    request.officerId = String(c.officers.director);
  });
  after(async () => t.close());

  it('shows the request form to a group leader only, and an error summary for bad input, storing nothing', async () => {
    const rita = await as('rita');
    const form = await rita.get('/briefings/new');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Ask an officer to brief your group/);
    assert.equal((await (await as('rob')).get('/briefings/new')).statusCode, 403);
    const bad = await rita.post('/briefings/new', { ...request, subject: '', 'meetsOn-day': '31', 'meetsOn-month': '2' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /govuk-error-summary/);
    assert.match(bad.body, /href="#subject">Enter the subject of the briefing/);
    assert.match(bad.body, /href="#meetsOn-day">/);
    const junior = await rita.post('/briefings/new', { ...request, officerId: String(c.officers.junior) });
    assert.equal(junior.statusCode, 400);
    assert.match(readable(junior.body), /href="#officerId">The council’s protocol does not allow this briefing \(clause 92\)/);
    assert.equal(Number((await t.db.kysely.selectFrom('briefings').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n), 0);
  });

  it('lets the leader name the group’s secretary, who may then ask for briefings', async () => {
    const rita = await as('rita');
    const list = await rita.get('/briefings');
    assert.match(readable(list.body), /Your group’s secretary/);
    assert.equal((await rita.post('/briefings/secretary', { secretaryId: String(c.members.bea) })).statusCode, 400, 'not a member of the group');
    assert.equal((await rita.post('/briefings/secretary', { secretaryId: String(c.members.rob) })).statusCode, 303);
    const rob = await as('rob');
    assert.equal((await rob.get('/briefings/new')).statusCode, 200);
    assert.doesNotMatch(readable((await rob.get('/briefings')).body), /Your group’s secretary/, 'only the leader and deputy name the secretary');
    await rita.get('/briefings');
    assert.equal((await rita.post('/briefings/secretary', { secretaryId: '' })).statusCode, 303);
    assert.equal((await rob.get('/briefings/new')).statusCode, 403);
    const audit = await t.db.kysely.selectFrom('audit_events').select('action').where('action', '=', 'group.secretary-named').execute();
    assert.equal(audit.length, 2);
  });

  it('takes the request and shows the protocol’s answer, its clauses and the duties with whether each is done', async () => {
    const rita = await as('rita');
    const sent = await rita.post('/briefings/new', request);
    assert.equal(sent.statusCode, 303);
    id = Number(/\/briefings\/(\d+)/.exec(sent.headers.location as string)![1]);
    const page = await rita.get(sent.headers.location as string);
    assert.match(page.body, /Your request was sent to the officer/);
    assert.match(page.body, /Clause 81: senior officers may properly be asked/);
    assert.match(page.body, /The Chief Executive tells every other group that the officer attended and the subject of the advice/);
    assert.match(page.body, /Sent when the briefing is recorded as held/);
    assert.doesNotMatch(page.body, /Will you brief the group\?/, 'only the officer answers');
  });

  it('lists the invitation for the officer, who accepts; a stale second answer is a conflict', async () => {
    const dev = await as('director');
    const list = await dev.get('/briefings');
    assert.match(list.body, /Invitations awaiting your answer/);
    assert.match(list.body, new RegExp(`href="/briefings/${id}">Town centre regeneration`));
    const page = await dev.get(`/briefings/${id}`);
    assert.match(page.body, /Will you brief the group\?/);
    const missing = await dev.post(`/briefings/${id}/answer`, { version: '1' });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /href="#answer-answer">Select whether you accept or decline/);
    assert.equal((await dev.post(`/briefings/${id}/answer`, { version: '1', answer: 'accept' })).statusCode, 303);
    const again = await dev.post(`/briefings/${id}/answer`, { version: '1', answer: 'decline', reason: 'No' });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /Someone changed BRF-/);
  });

  it('records the meeting after the day, sends the notes to the officer to verify, and tells the other groups', async () => {
    t.clock.set('2026-12-03T09:00:00Z');
    agents.clear(); // the sessions lapsed overnight
    const rita = await as('rita');
    assert.match((await rita.get(`/briefings/${id}`)).body, /Record the meeting/);
    const bad = await rita.post(`/briefings/${id}/outcome`, { version: '2', held: 'yes', minutesAttended: '0' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /href="#outcome-minutesAttended">/);
    assert.match(bad.body, /href="#outcome-leftBeforePartyBusiness">/);
    const ok = await rita.post(`/briefings/${id}/outcome`, { version: '2', held: 'yes', minutesAttended: '50', leftBeforePartyBusiness: 'yes', notes: 'Masterplan phases discussed in confidence.', attributedComments: 'The Director expects phase one in 2028.' });
    assert.equal(ok.statusCode, 303);
    const dev = await as('director');
    assert.match((await dev.get('/briefings')).body, /Notes waiting for you to verify/);
    assert.match((await dev.get(`/briefings/${id}`)).body, /Verify what the notes say you said/);
    assert.equal((await dev.post(`/briefings/${id}/verification`, { version: '3', response: 'Phase one is expected to start in 2028, subject to funding.' })).statusCode, 303);
    const page = await rita.get(`/briefings/${id}`);
    assert.match(page.body, /The officer has verified the comments attributed to them/);
    assert.match(page.body, /Told on 3 December 2026: Cllr Bea Blue, for the Blue Group; Cllr Gus Green, for the Green Group/);
  });

  it('shows another group only what it was told, never the briefing or its notes', async () => {
    const bea = await as('bea');
    assert.equal((await bea.get(`/briefings/${id}`)).statusCode, 404);
    const list = await bea.get('/briefings');
    assert.match(readable(list.body), /Dev Director, Director of Place, attended a meeting of the Red Group on 2 December 2026 and advised on “Town centre regeneration”/);
    assert.doesNotMatch(list.body, /Masterplan|2028/);
    const ivy = await as('ivy');
    assert.equal((await ivy.get(`/briefings/${id}`)).statusCode, 404);
    assert.doesNotMatch((await ivy.get('/briefings')).body, /Town centre regeneration/, 'the model protocol tells groups, not members in no group');
    assert.equal((await (await as('clerk')).get('/briefings')).statusCode, 403);
    assert.equal((await (await as('junior')).get(`/briefings/${id}`)).statusCode, 404);
  });

  it('shows every group’s briefings, notes included, to the Chief Executive and the Monitoring Officer', async () => {
    for (const who of ['chief', 'monitoring'] as const) {
      const agent = await as(who);
      const page = await agent.get(`/briefings/${id}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Masterplan phases discussed in confidence/);
      const list = await agent.get(`/briefings?group=${c.groups.red}&status=held`);
      assert.match(list.body, /Briefings \(1\)/);
      assert.equal((await agent.get('/briefings?status=nonsense')).statusCode, 400);
    }
  });
});
