// The proof behind "decided exactly once with several instances": two app instances, each with its own pool on
// one PostgreSQL database and its own scheduler loop, share N jobs that each queue one message. Every job runs
// once, and the SMTP server receives exactly N messages with N different Message-IDs.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { connectAgain, createTestDb } from '../../test/support/db.ts';
import { testEngine } from '../../test/support/engines.ts';
import { startTestSmtp } from '../../test/support/smtp.ts';
import { fixedClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import type { Deps } from '../deps.ts';
import type { Db } from '../db/create-db.ts';
import { queueMail } from '../features/mail/outbox.service.ts';
import { deliverMail } from '../features/mail/mail-delivery.ts';
import { scheduleJob, startScheduler, type JobHandlers } from './scheduler.ts';

const JOBS = 120;

it('two instances on one PostgreSQL database run each job once and send each message once', async (t) => {
  if (testEngine !== 'postgres') {
    t.skip('runs in the PostgreSQL half of the suite');
    return;
  }
  const first = await createTestDb({ poolSize: 4 });
  const second: Db = connectAgain(first, 4);
  const smtp = await startTestSmtp();
  const clock = fixedClock('2026-11-23T10:00:00Z');
  const config = loadConfig({ DATA_DIR: '/tmp/nolan-test-unused', LOG_LEVEL: 'silent', SMTP_URL: smtp.url, BASE_URL: 'https://nolan.example.gov.uk' });
  const instance = (db: Db): Deps => ({ config, db, clock, sessionSecret: 's'.repeat(40), logger: pino({ level: 'silent' }) });
  const runs: { instance: string; key: string }[] = [];
  const handlersFor = (name: string): JobHandlers => ({
    'test.notify': async ({ trx, job, now }) => {
      // A little work inside the job's transaction, so that the two instances' runs overlap.
      await sleep(Math.floor(Math.random() * 4));
      await queueMail(trx, { to: `person${job.key}@council.example`, subject: `Job ${job.key}`, text: 'Once only.', kind: 'test.notify' }, now);
      runs.push({ instance: name, key: job.key });
    },
  });
  try {
    await first.kysely.transaction().execute(async (trx) => {
      for (let i = 0; i < JOBS; i++) await scheduleJob(trx, { kind: 'test.notify', key: String(i), runAt: clock.now() }, clock.now());
    });
    const schedulers = [startScheduler(instance(first), { jobs: handlersFor('first'), everyTick: [deliverMail] }, { intervalMs: 5, instanceId: 'first' }), startScheduler(instance(second), { jobs: handlersFor('second'), everyTick: [deliverMail] }, { intervalMs: 5, instanceId: 'second' })];
    try {
      for (let waited = 0; smtp.received.length < JOBS && waited < 60_000; waited += 50) await sleep(50);
      // Let both loops take a few more turns: nothing further may run or be sent.
      await sleep(200);
    } finally {
      await Promise.all(schedulers.map((s) => s.stop()));
    }

    assert.equal(runs.length, JOBS, 'each job ran once');
    assert.equal(new Set(runs.map((r) => r.key)).size, JOBS);
    assert.ok(runs.some((r) => r.instance === 'first') && runs.some((r) => r.instance === 'second'), 'both instances took part');
    const messageIds = smtp.received.map((m) => m.messageId);
    assert.equal(messageIds.length, JOBS, 'exactly N messages arrived');
    assert.equal(new Set(messageIds).size, JOBS, 'with N different Message-IDs');
    const outbox = await first.kysely.selectFrom('outbox').select(['message_id', 'sent_at', 'attempts']).execute();
    assert.equal(outbox.length, JOBS);
    assert.deepEqual(new Set(outbox.map((r) => r.message_id)), new Set(messageIds));
    assert.ok(outbox.every((r) => r.sent_at !== null && r.attempts === 1));
    const pending = await first.kysely.selectFrom('jobs').select('id').where('done_at', 'is', null).execute();
    assert.equal(pending.length, 0);
  } finally {
    await smtp.close();
    await second.destroy();
    await first.drop();
  }
});
