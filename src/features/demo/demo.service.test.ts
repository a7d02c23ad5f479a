import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb, type TestDb } from '../../../test/support/db.ts';
import { fixedClock } from '../../clock.ts';
import { profileIds } from '../../protocol/profiles/catalogue.ts';
import { findUserByEmail } from '../accounts/users.repository.ts';
import { resolveCurrentUser } from '../accounts/current-user.ts';
import { councilSummary } from '../directory/council.repository.ts';
import { listStatutoryRoles } from '../directory/statutory-roles.repository.ts';
import { actingOn, roleCurrent, STATUTORY_ROLES } from '../directory/directory.types.ts';
import { planDemo, seedDemo, seedDemoIfEmpty, type DemoSeed } from './demo.service.ts';
import { termsOn } from './terms.ts';

const NOW = '2026-11-23T10:00:00Z';
const DAY = '2026-11-23';
const DIRECTORY_TABLES = ['council', 'wards', 'political_groups', 'members', 'bodies', 'body_seats', 'services', 'officers', 'statutory_roles', 'statutory_acting', 'enquiries', 'enquiry_events', 'enquiry_routes'] as const;

async function snapshot(db: TestDb) {
  const tables: Record<string, unknown[]> = {};
  for (const table of DIRECTORY_TABLES) tables[table] = await db.kysely.selectFrom(table).selectAll().orderBy('id').execute();
  // Password hashes carry a random salt by design; everything else about the accounts is the same.
  tables.users = await db.kysely.selectFrom('users').select(['id', 'email', 'full_name', 'member_id', 'officer_id', 'created_at']).orderBy('id').execute();
  tables.user_roles = await db.kysely.selectFrom('user_roles').selectAll().orderBy('user_id').orderBy('role').execute();
  return tables;
}

describe('the demo council', () => {
  let db: TestDb;
  let seed: DemoSeed;
  const clock = fixedClock(NOW);
  before(async () => {
    db = await createTestDb();
    seed = await seedDemo({ db, clock }, 'model');
  });
  after(async () => db.drop());

  it('comes out the same, row for row, every time it is built', async () => {
    const again = await createTestDb();
    try {
      await seedDemo({ db: again, clock: fixedClock(NOW) }, 'model');
      assert.deepEqual(await snapshot(again), await snapshot(db));
    } finally {
      await again.drop();
    }
  });

  it('plans every bundled profile the same way twice, without touching a database', () => {
    for (const id of profileIds) assert.deepEqual(planDemo(id, DAY), planDemo(id, DAY), id);
    assert.notDeepEqual(planDemo('model', DAY).members, planDemo('county', DAY).members);
  });

  it('has about forty members in four groups, each with a leader and a deputy, over twenty wards', async () => {
    const council = await councilSummary(db.kysely);
    assert.deepEqual(council, { name: 'Ashdown Vale Council', profileId: 'model', nation: 'england-and-wales', kind: 'principal', areaTerm: 'ward' });
    const wards = await db.kysely.selectFrom('wards').select('id').execute();
    assert.equal(wards.length, 20);
    const members = await db.kysely.selectFrom('members').selectAll().execute();
    const inOffice = members.filter((m) => m.term_start <= DAY && DAY < m.term_end);
    assert.equal(inOffice.length, 40);
    assert.ok(inOffice.every((m) => m.term_start === '2023-05-04' && m.term_end === '2027-05-06'));
    const groups = await db.kysely.selectFrom('political_groups').selectAll().execute();
    assert.equal(groups.length, 4);
    for (const g of groups) {
      const own = inOffice.filter((m) => m.group_id === g.id);
      assert.equal(own.filter((m) => m.group_role === 'leader').length, 1, `${g.name} has a leader`);
      assert.equal(own.filter((m) => m.group_role === 'deputy-leader').length, 1, `${g.name} has a deputy leader`);
    }
    assert.ok(inOffice.some((m) => m.group_id === null), 'some members are independents');
    assert.ok(inOffice.filter((m) => m.cabinet_portfolio).length >= 6, 'a cabinet with portfolios');
    const former = members.filter((m) => m.term_end <= DAY);
    assert.equal(former.length, 1, 'one former member whose term has ended');
  });

  it('has about ten bodies with seats, chairs and vice-chairs, and political balance on committees', async () => {
    const bodies = await db.kysely.selectFrom('bodies').selectAll().execute();
    assert.equal(bodies.length, 10);
    for (const kind of ['full-council', 'cabinet', 'scrutiny', 'regulatory', 'standards', 'employment']) assert.ok(bodies.some((b) => b.kind === kind), kind);
    const seats = await db.kysely.selectFrom('body_seats').selectAll().execute();
    const chaired = new Set(seats.filter((s) => s.seat_role === 'chair').map((s) => s.body_id));
    assert.equal(chaired.size, 9, 'every body but the new working group has a chair');
    for (const b of bodies) assert.ok(seats.filter((s) => s.body_id === b.id && s.seat_role === 'chair').length <= 1, `${b.name}: one chair at most`);
    const fullCouncil = bodies.find((b) => b.kind === 'full-council')!;
    assert.equal(seats.filter((s) => s.body_id === fullCouncil.id).length, 40);
  });

  it('has about sixty officers in a line-management tree from the Chief Executive down', async () => {
    const officers = await db.kysely.selectFrom('officers').selectAll().execute();
    assert.ok(officers.length >= 55 && officers.length <= 70, `${officers.length} officers`);
    const roots = officers.filter((o) => o.line_manager_id === null);
    assert.equal(roots.length, 1);
    assert.equal(roots[0]!.grade, 'chief-executive');
    const byId = new Map(officers.map((o) => [o.id, o]));
    const rank = ['chief-executive', 'director', 'head-of-service', 'senior', 'junior'];
    for (const o of officers.filter((x) => x.line_manager_id !== null)) {
      const manager = byId.get(o.line_manager_id!)!;
      assert.ok(rank.indexOf(manager.grade) < rank.indexOf(o.grade), `${o.job_title} is managed by someone more senior`);
    }
    assert.ok(officers.filter((o) => o.grade === 'director').length >= 3);
    assert.ok(officers.filter((o) => Boolean(o.politically_restricted)).length >= 10);
  });

  it('fills every statutory role, with deputies for the Monitoring Officer and the Chief Finance Officer, one acting today', async () => {
    const roles = await listStatutoryRoles(db.kysely);
    const current = roles.filter((r) => roleCurrent(r, DAY));
    for (const role of STATUTORY_ROLES) assert.equal(current.filter((r) => r.role === role && r.capacity === 'holder').length, 1, `${role} has one holder`);
    assert.ok(current.some((r) => r.role === 'monitoring-officer' && r.capacity === 'deputy'));
    assert.ok(current.some((r) => r.role === 'chief-finance-officer' && r.capacity === 'deputy' && actingOn(r, DAY)));
    const officers = await db.kysely.selectFrom('officers').select(['id', 'politically_restricted']).execute();
    for (const r of roles) assert.ok(Boolean(officers.find((o) => o.id === r.officerId)!.politically_restricted), `${r.officerName} (${r.role}) holds a restricted post`);
  });

  it('creates one sign-in per role, with the roles and powers each should have', async () => {
    assert.equal(seed.password, 'demo-council-2026');
    assert.deepEqual(seed.signIns.map((s) => s.role), ['member', 'group-leader', 'officer', 'democratic-services', 'admin', 'monitoring-officer', 'chief-executive']);
    const expected: Record<string, { roles: string[]; powers: string[] }> = {
      member: { roles: ['member'], powers: [] },
      'group-leader': { roles: ['member', 'group-leader'], powers: [] },
      officer: { roles: ['officer'], powers: [] },
      'democratic-services': { roles: ['officer', 'democratic-services'], powers: [] },
      admin: { roles: ['officer', 'admin'], powers: [] },
      'monitoring-officer': { roles: ['officer'], powers: ['monitoring-officer'] },
      'chief-executive': { roles: ['officer'], powers: ['head-of-paid-service'] },
    };
    for (const s of seed.signIns) {
      assert.match(s.email, /^(cllr\.)?[a-z]+\.[a-z]+@ashdownvale\.gov\.uk$/);
      const user = (await findUserByEmail(db.kysely, s.email))!;
      const current = await resolveCurrentUser(db.kysely, user, DAY, 'session');
      assert.deepEqual({ roles: current.roles, powers: current.powers }, expected[s.role], s.role);
    }
    const leader = (await findUserByEmail(db.kysely, seed.signIns[1]!.email))!;
    const member = await db.kysely.selectFrom('members').select('group_role').where('id', '=', leader.memberId!).executeTakeFirstOrThrow();
    assert.equal(member.group_role, 'leader');
  });

  it('has casework: about forty enquiries in every state, some of them the demo member’s and the demo officer’s', async () => {
    const enquiries = await db.kysely.selectFrom('enquiries').select(['status', 'member_id', 'assigned_officer_id', 'due_on']).execute();
    assert.ok(enquiries.length >= 30 && enquiries.length <= 40, `${enquiries.length} enquiries`);
    for (const status of ['received', 'acknowledged', 'in-progress', 'awaiting-member', 'answered', 'closed']) assert.ok(enquiries.some((e) => e.status === status), status);
    const member = (await findUserByEmail(db.kysely, seed.signIns.find((s) => s.role === 'member')!.email))!;
    const officer = (await findUserByEmail(db.kysely, seed.signIns.find((s) => s.role === 'officer')!.email))!;
    assert.ok(enquiries.filter((e) => e.member_id === member.memberId).length >= 3);
    assert.ok(enquiries.filter((e) => e.assigned_officer_id === officer.officerId).length >= 3);
    assert.ok(enquiries.some((e) => e.due_on !== null && e.due_on < DAY && ['received', 'acknowledged', 'in-progress'].includes(e.status)), 'some are overdue');
  });

  it('has a document register: open papers, exempt ones under several paragraphs, a confidential one, and a paper for each group, each with a PDF', async () => {
    const documents = await db.kysely.selectFrom('documents').selectAll().execute();
    const files = await db.kysely.selectFrom('document_files').select(['document_id', 'content_type', 'content']).execute();
    assert.ok(documents.filter((d) => d.classification === 'open').length >= 3);
    const paragraphs = new Set(documents.filter((d) => d.classification === 'exempt').map((d) => Number(d.exempt_paragraph)));
    assert.ok(paragraphs.size >= 5, `paragraphs ${[...paragraphs].join(', ')}`);
    assert.ok(documents.filter((d) => d.classification === 'exempt').every((d) => d.public_interest_test && d.review_on));
    assert.ok(documents.some((d) => d.classification === 'confidential' && d.confidential_ground));
    const groups = await db.kysely.selectFrom('political_groups').select('id').execute();
    assert.deepEqual(documents.filter((d) => d.classification === 'group-internal').map((d) => d.group_id).sort(), groups.map((g) => g.id).sort());
    assert.ok(documents.every((d) => files.some((f) => f.document_id === d.id && f.content_type === 'application/pdf' && Buffer.from(f.content).subarray(0, 5).toString() === '%PDF-')));
    assert.ok((await db.kysely.selectFrom('meetings').select('id').execute()).length >= 4);
  });

  it('has access requests in three states: waiting with the decider, granted with conditions, refused with reasons', async () => {
    const requests = await db.kysely.selectFrom('access_requests').select(['status', 'view_only', 'until_on', 'reasons', 'decider']).orderBy('id').execute();
    assert.deepEqual(requests.map((r) => r.status), ['disputed', 'granted', 'refused']);
    assert.equal(requests[0]!.decider, 'monitoring-officer', 'model 113: disputes go to the Monitoring Officer');
    assert.ok(Boolean(requests[1]!.view_only) && requests[1]!.until_on !== null);
    assert.match(requests[2]!.reasons ?? '', /\S/);
  });

  it('records the seeding in the audit trail', async () => {
    const events = await db.kysely.selectFrom('audit_events').select('action').orderBy('seq').execute();
    assert.equal(events[0]!.action, 'directory.demo-seeded');
    assert.equal(events.filter((e) => e.action === 'account.created').length, seed.signIns.length);
  });

  it('seeds only an empty database', async () => {
    assert.equal(await seedDemoIfEmpty({ db, clock }, 'town-2026'), null);
    assert.equal((await councilSummary(db.kysely))!.profileId, 'model');
  });

  it('names the bundled profiles when asked for one it does not have', () => {
    assert.throws(() => planDemo('nowhere', DAY), /"nowhere" is not a bundled profile; expected one of model, bristol-2019, town-2026, county, district-section-d/);
  });
});

describe('the demo town council', () => {
  let db: TestDb;
  let seed: DemoSeed;
  before(async () => {
    db = await createTestDb();
    seed = (await seedDemoIfEmpty({ db, clock: fixedClock(NOW) }, 'town-2026'))!;
  });
  after(async () => db.drop());

  it('is small: about twelve councillors, a few committees and a handful of staff', async () => {
    const council = await councilSummary(db.kysely);
    assert.equal(council?.kind, 'town');
    const members = await db.kysely.selectFrom('members').selectAll().execute();
    assert.equal(members.filter((m) => m.term_start <= DAY && DAY < m.term_end).length, 12);
    const bodies = await db.kysely.selectFrom('bodies').select('kind').execute();
    assert.ok(bodies.length >= 4 && bodies.length <= 6);
    assert.ok(bodies.filter((b) => b.kind === 'town-committee').length >= 3);
    const officers = await db.kysely.selectFrom('officers').select('job_title').execute();
    assert.ok(officers.length >= 6 && officers.length <= 12);
    assert.ok(officers.some((o) => o.job_title === 'Deputy Town Clerk'));
  });

  it('has a Town Clerk who is both Proper Officer and Responsible Financial Officer', async () => {
    const roles = (await listStatutoryRoles(db.kysely)).filter((r) => r.capacity === 'holder' && roleCurrent(r, DAY));
    const clerk = roles.filter((r) => r.officerJobTitle === 'Town Clerk').map((r) => r.role).sort();
    assert.deepEqual(clerk, ['proper-officer', 'responsible-financial-officer']);
    const signIn = seed.signIns.find((s) => s.role === 'town-clerk')!;
    const user = await resolveCurrentUser(db.kysely, (await findUserByEmail(db.kysely, signIn.email))!, DAY, 'session');
    assert.deepEqual(user.powers, ['proper-officer', 'responsible-financial-officer']);
  });
});

describe('demo terms of office', () => {
  it('run from one first-Thursday-in-May poll to the next, on each council’s cycle', () => {
    assert.deepEqual(termsOn('2026-11-23', 2023).current, { start: '2023-05-04', end: '2027-05-06' });
    assert.deepEqual(termsOn('2026-11-23', 2025).current, { start: '2025-05-01', end: '2029-05-03' });
    assert.deepEqual(termsOn('2027-05-06', 2023).current, { start: '2027-05-06', end: '2031-05-01' });
    assert.deepEqual(termsOn('2027-05-05', 2023).previous, { start: '2019-05-02', end: '2023-05-04' });
  });

  it('uses divisions on the county council', () => {
    assert.equal(planDemo('county', DAY).council.areaTerm, 'division');
    assert.equal(planDemo('county', DAY).members[0]!.termEnd, '2029-05-03');
  });
});
