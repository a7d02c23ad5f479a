// Asking and deciding over a real database, under the `model` protocol: the protocol's answers at once (a member
// of the body; an exempt paper outside it), advice first where the member has an interest (114), a dispute to the
// Monitoring Officer (113), conditions of a grant, its end, two deciders at once, and the audit and mail of each.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb, type TestDb } from '../../../test/support/db.ts';
import { fixedClock } from '../../clock.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../errors.ts';
import { documentSight, documentViewerOf } from '../documents/document-access.ts';
import { findDocument } from '../documents/document.repository.ts';
import { addDocumentFile } from '../documents/document.service.ts';
import { minimalPdf } from '../documents/minimal-pdf.ts';
import { addAccessCouncil, type AccessCouncil } from './access-request.fixture.ts';
import { adviseOnRequest, confirmPurpose, createAccessRequest, decideRequest, disputeRequest, withdrawRequest } from './access-request.service.ts';

describe('asking to see a document and deciding', () => {
  let db: TestDb;
  let c: AccessCouncil;
  const clock = fixedClock('2026-11-23T10:00:00Z');
  const deps = () => ({ db, clock, config: { profileId: 'model', baseUrl: 'https://nolan.test' } });
  const ask = (who: 'red' | 'blue' | 'independent' | 'redLeader', documentId: number, extra: Record<string, unknown> = {}) =>
    createAccessRequest(deps(), c.actorOf(c.users[who]), c.users[who], { documentId, purpose: 'council-duties', reason: 'For the budget debate.', personalInterest: 'no', ...extra });
  const sightOf = async (who: 'red' | 'blue' | 'independent' | 'redLeader', documentId: number, day = '2026-11-23') => documentSight(await documentViewerOf(db.kysely, c.users[who], day), (await findDocument(db.kysely, documentId))!);
  const mailTo = async (to: string) => db.kysely.selectFrom('outbox').select(['subject', 'body_text']).where('recipient', '=', to).execute();

  before(async () => {
    db = await createTestDb();
    c = await addAccessCouncil({ db, clock });
  });
  after(async () => db.drop());

  it('names each field of a bad request, and stores nothing', async () => {
    await assert.rejects(createAccessRequest(deps(), c.actorOf(c.users.red), c.users.red, { documentId: 'x', purpose: 'gossip', reason: ' ' }), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.deepEqual(e.fields.map((f) => f.field).sort(), ['documentId', 'personalInterest', 'purpose', 'reason']);
      return true;
    });
    await assert.rejects(ask('red', c.documents.open), /already see/);
    await assert.rejects(createAccessRequest(deps(), c.actorOf(c.users.officer), c.users.officer, {}), ForbiddenError);
    assert.equal((await db.kysely.selectFrom('access_requests').select('id').execute()).length, 0);
  });

  it('grants a member of the body at once (111), opening the file only once the purpose is confirmed (115)', async () => {
    assert.equal((await sightOf('red', c.documents.exemptHidden)).entry, true, 'a member of the body sees the entry, to ask for it');
    const r = await ask('red', c.documents.exemptHidden);
    assert.equal(r.status, 'granted');
    assert.deepEqual(r.clauses, ['111', '115']);
    assert.match(r.decidedBy ?? '', /protocol/);
    assert.equal((await sightOf('red', c.documents.exemptHidden)).file, false, 'not before the purpose is confirmed');
    await assert.rejects(confirmPurpose(deps(), c.actorOf(c.users.red), c.users.red, r.id, r.version, {}), ValidationError);
    await assert.rejects(confirmPurpose(deps(), c.actorOf(c.users.blue), c.users.blue, r.id, r.version, { confirm: 'yes' }), ForbiddenError);
    await confirmPurpose(deps(), c.actorOf(c.users.red), c.users.red, r.id, r.version, { confirm: 'yes' });
    const sight = await sightOf('red', c.documents.exemptHidden);
    assert.equal(sight.file && sight.download && sight.details, true);
    assert.equal((await sightOf('redLeader', c.documents.exemptHidden)).entry, false, 'the grant is the member’s alone');
    assert.ok((await mailTo(c.users.red.email)).some((m) => /granted/.test(m.subject)));
    // The member's rights end with the term: the day before it ends the grant holds, on the day it does not.
    assert.equal((await sightOf('red', c.documents.exemptHidden, '2027-05-05')).file, true);
    assert.equal((await sightOf('red', c.documents.exemptHidden, '2027-05-06')).file, false);
  });

  it('refuses an exempt paper outside the body at once (112); a dispute goes to the Monitoring Officer (113), who may grant with conditions', async () => {
    const r = await ask('independent', c.documents.exemptPublic);
    assert.equal(r.status, 'refused');
    assert.deepEqual(r.clauses, ['112']);
    assert.match(r.reasons ?? '', /Clause 112/);
    const disputed = await disputeRequest(deps(), c.actorOf(c.users.independent), c.users.independent, r.id, r.version, { reason: 'I need it for the call-in.' });
    assert.equal(disputed.status, 'disputed');
    assert.equal(disputed.decider, 'monitoring-officer');
    assert.ok(disputed.clauses.includes('113'));
    assert.ok((await mailTo('mo@millford.gov.uk')).some((m) => /disputed/.test(m.subject)));
    await assert.rejects(decideRequest(deps(), c.actorOf(c.users.po), c.users.po, r.id, disputed.version, { decision: 'grant', reasons: 'x' }), ForbiddenError);
    await assert.rejects(decideRequest(deps(), c.actorOf(c.users.mo), c.users.mo, r.id, disputed.version, { decision: 'grant', reasons: 'Needed.', redactedOnly: 'yes', untilOn: '2026-11-01' }), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.deepEqual(e.fields.map((f) => f.field).sort(), ['redactedOnly', 'untilOn']);
      return true;
    });
    await addDocumentFile({ db, clock }, c.actorOf(c.users.clerk), c.documents.exemptPublic, { fileName: 'redacted.pdf', contentType: 'application/pdf', content: minimalPdf('Redacted', ['Terms withheld.']), redacted: true });
    const granted = await decideRequest(deps(), c.actorOf(c.users.mo), c.users.mo, r.id, disputed.version, { decision: 'grant', reasons: 'Needed for the call-in.', viewOnly: 'yes', redactedOnly: 'yes', untilOn: '2026-12-31' });
    assert.equal(granted.status, 'granted');
    assert.deepEqual(granted.conditions, { viewOnly: true, inOffice: false, redactedOnly: true, untilOn: '2026-12-31' });
    await confirmPurpose(deps(), c.actorOf(c.users.independent), c.users.independent, r.id, granted.version, { confirm: 'yes' });
    const sight = await sightOf('independent', c.documents.exemptPublic);
    assert.deepEqual([sight.file, sight.download, sight.redactedOnly, sight.details], [true, false, true, false]);
    assert.equal((await sightOf('independent', c.documents.exemptPublic, '2027-01-01')).file, false, 'the grant ends on its date');
    await assert.rejects(disputeRequest(deps(), c.actorOf(c.users.independent), c.users.independent, r.id, granted.version + 1, { reason: 'again' }), ConflictError);
  });

  it('sends a member’s own interest to the Monitoring Officer’s advice first (114), and lets only one of two deciders win', async () => {
    const r = await ask('red', c.documents.confidential, { personalInterest: 'yes' });
    assert.equal(r.status, 'awaiting-advice');
    assert.equal(r.adviceFirst, true);
    assert.ok(r.clauses.includes('114'));
    await assert.rejects(decideRequest(deps(), c.actorOf(c.users.mo), c.users.mo, r.id, r.version, { decision: 'refuse', reasons: 'No.' }), /advice comes first/);
    await assert.rejects(adviseOnRequest(deps(), c.actorOf(c.users.po), c.users.po, r.id, r.version, { advice: 'x' }), ForbiddenError);
    const advised = await adviseOnRequest(deps(), c.actorOf(c.users.mo), c.users.mo, r.id, r.version, { advice: 'Declare the interest; view only.' });
    assert.equal(advised.status, 'awaiting-decision');
    const results = await Promise.allSettled([
      decideRequest(deps(), c.actorOf(c.users.mo), c.users.mo, r.id, advised.version, { decision: 'refuse', reasons: 'The court order forbids it.' }),
      decideRequest(deps(), c.actorOf(c.users.mo), c.users.mo, r.id, advised.version, { decision: 'grant', reasons: 'Needed.' }),
    ]);
    assert.deepEqual(results.map((x) => x.status).sort(), ['fulfilled', 'rejected']);
    assert.ok((results.find((x) => x.status === 'rejected') as PromiseRejectedResult).reason instanceof ConflictError);
    const events = await db.kysely.selectFrom('audit_events').select('action').where('entity', '=', 'access-request').where('entity_id', '=', String(r.id)).execute();
    assert.deepEqual(events.map((e) => e.action).sort(), ['access-request.advised', 'access-request.created', events.find((e) => /granted|refused/.test(e.action))!.action].sort());
  });

  it('gives a scrutiny member asking for an executive paper the reg 17 date (bristol-2019: the Proper Officer decides), and lets the member withdraw', async () => {
    await db.kysely.updateTable('council').set({ profile_id: 'bristol-2019' }).execute();
    const r = await ask('blue', c.documents.exemptPublic);
    assert.equal(r.status, 'awaiting-decision');
    assert.equal(r.decider, 'proper-officer');
    assert.equal(r.deciderBasis, 'protocol');
    assert.deepEqual(r.clauses, ['22', '23', '29']);
    assert.equal(r.scrutinyDueOn, '2026-12-04', '10 clear days after 23 November');
    await assert.rejects(ask('blue', c.documents.exemptPublic), /already asked/);
    await assert.rejects(withdrawRequest(deps(), c.actorOf(c.users.red), c.users.red, r.id, r.version), ForbiddenError);
    assert.equal((await withdrawRequest(deps(), c.actorOf(c.users.blue), c.users.blue, r.id, r.version)).status, 'withdrawn');
  });

  it('where the protocol is silent (town-2026), sends the request to the council’s own decider, labelled local', async () => {
    await db.kysely.updateTable('council').set({ profile_id: 'town-2026' }).execute();
    const first = await ask('blue', c.documents.exemptPublic, { purpose: 'ward' });
    assert.deepEqual([first.status, first.decider, first.deciderBasis], ['awaiting-decision', 'monitoring-officer', 'local']);
    await withdrawRequest(deps(), c.actorOf(c.users.blue), c.users.blue, first.id, first.version);
    await db.kysely.insertInto('settings').values({ key: 'access.local-decider', value: 'proper-officer' }).execute();
    const second = await ask('blue', c.documents.exemptPublic, { purpose: 'ward' });
    assert.deepEqual([second.decider, second.deciderBasis], ['proper-officer', 'local']);
    await db.kysely.updateTable('council').set({ profile_id: 'model' }).execute();
  });

  it('under district-section-d, sends a request not plainly reasonable to the Chief Executive, who consults the Chairman and the Cabinet Leader (2.4)', async () => {
    await db.kysely.updateTable('council').set({ profile_id: 'district-section-d' }).execute();
    const r = await ask('independent', c.documents.confidential);
    assert.deepEqual([r.status, r.decider, r.deciderBasis], ['awaiting-decision', 'chief-executive', 'protocol']);
    assert.deepEqual(r.consult, ['council-chairman', 'cabinet-leader']);
    assert.deepEqual(r.clauses, ['2.4']);
    await assert.rejects(decideRequest(deps(), c.actorOf(c.users.mo), c.users.mo, r.id, r.version, { decision: 'grant', reasons: 'x' }), ForbiddenError);
    await db.kysely.updateTable('council').set({ profile_id: 'model' }).execute();
  });
});
