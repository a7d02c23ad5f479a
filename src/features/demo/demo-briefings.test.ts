// The demo council ships party group briefings in each state, with what the profile has the other groups told:
// under model the notices name the subject and a report is announced; under bristol-2019 identical sessions are
// offered, one declined; the demo group leader's own group has the most to show.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb } from '../../../test/support/db.ts';
import { fixedClock } from '../../clock.ts';
import { seedDemo } from './demo.service.ts';

describe('the demo council’s briefings', () => {
  for (const profileId of ['model', 'bristol-2019'] as const) {
    it(`${profileId}: held with notes, declined, notes awaiting the officer, accepted and awaiting an answer`, async () => {
      const db = await createTestDb();
      try {
        await seedDemo({ db, clock: fixedClock('2026-11-23T10:00:00Z') }, profileId);
        const rows = await db.kysely.selectFrom('briefings').select(['status', 'notes_status', 'report_title']).orderBy('id').execute();
        assert.deepEqual(rows.map((r) => r.status), ['held', 'held', 'declined', 'held', 'accepted', 'requested']);
        const notices = await db.kysely.selectFrom('briefing_notices').select(['kind', 'told']).execute();
        assert.ok(notices.some((n) => n.kind === 'attendance' && /Local Plan/.test(n.told)));
        const offers = await db.kysely.selectFrom('briefing_offers').select('status').execute();
        if (profileId === 'model') {
          assert.deepEqual(rows.map((r) => r.notes_status), ['final', 'final', 'none', 'awaiting-officer', 'none', 'none']);
          assert.equal(rows[0]!.report_title, 'Local Plan: the evidence base and timetable');
          assert.equal(offers.length, 0, 'the model protocol offers no identical sessions');
        } else {
          assert.ok(offers.length >= 2);
          assert.ok(offers.some((o) => o.status === 'declined'));
        }
        const leader = await db.kysely
          .selectFrom('users as u')
          .innerJoin('user_roles as r', 'r.user_id', 'u.id')
          .innerJoin('members as m', 'm.id', 'u.member_id')
          .select('m.group_id')
          .where('r.role', '=', 'group-leader')
          .executeTakeFirstOrThrow();
        const theirs = await db.kysely.selectFrom('briefings').select('id').where('group_id', '=', leader.group_id!).execute();
        assert.equal(theirs.length, 3);
      } finally {
        await db.drop();
      }
    });
  }
});
