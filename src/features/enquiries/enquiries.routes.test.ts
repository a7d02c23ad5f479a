// The enquiry pages and API over a real database: logging, the lists each person sees, the steps, conflicts.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { issueApiToken } from '../accounts/accounts.service.ts';
import { systemActor } from '../../actor.ts';
import { addEnquiryCouncil, PASSWORD, type EnquiryCouncil } from './enquiry.fixture.ts';
import { readable } from '../../../test/support/html.ts';

describe('the enquiry pages', () => {
  let t: TestApp;
  let c: EnquiryCouncil;
  let ann: Agent;
  let head: Agent;
  const as = async (email: string) => {
    const agent = new Agent(t.app);
    await agent.signIn(email, PASSWORD);
    return agent;
  };
  let enquiryUrl = '';

  before(async () => {
    t = await createTestApp();
    c = await addEnquiryCouncil(t.deps);
    ann = await as(c.users.ann.email);
    head = await as(c.users.head.email);
  });
  after(async () => t.close());

  it('logs an enquiry from the form, or lists each problem in an error summary', async () => {
    await ann.get('/enquiries/new');
    const bad = await ann.post('/enquiries/new', { subject: '', details: '', serviceId: '99999' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /There is a problem/);
    assert.match(bad.body, /href="#subject">Enter a subject/);
    assert.match(bad.body, /href="#details">Enter the details of the enquiry/);
    assert.match(bad.body, /href="#serviceId">Select a service from the list/);
    const done = await ann.post('/enquiries/new', { subject: 'Pothole on Mill Lane', details: 'Deep, outside number 12.', serviceId: String(c.services.highways), residentReference: 'R-1', copyTo: String(c.members.cy) });
    assert.equal(done.statusCode, 303);
    enquiryUrl = String(done.headers.location).replace('?logged=yes', '');
    const page = await ann.get(String(done.headers.location));
    assert.match(page.body, /The enquiry was logged/);
    assert.match(page.body, /ENQ-26-0001/);
    assert.match(page.body, /Hal Head/);
    assert.match(page.body, /<strong>Monday 7 December 2026<\/strong>|<strong>7 December 2026<\/strong>/);
    assert.match(readable(page.body), /council’s <strong>local standard<\/strong>, not the protocol/);
    assert.match(page.body, /Copied to\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*Cllr Cy Cole/);
    assert.doesNotMatch(page.body, /action="\/enquiries\/\d+\/acknowledge"/, 'a member does not acknowledge their own enquiry');
  });

  it('shows the enquiry only to those who may see it', async () => {
    assert.equal((await (await as(c.users.bo.email)).get(enquiryUrl)).statusCode, 404);
    assert.equal((await (await as(c.users.parks.email)).get(enquiryUrl)).statusCode, 404);
    assert.equal((await (await as(c.users.cy.email)).get(enquiryUrl)).statusCode, 200);
    assert.equal((await (await as(c.users.clerk.email)).get(enquiryUrl)).statusCode, 200);
    assert.match((await (await as(c.users.bo.email)).get('/enquiries')).body, /No enquiries to show/);
    const queue = await head.get('/enquiries');
    assert.match(queue.body, /Your enquiry queue/);
    assert.match(queue.body, /ENQ-26-0001/);
    assert.equal((await t.app.inject({ method: 'GET', url: enquiryUrl })).statusCode, 303, 'signed out: to sign in');
  });

  it('moves the enquiry on, shows errors against the right form, and refuses a stale form', async () => {
    let page = await head.get(enquiryUrl);
    const version = /name="version" value="(\d+)"/.exec(page.body)![1]!;
    const ack = await head.post(`${enquiryUrl}/acknowledge`, { version, text: 'Passed to the inspector.' });
    assert.equal(ack.statusCode, 303);
    page = await head.get(enquiryUrl);
    assert.match(page.body, /govuk-tag--light-blue">\s*Acknowledged/);
    const stale = await head.post(`${enquiryUrl}/start`, { version });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /href="#history">Someone changed ENQ-26-0001 after you opened it/);
    page = await head.get(enquiryUrl);
    const current = /name="version" value="(\d+)"/.exec(page.body)![1]!;
    const noAnswer = await head.post(`${enquiryUrl}/answer`, { version: current, text: '' });
    assert.equal(noAnswer.statusCode, 400);
    assert.match(noAnswer.body, /href="#answer-text">Enter the answer/);
    const badExtension = await head.post(`${enquiryUrl}/extend`, { version: current, 'dueOn-day': '31', 'dueOn-month': '2', 'dueOn-year': '2027', text: 'Survey' });
    assert.match(badExtension.body, /href="#extend-dueOn-day">Enter the new date as a real date/);
    assert.match(readable(badExtension.body), /href="#extend-agreed">An extension needs the member’s agreement/);
    const answered = await head.post(`${enquiryUrl}/answer`, { version: current, text: 'Repaired today.' });
    assert.equal(answered.statusCode, 303);
    page = await ann.get(enquiryUrl);
    assert.match(page.body, /Repaired today\./);
    assert.match(page.body, /action="\/enquiries\/\d+\/close"/, 'the member may close it');
    assert.match(page.body, /action="\/enquiries\/\d+\/reopen"/, 'or reopen it');
    assert.equal((await ann.post(`${enquiryUrl}/acknowledge`, { version: current })).statusCode, 403);
    assert.equal((await ann.post(`${enquiryUrl}/nonsense`, { version: current })).statusCode, 404);
  });

  it('filters the list and refuses a filter it does not know', async () => {
    const clerk = await as(c.users.clerk.email);
    assert.match((await clerk.get('/enquiries?view=answered')).body, /ENQ-26-0001/);
    assert.doesNotMatch((await clerk.get('/enquiries?view=open')).body, /ENQ-26-0001/);
    const bad = await clerk.get('/enquiries?view=everything&ward=9999');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /href="#view">Choose which enquiries to show/);
    assert.match(bad.body, /href="#ward">Select a ward from the list/);
    assert.match(bad.body, /id="ward-error"[^]*Select a ward from the list[^]*<select class="govuk-select govuk-select--error" id="ward"/);
    // Each choice shows itself selected, and no other, however often the same selects are served.
    const selected = (body: string) => /<select[^>]*id="ward"[^]*?<\/select>/.exec(body)![0].match(/<option value="[^"]*" selected>[^<]*/g) ?? [];
    for (let i = 0; i < 2; i++) {
      assert.deepEqual(selected((await clerk.get(`/enquiries?ward=${c.wards.brook}`)).body), [`<option value="${c.wards.brook}" selected>Brookside`]);
      assert.deepEqual(selected((await clerk.get(`/enquiries?ward=${c.wards.abbey}`)).body), [`<option value="${c.wards.abbey}" selected>Abbey`]);
      assert.deepEqual(selected((await clerk.get('/enquiries')).body), []);
    }
    assert.doesNotMatch((await clerk.get('/enquiries')).body, /govuk-select--error/);
  });

  it('says when a page is past the end of the list, and links back to the first', async () => {
    const clerk = await as(c.users.clerk.email);
    const past = await clerk.get('/enquiries?view=answered&page=9');
    assert.equal(past.statusCode, 200);
    assert.match(past.body, /Page 9 is past the end of this list\. <a class="govuk-link" href="\/enquiries\?view=answered">Go to the first page<\/a>/);
    assert.doesNotMatch(past.body, /page 9 of|No enquiries to show/);
    assert.doesNotMatch((await clerk.get('/enquiries?view=answered')).body, /past the end/);
  });
});

describe('the enquiries API', () => {
  let t: TestApp;
  let c: EnquiryCouncil;
  const bearer = async (userId: number) => `Bearer ${(await issueApiToken(t.deps, systemActor, userId, 'tests')).token}`;
  before(async () => {
    t = await createTestApp();
    c = await addEnquiryCouncil(t.deps, 'county');
  });
  after(async () => t.close());

  it('logs an enquiry: 201 with its deadline, what meets it and the clauses', async () => {
    const auth = await bearer(c.users.ann.id);
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/enquiries', headers: { authorization: auth }, payload: { subject: 'Bins', details: 'Missed collection', service: c.services.highways } });
    assert.equal(created.statusCode, 201, created.body);
    const body = created.json();
    assert.equal(body.reference, 'ENQ-26-0001');
    assert.equal(body.status, 'received');
    assert.equal(body.dueDate, '2026-11-30');
    assert.equal(body.dueBasis, 'protocol');
    assert.match(body.dueMeans.join(' '), /acknowledgement explaining/);
    assert.ok(body.clauses.includes('1.7.2'));
    assert.equal(body.assignedOfficer.name, 'Hal Head');

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/enquiries', headers: { authorization: auth } });
    assert.deepEqual(list.json().items.map((i: { reference: string }) => i.reference), ['ENQ-26-0001']);
    const other = await t.app.inject({ method: 'GET', url: `/api/v1/enquiries/${body.id}`, headers: { authorization: await bearer(c.users.bo.id) } });
    assert.equal(other.statusCode, 404);

    const officer = await bearer(c.users.head.id);
    const ack = await t.app.inject({ method: 'POST', url: `/api/v1/enquiries/${body.id}/acknowledge`, headers: { authorization: officer }, payload: { version: body.version, text: 'On it' } });
    assert.equal(ack.statusCode, 200, ack.body);
    assert.equal(ack.json().status, 'acknowledged');
    const stale = await t.app.inject({ method: 'POST', url: `/api/v1/enquiries/${body.id}/start`, headers: { authorization: officer }, payload: { version: body.version } });
    assert.equal(stale.statusCode, 409);
  });

  it('searches and filters the list, within what the caller may see, and names a filter it cannot use', async () => {
    const ann = await bearer(c.users.ann.id);
    const get = async (auth: string, query: string) => t.app.inject({ method: 'GET', url: `/api/v1/enquiries?${query}`, headers: { authorization: auth } });
    const found = await get(ann, `q=${encodeURIComponent('missed collection')}&status=open&service=${c.services.highways}&receivedFrom=2026-11-23&receivedTo=2026-11-23`);
    assert.equal(found.statusCode, 200, found.body);
    assert.deepEqual(found.json().items.map((i: { reference: string }) => i.reference), ['ENQ-26-0001']);
    assert.equal((await get(ann, 'q=collection -missed')).json().total, 0);
    assert.equal((await get(await bearer(c.users.bo.id), 'q=collection')).json().total, 0, 'another member’s enquiry is never found');
    const bad = await get(ann, 'officer=99999&receivedFrom=2026-02-31');
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.json().fields.some((f: { field: string }) => f.field === 'querystring.receivedFrom'));
    const unknown = await get(ann, 'officer=99999');
    assert.equal(unknown.statusCode, 400);
    assert.deepEqual(unknown.json().fields, [{ field: 'officer', message: 'No officer has this id' }]);
  });

  it('answers bad input with 400 naming the field', async () => {
    const auth = await bearer(c.users.ann.id);
    const empty = await t.app.inject({ method: 'POST', url: '/api/v1/enquiries', headers: { authorization: auth }, payload: { subject: '', details: 'x', service: 9999 } });
    assert.equal(empty.statusCode, 400);
    assert.deepEqual(empty.json().fields.map((f: { field: string }) => f.field), ['subject', 'service'], 'every problem at once');
    const noService = await t.app.inject({ method: 'POST', url: '/api/v1/enquiries', headers: { authorization: auth }, payload: { subject: 'x', details: 'x', service: 9999 } });
    assert.equal(noService.statusCode, 400);
    assert.deepEqual(noService.json().fields, [{ field: 'service', message: 'Select a service from the list' }]);
    const wrongType = await t.app.inject({ method: 'POST', url: '/api/v1/enquiries', headers: { authorization: auth }, payload: { subject: 5 } });
    assert.equal(wrongType.statusCode, 400);
    assert.ok(wrongType.json().fields.some((f: { field: string }) => f.field === 'subject'));
    const urgent = await t.app.inject({ method: 'POST', url: '/api/v1/enquiries', headers: { authorization: auth }, payload: { subject: 'x', details: 'x', urgent: true } });
    assert.equal(urgent.statusCode, 400);
    assert.match(JSON.stringify(urgent.json().fields), /"field":"urgent","message":"members cannot mark an enquiry urgent/);
    const badAction = await t.app.inject({ method: 'POST', url: '/api/v1/enquiries/1/fly', headers: { authorization: auth }, payload: { version: 1 } });
    assert.equal(badAction.statusCode, 400);
  });
});
