import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { seedDemo, type DemoSeed } from '../demo/demo.service.ts';
import { listOfficers, listServices } from './officers.repository.ts';
import { listStatutoryRoles } from './statutory-roles.repository.ts';
import { listBodies, listSeatsOfBody } from './bodies.repository.ts';

const DAY = '2026-11-23';

function rowsOf(html: string, path: string): string[] {
  return [...html.matchAll(new RegExp(`<th scope="row" class="govuk-table__header"><a class="govuk-link" href="/${path}/\\d+">([^<]+)</a>`, 'g'))].map((m) => m[1]!);
}

describe('officers and bodies pages', () => {
  let t: TestApp;
  let seed: DemoSeed;
  let agent: Agent;
  before(async () => {
    t = await createTestApp({ now: `${DAY}T10:00:00Z` });
    seed = await seedDemo(t.deps, 'model');
    agent = new Agent(t.app);
    await agent.signIn(seed.signIns.find((s) => s.role === 'member')!.email, seed.password);
  });
  after(async () => t.close());

  it('list officers with every statutory role’s holder and deputies, and who is acting', async () => {
    const page = await agent.get('/officers');
    assert.equal(page.statusCode, 200);
    const officers = await listOfficers(t.db.kysely, { day: DAY });
    assert.equal(rowsOf(page.body, 'officers').length, officers.length);
    for (const label of ['Head of Paid Service', 'Monitoring Officer', 'Chief Finance Officer \\(section 151\\)', 'Proper Officer', 'Responsible Financial Officer']) {
      assert.match(page.body, new RegExp(`<dt class="govuk-summary-list__key">\\s*${label}\\s*</dt>\\s*<dd class="govuk-summary-list__value">\\s*<a class="govuk-link" href="/officers/\\d+">`), label);
    }
    assert.doesNotMatch(page.body, /No holder/);
    assert.match(page.body, /Acting until 13 December 2026/);
  });

  it('filter officers by service and by grade', async () => {
    const legal = (await listServices(t.db.kysely)).find((s) => s.name === 'Legal and Democratic Services')!;
    const byService = await agent.get(`/officers?service=${legal.id}`);
    assert.equal(byService.statusCode, 200);
    assert.equal(rowsOf(byService.body, 'officers').length, (await listOfficers(t.db.kysely, { day: DAY, serviceId: legal.id })).length);
    const directors = await agent.get('/officers?grade=director');
    assert.equal(rowsOf(directors.body, 'officers').length, 5);
    const both = await agent.get(`/officers?service=${legal.id}&grade=director`);
    assert.equal(rowsOf(both.body, 'officers').length, 0);
    assert.match(both.body, /No officers match these filters/);
  });

  it('answer bad officer filters with a 400 and an error summary', async () => {
    for (const query of ['grade=boss', 'service=abc', 'service=99999', 'grade=director&grade=junior']) {
      const response = await agent.get(`/officers?${query}`);
      assert.equal(response.statusCode, 400, query);
      assert.match(response.body, /govuk-error-summary/, query);
    }
  });

  it('show an officer’s job, grade, service, line manager, reports, restriction and statutory roles with acting dates', async () => {
    const roles = await listStatutoryRoles(t.db.kysely);
    const deputy = roles.find((r) => r.role === 'chief-finance-officer' && r.capacity === 'deputy')!;
    const page = await agent.get(`/officers/${deputy.officerId}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Head of Finance/);
    assert.match(page.body, /Head of service/);
    assert.match(page.body, /Politically restricted post\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*Yes/);
    assert.match(page.body, /Chief Finance Officer \(section 151\)/);
    assert.match(page.body, /16 November 2026 to 13 December 2026: The Director of Resources is on planned leave/);
    assert.match(page.body, /Line manager\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*<a class="govuk-link" href="\/officers\/\d+">/);

    const chiefExecutive = roles.find((r) => r.role === 'head-of-paid-service')!;
    const top = await agent.get(`/officers/${chiefExecutive.officerId}`);
    assert.match(top.body, /Line manager\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*None/);
    assert.match(top.body, /Director of Resources/);

    const interim = roles.find((r) => r.role === 'monitoring-officer' && r.endsOn !== null)!;
    const history = await agent.get(`/officers/${interim.officerId}`);
    assert.match(history.body, /10 January 2022 to 30 June 2022/);
    assert.match(history.body, /Ended/);
  });

  it('list bodies with their chairs, and show a body’s membership with chair and vice-chair', async () => {
    const list = await agent.get('/bodies');
    assert.equal(list.statusCode, 200);
    const bodies = await listBodies(t.db.kysely, DAY);
    assert.equal(rowsOf(list.body, 'bodies').length, bodies.length);
    assert.equal(rowsOf(list.body, 'bodies')[0], 'Full Council');
    assert.match(list.body, /No chair/);

    const planning = bodies.find((b) => b.name === 'Planning Committee')!;
    const page = await agent.get(`/bodies/${planning.id}`);
    assert.equal(page.statusCode, 200);
    const seats = await listSeatsOfBody(t.db.kysely, planning.id);
    assert.equal(rowsOf(page.body, 'members').length, seats.length);
    assert.equal(rowsOf(page.body, 'members')[0], seats.find((s) => s.seatRole === 'chair')!.memberName);
    assert.match(page.body, /Vice-chair<\/td>/);
  });

  it('answer 404 for an officer or body that does not exist', async () => {
    for (const url of ['/officers/99999', '/officers/x', '/bodies/99999', '/bodies/x']) assert.equal((await agent.get(url)).statusCode, 404, url);
  });
});
