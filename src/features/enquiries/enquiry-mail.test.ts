// What enquiries send, end to end through the outbox to a real SMTP server: acknowledgements and assignments,
// answers, the weekly digest, the reminder before a deadline and the escalation after it — and nothing for a
// deadline that moved or an enquiry already answered.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb, type TestDb } from '../../../test/support/db.ts';
import { startTestSmtp, type TestSmtp } from '../../../test/support/smtp.ts';
import { fixedClock } from '../../clock.ts';
import { loadConfig } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import { deliverOutbox } from '../mail/outbox.service.ts';
import { runDueJobs } from '../../jobs/scheduler.ts';
import { enquiryJobHandlers } from './enquiry-jobs.ts';
import { actOnEnquiry, logEnquiry } from './enquiry.service.ts';
import { actorFor, addEnquiryCouncil, type EnquiryCouncil } from './enquiry.fixture.ts';
import { nextMonday } from './enquiry-mail.ts';

describe('enquiry mail and scheduled work', () => {
  let db: TestDb;
  let smtp: TestSmtp;
  let deps: Deps;
  let c: EnquiryCouncil;
  const clock = fixedClock('2026-11-23T10:00:00Z');
  const deliver = async () => deliverOutbox({ ...deps, logger: undefined });
  const jobsAt = async (iso: string) => {
    clock.set(iso);
    return runDueJobs(deps, enquiryJobHandlers, { instanceId: 'test' });
  };
  const subjects = () => smtp.received.map((m) => `${m.to.join(',')} | ${m.subject}`);

  before(async () => {
    db = await createTestDb();
    smtp = await startTestSmtp();
    const config = loadConfig({ DATA_DIR: '/tmp/nolan-test-unused', SMTP_URL: smtp.url, BASE_URL: 'https://nolan.riverbend.gov.uk', LOG_LEVEL: 'silent' });
    deps = { config, db, clock, sessionSecret: 'a-test-secret-a-test-secret-a-test-secret' };
    c = await addEnquiryCouncil(deps);
    await db.kysely.updateTable('members').set({ email: 'ann.abbott@riverbend.gov.uk' }).where('id', '=', c.members.ann).execute();
  });
  after(async () => {
    await smtp.close();
    await db.drop();
  });

  it('tells the member it was received and the officer it is theirs', async () => {
    await logEnquiry(deps, actorFor(c.users.ann), c.users.ann, { subject: 'Pothole on Mill Lane', details: 'Deep.', serviceId: c.services.highways });
    assert.equal((await deliver()).sent, 2);
    assert.deepEqual(subjects(), ['ann.abbott@riverbend.gov.uk | ENQ-26-0001: received: Pothole on Mill Lane', 'hal@riverbend.gov.uk | ENQ-26-0001: new enquiry for you: Pothole on Mill Lane']);
    assert.match(smtp.received[0]!.text, /is with Hal Head\. The reply is due by 7 December 2026\./);
    assert.match(smtp.received[0]!.text, /https:\/\/nolan\.riverbend\.gov\.uk\/enquiries\/1/);
    assert.equal(new Set(smtp.received.map((m) => m.messageId)).size, 2);
  });

  it('sends the weekly digest on Monday, and schedules the next', async () => {
    assert.equal(nextMonday('2026-11-23'), '2026-11-30');
    assert.equal((await jobsAt('2026-11-27T09:00:00Z')).claimed, 0, 'nothing due before Monday');
    smtp.reset();
    const run = await jobsAt('2026-11-30T07:30:00Z');
    assert.equal(run.done, 1);
    await deliver();
    assert.deepEqual(subjects(), ['hal@riverbend.gov.uk | Your open enquiries: 1']);
    assert.match(smtp.received[0]!.text, /ENQ-26-0001 {2}due 7 December 2026 {2}Pothole on Mill Lane/);
    const next = await db.kysely.selectFrom('jobs').select('job_key').where('kind', '=', 'enquiry.digest').where('done_at', 'is', null).execute();
    assert.deepEqual(next.map((j) => j.job_key), ['enquiry-digest:2026-12-07']);
  });

  it('reminds the officer two working days before the deadline and escalates the day after it', async () => {
    smtp.reset();
    await jobsAt('2026-12-03T09:00:00Z');
    await deliver();
    assert.deepEqual(subjects(), ['hal@riverbend.gov.uk | ENQ-26-0001: due 7 December 2026']);
    smtp.reset();
    await jobsAt('2026-12-08T09:00:00Z');
    await deliver();
    assert.ok(subjects().includes('dana@riverbend.gov.uk | ENQ-26-0001 is overdue'), subjects().join('\n'));
    const event = await db.kysely.selectFrom('enquiry_events').select('text').where('kind', '=', 'escalated').executeTakeFirstOrThrow();
    assert.match(event.text!, /Dana Director, Hal Head’s line manager, was told/);
  });

  it('sends nothing for an enquiry answered in time, or for a deadline that moved', async () => {
    clock.set('2026-12-09T10:00:00Z');
    const answered = await logEnquiry(deps, actorFor(c.users.ann), c.users.ann, { subject: 'Bin day', details: 'When?', serviceId: c.services.highways });
    let moved = await logEnquiry(deps, actorFor(c.users.ann), c.users.ann, { subject: 'Bollards', details: 'Verges.', serviceId: c.services.highways });
    await actOnEnquiry(deps, actorFor(c.users.head), c.users.head, answered.id, 'answer', { version: answered.version, text: 'Tuesdays.' });
    moved = await actOnEnquiry(deps, actorFor(c.users.head), c.users.head, moved.id, 'extend', { version: moved.version, dueOn: '2027-01-15', agreed: true, text: 'Needs a survey.' });
    await deliver();
    smtp.reset();
    await jobsAt('2026-12-22T09:00:00Z');
    await deliver();
    assert.deepEqual(subjects().filter((s) => !s.includes('Your open enquiries')), [], 'no reminder or escalation for either');
    smtp.reset();
    await jobsAt('2027-01-13T09:00:00Z');
    await deliver();
    assert.ok(subjects().includes(`hal@riverbend.gov.uk | ${moved.reference}: due 15 January 2027`), subjects().join('\n'));
  });

  it('writes nothing to the outbox when the change itself fails', async () => {
    const before = await db.kysely.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    await assert.rejects(logEnquiry(deps, actorFor(c.users.ann), c.users.ann, { subject: '', details: '' }));
    const afterCount = await db.kysely.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(afterCount.n), Number(before.n));
  });
});
