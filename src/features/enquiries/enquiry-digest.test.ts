// The weekly digest of an officer with a long queue: the first lines soonest deadline first, the rest counted,
// and a link to the whole list, rather than every open enquiry in one message.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb, type TestDb } from '../../../test/support/db.ts';
import { startTestSmtp, type TestSmtp } from '../../../test/support/smtp.ts';
import { fixedClock } from '../../clock.ts';
import { loadConfig } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import { deliverOutbox } from '../mail/outbox.service.ts';
import { runDueJobs } from '../../jobs/scheduler.ts';
import { DIGEST_LINES, enquiryJobHandlers } from './enquiry-jobs.ts';
import { logEnquiry } from './enquiry.service.ts';
import { actorFor, addEnquiryCouncil } from './enquiry.fixture.ts';

const QUEUE = DIGEST_LINES + 7;
let db: TestDb;
let smtp: TestSmtp;
let deps: Deps;
const clock = fixedClock('2026-11-23T10:00:00Z');

/** Delivery sends a batch at a time; the queue's mail is all sent before the digest is looked for. */
async function deliverAll(): Promise<void> {
  for (let round = 0; round < 20; round++) if ((await deliverOutbox({ ...deps, logger: undefined })).sent === 0) return;
  throw new Error('the outbox did not empty');
}

before(async () => {
  db = await createTestDb();
  smtp = await startTestSmtp();
  const config = loadConfig({ DATA_DIR: '/tmp/nolan-test-unused', SMTP_URL: smtp.url, BASE_URL: 'https://nolan.riverbend.gov.uk', LOG_LEVEL: 'silent' });
  deps = { config, db, clock, sessionSecret: 'a-test-secret-a-test-secret-a-test-secret' };
  const c = await addEnquiryCouncil(deps);
  for (let i = 1; i <= QUEUE; i++) {
    clock.set(`2026-11-23T10:${String(i % 60).padStart(2, '0')}:${String(Math.floor(i / 60)).padStart(2, '0')}Z`);
    await logEnquiry(deps, actorFor(c.users.ann), c.users.ann, { subject: `Street light ${i} out`, details: 'Dark at night.', serviceId: c.services.highways });
  }
  await deliverAll();
});
after(async () => {
  await smtp.close();
  await db.drop();
});

it('lists the first lines of a long queue, counts the rest and links to them all', async () => {
  smtp.reset();
  clock.set('2026-11-30T07:30:00Z');
  assert.equal((await runDueJobs(deps, enquiryJobHandlers, { instanceId: 'test' })).done, 1);
  await deliverAll();
  const digests = smtp.received.filter((m) => m.subject.startsWith('Your open enquiries'));
  assert.equal(digests.length, 1);
  const digest = digests[0]!;
  assert.equal(digest.subject, `Your open enquiries: ${QUEUE}`);
  const lines = digest.text.split('\n').filter((line) => /^ENQ-26-\d{4} {2}due /.test(line));
  assert.equal(lines.length, DIGEST_LINES);
  assert.match(lines[0]!, /^ENQ-26-0001 {2}due .* {2}Street light 1 out$/, 'the longest waiting first, as deadlines are equal');
  assert.match(lines.at(-1)!, new RegExp(`^ENQ-26-00${DIGEST_LINES} `));
  assert.match(digest.text, new RegExp(`…and ${QUEUE - DIGEST_LINES} more\\.\\n\\nAll of them: https://nolan\\.riverbend\\.gov\\.uk/enquiries`));
});
