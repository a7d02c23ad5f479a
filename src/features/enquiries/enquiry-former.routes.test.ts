// After the day an officer leaves or a member's term ends, their accounts stay enabled but their access does not:
// the assigned officer and their line manager lose the enquiry everywhere (page, list, search, attachment, API,
// reports), a member it was copied to loses it, and its author keeps reading their own past enquiry — and its
// attachments — but can no longer act on it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { issueApiToken } from '../accounts/accounts.service.ts';
import { systemActor } from '../../actor.ts';
import { actOnEnquiry, logEnquiry } from './enquiry.service.ts';
import { actorFor, addEnquiryCouncil, PASSWORD, type EnquiryCouncil } from './enquiry.fixture.ts';

const YESTERDAY = '2026-11-22';
const CANARY = 'FORMER-CANARY-culvert-4f2a';

describe('enquiries after an officer leaves or a member’s term ends', () => {
  let t: TestApp;
  let c: EnquiryCouncil;
  let id = 0;
  let attachmentId = 0;
  let copiedId = 0;
  const agents = new Map<string, Agent>();
  const tokens = new Map<string, string>();
  const page = (who: string, url: string) => agents.get(who)!.get(url);
  const api = (who: string, url: string, payload?: object) =>
    t.app.inject({ method: payload ? 'POST' : 'GET', url, headers: { authorization: `Bearer ${tokens.get(who)!}` }, ...(payload ? { payload } : {}) });

  before(async () => {
    t = await createTestApp();
    c = await addEnquiryCouncil(t.deps);
    const k = t.db.kysely;
    const enquiry = await logEnquiry(t.deps, actorFor(c.users.ann), c.users.ann, { subject: `Blocked culvert ${CANARY}`, details: 'Flooding the lane.', serviceId: String(c.services.highways), confidential: true }, [
      { fileName: 'culvert.txt', contentType: 'text/plain', content: new TextEncoder().encode(`Photo notes ${CANARY}`) },
    ]);
    id = enquiry.id;
    // A confidential enquiry is never copied: the copy goes on a second one.
    copiedId = (await logEnquiry(t.deps, actorFor(c.users.ann), c.users.ann, { subject: `Copied culvert ${CANARY}`, details: 'The other end.', serviceId: String(c.services.highways), copyTo: [String(c.members.cy)] })).id;
    attachmentId = (await k.selectFrom('enquiry_attachments').select('id').where('enquiry_id', '=', id).executeTakeFirstOrThrow()).id;
    // Assigned to the engineer, whose line manager is the head of service; then answered, so its author may close or reopen it.
    await k.updateTable('enquiries').set({ assigned_officer_id: c.officers.engineer }).where('id', '=', id).execute();
    const answered = await actOnEnquiry(t.deps, actorFor(c.users.engineer), c.users.engineer, id, 'answer', { version: enquiry.version, text: `Cleared it ${CANARY}` });
    assert.equal(answered.status, 'answered');
    for (const who of ['ann', 'cy', 'engineer', 'head', 'clerk'] as const) {
      const agent = new Agent(t.app);
      await agent.signIn(c.users[who].email, PASSWORD);
      agents.set(who, agent);
      tokens.set(who, (await issueApiToken(t.deps, systemActor, c.users[who].id, 'former')).token);
    }
    // Both officers left yesterday; both members' terms ended yesterday. Every account stays enabled.
    await k.updateTable('officers').set({ left_on: YESTERDAY }).where('id', 'in', [c.officers.engineer, c.officers.head]).execute();
    await k.updateTable('members').set({ term_end: YESTERDAY }).where('id', 'in', [c.members.ann, c.members.cy]).execute();
  });
  after(async () => t.close());

  it('refuses the former assigned officer and their former line manager everything', async () => {
    for (const who of ['engineer', 'head']) {
      assert.equal((await page(who, `/enquiries/${id}`)).statusCode, 404, `${who}: the page`);
      assert.equal((await page(who, `/enquiries/${id}/attachments/${attachmentId}`)).statusCode, 404, `${who}: the attachment`);
      for (const url of ['/enquiries', '/enquiries?view=all', '/enquiries?q=culvert']) {
        const list = await page(who, url);
        assert.equal(list.statusCode, 200);
        assert.equal(list.body.includes(CANARY), false, `${who}: ${url}`);
        assert.match(list.body, /No enquiries to show|No enquiries you can see match/, `${who}: ${url}`);
      }
      for (const url of ['/enquiries/overview', '/enquiries/statistics', '/enquiries/statistics.csv']) assert.equal((await page(who, url)).statusCode, 403, `${who}: ${url} is for officers in post`);
      assert.equal((await api(who, `/api/v1/enquiries/${id}`)).statusCode, 404, `${who}: the API`);
      const listed = await api(who, '/api/v1/enquiries?q=culvert');
      assert.equal(listed.statusCode, 200);
      assert.equal(listed.json().total, 0, `${who}: the API list`);
      const acted = await api(who, `/api/v1/enquiries/${id}/reopen`, { version: 2, text: 'Again' });
      assert.ok([403, 404].includes(acted.statusCode), `${who}: acting through the API gave ${acted.statusCode}`);
      const posted = await agents.get(who)!.post(`/enquiries/${id}/close`, { version: '2' });
      assert.ok([403, 404].includes(posted.statusCode), `${who}: acting on the page gave ${posted.statusCode}`);
    }
  });

  it('refuses a former member it was copied to, as anyone it was never shown to', async () => {
    assert.equal((await page('cy', `/enquiries/${copiedId}`)).statusCode, 404);
    const list = await page('cy', '/enquiries?q=culvert');
    assert.equal(list.body.includes(CANARY), false);
    assert.equal((await api('cy', `/api/v1/enquiries/${copiedId}`)).statusCode, 404);
    assert.equal((await api('cy', '/api/v1/enquiries')).json().total, 0);
  });

  it('lets a former member read their own past enquiry and its attachment, and nothing more', async () => {
    const own = await page('ann', `/enquiries/${id}`);
    assert.equal(own.statusCode, 200);
    assert.match(own.body, new RegExp(CANARY));
    assert.doesNotMatch(own.body, /action="\/enquiries\/\d+\/(close|reopen|member-replied|attachments)"/, 'no step is offered, nor more files');
    assert.match((await page('ann', '/enquiries')).body, new RegExp(CANARY));
    assert.equal((await page('ann', `/enquiries/${id}/attachments/${attachmentId}`)).statusCode, 200);
    assert.equal((await api('ann', `/api/v1/enquiries/${id}`)).statusCode, 200);
    assert.equal((await api('ann', '/api/v1/enquiries')).json().total, 2);
    for (const action of ['close', 'reopen']) {
      const acted = await api('ann', `/api/v1/enquiries/${id}/${action}`, { version: 2, text: 'Not fixed' });
      assert.equal(acted.statusCode, 403, `${action} through the API`);
      assert.equal((await agents.get('ann')!.post(`/enquiries/${id}/${action}`, { version: '2', text: 'Not fixed' })).statusCode, 403, `${action} on the page`);
    }
    assert.equal((await t.db.kysely.selectFrom('enquiries').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'answered');
  });

  it('still shows the enquiry to democratic services, who settle a former member’s enquiries', async () => {
    assert.equal((await page('clerk', `/enquiries/${id}`)).statusCode, 200);
  });
});
