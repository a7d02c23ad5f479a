import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb, type TestDb } from '../../../test/support/db.ts';
import { resolveCurrentUser } from './current-user.ts';
import type { UserRecord } from './users.repository.ts';

const at = '2026-01-01T00:00:00Z';

function account(overrides: Partial<UserRecord>): UserRecord {
  return {
    id: 1,
    email: 'p@council.gov.uk',
    fullName: 'P',
    passwordHash: null,
    memberId: null,
    officerId: null,
    disabledAt: null,
    failedSignIns: 0,
    lockedUntil: null,
    passwordChangedAt: null,
    lastSignInAt: null,
    createdAt: at,
    roles: [],
    ...overrides,
  };
}

describe('roles and powers on a given day', () => {
  let db: TestDb;
  let memberId: number;
  let holderId: number;
  let deputyId: number;
  before(async () => {
    db = await createTestDb();
    const k = db.kysely;
    memberId = (await k.insertInto('members').values({ full_name: 'Cllr Term', term_start: '2022-05-05', term_end: '2026-05-07', created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()).id;
    const officer = (name: string) =>
      k.insertInto('officers').values({ full_name: name, job_title: 'Solicitor', grade: 'head-of-service', created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    holderId = (await officer('Holder')).id;
    deputyId = (await officer('Deputy')).id;
    await k.insertInto('statutory_roles').values({ officer_id: holderId, role: 'monitoring-officer', capacity: 'holder', starts_on: '2020-01-01', ends_on: null, created_at: at }).execute();
    const deputyRole = await k
      .insertInto('statutory_roles')
      .values({ officer_id: deputyId, role: 'monitoring-officer', capacity: 'deputy', starts_on: '2020-01-01', ends_on: null, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await k.insertInto('statutory_acting').values({ statutory_role_id: deputyRole.id, from_date: '2026-08-03', to_date: '2026-08-21', reason: 'annual leave', created_at: at }).execute();
  });
  after(async () => db.drop());

  it('a member keeps member rights until the day the term ends, and loses them on it', async () => {
    const user = account({ memberId, roles: ['member', 'group-leader'] });
    assert.deepEqual((await resolveCurrentUser(db.kysely, user, '2026-05-06', 'session')).roles, ['member', 'group-leader']);
    const former = await resolveCurrentUser(db.kysely, user, '2026-05-07', 'session');
    assert.deepEqual(former.roles, []);
    assert.deepEqual([former.memberId, former.memberRecordId], [null, memberId], 'their own record stays theirs to read, nothing more');
    assert.equal((await resolveCurrentUser(db.kysely, user, '2026-05-06', 'session')).memberId, memberId);
  });

  it('the holder has the statutory power; the deputy only on the days they act', async () => {
    const holder = await resolveCurrentUser(db.kysely, account({ officerId: holderId, roles: ['officer'] }), '2026-08-10', 'session');
    assert.deepEqual(holder.powers, ['monitoring-officer']);
    const deputy = account({ officerId: deputyId, roles: ['officer'] });
    assert.deepEqual((await resolveCurrentUser(db.kysely, deputy, '2026-08-02', 'session')).powers, []);
    assert.deepEqual((await resolveCurrentUser(db.kysely, deputy, '2026-08-03', 'session')).powers, ['monitoring-officer']);
    assert.deepEqual((await resolveCurrentUser(db.kysely, deputy, '2026-08-21', 'session')).powers, ['monitoring-officer']);
    assert.deepEqual((await resolveCurrentUser(db.kysely, deputy, '2026-08-22', 'session')).powers, []);
  });

  it('an officer who has left keeps no staff role and no powers: the roles came with the post', async () => {
    await db.kysely.updateTable('officers').set({ left_on: '2026-09-30' }).where('id', '=', holderId).execute();
    const user = account({ officerId: holderId, roles: ['officer', 'democratic-services', 'admin'] });
    const before = await resolveCurrentUser(db.kysely, user, '2026-09-29', 'session');
    assert.deepEqual([before.roles, before.powers], [['officer', 'democratic-services', 'admin'], ['monitoring-officer']]);
    const afterLeaving = await resolveCurrentUser(db.kysely, user, '2026-09-30', 'session');
    assert.deepEqual([afterLeaving.roles, afterLeaving.powers], [[], []]);
    assert.deepEqual([before.officerId, afterLeaving.officerId], [holderId, null], 'the post is no longer theirs to act in');
  });

  it('an account linked to no officer keeps its staff roles: they do not hang on a post', async () => {
    const itAdministrator = account({ roles: ['democratic-services', 'admin'] });
    assert.deepEqual((await resolveCurrentUser(db.kysely, itAdministrator, '2026-09-30', 'session')).roles, ['democratic-services', 'admin']);
  });

  it('an account linked to an officer missing from the directory keeps no staff role', async () => {
    const orphan = account({ officerId: 999_999, roles: ['officer', 'admin'] });
    assert.deepEqual((await resolveCurrentUser(db.kysely, orphan, '2026-09-29', 'session')).roles, []);
  });
});
