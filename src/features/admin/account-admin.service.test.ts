import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb, type TestDb } from '../../../test/support/db.ts';
import { fixedClock } from '../../clock.ts';
import { ValidationError } from '../../errors.ts';
import { systemActor } from '../../actor.ts';
import { findUserById } from '../accounts/users.repository.ts';
import { insertSession } from '../accounts/sessions.repository.ts';
import { verifyChain } from '../audit/audit.verify.ts';
import { ACCOUNT_STATUSES, accountStatus, listAccounts, openInvitation } from './account-admin.repository.ts';
import { inviteAccount, reissueInvitation } from './account-admin.service.ts';
import { addPeople, type People } from './people.fixture.ts';

describe('administering accounts', () => {
  let db: TestDb;
  let people: People;
  const clock = fixedClock('2026-11-23T10:00:00Z');
  before(async () => {
    db = await createTestDb();
    people = await addPeople({ db, clock });
  });
  after(async () => db.drop());

  it('filters by status with the same rule that labels each account', async () => {
    const now = clock.now().toISOString();
    const invited = await inviteAccount({ db, clock }, systemActor, { email: 'ivy@council.example', fullName: 'Ivy Invited', roles: ['democratic-services'], memberId: null, officerId: null });
    await db.kysely.updateTable('users').set({ disabled_at: now }).where('id', '=', people.clerk.id).execute();
    await db.kysely.updateTable('users').set({ locked_until: '2026-11-23T10:15:00.000Z' }).where('id', '=', people.councillor.id).execute();
    // A lock that has run out no longer counts.
    await db.kysely.updateTable('users').set({ locked_until: '2026-11-23T09:00:00.000Z' }).where('id', '=', people.monitoringOfficer.id).execute();
    const all = await listAccounts(db.kysely, {}, now);
    const expected = new Map([
      [people.admin.id, 'active'],
      [people.clerk.id, 'disabled'],
      [people.councillor.id, 'locked'],
      [people.monitoringOfficer.id, 'active'],
      [invited.userId, 'invited'],
    ]);
    assert.deepEqual(new Map(all.map((a) => [a.id, a.status])), expected);
    for (const status of ACCOUNT_STATUSES) {
      const ids = (await listAccounts(db.kysely, { status }, now)).map((a) => a.id).sort();
      assert.deepEqual(ids, [...expected].filter(([, s]) => s === status).map(([id]) => id).sort(), status);
    }
    for (const account of all) {
      const user = (await findUserById(db.kysely, account.id))!;
      assert.equal(accountStatus(user, now), account.status);
    }
    await db.kysely.updateTable('users').set({ disabled_at: null, locked_until: null }).execute();
  });

  it('a new sign-in link withdraws the earlier ones, ends sessions and is audited', async () => {
    await insertSession(db.kysely, { idHash: 'b'.repeat(64), userId: people.councillor.id, at: clock.now().toISOString(), ip: null, userAgent: null });
    const first = await reissueInvitation({ db, clock }, { userId: people.admin.id, label: people.admin.email }, people.councillor.id);
    clock.advance(60_000);
    const second = await reissueInvitation({ db, clock }, { userId: people.admin.id, label: people.admin.email }, people.councillor.id);
    assert.notEqual(first.token, second.token);
    const open = await db.kysely.selectFrom('invitations').select('expires_at').where('user_id', '=', people.councillor.id).where('expires_at', '>', clock.now().toISOString()).execute();
    assert.equal(open.length, 1);
    assert.deepEqual(await openInvitation(db.kysely, people.councillor.id, clock.now().toISOString()), { createdAt: clock.now().toISOString(), expiresAt: second.expiresAt });
    assert.equal((await db.kysely.selectFrom('sessions').selectAll().where('user_id', '=', people.councillor.id).execute()).length, 0);
    const events = await db.kysely.selectFrom('audit_events').select(['action', 'after_json']).where('action', '=', 'account.invitation-reissued').orderBy('seq').execute();
    assert.deepEqual(events.map((e) => JSON.parse(e.after_json!) as unknown), [
      { expiresAt: first.expiresAt, earlierLinksWithdrawn: 0, sessionsEnded: 1 },
      { expiresAt: second.expiresAt, earlierLinksWithdrawn: 1, sessionsEnded: 0 },
    ]);
    assert.equal((await verifyChain(db.kysely)).intact, true);
  });

  it('will not make a link for a disabled account', async () => {
    await db.kysely.updateTable('users').set({ disabled_at: clock.now().toISOString() }).where('id', '=', people.clerk.id).execute();
    await assert.rejects(reissueInvitation({ db, clock }, systemActor, people.clerk.id), (error: unknown) => error instanceof ValidationError && /enable it before/.test(error.message));
  });
});
