// Nothing goes by mail to an officer who has left or a member whose term has ended: not the weekly digest, not a
// reminder, not an escalation. An overdue enquiry whose officer's line manager has left goes to the next manager up
// who is in post; with nobody in post above, to democratic services.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb, type TestDb } from '../../../test/support/db.ts';
import { fixedClock } from '../../clock.ts';
import { loadConfig } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import { runDueJobs } from '../../jobs/scheduler.ts';
import { memberMailAddress, officerMailAddress } from '../directory/mail-addresses.repository.ts';
import { enquiryJobHandlers } from './enquiry-jobs.ts';
import { logEnquiry } from './enquiry.service.ts';
import { actorFor, addEnquiryCouncil, type EnquiryCouncil } from './enquiry.fixture.ts';

const CANARY = 'LEFT-CANARY-sluice-91c3';

describe('mail after an officer leaves or a member’s term ends', () => {
  let db: TestDb;
  let deps: Deps;
  let c: EnquiryCouncil;
  const clock = fixedClock('2026-11-23T10:00:00Z');
  const jobsAt = async (iso: string) => {
    clock.set(iso);
    return runDueJobs(deps, enquiryJobHandlers, { instanceId: 'test' });
  };
  const mailTo = async (address: string) => db.kysely.selectFrom('outbox').select(['subject', 'body_text']).where('recipient', '=', address).orderBy('id').execute();
  const subjectsTo = async (address: string) => (await mailTo(address)).map((m) => m.subject);

  before(async () => {
    db = await createTestDb();
    const config = loadConfig({ DATA_DIR: '/tmp/nolan-test-unused', BASE_URL: 'https://nolan.riverbend.gov.uk', LOG_LEVEL: 'silent' });
    deps = { config, db, clock, sessionSecret: 'a-test-secret-a-test-secret-a-test-secret' };
    c = await addEnquiryCouncil(deps);
    const k = db.kysely;
    await k.updateTable('members').set({ email: 'ann.abbott@riverbend.gov.uk' }).where('id', '=', c.members.ann).execute();
    // With the engineer, whose line manager is the head of service; and one with the director, who has no manager.
    const withEngineer = await logEnquiry(deps, actorFor(c.users.ann), c.users.ann, { subject: `Sluice gate ${CANARY}`, details: 'Stuck.', serviceId: String(c.services.highways), confidential: true });
    const withDirector = await logEnquiry(deps, actorFor(c.users.ann), c.users.ann, { subject: 'Verge cutting', details: 'Long.', serviceId: String(c.services.highways) });
    await k.updateTable('enquiries').set({ assigned_officer_id: c.officers.engineer }).where('id', '=', withEngineer.id).execute();
    await k.updateTable('enquiries').set({ assigned_officer_id: c.officers.director }).where('id', '=', withDirector.id).execute();
    await k.updateTable('officers').set({ left_on: '2026-11-24' }).where('id', '=', c.officers.engineer).execute();
  });
  after(async () => db.drop());

  it('sends no weekly digest and no reminder to the officer who left', async () => {
    await jobsAt('2026-11-30T07:30:00Z');
    assert.deepEqual(await subjectsTo('eve@riverbend.gov.uk'), [], 'no digest');
    assert.ok((await subjectsTo('dana@riverbend.gov.uk')).some((s) => s.startsWith('Your open enquiries')), 'an officer in post still has theirs');
    await jobsAt('2026-12-03T09:00:00Z');
    assert.deepEqual(await subjectsTo('eve@riverbend.gov.uk'), [], 'no reminder');
  });

  it('escalates past a line manager who has left to the next manager up, and with nobody above to democratic services', async () => {
    await db.kysely.updateTable('officers').set({ left_on: '2026-12-01' }).where('id', '=', c.officers.head).execute();
    await jobsAt('2026-12-08T09:00:00Z');
    for (const gone of ['eve@riverbend.gov.uk', 'hal@riverbend.gov.uk']) {
      assert.equal((await mailTo(gone)).some((m) => m.body_text.includes(CANARY) || m.subject.includes('overdue')), false, `${gone} is told nothing`);
    }
    const toDirector = (await mailTo('dana@riverbend.gov.uk')).filter((m) => m.subject.endsWith('is overdue'));
    assert.equal(toDirector.length, 1, 'the director, above the head of service who left, is told of the engineer’s enquiry');
    assert.match(toDirector[0]!.body_text, new RegExp(CANARY));
    const events = await db.kysely.selectFrom('enquiry_events').select('text').where('kind', '=', 'escalated').orderBy('id').execute();
    assert.match(events[0]!.text!, /Dana Director, the manager in post above Eve Engineer, was told/);
    assert.deepEqual(await subjectsTo('dem.services@riverbend.gov.uk'), ['ENQ-26-0002 is overdue'], 'the director has no manager: democratic services hear of theirs');
    assert.match(events[1]!.text!, /no manager above Dana Director is in post, so democratic services were told/);
  });

  it('gives no address for a person out of post or office on the day, and theirs while in', async () => {
    const k = db.kysely;
    assert.equal((await officerMailAddress(k, c.officers.engineer, '2026-11-23'))?.to, 'eve@riverbend.gov.uk');
    assert.equal(await officerMailAddress(k, c.officers.engineer, '2026-11-24'), undefined);
    await k.updateTable('members').set({ term_end: '2026-12-09' }).where('id', '=', c.members.ann).execute();
    assert.equal((await memberMailAddress(k, c.members.ann, '2026-12-08'))?.to, 'ann.abbott@riverbend.gov.uk');
    assert.equal(await memberMailAddress(k, c.members.ann, '2026-12-09'), undefined);
  });
});
