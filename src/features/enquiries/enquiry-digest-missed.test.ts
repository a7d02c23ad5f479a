// A weekly digest that missed several Mondays (the server was off, or the casework was logged with earlier
// dates, as the demo council's is) goes out once when the server next runs its jobs, not once per missed
// Monday, and the next one is the Monday after today.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb, type TestDb } from '../../../test/support/db.ts';
import { fixedClock } from '../../clock.ts';
import { loadConfig } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import { runDueJobs } from '../../jobs/scheduler.ts';
import { enquiryJobHandlers } from './enquiry-jobs.ts';
import { logEnquiry } from './enquiry.service.ts';
import { actorFor, addEnquiryCouncil } from './enquiry.fixture.ts';

let db: TestDb;
let deps: Deps;
const clock = fixedClock('2026-09-01T10:00:00Z');
const LONG_AFTER = '2026-12-02T10:00:00.000Z';

before(async () => {
  db = await createTestDb();
  const config = loadConfig({ DATA_DIR: '/tmp/nolan-test-unused', BASE_URL: 'https://nolan.riverbend.gov.uk', LOG_LEVEL: 'silent' });
  deps = { config, db, clock, sessionSecret: 'a-test-secret-a-test-secret-a-test-secret' };
  const c = await addEnquiryCouncil(deps);
  // One enquiry a week for ten weeks, each logged on its own day: each schedules the digest after its day.
  for (let week = 0; week < 10; week++) {
    clock.set(new Date(Date.parse('2026-09-01T10:00:00Z') + week * 7 * 86_400_000).toISOString());
    await logEnquiry(deps, actorFor(c.users.ann), c.users.ann, { subject: `Street light ${week} out`, details: 'Dark at night.', serviceId: c.services.highways });
  }
});
after(async () => db.drop());

it('sends one digest for all the Mondays it missed, and schedules the next after today', async () => {
  clock.set(LONG_AFTER);
  for (let round = 0; round < 12; round++) await runDueJobs(deps, enquiryJobHandlers, { instanceId: 'test' });
  const digests = await db.kysely.selectFrom('outbox').select(['recipient', 'subject']).where('kind', '=', 'enquiry.digest').execute();
  assert.equal(digests.length, 1, digests.map((d) => `${d.recipient} ${d.subject}`).join('\n'));
  const pending = await db.kysely.selectFrom('jobs').select(['job_key', 'run_at']).where('kind', '=', 'enquiry.digest').where('done_at', 'is', null).execute();
  assert.deepEqual(pending.map((j) => j.job_key), ['enquiry-digest:2026-12-07']);
  assert.ok(pending[0]!.run_at > LONG_AFTER, `the next digest runs after now, not at ${pending[0]!.run_at}`);
});
