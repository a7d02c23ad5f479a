// The scheduler on both engines: a key schedules one job, a job's work commits with "done" or not at all,
// failures back off, and a lease keeps a job to one instance at a time.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { createTestDb, type TestDb } from '../../test/support/db.ts';
import { startTestSmtp, type TestSmtp } from '../../test/support/smtp.ts';
import { fixedClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import type { Deps } from '../deps.ts';
import { queueMail } from '../features/mail/outbox.service.ts';
import { deliverMail } from '../features/mail/mail-delivery.ts';
import { claimDueJobs, completeJob, findJobByKey } from './jobs.repository.ts';
import { combineJobHandlers, JOB_MAX_ATTEMPTS, jobRetryDelayMinutes, runDueJobs, scheduleJob, startScheduler, type JobHandlers, type NewJob } from './scheduler.ts';

const START = '2026-11-23T10:00:00.000Z';
const MINUTE = 60_000;
const at = (iso: string) => new Date(iso);

describe('the job scheduler', () => {
  let db: TestDb;
  let smtp: TestSmtp;
  const clock = fixedClock(START);
  let deps: Deps;

  before(async () => {
    db = await createTestDb();
    smtp = await startTestSmtp();
    const config = loadConfig({ DATA_DIR: '/tmp/nolan-test-unused', LOG_LEVEL: 'silent', SMTP_URL: smtp.url, BASE_URL: 'https://nolan.example.gov.uk' });
    deps = { config, db, clock, sessionSecret: 's'.repeat(40), logger: pino({ level: 'silent' }) };
  });
  after(async () => {
    await smtp.close();
    await db.drop();
  });
  beforeEach(async () => {
    clock.set(START);
    smtp.reset();
    await db.kysely.deleteFrom('jobs').execute();
    await db.kysely.deleteFrom('outbox').execute();
  });

  const schedule = (job: NewJob) => db.kysely.transaction().execute((trx) => scheduleJob(trx, job, clock.now()));

  it('schedules a key once: the second decision changes nothing', async () => {
    assert.equal(await schedule({ kind: 'enquiry.reminder', key: 'enquiry:7:reminder', runAt: at('2026-11-30T09:00:00Z'), payload: { enquiryId: 7 } }), true);
    assert.equal(await schedule({ kind: 'enquiry.reminder', key: 'enquiry:7:reminder', runAt: at('2026-11-24T09:00:00Z'), payload: { enquiryId: 8 } }), false);
    const rows = await db.kysely.selectFrom('jobs').selectAll().execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.run_at, '2026-11-30T09:00:00.000Z');
    assert.equal(rows[0]!.payload_json, '{"enquiryId":7}');
  });

  it('runs due jobs of the kinds it has handlers for, once, with their payload, and leaves the rest', async () => {
    const seen: { key: string; payload: unknown; now: string }[] = [];
    const handlers: JobHandlers = {
      'enquiry.reminder': async ({ job, payload, now }) => void seen.push({ key: job.key, payload, now: now.toISOString() }),
    };
    await schedule({ kind: 'enquiry.reminder', key: 'due', runAt: at(START), payload: { enquiryId: 1 } });
    await schedule({ kind: 'enquiry.reminder', key: 'later', runAt: at('2026-11-23T10:05:00Z') });
    await schedule({ kind: 'briefing.notice', key: 'no-handler-here', runAt: at(START) });

    assert.deepEqual(await runDueJobs(deps, handlers, { instanceId: 'a' }), { claimed: 1, done: 1, retrying: 0, failed: 0, lost: 0 });
    assert.deepEqual(seen, [{ key: 'due', payload: { enquiryId: 1 }, now: START }]);
    assert.equal((await findJobByKey(db.kysely, 'due'))?.done_at, START);
    assert.deepEqual(await runDueJobs(deps, handlers, { instanceId: 'a' }), { claimed: 0, done: 0, retrying: 0, failed: 0, lost: 0 });

    clock.advance(5 * MINUTE);
    await runDueJobs(deps, handlers, { instanceId: 'b' });
    assert.deepEqual(seen.map((s) => s.key), ['due', 'later']);
    const untouched = await findJobByKey(db.kysely, 'no-handler-here');
    assert.equal(untouched?.attempts, 0, 'a kind this instance has no handler for is not claimed');
    assert.equal(untouched?.done_at, null);
  });

  it('commits the work of a job with its being done, and rolls it back when the job fails', async () => {
    let fail = true;
    const handlers: JobHandlers = {
      'enquiry.reminder': async ({ trx, now }) => {
        await queueMail(trx, { to: 'dee@council.example', subject: 'Enquiry due tomorrow', text: 'Reminder', kind: 'enquiry.reminder' }, now);
        if (fail) throw new Error('the directory was unreachable');
      },
    };
    await schedule({ kind: 'enquiry.reminder', key: 'flaky', runAt: at(START) });
    assert.deepEqual(await runDueJobs(deps, handlers, { instanceId: 'a' }), { claimed: 1, done: 0, retrying: 1, failed: 0, lost: 0 });
    assert.equal((await db.kysely.selectFrom('outbox').selectAll().execute()).length, 0, 'the failed run queued nothing');
    const job = (await findJobByKey(db.kysely, 'flaky'))!;
    assert.equal(job.last_error, 'the directory was unreachable');
    assert.equal(job.run_at, new Date(Date.parse(START) + MINUTE).toISOString());
    assert.equal(job.locked_by, null);

    fail = false;
    clock.advance(MINUTE);
    assert.equal((await runDueJobs(deps, handlers, { instanceId: 'b' })).done, 1);
    assert.equal((await db.kysely.selectFrom('outbox').selectAll().execute()).length, 1);
    assert.equal((await findJobByKey(db.kysely, 'flaky'))?.last_error, null);
  });

  it('backs off 1, 2, 4 … minutes between failed runs and gives up after the last attempt', async () => {
    const handlers: JobHandlers = { broken: async () => Promise.reject(new Error('always fails')) };
    await schedule({ kind: 'broken', key: 'broken', runAt: at(START) });
    const delays: number[] = [];
    for (let attempt = 1; attempt <= JOB_MAX_ATTEMPTS; attempt++) {
      const result = await runDueJobs(deps, handlers, { instanceId: 'a' });
      const job = (await findJobByKey(db.kysely, 'broken'))!;
      assert.equal(job.attempts, attempt);
      if (attempt === JOB_MAX_ATTEMPTS) {
        assert.equal(result.failed, 1);
        assert.equal(job.failed_at, clock.now().toISOString());
      } else {
        assert.equal(result.retrying, 1);
        const delay = (Date.parse(job.run_at) - clock.now().getTime()) / MINUTE;
        delays.push(delay);
        clock.advance(delay * MINUTE);
      }
    }
    assert.deepEqual(delays, [1, 2, 4, 8, 16, 32, 60, 60, 60]);
    assert.deepEqual(delays, delays.map((_, i) => jobRetryDelayMinutes(i + 1)));
    clock.advance(24 * 60 * MINUTE);
    assert.equal((await runDueJobs(deps, handlers, { instanceId: 'a' })).claimed, 0, 'a job given up on stays given up');
  });

  it('keeps a claimed job to its instance until the lease runs out; the late instance then commits nothing', async () => {
    await schedule({ kind: 'enquiry.reminder', key: 'leased', runAt: at(START) });
    const claim = (instanceId: string) => claimDueJobs(db, { now: clock.now().toISOString(), leaseUntil: new Date(clock.now().getTime() + 5 * MINUTE).toISOString(), instanceId, kinds: ['enquiry.reminder'], batch: 10 });
    assert.equal((await claim('a')).length, 1);
    assert.equal((await claim('b')).length, 0, 'held by a');
    clock.advance(5 * MINUTE);
    assert.equal((await claim('b')).length, 1, 'a’s lease ran out');
    const job = (await findJobByKey(db.kysely, 'leased'))!;
    assert.equal(await db.kysely.transaction().execute((trx) => completeJob(trx, job.id, 'a', clock.now().toISOString())), false, 'a no longer holds it');
    assert.equal(await db.kysely.transaction().execute((trx) => completeJob(trx, job.id, 'b', clock.now().toISOString())), true);
  });

  it('joins the handlers of several features, and refuses two for one kind', () => {
    const reminders: JobHandlers = { 'enquiry.reminder': async () => undefined };
    const notices: JobHandlers = { 'briefing.notice': async () => undefined };
    assert.deepEqual(Object.keys(combineJobHandlers(reminders, notices)), ['enquiry.reminder', 'briefing.notice']);
    assert.throws(() => combineJobHandlers(reminders, { ...notices, ...reminders }), /Two handlers for the job kind enquiry\.reminder/);
  });

  it('runs jobs and delivers the outbox on its first tick, and stops cleanly', async () => {
    const handlers: JobHandlers = {
      'enquiry.reminder': async ({ trx, now }) => void (await queueMail(trx, { to: 'dee@council.example', subject: 'Enquiry due tomorrow', text: 'Reminder', kind: 'enquiry.reminder' }, now)),
    };
    await schedule({ kind: 'enquiry.reminder', key: 'tick', runAt: at(START) });
    const scheduler = startScheduler(deps, { jobs: handlers, everyTick: [deliverMail] }, { intervalMs: 60_000, instanceId: 'ticker' });
    await scheduler.tick();
    await scheduler.stop();
    assert.equal((await findJobByKey(db.kysely, 'tick'))?.done_at, START);
    assert.equal(smtp.received.length, 1);
    assert.equal(smtp.received[0]?.subject, 'Enquiry due tomorrow');
  });
});
