// The chain head goes to the Monitoring Officer by mail once a day, through the scheduler and the outbox:
// once however often the jobs run that day, again the next day, and the checkpoint it gives verifies.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb, type TestDb } from '../../../test/support/db.ts';
import { fixedClock } from '../../clock.ts';
import { loadConfig } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import { jobHandlers } from '../../features.ts';
import { runDueJobs } from '../../jobs/scheduler.ts';
import { addPeople, type People } from '../admin/people.fixture.ts';
import { CHAIN_HEAD_MAIL, nextChainHeadMail, scheduleChainHeadMail } from './audit-checkpoint-mail.ts';
import { readChainHead } from './audit.repository.ts';
import { verifyChain } from './audit.verify.ts';

let db: TestDb;
let deps: Deps;
let people: People;
const clock = fixedClock('2026-11-23T10:00:00Z');
const mails = () => db.kysely.selectFrom('outbox').select(['recipient', 'subject', 'body_text', 'created_at']).where('kind', '=', CHAIN_HEAD_MAIL).orderBy('id').execute();
const runJobs = async (iso: string, times = 3) => {
  clock.set(iso);
  for (let i = 0; i < times; i++) await runDueJobs(deps, jobHandlers, { instanceId: 'test' });
};

before(async () => {
  db = await createTestDb();
  deps = { config: loadConfig({ DATA_DIR: '/tmp/nolan-test-unused', LOG_LEVEL: 'silent' }), db, clock, sessionSecret: 's'.repeat(40) };
  people = await addPeople(deps);
  // A deputy Monitoring Officer, with an address: not sent the checkpoint, which is the holder's.
  await db.kysely.updateTable('officers').set({ email: 'pat.price@council.example' }).where('id', '=', people.spareOfficerId).execute();
  await db.kysely.insertInto('statutory_roles').values({ officer_id: people.spareOfficerId, role: 'monitoring-officer', capacity: 'deputy', starts_on: '2020-01-01', ends_on: null, created_at: clock.now().toISOString() }).execute();
  // As at start: the first mail is scheduled; starting twice the same day schedules it once.
  for (let i = 0; i < 2; i++) await db.kysely.transaction().execute((trx) => scheduleChainHeadMail(trx, clock.now()));
});
after(async () => db.drop());

it('runs at the next 06:00 UTC after a moment', () => {
  assert.equal(nextChainHeadMail(new Date('2026-11-23T10:00:00Z')).toISOString(), '2026-11-24T06:00:00.000Z');
  assert.equal(nextChainHeadMail(new Date('2026-11-24T05:59:00Z')).toISOString(), '2026-11-24T06:00:00.000Z');
  assert.equal(nextChainHeadMail(new Date('2026-11-24T06:00:00Z')).toISOString(), '2026-11-25T06:00:00.000Z');
});

it('mails the chain head to the Monitoring Officer once a day, and the checkpoint it gives verifies', async () => {
  await runJobs('2026-11-23T23:00:00Z');
  assert.equal((await mails()).length, 0, 'nothing before the first morning');
  await runJobs('2026-11-24T06:00:30Z');
  const head = await readChainHead(db.kysely);
  const first = await mails();
  assert.deepEqual(first.map((m) => m.recipient), [people.monitoringOfficer.email]);
  assert.equal(first[0]!.subject, `Nolan audit checkpoint: event ${head.seq}`);
  assert.ok(first[0]!.body_text.includes(`nolan audit verify --checkpoint ${head.seq}:${head.hash}`), first[0]!.body_text);
  const verified = await verifyChain(db.kysely, { seq: head.seq, hash: head.hash });
  assert.ok(verified.intact);

  await runJobs('2026-11-24T18:00:00Z');
  assert.equal((await mails()).length, 1, 'once that day, however often the jobs run');
  await runJobs('2026-11-25T06:01:00Z');
  assert.equal((await mails()).length, 2, 'and again the next day');
  const pending = await db.kysely.selectFrom('jobs').select('run_at').where('kind', '=', CHAIN_HEAD_MAIL).where('done_at', 'is', null).execute();
  assert.deepEqual(pending.map((j) => j.run_at), ['2026-11-26T06:00:00.000Z']);
});

it('sends one mail, not one per missed day, when the server was off for a week', async () => {
  await runJobs('2026-12-03T12:00:00Z');
  assert.equal((await mails()).length, 3);
  const pending = await db.kysely.selectFrom('jobs').select('run_at').where('kind', '=', CHAIN_HEAD_MAIL).where('done_at', 'is', null).execute();
  assert.deepEqual(pending.map((j) => j.run_at), ['2026-12-04T06:00:00.000Z']);
});
