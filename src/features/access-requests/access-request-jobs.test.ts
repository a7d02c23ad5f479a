// The reg 17 reminder: scheduled when a scrutiny member asks for an executive paper, sent to the decider two days
// before the date, and not sent once the request is decided or withdrawn.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { runDueJobs } from '../../jobs/scheduler.ts';
import { addAccessCouncil, type AccessCouncil } from './access-request.fixture.ts';
import { accessRequestJobHandlers } from './access-request-jobs.ts';
import { createAccessRequest, withdrawRequest } from './access-request.service.ts';

describe('the reg 17 reminder', () => {
  let t: TestApp;
  let c: AccessCouncil;
  before(async () => {
    t = await createTestApp();
    c = await addAccessCouncil(t.deps);
    await t.db.kysely.updateTable('council').set({ profile_id: 'bristol-2019' }).execute();
  });
  after(async () => t.close());

  it('reminds the Proper Officer two days before the date, and only while the request is open', async () => {
    const ask = (documentId: number) => createAccessRequest(t.deps, c.actorOf(c.users.blue), c.users.blue, { documentId, purpose: 'council-duties', reason: 'Scrutiny review.', personalInterest: 'no' });
    const open = await ask(c.documents.exemptPublic);
    const withdrawn = await ask(c.documents.confidential);
    assert.equal(open.scrutinyDueOn, '2026-12-04');
    await withdrawRequest(t.deps, c.actorOf(c.users.blue), c.users.blue, withdrawn.id, withdrawn.version);
    const jobs = await t.db.kysely.selectFrom('jobs').select(['kind', 'run_at']).where('kind', '=', 'access-request.reg17-reminder').execute();
    assert.deepEqual(jobs.map((j) => j.run_at).sort(), ['2026-12-02T08:00:00.000Z', '2026-12-02T08:00:00.000Z']);
    assert.equal((await runDueJobs(t.deps, accessRequestJobHandlers, { instanceId: 'test', now: new Date('2026-12-01T09:00:00Z') })).done, 0);
    assert.equal((await runDueJobs(t.deps, accessRequestJobHandlers, { instanceId: 'test', now: new Date('2026-12-02T09:00:00Z') })).done, 2);
    const mail = await t.db.kysely.selectFrom('outbox').select(['subject', 'entity_id']).where('recipient', '=', 'po@millford.gov.uk').where('kind', '=', 'access-request.reminder').execute();
    assert.deepEqual(mail.map((m) => Number(m.entity_id)), [open.id]);
  });
});
