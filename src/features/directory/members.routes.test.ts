import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { seedDemo, type DemoSeed } from '../demo/demo.service.ts';
import { listMembers } from './members.repository.ts';
import { listWards } from './wards.repository.ts';
import { listGroups } from './groups.repository.ts';

const DAY = '2026-11-23';

/** The names in the first column of every members table on a page. */
function namesListed(html: string): string[] {
  return [...html.matchAll(/<th scope="row" class="govuk-table__header"><a class="govuk-link" href="\/members\/\d+">([^<]+)<\/a>/g)].map((m) => m[1]!);
}

describe('members pages', () => {
  let t: TestApp;
  let seed: DemoSeed;
  let agent: Agent;
  before(async () => {
    t = await createTestApp({ now: `${DAY}T10:00:00Z` });
    seed = await seedDemo(t.deps, 'model');
    agent = new Agent(t.app);
    await agent.signIn(seed.signIns.find((s) => s.role === 'officer')!.email, seed.password);
  });
  after(async () => t.close());

  it('are for people who are signed in', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/members' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/sign-in?next=%2Fmembers');
  });

  it('list the members in office by default, with a filter form that works without JavaScript', async () => {
    const response = await agent.get('/members');
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<form method="get" action="\/members"/);
    assert.match(response.body, /40 members in office/);
    assert.equal(namesListed(response.body).length, 40);
    assert.match(response.body, /href="\/members\/by-ward"/);
    assert.match(response.body, /href="\/members\/by-group"/);
  });

  it('filter by ward, by group, by no group and by name', async () => {
    const [ward] = await listWards(t.db.kysely);
    const byWard = await agent.get(`/members?ward=${ward!.id}`);
    const expected = (await listMembers(t.db.kysely, { day: DAY, wardId: ward!.id, status: 'in-office' })).map((m) => m.fullName);
    assert.deepEqual(namesListed(byWard.body), expected);
    assert.equal(expected.length, 2);

    const group = (await listGroups(t.db.kysely)).find((g) => g.name === 'Green')!;
    const byGroup = await agent.get(`/members?group=${group.id}`);
    assert.equal(namesListed(byGroup.body).length, 2);

    const independents = await agent.get('/members?group=none');
    assert.equal(namesListed(independents.body).length, 2);

    const someone = expected[0]!;
    const byName = await agent.get(`/members?q=${encodeURIComponent(someone.split(' ')[1]!.toUpperCase())}`);
    assert.ok(namesListed(byName.body).includes(someone));
    const nobody = await agent.get('/members?q=%25_%25');
    assert.equal(namesListed(nobody.body).length, 0, 'a search for % and _ matches them as letters');
    assert.match(nobody.body, /No members match these filters/);
  });

  it('show a member whose term has ended as such, with the term-ended filter', async () => {
    const ended = await agent.get('/members?status=term-ended');
    const names = namesListed(ended.body);
    assert.equal(names.length, 1);
    assert.match(ended.body, /Term ended/);
    const [former] = await listMembers(t.db.kysely, { day: DAY, status: 'term-ended' });
    const page = await agent.get(`/members/${former!.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /govuk-tag--grey">\s*Term ended/);
    assert.match(page.body, /term of office ended on 4 May 2023/);
    const all = await agent.get('/members?status=all');
    assert.equal(namesListed(all.body).length, 41);
  });

  it('answer bad filters with a 400 and an error summary, never a 500', async () => {
    for (const query of ['ward=abc', 'ward=99999', 'group=labour', 'group=99999', 'status=retired', 'ward=1&ward=2', `q=${'x'.repeat(101)}`]) {
      const response = await agent.get(`/members?${query}`);
      assert.equal(response.statusCode, 400, query);
      assert.match(response.body, /govuk-error-summary/, query);
      assert.match(response.body, /href="#(ward|group|status|q)"/, query);
    }
    const partly = await agent.get('/members?ward=abc&status=term-ended');
    assert.equal(namesListed(partly.body).length, 1, 'the good filters still apply');
  });

  it('group members by ward and by group, with each group’s leader and deputy', async () => {
    const byWard = await agent.get('/members/by-ward');
    assert.equal(byWard.statusCode, 200);
    for (const ward of await listWards(t.db.kysely)) assert.ok(byWard.body.includes(`id="ward-${ward.id}"`), ward.name);
    assert.equal(namesListed(byWard.body).length, 40);

    const byGroup = await agent.get('/members/by-group');
    assert.equal(byGroup.statusCode, 200);
    const members = await listMembers(t.db.kysely, { day: DAY, status: 'in-office' });
    for (const group of await listGroups(t.db.kysely)) {
      const leader = members.find((m) => m.groupId === group.id && m.groupRole === 'leader')!;
      const section = byGroup.body.slice(byGroup.body.indexOf(`id="group-${group.id}"`));
      assert.match(section, new RegExp(`Group leader[\\s\\S]*?${leader.fullName}`));
    }
    assert.match(byGroup.body, /Members in no group/);
  });

  it('show a member’s ward, group and role, term, portfolio, seats and chairs, and contact', async () => {
    const leader = (await listMembers(t.db.kysely, { day: DAY, status: 'in-office' })).find((m) => m.cabinetPortfolio?.startsWith('Leader of the Council'))!;
    const page = await agent.get(`/members/${leader.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`<h1 class="govuk-heading-l">${leader.fullName}`));
    assert.ok(page.body.includes(leader.wardName!));
    assert.match(page.body, /Labour, Group leader/);
    assert.match(page.body, /4 May 2023 to 6 May 2027/);
    assert.match(page.body, /Leader of the Council; Strategy and Partnerships/);
    assert.match(page.body, /Cabinet<\/a><\/th>\s*<td class="govuk-table__cell">Cabinet or executive<\/td>\s*<td class="govuk-table__cell">Chair<\/td>/);
    assert.ok(page.body.includes(`mailto:${leader.email}`));
  });

  it('answer 404 for a member who does not exist', async () => {
    assert.equal((await agent.get('/members/99999')).statusCode, 404);
    assert.equal((await agent.get('/members/not-a-number')).statusCode, 404);
    assert.equal((await agent.get('/members/99999999999999999999')).statusCode, 404);
  });
});
