// Briefings under the model protocol: the engine's answer at the request, the officer's answer (and clause 91's
// bar on declining a second group), the record of the meeting, the notices to the other groups with the subject
// (97), the officer's check of the notes (93), a report announced and copied, conflicts and who sees what.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb, type TestDb } from '../../../test/support/db.ts';
import { fixedClock } from '../../clock.ts';
import { loadConfig } from '../../config.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';
import { answerBriefing, briefingFor, requestBriefing } from './briefing.service.ts';
import { recordOutcome, recordReport, requestReportCopy, verifyNotes } from './briefing-record.service.ts';
import { listNotices } from './briefing.repository.ts';
import { actorFor, addBriefingCouncil, requestOf, type BriefingCouncil } from './briefing.fixture.ts';

const config = loadConfig({ DATA_DIR: '/tmp/nolan-test-unused' });
const fieldsOf = (e: unknown) => (e as ValidationError).fields.map((f) => f.field);

describe('party group briefings under the model protocol', () => {
  let db: TestDb;
  let c: BriefingCouncil;
  const clock = fixedClock('2026-11-23T10:00:00Z');
  let deps: { db: TestDb; clock: typeof clock; config: typeof config };
  const count = async (table: 'briefings' | 'audit_events' | 'outbox' | 'briefing_notices') => Number((await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  let redId = 0;

  before(async () => {
    db = await createTestDb();
    deps = { db, clock, config };
    c = await addBriefingCouncil(deps, 'model');
  });
  after(async () => db.drop());

  it('takes a group leader’s request, with the protocol’s answer, its clauses and the duties that follow, and tells the officer', async () => {
    const b = await requestBriefing(deps, actorFor(c.users.rita), c.users.rita, requestOf(c.officers.director, 'Local Plan consultation'));
    redId = b.id;
    assert.equal(b.status, 'requested');
    assert.equal(b.groupId, c.groups.red);
    assert.equal(b.decision.outcome, 'permit');
    assert.ok(b.decision.clauses.includes('81'));
    assert.deepEqual(b.duties.map((d) => d.duty).sort(), ['announce-reports', 'leave-before-party-business', 'officer-verifies-notes', 'tell-other-groups-attendance-and-subject']);
    const mail = await db.kysely.selectFrom('outbox').select(['recipient', 'subject']).where('kind', '=', 'briefing.invited').execute();
    assert.deepEqual(mail.map((m) => m.recipient), ['dev@riverbend.gov.uk']);
    assert.match(mail[0]!.subject, /Red Group asks you to brief it/);
    const audit = await db.kysely.selectFrom('audit_events').select('action').where('entity', '=', 'briefing').execute();
    assert.deepEqual(audit.map((a) => a.action), ['briefing.requested']);
  });

  it('refuses bad input naming each field, and stores nothing', async () => {
    const counts = await Promise.all([count('briefings'), count('audit_events'), count('outbox')]);
    await assert.rejects(requestBriefing(deps, actorFor(c.users.rita), c.users.rita, { subject: ' ', meetsOn: '2026-02-30' }), (e) => e instanceof ValidationError && ['officerId', 'subject', 'attendees', 'nonMembersPresent', 'partyBusiness'].every((f) => fieldsOf(e).includes(f)));
    await assert.rejects(requestBriefing(deps, actorFor(c.users.rita), c.users.rita, requestOf(c.officers.director, 'Budget', { meetsOn: '2026-11-01' })), (e) => e instanceof ValidationError && fieldsOf(e).join() === 'meetsOn');
    await assert.rejects(requestBriefing(deps, actorFor(c.users.rita), c.users.rita, requestOf(c.officers.director, 'Budget', { nonMembersPresent: 'yes' })), (e) => e instanceof ValidationError && fieldsOf(e).join() === 'nonMembers');
    assert.deepEqual(await Promise.all([count('briefings'), count('audit_events'), count('outbox')]), counts);
  });

  it('refuses what the protocol forbids outright, citing the clause: a junior officer (92), party business (83)', async () => {
    await assert.rejects(requestBriefing(deps, actorFor(c.users.rita), c.users.rita, requestOf(c.officers.junior, 'Budget')), (e) => e instanceof ValidationError && fieldsOf(e).join() === 'officerId' && /clause 92/.test(e.message));
    await assert.rejects(requestBriefing(deps, actorFor(c.users.rita), c.users.rita, requestOf(c.officers.director, 'Campaign plan', { partyBusiness: 'yes' })), (e) => e instanceof ValidationError && fieldsOf(e).join() === 'partyBusiness' && /clause 83/.test(e.message));
  });

  it('stores what the protocol only advises against (82, normally), with its duties, and asks the officer to say why they attend', async () => {
    const b = await requestBriefing(deps, actorFor(c.users.bea), c.users.bea, requestOf(c.officers.chief, 'Housing company business plan', { nonMembersPresent: 'yes', nonMembers: 'The party’s agent' }));
    assert.equal(b.decision.outcome, 'forbid');
    assert.equal(b.decision.strength, 'normally');
    assert.ok(b.duties.some((d) => d.duty === 'tell-other-groups-attendance-and-subject'));
    await assert.rejects(answerBriefing(deps, actorFor(c.users.chief), c.users.chief, b.id, { version: b.version, answer: 'accept' }), (e) => e instanceof ValidationError && fieldsOf(e).join() === 'reason');
    const accepted = await answerBriefing(deps, actorFor(c.users.chief), c.users.chief, b.id, { version: b.version, answer: 'accept', reason: 'The agent will leave before I arrive; agreed with the group leader.' });
    assert.equal(accepted.answerReason, 'The agent will leave before I arrive; agreed with the group leader.');
  });

  it('lets only a group’s leader, deputy leader or secretary ask', async () => {
    await assert.rejects(requestBriefing(deps, actorFor(c.users.rob), c.users.rob, requestOf(c.officers.director, 'Budget')), ForbiddenError);
    await assert.rejects(requestBriefing(deps, actorFor(c.users.ivy), c.users.ivy, requestOf(c.officers.director, 'Budget')), ForbiddenError);
    await db.kysely.insertInto('group_secretaries').values({ group_id: c.groups.red, member_id: c.members.rob, named_at: clock.now().toISOString() }).execute();
    const b = await requestBriefing(deps, actorFor(c.users.rob), c.users.rob, requestOf(c.officers.chief, 'Council tax base'));
    assert.equal(b.requestedByMemberId, c.members.rob);
  });

  it('lets the officer accept; having accepted one group, they cannot decline another on the same matter (91), and Nolan names the first', async () => {
    const red = await briefingFor(deps, c.users.director, redId);
    await assert.rejects(answerBriefing(deps, actorFor(c.users.chief), c.users.chief, redId, { version: red.version, answer: 'accept' }), ForbiddenError);
    const accepted = await answerBriefing(deps, actorFor(c.users.director), c.users.director, redId, { version: red.version, answer: 'accept' });
    assert.equal(accepted.status, 'accepted');
    const blue = await requestBriefing(deps, actorFor(c.users.bea), c.users.bea, requestOf(c.officers.director, 'The local plan: consultation'));
    assert.ok(blue.duties.some((d) => d.duty === 'no-decline-on-same-matter'));
    await assert.rejects(answerBriefing(deps, actorFor(c.users.director), c.users.director, blue.id, { version: blue.version, answer: 'decline', reason: 'Too busy' }), (e) => {
      assert.ok(e instanceof ValidationError);
      assert.deepEqual(fieldsOf(e), ['answer']);
      assert.match(e.message, /Red Group’s invitation on “Local Plan consultation” \(BRF-0001/);
      assert.match(e.message, /clause 91/);
      return true;
    });
    const other = await requestBriefing(deps, actorFor(c.users.bea), c.users.bea, requestOf(c.officers.director, 'Leisure centre contract'));
    await assert.rejects(answerBriefing(deps, actorFor(c.users.director), c.users.director, other.id, { version: other.version, answer: 'decline' }), (e) => e instanceof ValidationError && fieldsOf(e).join() === 'reason');
    const declined = await answerBriefing(deps, actorFor(c.users.director), c.users.director, other.id, { version: other.version, answer: 'decline', reason: 'The contract is before the Audit Committee; I will brief every group together' });
    assert.equal(declined.status, 'declined');
    const told = await db.kysely.selectFrom('outbox').select(['recipient', 'body_text']).where('kind', '=', 'briefing.declined').execute();
    assert.deepEqual(told.map((m) => m.recipient), ['bea@members.riverbend.gov.uk']);
    assert.match(told[0]!.body_text, /Audit Committee/);
  });

  it('gives a clear conflict when two people answer at once, and keeps the first answer', async () => {
    const b = await requestBriefing(deps, actorFor(c.users.bea), c.users.bea, requestOf(c.officers.chief, 'Waste contract'));
    await answerBriefing(deps, actorFor(c.users.chief), c.users.chief, b.id, { version: b.version, answer: 'accept' });
    await assert.rejects(answerBriefing(deps, actorFor(c.users.chief), c.users.chief, b.id, { version: b.version, answer: 'decline', reason: 'Changed my mind' }), (e) => e instanceof ConflictError && /Someone changed BRF-/.test(e.message));
    assert.equal((await briefingFor(deps, c.users.chief, b.id)).status, 'accepted');
  });

  it('records the meeting and tells every other group’s leader that the officer attended and on what subject (97), not the member in no group', async () => {
    clock.set('2026-12-02T18:00:00Z');
    const b = await briefingFor(deps, c.users.rita, redId);
    await assert.rejects(recordOutcome(deps, actorFor(c.users.rita), c.users.rita, redId, { version: b.version, held: 'yes', minutesAttended: 'an hour' }), (e) => e instanceof ValidationError && fieldsOf(e).includes('minutesAttended') && fieldsOf(e).includes('leftBeforePartyBusiness'));
    const held = await recordOutcome(deps, actorFor(c.users.rita), c.users.rita, redId, { version: b.version, held: 'yes', minutesAttended: '45', leftBeforePartyBusiness: 'yes', notes: 'Timetable explained.', attributedComments: 'The Director said the examination starts in June.' });
    assert.equal(held.status, 'held');
    assert.equal(held.minutesAttended, 45);
    assert.equal(held.notesStatus, 'awaiting-officer', 'not final until the officer verifies (93)');
    const notices = await listNotices(db.kysely, { briefingId: redId });
    assert.deepEqual(notices.map((n) => n.groupName).sort(), ['Blue Group', 'Green Group']);
    assert.ok(notices.every((n) => n.kind === 'attendance' && /Dev Director, Director of Place, attended a meeting of the Red Group on 2 December 2026 and advised on “Local Plan consultation”/.test(n.told)));
    const mail = await db.kysely.selectFrom('outbox').select(['recipient', 'body_text']).where('kind', '=', 'briefing.attendance').execute();
    assert.deepEqual(mail.map((m) => m.recipient).sort(), ['bea@members.riverbend.gov.uk', 'gus@members.riverbend.gov.uk']);
    assert.doesNotMatch(mail.map((m) => m.body_text).join(), /Timetable|June/, 'the group’s notes stay with the group');
    const toVerify = await db.kysely.selectFrom('outbox').select('recipient').where('kind', '=', 'briefing.notes-to-verify').execute();
    assert.deepEqual(toVerify.map((m) => m.recipient), ['dev@riverbend.gov.uk']);
  });

  it('lets only the officer verify the notes, which then become final', async () => {
    const b = await briefingFor(deps, c.users.director, redId);
    await assert.rejects(verifyNotes(deps, actorFor(c.users.rita), c.users.rita, redId, { version: b.version }), ForbiddenError);
    const done = await verifyNotes(deps, actorFor(c.users.director), c.users.director, redId, { version: b.version, response: 'I said the examination is expected to start in June.' });
    assert.equal(done.notesStatus, 'final');
    assert.match(done.officerResponse ?? '', /expected/);
  });

  it('announces a report prepared for the group to the others, and sends a copy to a group that asks, once', async () => {
    const b = await briefingFor(deps, c.users.director, redId);
    await assert.rejects(recordReport(deps, actorFor(c.users.director), c.users.director, redId, { version: b.version, title: '' }), (e) => e instanceof ValidationError && fieldsOf(e).join() === 'reportTitle,reportText');
    await recordReport(deps, actorFor(c.users.director), c.users.director, redId, { version: b.version, title: 'Local Plan timetable', text: 'Regulation 19 in March; submission in May.' });
    const reports = (await listNotices(db.kysely, { briefingId: redId })).filter((n) => n.kind === 'report');
    assert.deepEqual(reports.map((n) => n.groupName).sort(), ['Blue Group', 'Green Group']);
    await assert.rejects(requestReportCopy(deps, actorFor(c.users.ivy), c.users.ivy, redId), ForbiddenError);
    await requestReportCopy(deps, actorFor(c.users.bea), c.users.bea, redId);
    const copy = await db.kysely.selectFrom('outbox').select(['recipient', 'body_text']).where('kind', '=', 'briefing.report-copy').execute();
    assert.deepEqual(copy.map((m) => m.recipient), ['bea@members.riverbend.gov.uk']);
    assert.match(copy[0]!.body_text, /Regulation 19 in March/);
    await assert.rejects(requestReportCopy(deps, actorFor(c.users.bea), c.users.bea, redId), ConflictError);
  });

  it('shows a group’s briefing to that group, the officer and the statutory officers only', async () => {
    for (const user of [c.users.rita, c.users.rob, c.users.director, c.users.chief, c.users.monitoring]) assert.equal((await briefingFor(deps, user, redId)).id, redId);
    for (const user of [c.users.bea, c.users.gus, c.users.ivy, c.users.junior, c.users.clerk]) await assert.rejects(briefingFor(deps, user, redId), NotFoundError);
  });
});

describe('briefings on the home page', () => {
  it('shows the officer the invitation to answer and the group what is in hand, and nothing to others', async () => {
    const { briefingPanels } = await import('./briefing-panels.ts');
    const db = await createTestDb();
    try {
      const clock = fixedClock('2026-11-23T10:00:00Z');
      const deps = { db, clock, config };
      const c = await addBriefingCouncil(deps, 'model');
      const b = await requestBriefing(deps, actorFor(c.users.rita), c.users.rita, requestOf(c.officers.director, 'Local Plan'));
      const texts = async (user: (typeof c.users)[keyof typeof c.users]) => (await briefingPanels(deps, user, '2026-11-23')).flatMap((p) => p.items.map((i) => `${i.text} → ${i.href}`));
      assert.deepEqual(await texts(c.users.director), [`Invitation to answer: Local Plan → /briefings/${b.id}`, 'All briefings → /briefings']);
      assert.deepEqual(await texts(c.users.rob), [`Awaiting the officer: Local Plan → /briefings/${b.id}`, 'All briefings → /briefings']);
      assert.deepEqual(await texts(c.users.bea), []);
      assert.deepEqual(await texts(c.users.clerk), []);
    } finally {
      await db.drop();
    }
  });
});
