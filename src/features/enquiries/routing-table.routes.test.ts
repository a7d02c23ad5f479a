// The routing table page: democratic services add and remove entries; enquiries follow them, under the protocol.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { addEnquiryCouncil, PASSWORD, type EnquiryCouncil } from './enquiry.fixture.ts';
import { logEnquiry } from './enquiry.service.ts';

describe('the enquiry routing page', () => {
  let t: TestApp;
  let c: EnquiryCouncil;
  let clerk: Agent;
  before(async () => {
    t = await createTestApp();
    c = await addEnquiryCouncil(t.deps);
    clerk = new Agent(t.app);
    await clerk.signIn(c.users.clerk.email, PASSWORD);
  });
  after(async () => t.close());

  it('is for democratic services and administrators', async () => {
    const officer = new Agent(t.app);
    await officer.signIn(c.users.head.email, PASSWORD);
    assert.equal((await officer.get('/admin/enquiry-routing')).statusCode, 403);
    assert.match((await clerk.get('/admin/enquiry-routing')).body, /No entries yet/);
  });

  it('adds an entry that routes enquiries, refuses bad or clashing ones, and removes it', async () => {
    await clerk.get('/admin/enquiry-routing');
    const bad = await clerk.post('/admin/enquiry-routing', { serviceId: '', wardId: '9999', workType: '', officerId: 'x' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /href="#serviceId">Select a service/);
    assert.match(bad.body, /href="#wardId">Select a ward from the list/);
    assert.match(bad.body, /href="#officerId">Select an officer who works for the council/);
    const entry = { serviceId: String(c.services.highways), wardId: String(c.wards.brook), workType: 'Potholes', officerId: String(c.officers.engineer) };
    assert.equal((await clerk.post('/admin/enquiry-routing', entry)).statusCode, 303);
    const page = await clerk.get('/admin/enquiry-routing?done=added');
    assert.match(page.body, /The routing entry was added/);
    assert.match(page.body, /Brookside/);
    assert.match(page.body, />potholes</);
    const clash = await clerk.post('/admin/enquiry-routing', entry);
    assert.match(clash.body, /Eve Engineer already takes these enquiries/);

    const routed = await logEnquiry(t.deps, { userId: null, label: 'test' }, c.users.bo, { subject: 'Hole', details: 'Big', serviceId: c.services.highways, workType: 'potholes' });
    assert.equal(routed.assignedOfficerId, c.officers.engineer);

    const id = /action="\/admin\/enquiry-routing\/(\d+)\/remove"/.exec(page.body)![1];
    assert.equal((await clerk.post(`/admin/enquiry-routing/${id}/remove`, {})).statusCode, 303);
    assert.match((await clerk.get('/admin/enquiry-routing')).body, /No entries yet/);
    assert.equal((await clerk.post(`/admin/enquiry-routing/${id}/remove`, {})).statusCode, 404);
    const audit = await t.db.kysely.selectFrom('audit_events').select('action').where('entity', '=', 'enquiry_route').orderBy('seq').execute();
    assert.deepEqual(audit.map((a) => a.action), ['enquiry-route.added', 'enquiry-route.removed']);
  });
});
