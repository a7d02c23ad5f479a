// The even-handedness report over a real database: a chart and a table whose counts open the lists they count,
// the CSV of the same figures, members in no group shown as the profile treats them, and only the Chief
// Executive and the Monitoring Officer let in.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { answerBriefing, requestBriefing } from './briefing.service.ts';
import { recordOutcome } from './briefing-record.service.ts';
import { answerOffer } from './briefing-offers.service.ts';
import { listOffers } from './briefing.repository.ts';
import { actorFor, addBriefingCouncil, PASSWORD, requestOf, type BriefingCouncil } from './briefing.fixture.ts';

describe('the even-handedness report', () => {
  let t: TestApp;
  let c: BriefingCouncil;
  const signedIn = async (who: keyof BriefingCouncil['users']) => {
    const agent = new Agent(t.app);
    await agent.signIn(c.users[who].email, PASSWORD);
    return agent;
  };

  before(async () => {
    t = await createTestApp({ now: '2026-11-02T10:00:00Z' });
    c = await addBriefingCouncil(t.deps, 'bristol-2019');
    const deps = t.deps;
    const held = await requestBriefing(deps, actorFor(c.users.rita), c.users.rita, requestOf(c.officers.director, 'Bus franchising', { meetsOn: '2026-11-10' }));
    const accepted = await answerBriefing(deps, actorFor(c.users.director), c.users.director, held.id, { version: held.version, answer: 'accept' });
    const declined = await requestBriefing(deps, actorFor(c.users.rita), c.users.rita, requestOf(c.officers.chief, 'Senior pay', { meetsOn: '2026-11-12' }));
    await answerBriefing(deps, actorFor(c.users.chief), c.users.chief, declined.id, { version: declined.version, answer: 'decline', reason: 'A matter for the Employment Committee' });
    const ivy = (await listOffers(t.db.kysely, { memberId: c.members.ivy }))[0]!;
    await answerOffer(deps, actorFor(c.users.ivy), c.users.ivy, ivy.id, { version: ivy.version, answer: 'decline' });
    t.clock.set('2026-11-20T10:00:00Z');
    await recordOutcome(deps, actorFor(c.users.rita), c.users.rita, held.id, { version: accepted.version, held: 'yes', minutesAttended: 90, leftBeforePartyBusiness: 'yes' });
  });
  after(async () => t.close());

  it('lets in only the Chief Executive and the Monitoring Officer', async () => {
    for (const who of ['rita', 'director', 'clerk'] as const) assert.equal((await (await signedIn(who)).get('/briefings/report')).statusCode, 403);
    assert.equal((await (await signedIn('monitoring')).get('/briefings/report')).statusCode, 200);
  });

  it('draws the charts and tabulates each group, every count a link to its list, members in no group as clause 13 treats them', async () => {
    const chief = await signedIn('chief');
    const page = await chief.get('/briefings/report');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title id="chart-briefings-title">/);
    assert.match(page.body, /<title id="chart-hours-title">/);
    assert.match(page.body, new RegExp(`href="/briefings\\?group=${c.groups.red}&amp;from=2025-11-21&amp;to=2026-11-20" aria-label="2 requested by Red Group"`));
    assert.match(page.body, new RegExp(`href="/briefings\\?group=${c.groups.red}&amp;from=2025-11-21&amp;to=2026-11-20&amp;status=held" aria-label="1 held for Red Group"`));
    assert.match(page.body, /aria-label="1 offers made to Blue Group"/);
    assert.match(page.body, /aria-label="1 offers made to members in no group"/);
    assert.match(page.body, /Red Group <strong class="govuk-tag govuk-tag--orange">Served more/);
    assert.match(page.body, /Under clause 13, members in no group are told of briefings and offered the same session/);
    const held = await chief.get(`/briefings?group=${c.groups.red}&from=2025-11-21&to=2026-11-20&status=held`);
    assert.match(held.body, /Briefings \(1\)/);
    assert.match(held.body, /Bus franchising/);
    const loners = await chief.get('/briefings/offers?inNoGroup=yes&from=2025-11-21&to=2026-11-20');
    assert.match(loners.body, /Cllr Ivy Ind \(in no group\)/);
    assert.match(loners.body, /Declined/);
  });

  it('gives the same figures as CSV, and refuses a period that ends before it starts', async () => {
    const chief = await signedIn('chief');
    const csv = await chief.get('/briefings/report.csv?from=2026-11-01&to=2026-11-30');
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /text\/csv/);
    const lines = csv.body.trim().split(/\r?\n/);
    assert.match(lines[0]!, /^Group,Briefings requested,Held,Declined,Offers made/);
    assert.ok(lines.includes('Red Group,2,1,1,0,0,0,0,1.5,100'), lines.join('\n'));
    assert.ok(lines.includes('Members in no group,0,0,0,1,0,1,0,0,'), lines.join('\n'));
    const bad = await chief.get('/briefings/report?from=2026-12-01&to=2026-11-01');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /govuk-error-summary/);
  });
});
