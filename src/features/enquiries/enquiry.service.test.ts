// Member enquiries in the service: logged, routed and given a deadline by the protocol, then worked through
// their states, with every change audited and two officers at once told of the conflict.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb, type TestDb } from '../../../test/support/db.ts';
import { fixedClock } from '../../clock.ts';
import { loadConfig } from '../../config.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';
import { actOnEnquiry, enquiryFor, logEnquiry } from './enquiry.service.ts';
import { listEnquiries } from './enquiry.repository.ts';
import { listScopeFor } from './enquiry-access.ts';
import { referenceLabel } from './enquiry-reference.ts';
import { actorFor, addEnquiryCouncil, type EnquiryCouncil } from './enquiry.fixture.ts';
import { saveSettings, DEFAULT_SETTINGS } from '../settings/settings.repository.ts';

const config = loadConfig({ DATA_DIR: '/tmp/nolan-test-unused' });
const fieldsOf = (error: unknown) => (error as ValidationError).fields.map((f) => f.field);

async function council(profileId: string) {
  const db = await createTestDb();
  const clock = fixedClock('2026-11-23T10:00:00Z');
  const deps = { db, clock, config };
  return { db, clock, deps, c: await addEnquiryCouncil(deps, profileId) };
}

describe('member enquiries under the model protocol', () => {
  let db: TestDb;
  let clock: ReturnType<typeof fixedClock>;
  let deps: { db: TestDb; clock: typeof clock; config: typeof config };
  let c: EnquiryCouncil;
  const count = async (table: 'enquiries' | 'enquiry_events' | 'audit_events') => Number((await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  before(async () => {
    ({ db, clock, deps, c } = await council('model'));
  });
  after(async () => db.drop());

  it('logs a member’s enquiry: a reference, the service’s senior officer, and the council’s local deadline where the protocol sets none', async () => {
    const enquiry = await logEnquiry(deps, actorFor(c.users.ann), c.users.ann, { subject: 'Pothole on Mill Lane', details: 'A resident reports a deep pothole outside number 12.', serviceId: c.services.highways, residentReference: 'R-4471' });
    assert.equal(enquiry.reference, 'ENQ-26-0001');
    assert.equal(enquiry.memberId, c.members.ann);
    assert.equal(enquiry.wardId, c.wards.abbey, 'the member’s own ward when none is given');
    assert.equal(enquiry.assignedOfficerId, c.officers.head);
    assert.equal(enquiry.routing.basis, 'protocol');
    assert.ok(enquiry.routing.clauses.includes('48'));
    assert.equal(enquiry.status, 'received');
    assert.equal(enquiry.deadline.basis, 'local');
    assert.equal(enquiry.deadline.workingDays, 10);
    assert.equal(enquiry.dueOn, '2026-12-07');
    assert.equal(enquiry.residentReference, 'R-4471');
    assert.doesNotMatch(enquiry.details, /R-4471/);
    const audit = await db.kysely.selectFrom('audit_events').select(['action', 'entity_id']).where('action', '=', 'enquiry.logged').execute();
    assert.deepEqual(audit, [{ action: 'enquiry.logged', entity_id: String(enquiry.id) }]);
  });

  it('hands an enquiry that is not purely factual up from a junior officer, as clause 48 asks', async () => {
    await db.kysely.insertInto('enquiry_routes').values({ service_id: c.services.highways, ward_id: c.wards.abbey, work_type: null, officer_id: c.officers.assistant, created_at: clock.now().toISOString() }).execute();
    const policy = await logEnquiry(deps, actorFor(c.users.ann), c.users.ann, { subject: 'Why was the gritting route changed?', details: 'Residents ask why.', serviceId: c.services.highways });
    assert.equal(policy.assignedOfficerId, c.officers.engineer);
    assert.match(policy.routing.reasons.join('\n'), /clause 48/);
    assert.match(policy.routing.reasons.join('\n'), /goes to Eve Engineer/);
    const factual = await logEnquiry(deps, actorFor(c.users.ann), c.users.ann, { subject: 'Gritting days', details: 'Which days is Mill Lane gritted?', serviceId: c.services.highways, purelyFactual: true });
    assert.equal(factual.assignedOfficerId, c.officers.assistant);
    const elsewhere = await logEnquiry(deps, actorFor(c.users.bo), c.users.bo, { subject: 'Brookside potholes', details: 'Several.', serviceId: c.services.highways });
    assert.equal(elsewhere.assignedOfficerId, c.officers.head, 'the route is for Abbey only');
    assert.deepEqual([policy.reference, factual.reference, elsewhere.reference], ['ENQ-26-0002', 'ENQ-26-0003', 'ENQ-26-0004']);
  });

  it('refuses bad input naming each field, and stores nothing', async () => {
    const before = await Promise.all([count('enquiries'), count('enquiry_events'), count('audit_events')]);
    await assert.rejects(logEnquiry(deps, actorFor(c.users.ann), c.users.ann, { subject: ' ', details: '' }), (e) => e instanceof ValidationError && fieldsOf(e).join() === 'subject,details');
    await assert.rejects(logEnquiry(deps, actorFor(c.users.clerk), c.users.clerk, { subject: 'S', details: 'D' }), (e) => e instanceof ValidationError && fieldsOf(e).join() === 'memberId');
    await assert.rejects(logEnquiry(deps, actorFor(c.users.clerk), c.users.clerk, { memberId: c.members.former, subject: 'S', details: 'D' }), (e) => e instanceof ValidationError && /in office today/.test((e as ValidationError).fields[0]!.message));
    await assert.rejects(logEnquiry(deps, actorFor(c.users.ann), c.users.ann, { subject: 'S', details: 'D', confidential: true, copyTo: [c.members.bo] }), (e) => e instanceof ValidationError && fieldsOf(e).join() === 'copyTo');
    await assert.rejects(logEnquiry(deps, actorFor(c.users.ann), c.users.ann, { subject: 'S', details: 'D', wardId: 9999, serviceId: 9999 }), (e) => e instanceof ValidationError && fieldsOf(e).join() === 'wardId,serviceId');
    assert.deepEqual(await Promise.all([count('enquiries'), count('enquiry_events'), count('audit_events')]), before);
  });

  it('lets democratic services log one on a member’s behalf, with visible copies', async () => {
    const enquiry = await logEnquiry(deps, actorFor(c.users.clerk), c.users.clerk, { memberId: c.members.ann, subject: 'Bus shelter', details: 'Broken glass.', serviceId: c.services.highways, copyTo: [c.members.cy] });
    assert.equal(enquiry.loggedByUserId, c.users.clerk.id);
    assert.deepEqual(enquiry.copiedTo.map((x) => x.name), ['Cllr Cy Cole']);
    assert.ok(await enquiryFor(deps, c.users.cy, enquiry.id), 'a copied member sees it');
    await assert.rejects(enquiryFor(deps, c.users.bo, enquiry.id), NotFoundError);
    await assert.rejects(enquiryFor(deps, c.users.parks, enquiry.id), NotFoundError);
    assert.ok(await enquiryFor(deps, c.users.head, enquiry.id), 'the assigned officer');
    await assert.rejects(logEnquiry(deps, actorFor(c.users.bo), c.users.bo, { memberId: c.members.ann, subject: 'S', details: 'D' }), ForbiddenError);
  });

  it('lists each person’s enquiries only: the author, the copied, the officer and their managers', async () => {
    const seen = async (who: keyof EnquiryCouncil['users']) => (await listEnquiries(db.kysely, await listScopeFor(db.kysely, c.users[who]), { limit: 50, offset: 0 })).items.map((i) => i.reference).sort();
    assert.deepEqual(await seen('ann'), ['ENQ-26-0001', 'ENQ-26-0002', 'ENQ-26-0003', 'ENQ-26-0005']);
    assert.deepEqual(await seen('bo'), ['ENQ-26-0004']);
    assert.deepEqual(await seen('cy'), ['ENQ-26-0005']);
    assert.deepEqual(await seen('assistant'), ['ENQ-26-0003']);
    assert.deepEqual(await seen('engineer'), ['ENQ-26-0002', 'ENQ-26-0003', 'ENQ-26-0005'], 'their own and their team’s');
    assert.deepEqual(await seen('parks'), []);
    assert.equal((await seen('clerk')).length, 5);
  });

  it('works an enquiry through its states; waiting on the member stops the clock', async () => {
    let e = await logEnquiry(deps, actorFor(c.users.ann), c.users.ann, { subject: 'Street light out', details: 'Outside the school.', serviceId: c.services.highways });
    await assert.rejects(actOnEnquiry(deps, actorFor(c.users.ann), c.users.ann, e.id, 'acknowledge', { version: e.version }), ForbiddenError);
    e = await actOnEnquiry(deps, actorFor(c.users.head), c.users.head, e.id, 'acknowledge', { version: e.version, text: 'Passed to the lighting contractor.' });
    assert.equal(e.status, 'acknowledged');
    e = await actOnEnquiry(deps, actorFor(c.users.head), c.users.head, e.id, 'ask-member', { version: e.version, text: 'Which column number?' });
    assert.equal(e.pausedOn, '2026-11-23');
    clock.set('2026-11-26T09:00:00Z');
    e = await actOnEnquiry(deps, actorFor(c.users.ann), c.users.ann, e.id, 'member-replied', { version: e.version, text: 'Column 14.' });
    assert.equal(e.status, 'in-progress');
    assert.equal(e.dueOn, '2026-12-10', 'three working days later than 7 December');
    e = await actOnEnquiry(deps, actorFor(c.users.head), c.users.head, e.id, 'answer', { version: e.version, text: 'Repaired on 27 November.' });
    assert.equal(e.status, 'answered');
    e = await actOnEnquiry(deps, actorFor(c.users.ann), c.users.ann, e.id, 'reopen', { version: e.version, text: 'It is out again.' });
    assert.equal(e.status, 'in-progress');
    e = await actOnEnquiry(deps, actorFor(c.users.head), c.users.head, e.id, 'answer', { version: e.version, text: 'Cable replaced.' });
    e = await actOnEnquiry(deps, actorFor(c.users.ann), c.users.ann, e.id, 'close', { version: e.version });
    assert.equal(e.status, 'closed');
    clock.set('2026-12-21T09:00:00Z');
    await assert.rejects(actOnEnquiry(deps, actorFor(c.users.ann), c.users.ann, e.id, 'reopen', { version: e.version, text: 'Again.' }), (err) => err instanceof ValidationError && /Log a new enquiry instead/.test(err.fields[0]!.message));
    const events = await db.kysely.selectFrom('enquiry_events').select('kind').where('enquiry_id', '=', e.id).orderBy('id').execute();
    assert.deepEqual(events.map((x) => x.kind), ['logged', 'acknowledge', 'ask-member', 'member-replied', 'answer', 'reopen', 'answer', 'close']);
    clock.set('2026-11-23T10:00:00Z');
  });

  it('gives the second of two officers working at once a conflict, not a lost update', async () => {
    const e = await logEnquiry(deps, actorFor(c.users.ann), c.users.ann, { subject: 'Verge cutting', details: 'Overgrown.', serviceId: c.services.highways });
    await actOnEnquiry(deps, actorFor(c.users.head), c.users.head, e.id, 'start', { version: e.version });
    const before = await count('enquiry_events');
    await assert.rejects(actOnEnquiry(deps, actorFor(c.users.clerk), c.users.clerk, e.id, 'acknowledge', { version: e.version }), (err) => err instanceof ConflictError && /Someone changed ENQ-26-\d{4} after you opened it/.test(err.message));
    assert.equal(await count('enquiry_events'), before);
  });

  it('extends only with the member’s agreement and a reason, and reassigns with a reason', async () => {
    let e = await logEnquiry(deps, actorFor(c.users.ann), c.users.ann, { subject: 'Drainage', details: 'Flooding.', serviceId: c.services.highways });
    await assert.rejects(actOnEnquiry(deps, actorFor(c.users.head), c.users.head, e.id, 'extend', { version: e.version, dueOn: '2026-12-01' }), (err) => err instanceof ValidationError && fieldsOf(err).join() === 'text,dueOn,agreed');
    e = await actOnEnquiry(deps, actorFor(c.users.head), c.users.head, e.id, 'extend', { version: e.version, dueOn: '2026-12-18', agreed: true, text: 'Needs a site survey.' });
    assert.equal(e.dueOn, '2026-12-18');
    await assert.rejects(actOnEnquiry(deps, actorFor(c.users.head), c.users.head, e.id, 'reassign', { version: e.version, officerId: 99999, text: 'x' }), (err) => err instanceof ValidationError && fieldsOf(err).join() === 'officerId');
    e = await actOnEnquiry(deps, actorFor(c.users.head), c.users.head, e.id, 'reassign', { version: e.version, officerId: c.officers.parks, text: 'The ditch is on park land.' });
    assert.equal(e.assignedOfficerId, c.officers.parks);
    assert.ok(await enquiryFor(deps, c.users.parks, e.id));
    await assert.rejects(enquiryFor(deps, c.users.head, e.id), NotFoundError, 'no longer theirs');
  });

  it('orders an officer’s queue by deadline, then by when each arrived', async () => {
    const { items } = await listEnquiries(db.kysely, await listScopeFor(db.kysely, c.users.head), { status: 'open', limit: 50, offset: 0 });
    const keys = items.map((i) => `${i.dueOn}|${i.receivedAt}`);
    assert.deepEqual(keys, [...keys].sort());
  });
});

describe('member enquiries under protocols with their own deadlines', () => {
  it('county: five working days (1.7.2), met by a full reply or an acknowledgement that explains', async () => {
    const { db, deps, c } = await council('county');
    try {
      const e = await logEnquiry(deps, actorFor(c.users.ann), c.users.ann, { subject: 'Bins', details: 'Missed collection.', serviceId: c.services.highways });
      assert.equal(e.deadline.basis, 'protocol');
      assert.deepEqual(e.deadline.clauses, ['1.7.2']);
      assert.equal(e.dueOn, '2026-11-30');
      assert.match(e.deadline.means.join('\n'), /acknowledgement explaining/);
    } finally {
      await db.drop();
    }
  });

  it('bristol-2019: seven working days (10(f)), skipping Christmas and the substitute Boxing Day', async () => {
    const { db, clock, deps, c } = await council('bristol-2019');
    try {
      clock.set('2026-12-21T10:00:00Z');
      await saveSettings(db.kysely, { ...DEFAULT_SETTINGS, referenceYear: 'financial' });
      const e = await logEnquiry(deps, actorFor(c.users.ann), c.users.ann, { subject: 'Parking', details: 'Double yellow lines.', serviceId: c.services.highways });
      assert.deepEqual(e.deadline.clauses, ['10(f)']);
      assert.equal(e.dueOn, '2027-01-04');
      assert.equal(e.reference, 'ENQ-26-0001');
    } finally {
      await db.drop();
    }
  });

  it('numbers references per calendar or financial year', () => {
    assert.equal(referenceLabel('2027-03-31', 'financial'), '26');
    assert.equal(referenceLabel('2027-04-01', 'financial'), '27');
    assert.equal(referenceLabel('2027-03-31', 'calendar'), '27');
  });
});

describe('when a member’s term of office ends', () => {
  it('their open enquiries go to democratic services, who close them or pass them on with the resident’s consent', async () => {
    const { db, clock, deps, c } = await council('model');
    try {
      const first = await logEnquiry(deps, actorFor(c.users.cy), c.users.cy, { subject: 'Bus stop', details: 'Moved.', serviceId: c.services.highways });
      const second = await logEnquiry(deps, actorFor(c.users.cy), c.users.cy, { subject: 'Bench', details: 'Broken.', serviceId: c.services.highways });
      await db.kysely.updateTable('members').set({ term_end: '2026-11-30' }).where('id', '=', c.members.cy).execute();
      clock.set('2026-12-02T10:00:00Z');
      const { orphanedEnquiries } = await import('./enquiry.repository.ts');
      assert.deepEqual((await orphanedEnquiries(db.kysely, '2026-12-02', 8)).first.map((e) => e.reference), [first.reference, second.reference]);
      assert.deepEqual(await orphanedEnquiries(db.kysely, '2026-12-02', 1).then(({ count, first: shown }) => [count, shown.map((e) => e.reference)]), [2, [first.reference]], 'counted in full, the longest waiting shown');
      assert.equal((await orphanedEnquiries(db.kysely, '2026-11-30', 8)).count, 0, 'the last day of the term is still in office');
      await assert.rejects(actOnEnquiry(deps, actorFor(c.users.head), c.users.head, first.id, 'pass-on', { version: first.version, memberId: c.members.ann, agreed: true, text: 'By phone' }), ForbiddenError);
      await assert.rejects(actOnEnquiry(deps, actorFor(c.users.clerk), c.users.clerk, first.id, 'pass-on', { version: first.version, memberId: c.members.former }), (e) => e instanceof ValidationError && fieldsOf(e).join() === 'text,memberId,agreed');
      const passed = await actOnEnquiry(deps, actorFor(c.users.clerk), c.users.clerk, first.id, 'pass-on', { version: first.version, memberId: c.members.ann, agreed: true, text: 'The resident agreed by phone on 1 December.' });
      assert.equal(passed.memberId, c.members.ann);
      assert.ok(await enquiryFor(deps, c.users.ann, first.id), 'the colleague now sees it');
      await assert.rejects(actOnEnquiry(deps, actorFor(c.users.clerk), c.users.clerk, second.id, 'close', { version: second.version }), (e) => e instanceof ValidationError && /without an answer/.test((e as ValidationError).fields[0]!.message));
      const closed = await actOnEnquiry(deps, actorFor(c.users.clerk), c.users.clerk, second.id, 'close', { version: second.version, text: 'The resident no longer needs it.' });
      assert.equal(closed.status, 'closed');
      assert.deepEqual(await orphanedEnquiries(db.kysely, '2026-12-02', 8), { count: 0, first: [] });
    } finally {
      await db.drop();
    }
  });
});

describe('information that may be raised at a meeting (county 1.7.8)', () => {
  it('tells the Cabinet Member or committee chair chosen, and refuses anyone else', async () => {
    const { db, deps, c } = await council('county');
    try {
      const at = '2026-11-01T00:00:00Z';
      await db.kysely.updateTable('members').set({ cabinet_portfolio: 'Highways' }).where('id', '=', c.members.bo).execute();
      const body = await db.kysely.insertInto('bodies').values({ external_id: null, name: 'Scrutiny Committee', kind: 'scrutiny', remit: null, created_at: at }).returning('id').executeTakeFirstOrThrow();
      await db.kysely.insertInto('body_seats').values({ body_id: body.id, member_id: c.members.cy, seat_role: 'chair' }).execute();
      await assert.rejects(logEnquiry(deps, actorFor(c.users.ann), c.users.ann, { subject: 'S', details: 'D', forMeeting: true, meetingContactId: c.members.ann }), (e) => e instanceof ValidationError && fieldsOf(e).join() === 'meetingContactId');
      const e = await logEnquiry(deps, actorFor(c.users.ann), c.users.ann, { subject: 'Road budget', details: 'For the scrutiny meeting.', serviceId: c.services.highways, forMeeting: true, meetingContactId: c.members.bo });
      assert.equal(e.meetingContactName, 'Cllr Bo Baker');
      const told = await db.kysely.selectFrom('enquiry_events').select('text').where('enquiry_id', '=', e.id).where('kind', '=', 'meeting-contact-told').executeTakeFirstOrThrow();
      assert.equal(told.text, 'Cllr Bo Baker, Cabinet Member for Highways, told that the information may be raised at a meeting');
    } finally {
      await db.drop();
    }
  });
});
