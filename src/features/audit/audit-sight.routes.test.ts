// The audit trail shows every event's who, what and when to its readers, but the text of an event only to a reader
// who may see the record it belongs to: each kind of restricted record carries a canary in its text, and every page
// of the trail, filtered or not, is searched for it as the Monitoring Officer, an administrator and democratic
// services.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { createAccount } from '../accounts/accounts.service.ts';
import { addAccessCouncil, type AccessCouncil } from '../access-requests/access-request.fixture.ts';
import { answerBriefing, requestBriefing } from '../briefings/briefing.service.ts';
import { actorFor as briefingActor, addBriefingCouncil, PASSWORD as BRIEFING_PASSWORD, type BriefingCouncil } from '../briefings/briefing.fixture.ts';
import { createDocument } from '../documents/document.service.ts';
import { PASSWORD as DOCUMENT_PASSWORD } from '../documents/document.fixture.ts';
import { actOnEnquiry, logEnquiry } from '../enquiries/enquiry.service.ts';
import { actorFor as enquiryActor, addEnquiryCouncil, PASSWORD as ENQUIRY_PASSWORD, type EnquiryCouncil } from '../enquiries/enquiry.fixture.ts';
import { appendAudit } from './audit.repository.ts';
import { systemActor } from '../../actor.ts';

const HIDDEN = /Details hidden: you cannot see this record/;

/** Every page of the trail as one reader sees it, following the older-events links from the first page given. */
async function wholeTrail(agent: Agent, first: string): Promise<string[]> {
  const pages: string[] = [];
  let url: string | undefined = first;
  while (url) {
    const page = await agent.get(url);
    assert.equal(page.statusCode, 200, url);
    pages.push(page.body);
    url = /href="([^"]+)" rel="next"/.exec(page.body)?.[1]?.replaceAll('&amp;', '&');
  }
  return pages;
}

async function signedIn(t: TestApp, email: string, password: string): Promise<Agent> {
  const agent = new Agent(t.app);
  await agent.signIn(email, password);
  return agent;
}

/** The trail's pages for a reader: the whole trail, and the record's own events found by the filter. */
async function trailOf(agent: Agent, entity: string, id: number): Promise<string> {
  return [...(await wholeTrail(agent, '/admin/audit')), ...(await wholeTrail(agent, `/admin/audit?entity=${entity}&entityId=${id}`))].join('\n');
}

describe('the audit trail and a confidential enquiry', () => {
  let t: TestApp;
  let c: EnquiryCouncil;
  let id = 0;
  const SUBJECT = 'AUDIT-CANARY-enquiry-subject-91c2';
  const ANSWER = 'AUDIT-CANARY-enquiry-answer-5d7e';

  before(async () => {
    t = await createTestApp();
    c = await addEnquiryCouncil(t.deps);
    const k = t.db.kysely;
    const at = t.clock.now().toISOString();
    // The Parks officer is the Monitoring Officer; the enquiry is Highways', so not theirs to see.
    await k.insertInto('statutory_roles').values({ officer_id: c.officers.parks, role: 'monitoring-officer', capacity: 'holder', starts_on: '2020-01-01', ends_on: null, created_at: at }).execute();
    await createAccount(t.deps, systemActor, { email: 'admin@riverbend.gov.uk', fullName: 'Ada Admin', roles: ['admin'], password: ENQUIRY_PASSWORD });
    const enquiry = await logEnquiry(t.deps, enquiryActor(c.users.ann), c.users.ann, { subject: SUBJECT, details: 'Private.', serviceId: String(c.services.highways), confidential: true });
    id = enquiry.id;
    await actOnEnquiry(t.deps, enquiryActor(c.users.head), c.users.head, id, 'answer', { version: enquiry.version, text: ANSWER });
  });
  after(async () => t.close());

  it('hides its subject and answer from the Monitoring Officer, who may not see it, but shows who did what', async () => {
    const mo = await signedIn(t, c.users.parks.email, ENQUIRY_PASSWORD);
    const trail = await trailOf(mo, 'enquiry', id);
    assert.equal(trail.includes(SUBJECT), false, 'the subject');
    assert.equal(trail.includes(ANSWER), false, 'the answer');
    assert.match(trail, /<code>enquiry\.logged<\/code>/);
    assert.match(trail, /<code>enquiry\.answer<\/code>|<code>enquiry\.answered<\/code>/);
    assert.match(trail, /hal@riverbend\.gov\.uk/);
    assert.match(trail, HIDDEN);
  });

  it('shows them to an administrator, who oversees every enquiry', async () => {
    const admin = await signedIn(t, 'admin@riverbend.gov.uk', ENQUIRY_PASSWORD);
    const trail = await trailOf(admin, 'enquiry', id);
    assert.ok(trail.includes(SUBJECT) && trail.includes(ANSWER));
  });

  it('is not open to democratic services at all', async () => {
    assert.equal((await (await signedIn(t, c.users.clerk.email, ENQUIRY_PASSWORD)).get('/admin/audit')).statusCode, 403);
  });
});

describe('the audit trail and a party group’s briefing', () => {
  let t: TestApp;
  let c: BriefingCouncil;
  let id = 0;
  const REASON = 'AUDIT-CANARY-decline-reason-3b8f';
  const NOTES = 'AUDIT-CANARY-briefing-notes-e41a';

  before(async () => {
    t = await createTestApp();
    c = await addBriefingCouncil(t.deps);
    await createAccount(t.deps, systemActor, { email: 'admin@riverbend.gov.uk', fullName: 'Ada Admin', roles: ['admin'], password: BRIEFING_PASSWORD });
    const request = { officerId: String(c.officers.director), subject: 'Budget options', meetsOn: '2026-12-02', attendees: 'Red councillors', nonMembersPresent: 'no', partyBusiness: 'no' };
    const b = await requestBriefing(t.deps, briefingActor(c.users.rita), c.users.rita, request);
    id = b.id;
    await answerBriefing(t.deps, briefingActor(c.users.director), c.users.director, id, { version: b.version, answer: 'decline', reason: REASON });
    // The group's notes, as an event recording them would carry them.
    await t.db.kysely.transaction().execute((trx) => appendAudit(trx, t.db.dialect, briefingActor(c.users.rita), { action: 'briefing.notes', entity: 'briefing', entityId: id, after: { notes: NOTES } }, t.clock.now()));
  });
  after(async () => t.close());

  it('hides its decline reason and notes from an administrator, who is not party to it', async () => {
    const admin = await signedIn(t, 'admin@riverbend.gov.uk', BRIEFING_PASSWORD);
    const trail = await trailOf(admin, 'briefing', id);
    assert.equal(trail.includes(REASON), false, 'the reason');
    assert.equal(trail.includes(NOTES), false, 'the notes');
    assert.match(trail, /<code>briefing\.declined<\/code>/);
    assert.match(trail, /dev@riverbend\.gov\.uk/);
    assert.match(trail, HIDDEN);
  });

  it('shows them to the Monitoring Officer, who oversees every group’s briefings', async () => {
    const mo = await signedIn(t, c.users.monitoring.email, BRIEFING_PASSWORD);
    const trail = await trailOf(mo, 'briefing', id);
    assert.ok(trail.includes(REASON) && trail.includes(NOTES));
    assert.doesNotMatch(trail, HIDDEN);
  });
});

describe('the audit trail and the register: an access request and an exempt paper', () => {
  let t: TestApp;
  let c: AccessCouncil;
  let requestId = 0;
  let documentId = 0;
  const REASONS = 'AUDIT-CANARY-request-reasons-7a20';
  const SUMMARY = 'AUDIT-CANARY-exempt-summary-c9d4';

  before(async () => {
    t = await createTestApp();
    c = await addAccessCouncil(t.deps);
    const actor = c.actorOf(c.users.clerk);
    documentId = (await createDocument(t.deps, actor, { bodyId: c.bodies.cabinet, classification: 'exempt', exemptParagraph: 3, publicInterestTest: 'Negotiations continue.', title: 'Depot lease', summary: SUMMARY, authorOfficerId: c.officers.author, reviewOn: '2027-06-01' })).id;
    const at = t.clock.now().toISOString();
    requestId = (await t.db.kysely.insertInto('access_requests').values({
      document_id: documentId, member_id: c.users.blue.memberId!, requested_by_user_id: c.users.blue.id, purpose: 'council-duties', reason: REASONS, personal_interest: false,
      facts_json: '{}', answer_json: '{}', decider: 'monitoring-officer', decider_basis: 'protocol', consult_json: '[]', clauses_json: '[]', status: 'awaiting-decision', created_at: at, updated_at: at,
    }).returning('id').executeTakeFirstOrThrow()).id;
    await t.db.kysely.transaction().execute((trx) => appendAudit(trx, t.db.dialect, c.actorOf(c.users.blue), { action: 'access-request.created', entity: 'access-request', entityId: requestId, after: { documentId, reason: REASONS } }, t.clock.now()));
  });
  after(async () => t.close());

  it('shows both to the Monitoring Officer and an administrator, who keep the register and see every request', async () => {
    for (const who of ['mo', 'admin'] as const) {
      const agent = await signedIn(t, c.users[who].email, DOCUMENT_PASSWORD);
      const requests = await trailOf(agent, 'access-request', requestId);
      const documents = await trailOf(agent, 'document', documentId);
      assert.ok(requests.includes(REASONS), `${who}: the reasons`);
      assert.ok(documents.includes(SUMMARY), `${who}: the summary`);
      assert.doesNotMatch(requests + documents, HIDDEN, who);
    }
  });
});
