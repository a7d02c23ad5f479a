// The council settings page: each value checked, saved together and audited; deadlines then follow them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { addEnquiryCouncil, PASSWORD, type EnquiryCouncil } from '../enquiries/enquiry.fixture.ts';
import { logEnquiry } from '../enquiries/enquiry.service.ts';
import { readSettings, DEFAULT_SETTINGS } from './settings.repository.ts';
import { readable } from '../../../test/support/html.ts';

describe('the council settings page', () => {
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

  it('shows the defaults, and is refused to a member', async () => {
    const member = new Agent(t.app);
    await member.signIn(c.users.ann.email, PASSWORD);
    assert.equal((await member.get('/admin/settings')).statusCode, 403);
    const page = await clerk.get('/admin/settings');
    assert.match(page.body, /name="localEnquiryDays" type="text" value="10"|id="localEnquiryDays" name="localEnquiryDays" type="text" value="10"/);
  });

  it('names each bad value and keeps what was typed, saving nothing', async () => {
    await clerk.get('/admin/settings');
    const bad = await clerk.post('/admin/settings', { closures: '29/12/2026\nboxing day', localEnquiryDays: '0', enquiryFollowUpDays: 'ten', referenceYear: 'lunar' });
    assert.equal(bad.statusCode, 400);
    assert.match(readable(bad.body), /href="#closures">“boxing day” is not a date/);
    assert.match(bad.body, /href="#localEnquiryDays">The local standard must be a whole number/);
    assert.match(bad.body, /href="#enquiryFollowUpDays">The follow-up window must be a whole number/);
    assert.match(bad.body, /href="#referenceYear">Select how references are numbered/);
    assert.match(bad.body, /boxing day<\/textarea>/);
    assert.deepEqual(await readSettings(t.db.kysely), DEFAULT_SETTINGS);
  });

  it('saves the settings, audits them, and deadlines follow: closure days skipped, the local standard used', async () => {
    await clerk.get('/admin/settings');
    const saved = await clerk.post('/admin/settings', { closures: '24/11/2026\n2026-11-25', localEnquiryDays: '3', enquiryFollowUpDays: '5', referenceYear: 'financial', briefingOfferLapseDays: '21' });
    assert.equal(saved.statusCode, 303);
    assert.deepEqual(await readSettings(t.db.kysely), { closures: ['2026-11-24', '2026-11-25'], localEnquiryDays: 3, enquiryFollowUpDays: 5, referenceYear: 'financial', briefingOfferLapseDays: 21 });
    const enquiry = await logEnquiry(t.deps, { userId: null, label: 'test' }, c.users.ann, { subject: 'S', details: 'D', serviceId: c.services.highways });
    assert.equal(enquiry.dueOn, '2026-11-30', 'Thursday, Friday, Monday: the two closure days skipped');
    const page = await clerk.get(`/enquiries/${enquiry.id}`);
    assert.match(page.body, /24 November 2026: council closure|Tuesday 24 November 2026: council closure/);
    const audit = await t.db.kysely.selectFrom('audit_events').select('action').where('action', '=', 'settings.changed').execute();
    assert.equal(audit.length, 1);
  });
});
