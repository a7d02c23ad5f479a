// An offered identical session on the web (bristol-2019 13): the offered group's leader sees it and takes it up
// after an error summary; another group, the member of no group it was not made to, and the officer get 404.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { answerBriefing, requestBriefing } from './briefing.service.ts';
import { listOffers } from './briefing.repository.ts';
import { actorFor, addBriefingCouncil, PASSWORD, requestOf, type BriefingCouncil } from './briefing.fixture.ts';
import { readable } from '../../../test/support/html.ts';

describe('an offered briefing, on the web', () => {
  let t: TestApp;
  let c: BriefingCouncil;
  let offerId = 0;
  const signedIn = async (who: keyof BriefingCouncil['users']) => {
    const agent = new Agent(t.app);
    await agent.signIn(c.users[who].email, PASSWORD);
    return agent;
  };

  before(async () => {
    t = await createTestApp();
    c = await addBriefingCouncil(t.deps, 'bristol-2019');
    const b = await requestBriefing(t.deps, actorFor(c.users.rita), c.users.rita, requestOf(c.officers.director, 'Bus franchising'));
    await answerBriefing(t.deps, actorFor(c.users.director), c.users.director, b.id, { version: b.version, answer: 'accept' });
    offerId = (await listOffers(t.db.kysely, { groupId: c.groups.blue }))[0]!.id;
  });
  after(async () => t.close());

  it('is shown only to the group it was offered to', async () => {
    for (const who of ['rita', 'gus', 'ivy', 'director'] as const) assert.equal((await (await signedIn(who)).get(`/briefings/offers/${offerId}`)).statusCode, 404);
  });

  it('is taken up by the group’s leader, after an error summary, becoming the group’s own request', async () => {
    const bea = await signedIn('bea');
    const list = await bea.get('/briefings');
    assert.match(list.body, new RegExp(`href="/briefings/offers/${offerId}">Bus franchising</a>, by Dev Director, as given to the Red Group`));
    const page = await bea.get(`/briefings/offers/${offerId}`);
    assert.match(page.body, /Will you take up the offer\?/);
    const bad = await bea.post(`/briefings/offers/${offerId}`, { version: '1', answer: 'accept' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /href="#attendees">/);
    assert.match(bad.body, /href="#meetsOn-day">/);
    const ok = await bea.post(`/briefings/offers/${offerId}`, { version: '1', answer: 'accept', 'meetsOn-day': '9', 'meetsOn-month': '12', 'meetsOn-year': '2026', attendees: 'Blue councillors', nonMembersPresent: 'no' });
    assert.equal(ok.statusCode, 303);
    const mine = await bea.get(ok.headers.location as string);
    assert.match(mine.body, /Bus franchising/);
    assert.match(readable(mine.body), /The identical session of <a class="govuk-link" href="\/briefings\/1">another group’s briefing<\/a>/);
    const again = await bea.post(`/briefings/offers/${offerId}`, { version: '1', answer: 'decline' });
    assert.equal(again.statusCode, 409);
  });
});
