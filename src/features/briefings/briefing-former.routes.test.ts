// After the day an officer leaves or a member's term ends, with their accounts still enabled: the officer invited
// to brief a group, the Monitoring Officer who oversaw it and the group leader who asked for it are refused the
// briefing on every page, the API and the home page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { issueApiToken } from '../accounts/accounts.service.ts';
import { systemActor } from '../../actor.ts';
import { requestBriefing } from './briefing.service.ts';
import { actorFor, addBriefingCouncil, PASSWORD, type BriefingCouncil } from './briefing.fixture.ts';

const YESTERDAY = '2026-11-22';
const CANARY = 'FORMER-CANARY-budget-b7c1';

describe('briefings after an officer leaves or a member’s term ends', () => {
  let t: TestApp;
  let c: BriefingCouncil;
  let id = 0;
  const agents = new Map<string, Agent>();
  const tokens = new Map<string, string>();
  const FORMER = ['director', 'monitoring', 'rita'] as const;

  before(async () => {
    t = await createTestApp();
    c = await addBriefingCouncil(t.deps);
    const request = { officerId: String(c.officers.director), subject: `Budget ${CANARY}`, meetsOn: '2026-12-02', attendees: 'Red councillors', nonMembersPresent: 'no', partyBusiness: 'no' };
    id = (await requestBriefing(t.deps, actorFor(c.users.rita), c.users.rita, request)).id;
    for (const who of [...FORMER, 'chief'] as const) {
      const agent = new Agent(t.app);
      await agent.signIn(c.users[who].email, PASSWORD);
      agents.set(who, agent);
      tokens.set(who, (await issueApiToken(t.deps, systemActor, c.users[who].id, 'former')).token);
    }
    // Before: each of them saw the briefing.
    for (const who of FORMER) assert.equal((await agents.get(who)!.get(`/briefings/${id}`)).statusCode, 200, `${who} before`);
    const k = t.db.kysely;
    await k.updateTable('officers').set({ left_on: YESTERDAY }).where('id', 'in', [c.officers.director, c.officers.monitoring]).execute();
    await k.updateTable('members').set({ term_end: YESTERDAY }).where('id', '=', c.members.rita).execute();
  });
  after(async () => t.close());

  it('refuses each of them the briefing on its page, its list, the API, and the home page', async () => {
    for (const who of FORMER) {
      const agent = agents.get(who)!;
      const bearer = { authorization: `Bearer ${tokens.get(who)!}` };
      for (const url of [`/briefings/${id}`, '/briefings', '/briefings/report']) {
        const page = await agent.get(url);
        assert.ok([403, 404].includes(page.statusCode), `${who} ${url}: ${page.statusCode}`);
        assert.equal(page.body.includes(CANARY), false, `${who} ${url}`);
      }
      const one = await t.app.inject({ method: 'GET', url: `/api/v1/briefings/${id}`, headers: bearer });
      assert.ok([403, 404].includes(one.statusCode), `${who} API: ${one.statusCode}`);
      const answer = await t.app.inject({ method: 'POST', url: `/api/v1/briefings/${id}/answer`, headers: bearer, payload: { version: 1, accept: true } });
      assert.ok([403, 404].includes(answer.statusCode), `${who} API answer: ${answer.statusCode}`);
      const home = await agent.get('/');
      assert.equal(home.statusCode, 200);
      assert.equal(home.body.includes(CANARY), false, `${who}: the home page`);
    }
    assert.equal((await t.db.kysely.selectFrom('briefings').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'requested');
  });

  it('still shows it to the Head of Paid Service in post', async () => {
    assert.equal((await agents.get('chief')!.get(`/briefings/${id}`)).statusCode, 200);
  });
});
