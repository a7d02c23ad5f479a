// Asking for information that is no paper of the register, under the `model` protocol: one of a paper or
// information, never both; the facts from the record against the body named (no classification, since there is
// none); advice first where personal data is at stake (114); a grant that opens no file, so the file conditions
// are refused; and the reg 17 date for a scrutiny member asking about the executive's business.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb, type TestDb } from '../../../test/support/db.ts';
import { fixedClock } from '../../clock.ts';
import { ValidationError } from '../../errors.ts';
import { addAccessCouncil, type AccessCouncil } from './access-request.fixture.ts';
import { adviseOnRequest, confirmPurpose, createAccessRequest, decideRequest } from './access-request.service.ts';

describe('asking for information', () => {
  let db: TestDb;
  let c: AccessCouncil;
  const clock = fixedClock('2026-11-23T10:00:00Z');
  const deps = () => ({ db, clock, config: { profileId: 'model', baseUrl: 'https://nolan.test' } });
  const ask = (who: 'red' | 'blue' | 'independent', extra: Record<string, unknown> = {}) =>
    createAccessRequest(deps(), c.actorOf(c.users[who]), c.users[who], { information: 'The contract monitoring figures for the waste service', purpose: 'council-duties', reason: 'For the budget debate.', personalInterest: 'no', personalData: 'no', ...extra });
  const rejectsNaming = (promise: Promise<unknown>, fields: string[]) =>
    assert.rejects(promise, (e: unknown) => e instanceof ValidationError && JSON.stringify(e.fields.map((f) => f.field).sort()) === JSON.stringify(fields));

  before(async () => {
    db = await createTestDb();
    c = await addAccessCouncil({ db, clock });
  });
  after(async () => db.drop());

  it('takes a paper or information, never both, and names each field of a bad request', async () => {
    await rejectsNaming(ask('red', { documentId: c.documents.exemptHidden }), ['information']);
    await rejectsNaming(ask('red', { information: ' ', purpose: 'gossip', reason: '', personalInterest: undefined, personalData: undefined, bodyId: 'x' }), ['bodyId', 'information', 'personalData', 'personalInterest', 'purpose', 'reason']);
    await rejectsNaming(ask('red', { bodyId: 999_999 }), ['bodyId']);
    assert.equal((await db.kysely.selectFrom('access_requests').select('id').execute()).length, 0);
  });

  it('sends personal data to the Monitoring Officer first (114); a grant opens no file, so view-only and redaction are refused', async () => {
    const r = await ask('independent', { personalData: 'yes', bodyId: c.bodies.cabinet });
    assert.equal(r.status, 'awaiting-advice');
    assert.equal(r.documentId, null);
    assert.equal(r.subject, 'The contract monitoring figures for the waste service');
    assert.equal(r.informationBodyName !== null, true);
    assert.equal('classification' in r.facts, false, 'information has no classification');
    assert.equal(r.facts.personalData, true);
    assert.equal(r.facts.memberOfBody, false);
    const mo = await db.kysely.selectFrom('outbox').select(['body_text']).where('recipient', '=', 'mo@millford.gov.uk').execute();
    assert.ok(mo.some((m) => m.body_text.includes('for the information “The contract monitoring figures')));

    const advised = await adviseOnRequest(deps(), c.actorOf(c.users.mo), c.users.mo, r.id, r.version, { advice: 'Give totals only, no names.' });
    const decider = advised.decider === 'monitoring-officer' ? c.users.mo : c.users.po;
    const decide = (extra: Record<string, unknown>) => decideRequest(deps(), c.actorOf(decider), decider, r.id, advised.version, { decision: 'grant', reasons: 'The totals will be sent by email.', ...extra });
    await rejectsNaming(decide({ viewOnly: 'yes', redactedOnly: 'yes' }), ['redactedOnly', 'viewOnly']);
    const granted = await decide({ inOffice: 'yes', untilOn: '2026-12-31' });
    assert.equal(granted.status, 'granted');
    assert.deepEqual(granted.conditions, { viewOnly: false, inOffice: true, redactedOnly: false, untilOn: '2026-12-31' });
    const confirmed = await confirmPurpose(deps(), c.actorOf(c.users.independent), c.users.independent, r.id, granted.version, { confirm: 'yes' });
    assert.ok(confirmed.purposeConfirmedAt);
    const mail = await db.kysely.selectFrom('outbox').select(['body_text']).where('recipient', '=', c.users.independent.email).execute();
    assert.ok(mail.some((m) => /for the information “The contract monitoring figures[^”]*” is granted/.test(m.body_text) && m.body_text.includes('how the information is given')));
  });

  it('gives a member of the body named that fact, and a scrutiny member asking about the executive the reg 17 date', async () => {
    const red = await ask('red', { bodyId: c.bodies.cabinet });
    assert.equal(red.facts.memberOfBody, true);
    const blue = await ask('blue', { bodyId: c.bodies.cabinet });
    assert.equal(blue.facts.withinCommitteeRemit, true);
    if (blue.status !== 'granted' && blue.status !== 'refused') assert.equal(blue.scrutinyDueOn, '2026-12-04');
    const unnamed = await ask('blue');
    assert.equal(unnamed.facts.memberOfBody, false);
    assert.equal(unnamed.scrutinyDueOn, null);
  });
});
