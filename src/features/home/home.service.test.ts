import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { readable } from '../../../test/support/html.ts';
import { seedDemo, type DemoSeed } from '../demo/demo.service.ts';
import { systemActor } from '../../actor.ts';
import { changeMemberTerm } from '../directory/members.service.ts';
import { listMembers } from '../directory/members.repository.ts';
import { saveCouncil } from '../directory/council.repository.ts';
import { createAccount } from '../accounts/accounts.service.ts';
import { importCouncilProtocol } from '../protocol-document/protocol-document.service.ts';

/** The home page's text, without markup. */
function text(html: string): string {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return readable(main.replace(/<[^>]+>/g, ' ')).replace(/&#39;|&rsquo;/g, '’').replace(/\s+/g, ' ');
}

describe('the home page for each role', () => {
  let t: TestApp;
  let seed: DemoSeed;
  const home = async (role: string) => {
    const agent = new Agent(t.app);
    await agent.signIn(seed.signIns.find((s) => s.role === role)!.email, seed.password);
    const response = await agent.get('/');
    assert.equal(response.statusCode, 200);
    return text(response.body);
  };
  before(async () => {
    t = await createTestApp({ now: '2026-11-23T10:00:00Z' });
    seed = await seedDemo(t.deps, 'model');
  });
  after(async () => t.close());

  it('shows a member their ward, group, committees and the days until their term ends', async () => {
    const page = await home('member');
    assert.match(page, /You as a councillor/);
    assert.match(page, /Your term of office ends on 6 May 2027: 164 days from today/);
    assert.match(page, /Ward: \w/);
    assert.match(page, /Group: Labour/);
    assert.match(page, /Full Council/);
  });

  it('shows a group leader their group’s members', async () => {
    const page = await home('group-leader');
    assert.match(page, /Your group: Conservative 9 members in office/);
    assert.match(page, /Deputy group leader/);
  });

  it('shows an officer their line manager and reports, and a statutory officer their powers', async () => {
    assert.match(await home('officer'), /Planning Officer, Planning and Regeneration\. Line manager: /);
    const monitoringOfficer = await home('monitoring-officer');
    assert.match(monitoringOfficer, /Monitoring Officer since 1 July 2022/);
    assert.match(monitoringOfficer, /Your statutory powers today/);
    assert.match(monitoringOfficer, /Local Government and Housing Act 1989, s5/);
    const chiefExecutive = await home('chief-executive');
    assert.match(chiefExecutive, /Head of Paid Service since 1 September 2020/);
    assert.match(chiefExecutive, /Direct reports: 6 officers/);
  });

  it('shows a deputy the dates they act for the holder', async () => {
    const [deputy] = await t.db.kysely
      .selectFrom('statutory_roles as r')
      .innerJoin('officers as o', 'o.id', 'r.officer_id')
      .select(['o.id', 'o.email', 'o.full_name'])
      .where('r.role', '=', 'chief-finance-officer')
      .where('r.capacity', '=', 'deputy')
      .execute();
    await createAccount(t.deps, systemActor, { email: deputy!.email!, fullName: deputy!.full_name, roles: ['officer'], password: seed.password, officerId: deputy!.id });
    const agent = new Agent(t.app);
    await agent.signIn(deputy!.email!, seed.password);
    const page = text((await agent.get('/')).body);
    assert.match(page, /Deputy Chief Finance Officer \(section 151\): acting until 13 December 2026/);
    assert.match(page, /Local Government Act 1972, s151/);
  });

  it('shows democratic services the gaps: members without a sign-in, terms ending, bodies without a chair, roles without a holder', async () => {
    let page = await home('democratic-services');
    assert.match(page, /38 members in office cannot sign in to Nolan yet/);
    assert.match(page, /No member’s term ends in the next 90 days/);
    assert.match(page, /Bodies without a chair 1 body with no chair in office\. Climate and Nature Working Group/);
    assert.match(page, /Every statutory role the council must fill has a holder/);
    assert.match(page, /No open enquiry belongs to a member whose term has ended/);

    const [someone] = await listMembers(t.db.kysely, { day: '2026-11-23', status: 'in-office' });
    await changeMemberTerm(t.deps, systemActor, someone!.id, { termStart: someone!.termStart, termEnd: '2026-12-31' });
    page = await home('democratic-services');
    assert.match(page, new RegExp(`${someone!.fullName} Term ends 31 December 2026`));

    const author = await t.db.kysely.selectFrom('enquiries').select('member_id').where('status', '=', 'received').executeTakeFirstOrThrow();
    await t.db.kysely.updateTable('members').set({ term_end: '2026-11-20' }).where('id', '=', author.member_id).execute();
    page = await home('democratic-services');
    assert.match(page, /Enquiries from members no longer in office \d+ open enquir(y|ies) whose member’s term has ended/);
    await t.db.kysely.updateTable('members').set({ term_end: '2027-05-06' }).where('id', '=', author.member_id).execute();
  });

  it('tells democratic services whether the council’s protocol document is in, and what its coverage report found', async () => {
    assert.match(await home('democratic-services'), /The council’s protocol document Not uploaded yet: answers cite clause numbers without the clauses’ own words\. Upload the protocol document/);
    const protocol = '110. Members may ask officers for the information they need.\n\n300. Officers must record significant meetings.\n';
    await importCouncilProtocol(t.deps, systemActor, { fileName: 'our-protocol.txt', content: Buffer.from(protocol) });
    const page = await home('democratic-services');
    assert.match(page, /our-protocol\.txt, uploaded 23 November 2026: 1 clause that no rule cites yet, \d+ cited clauses missing from it\. Read the coverage report/);
  });

  it('shows an administrator the accounts, locked ones and those never used', async () => {
    const victim = seed.signIns.find((s) => s.role === 'chief-executive')!;
    const stranger = new Agent(t.app);
    await stranger.get('/sign-in');
    for (let i = 0; i < 5; i++) await stranger.post('/sign-in', { email: victim.email, password: 'not the right one at all' });
    await createAccount(t.deps, systemActor, { email: 'invited.person@ashdownvale.gov.uk', fullName: 'Invited Person', roles: [] });
    const page = await home('admin');
    assert.match(page, /Accounts \d+ accounts, 0 disabled/);
    assert.match(page, new RegExp(`Locked: ${victim.name} \\(${victim.email.replace('.', '\\.')}\\)`));
    assert.match(page, /1 account never signed in Invited Person invited\.person@ashdownvale\.gov\.uk/);
  });
});

describe('the home page of a council with no statutory officers yet', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await saveCouncil(t.db.kysely, { name: 'Newtown Town Council', profileId: 'town-2026', nation: 'england-and-wales', kind: 'town', areaTerm: 'ward' }, '2026-11-23T10:00:00Z');
    await createAccount(t.deps, systemActor, { email: 'clerk@newtown.gov.uk', fullName: 'Dana Services', roles: ['democratic-services'], password: 'parish pump and precept' });
  });
  after(async () => t.close());

  it('lists the roles a town council must fill and has no holder for', async () => {
    const agent = new Agent(t.app);
    await agent.signIn('clerk@newtown.gov.uk', 'parish pump and precept');
    const page = text((await agent.get('/')).body);
    assert.match(page, /Statutory roles with no holder Until a holder is appointed, no one has these powers in Nolan\. Proper Officer Responsible Financial Officer/);
    assert.doesNotMatch(page, /Monitoring Officer/);
  });
});
