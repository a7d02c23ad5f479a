// Once a day the scheduler sweeps what sign-in leaves behind: sessions past their idle or absolute limit, and the
// counts of addresses without an account whose window has passed and which are not locked.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { jobHandlers } from '../../features.ts';
import { runDueJobs } from '../../jobs/scheduler.ts';
import { ABSOLUTE_LIMIT_MS, IDLE_LIMIT_MS } from '../../web/session.ts';
import { systemActor } from '../../actor.ts';
import { createAccount, FAILURE_WINDOW_MS, LOCKOUT_MS, MAX_FAILED_SIGN_INS, signIn } from './accounts.service.ts';
import { insertSession } from './sessions.repository.ts';
import { nextSignInSweep, scheduleSignInSweep, SIGN_IN_SWEEP } from './sign-in-sweep.ts';

const START = '2026-11-23T10:00:00.000Z';
const SWEEP = '2026-11-24T03:00:00.000Z';
const at = (iso: string, offsetMs: number) => new Date(Date.parse(iso) + offsetMs).toISOString();

describe('the daily sign-in sweep', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: START });
  });
  after(async () => t.close());

  const sessionIds = async () => (await t.db.kysely.selectFrom('sessions').select('id_hash').orderBy('id_hash').execute()).map((r) => r.id_hash);
  const addressCount = async () => (await t.db.kysely.selectFrom('sign_in_failures').select('address_hash').execute()).length;
  const pendingSweeps = () => t.db.kysely.selectFrom('jobs').select('run_at').where('kind', '=', SIGN_IN_SWEEP).where('done_at', 'is', null).execute();

  it('runs at the next 03:00 UTC after a moment', () => {
    assert.equal(nextSignInSweep(new Date(START)).toISOString(), SWEEP);
    assert.equal(nextSignInSweep(new Date('2026-11-24T02:59:00Z')).toISOString(), SWEEP);
    assert.equal(nextSignInSweep(new Date(SWEEP)).toISOString(), '2026-11-25T03:00:00.000Z');
  });

  it('deletes sessions past either limit and forgets stale counts of addresses without an account, keeping the rest', async () => {
    const user = await createAccount(t.deps, systemActor, { email: 'sweep@council.gov.uk', fullName: 'Sam Sweep', roles: [], password: 'a long enough passphrase' });
    const session = (idHash: string, createdAt: string, lastSeenAt: string) =>
      insertSession(t.db.kysely, { idHash, userId: user.id, at: createdAt, ip: null, userAgent: null }).then(() =>
        t.db.kysely.updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('id_hash', '=', idHash).execute(),
      );
    await session('idle'.padEnd(64, '0'), at(SWEEP, -2 * IDLE_LIMIT_MS), at(SWEEP, -IDLE_LIMIT_MS - 1000));
    await session('aged'.padEnd(64, '0'), at(SWEEP, -ABSOLUTE_LIMIT_MS - 1000), at(SWEEP, -60_000));
    await session('live'.padEnd(64, '0'), at(SWEEP, -60 * 60_000), at(SWEEP, -60_000));

    // A count a day old and unlocked; one from a moment before the sweep; one locked at the sweep.
    const fail = (email: string) => signIn(t.deps, email, 'a wrong guess', { ip: '192.0.2.8' });
    t.clock.set(at(SWEEP, -FAILURE_WINDOW_MS - 1000));
    await fail('stale@council.gov.uk');
    t.clock.set(at(SWEEP, -60_000));
    await fail('recent@council.gov.uk');
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) await fail('locked@council.gov.uk');
    // A lock is kept however old its last failure, should a lock ever outlast the window.
    await t.db.kysely.insertInto('sign_in_failures').values({ address_hash: 'long-lock', failed_sign_ins: MAX_FAILED_SIGN_INS, locked_until: at(SWEEP, 60_000), last_failed_at: at(SWEEP, -2 * FAILURE_WINDOW_MS) }).execute();
    assert.equal(await addressCount(), 4);

    t.clock.set(START);
    await t.db.kysely.transaction().execute((trx) => scheduleSignInSweep(trx, t.clock.now()));
    t.clock.set(SWEEP);
    const run = await runDueJobs(t.deps, jobHandlers, { instanceId: 'sweep-test' });
    assert.equal(run.done, 1, 'the sweep ran once');

    assert.deepEqual(await sessionIds(), ['live'.padEnd(64, '0')], 'sessions past their idle or absolute limit are gone');
    assert.equal(await addressCount(), 3, 'the stale count is forgotten; the recent and the locked are kept');
    assert.deepEqual(await fail('locked@council.gov.uk'), { ok: false, reason: 'locked', lockedUntil: at(SWEEP, -60_000 + LOCKOUT_MS) }, 'the lock holds');
  });

  it('schedules the next day, and runs once however many runs were missed', async () => {
    assert.deepEqual(await pendingSweeps(), [{ run_at: '2026-11-25T03:00:00.000Z' }]);
    await t.db.kysely.transaction().execute((trx) => scheduleSignInSweep(trx, new Date('2026-11-25T12:00:00Z')));
    t.clock.set('2026-11-27T09:00:00Z');
    const run = await runDueJobs(t.deps, jobHandlers, { instanceId: 'sweep-test' });
    assert.equal(run.done, 1, 'two missed days fold into one run');
    assert.deepEqual(await pendingSweeps(), [{ run_at: '2026-11-28T03:00:00.000Z' }]);
  });
});
