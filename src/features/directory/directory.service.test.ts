import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { ValidationError } from '../../errors.ts';
import { systemActor } from '../../actor.ts';
import { createAccount } from '../accounts/accounts.service.ts';
import { saveCouncil } from './council.repository.ts';
import { addBody, addGroup, addMember, addWard, changeMemberGroup, changeMemberTerm, seatMember, unseatMember } from './members.service.ts';
import { addOfficer, addService, appointStatutoryRole, recordActing, recordOfficerLeaving } from './officers.service.ts';
import { listSeatsOfBody } from './bodies.repository.ts';
import { listStatutoryRoles } from './statutory-roles.repository.ts';
import { findMember } from './members.repository.ts';

const PASSWORD = 'ward surgeries on tuesdays';

describe('changing the directory', () => {
  let t: TestApp;
  let ward: number;
  let group: number;
  before(async () => {
    t = await createTestApp({ now: '2026-11-23T10:00:00Z' });
    await saveCouncil(t.db.kysely, { name: 'Test Borough Council', profileId: 'model', nation: 'england-and-wales', kind: 'principal', areaTerm: 'ward' }, '2026-11-23T10:00:00Z');
    ward = await addWard(t.deps, systemActor, 'Riverside');
    group = await addGroup(t.deps, systemActor, { name: 'Labour', shortName: 'Lab' });
  });
  after(async () => t.close());

  const member = (fullName: string, extra: Partial<Parameters<typeof addMember>[2]> = {}) =>
    addMember(t.deps, systemActor, { fullName, email: null, phone: null, wardId: ward, groupId: group, groupRole: null, termStart: '2023-05-04', termEnd: '2027-05-06', cabinetPortfolio: null, ...extra });

  it('appends an audit event with each change, in the same transaction', async () => {
    const before = (await t.db.kysely.selectFrom('audit_events').select('seq').execute()).length;
    const id = await member('Alex Audit');
    const events = await t.db.kysely.selectFrom('audit_events').selectAll().orderBy('seq').execute();
    assert.equal(events.length, before + 1);
    assert.equal(events.at(-1)!.action, 'member.added');
    assert.equal(events.at(-1)!.entity_id, String(id));
  });

  it('refuses bad input with the field named, and one leader per group', async () => {
    await member('Lee Leader', { groupRole: 'leader' });
    await assert.rejects(member('Second Leader', { groupRole: 'leader' }), (e: ValidationError) => e.fields.some((f) => f.field === 'groupRole' && /Lee Leader already holds/.test(f.message)));
    await assert.rejects(member('Backwards', { termStart: '2027-05-06', termEnd: '2023-05-04' }), (e: ValidationError) => e.fields[0]!.field === 'termEnd');
    await assert.rejects(member('Bad Date', { termStart: '2023-02-30' }), (e: ValidationError) => e.fields[0]!.field === 'termStart');
    await assert.rejects(member('No Ward', { wardId: 99999 }), (e: ValidationError) => e.fields[0]!.field === 'wardId');
    await assert.rejects(member('Lone Leader', { groupId: null, groupRole: 'leader' }), (e: ValidationError) => e.fields[0]!.field === 'groupRole');
    await assert.rejects(addWard(t.deps, systemActor, 'riverside'), ValidationError);
  });

  it('seats members with one chair per body, and moves or removes a seat', async () => {
    const body = await addBody(t.deps, systemActor, { name: 'Planning Committee', kind: 'regulatory', remit: null });
    const a = await member('Chair Person');
    const b = await member('Other Person');
    await seatMember(t.deps, systemActor, { bodyId: body, memberId: a, seatRole: 'chair' });
    await seatMember(t.deps, systemActor, { bodyId: body, memberId: b, seatRole: 'member' });
    await assert.rejects(seatMember(t.deps, systemActor, { bodyId: body, memberId: b, seatRole: 'chair' }), /Chair Person is already chair/);
    await seatMember(t.deps, systemActor, { bodyId: body, memberId: b, seatRole: 'vice-chair' });
    assert.deepEqual((await listSeatsOfBody(t.db.kysely, body)).map((s) => [s.memberName, s.seatRole]), [['Chair Person', 'chair'], ['Other Person', 'vice-chair']]);
    await unseatMember(t.deps, systemActor, body, b);
    assert.equal((await listSeatsOfBody(t.db.kysely, body)).length, 1);
  });

  it('ends a member’s rights on the day their term ends, and the pages say so', async () => {
    const id = await member('Terry Term', { email: 'terry.term@test.gov.uk' });
    await createAccount(t.deps, systemActor, { email: 'terry.term@test.gov.uk', fullName: 'Terry Term', roles: ['member'], password: PASSWORD, memberId: id });
    const agent = new Agent(t.app);
    await agent.signIn('terry.term@test.gov.uk', PASSWORD);
    assert.equal((await agent.get('/api/v1/me')).json().roles.join(), 'member');

    // Resigned with effect from today: the term ends today, so today they are no longer a member.
    await changeMemberTerm(t.deps, systemActor, id, { termStart: '2023-05-04', termEnd: '2026-11-23' });
    assert.deepEqual((await agent.get('/api/v1/me')).json().roles, []);
    const page = await agent.get(`/members/${id}`);
    assert.match(page.body, /Term ended/);
    const home = await agent.get('/');
    assert.match(home.body, /Your term of office has ended/);
    const events = await t.db.kysely.selectFrom('audit_events').select(['action', 'before_json']).where('entity_id', '=', String(id)).execute();
    assert.ok(events.some((e) => e.action === 'member.term-changed' && e.before_json?.includes('2027-05-06')));
  });

  it('changes a member’s group and role', async () => {
    const id = await member('Gerry Group');
    await changeMemberGroup(t.deps, systemActor, id, { groupId: group, groupRole: 'deputy-leader' });
    assert.equal((await findMember(t.db.kysely, id))!.groupRole, 'deputy-leader');
    await changeMemberGroup(t.deps, systemActor, id, { groupId: null, groupRole: null });
    assert.equal((await findMember(t.db.kysely, id))!.groupName, null);
  });

  it('appoints statutory officers: a new holder ends the last, and a deputy has powers only while acting', async () => {
    const service = await addService(t.deps, systemActor, 'Legal Services');
    const first = await addOfficer(t.deps, systemActor, { fullName: 'First Holder', email: 'first@test.gov.uk', jobTitle: 'Solicitor to the Council', grade: 'head-of-service', serviceId: service, lineManagerId: null, politicallyRestricted: true });
    const second = await addOfficer(t.deps, systemActor, { fullName: 'Second Holder', email: 'second@test.gov.uk', jobTitle: 'Head of Legal', grade: 'head-of-service', serviceId: service, lineManagerId: null, politicallyRestricted: true });
    const deputy = await addOfficer(t.deps, systemActor, { fullName: 'Dee Deputy', email: 'dee@test.gov.uk', jobTitle: 'Principal Lawyer', grade: 'senior', serviceId: service, lineManagerId: second, politicallyRestricted: true });
    await assert.rejects(addOfficer(t.deps, systemActor, { fullName: 'Same Email', email: 'DEE@test.gov.uk', jobTitle: 'Lawyer', grade: 'junior', serviceId: service, lineManagerId: null, politicallyRestricted: false }), /Another officer has that email/);

    await appointStatutoryRole(t.deps, systemActor, { officerId: first, role: 'monitoring-officer', capacity: 'holder', startsOn: '2020-01-01', endsOn: null });
    await appointStatutoryRole(t.deps, systemActor, { officerId: second, role: 'monitoring-officer', capacity: 'holder', startsOn: '2026-04-01', endsOn: null });
    const roles = await listStatutoryRoles(t.db.kysely);
    assert.equal(roles.find((r) => r.officerId === first)!.endsOn, '2026-03-31');

    const deputyRole = await appointStatutoryRole(t.deps, systemActor, { officerId: deputy, role: 'monitoring-officer', capacity: 'deputy', startsOn: '2026-04-01', endsOn: null });
    await createAccount(t.deps, systemActor, { email: 'dee@test.gov.uk', fullName: 'Dee Deputy', roles: ['officer'], password: PASSWORD, officerId: deputy });
    const agent = new Agent(t.app);
    await agent.signIn('dee@test.gov.uk', PASSWORD);
    assert.deepEqual((await agent.get('/api/v1/me')).json().powers, []);
    await recordActing(t.deps, systemActor, { statutoryRoleId: deputyRole, fromDate: '2026-11-20', toDate: '2026-11-30', reason: 'Holder on leave' });
    assert.deepEqual((await agent.get('/api/v1/me')).json().powers, ['monitoring-officer']);
    const holderRole = (await listStatutoryRoles(t.db.kysely)).find((r) => r.officerId === second)!;
    await assert.rejects(recordActing(t.deps, systemActor, { statutoryRoleId: holderRole.id, fromDate: '2026-11-20', toDate: '2026-11-30', reason: 'x' }), /Only a deputy acts/);

    await recordOfficerLeaving(t.deps, systemActor, deputy, '2026-11-23');
    assert.deepEqual((await agent.get('/api/v1/me')).json().powers, [], 'an officer who has left holds no powers');
  });
});
