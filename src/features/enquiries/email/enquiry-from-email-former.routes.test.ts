// Logging an enquiry from an email is for those who may log one: a member in office, an officer in post and
// democratic services. From the day an officer leaves or a member's term ends they can neither upload an email nor
// open, or log, a draft they uploaded while they could — not even by sending an upload refused before it is read.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { uploadAs } from '../../../../test/support/multipart.ts';
import { addEnquiryCouncil, PASSWORD, type EnquiryCouncil } from '../enquiry.fixture.ts';
import { MAX_ATTACHMENTS } from '../attachments/attachment-uploads.ts';

const YESTERDAY = '2026-11-22';
const CANARY = 'DRAFT-CANARY-weir-7d10';

const eml = (subject: string) =>
  Buffer.from(['From: Jane Resident <jane.resident@example.org>', 'To: Member Enquiries <enquiries@riverbend.gov.uk>', `Subject: ${subject}`, 'Date: Mon, 16 Nov 2026 09:15:00 +0000', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', `The weir is blocked. ${CANARY}`].join('\r\n'));

describe('enquiries from an email, after an officer leaves or a member’s term ends', () => {
  let t: TestApp;
  let c: EnquiryCouncil;
  const agents = new Map<string, Agent>();
  const drafts = new Map<string, string>();
  const count = async (table: 'enquiries' | 'enquiry_email_drafts') => Number((await t.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  before(async () => {
    t = await createTestApp();
    c = await addEnquiryCouncil(t.deps);
    for (const who of ['ann', 'engineer', 'clerk'] as const) {
      const agent = new Agent(t.app);
      await agent.signIn(c.users[who].email, PASSWORD);
      agents.set(who, agent);
      await agent.get('/enquiries/from-email');
      const uploaded = await uploadAs(agent, '/enquiries/from-email', {}, [{ fileName: 'weir.eml', content: eml(`Weir ${who}`) }]);
      assert.equal(uploaded.statusCode, 303, `${who} uploads while they may`);
      drafts.set(who, String(uploaded.headers.location));
    }
    await t.db.kysely.updateTable('officers').set({ left_on: YESTERDAY }).where('id', '=', c.officers.engineer).execute();
    await t.db.kysely.updateTable('members').set({ term_end: YESTERDAY }).where('id', '=', c.members.ann).execute();
  });
  after(async () => t.close());

  for (const who of ['ann', 'engineer']) {
    it(`refuses ${who === 'ann' ? 'the former member' : 'the officer who left'} the upload and their own draft`, async () => {
      const agent = agents.get(who)!;
      assert.equal((await agent.get('/enquiries/from-email')).statusCode, 403, 'the upload page');
      assert.doesNotMatch((await agent.get('/enquiries/new')).body, /href="\/enquiries\/from-email"/, 'nor a link to it');
      await agent.get('/account');
      const [draftsBefore, enquiriesBefore] = [await count('enquiry_email_drafts'), await count('enquiries')];
      assert.equal((await uploadAs(agent, '/enquiries/from-email', {}, [{ fileName: 'again.eml', content: eml('Again') }])).statusCode, 403, 'an upload');
      const draft = await agent.get(drafts.get(who)!);
      assert.equal(draft.statusCode, 403, 'their draft');
      assert.equal(draft.body.includes(CANARY), false);
      await agent.get('/account');
      const logged = await uploadAs(agent, drafts.get(who)!, { memberId: String(c.members.bo), subject: 'Weir', details: 'Blocked.', serviceId: String(c.services.highways) }, []);
      assert.equal(logged.statusCode, 403, 'logging the draft');
      const tooMany = await uploadAs(agent, drafts.get(who)!, { subject: 'Weir' }, Array.from({ length: MAX_ATTACHMENTS + 1 }, (_, i) => ({ fileName: `photo-${i}.png`, content: 'x', field: 'attachments' })));
      assert.notEqual(tooMany.statusCode, 200, 'an upload refused before it is read does not show the draft instead');
      assert.equal(tooMany.body.includes(CANARY), false);
      assert.deepEqual([await count('enquiry_email_drafts'), await count('enquiries')], [draftsBefore, enquiriesBefore], 'nothing kept');
    });
  }

  it('still lets democratic services upload and open their draft', async () => {
    const clerk = agents.get('clerk')!;
    assert.equal((await clerk.get('/enquiries/from-email')).statusCode, 200);
    assert.match((await clerk.get('/enquiries/new')).body, /href="\/enquiries\/from-email"/);
    const draft = await clerk.get(drafts.get('clerk')!);
    assert.equal(draft.statusCode, 200);
    assert.match(draft.body, new RegExp(CANARY));
  });
});
