// Briefings carry out exactly what each council's protocol asks: district-section-d tells the other leaders only
// that the officer attended unless the group consents to the subject (2.9, 2.7(3)); bristol-2019 tells every
// group and every member in no group and offers each an identical session (13), which is accepted, declined or
// left to lapse; county sends no notice at all.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb } from '../../../test/support/db.ts';
import { fixedClock } from '../../clock.ts';
import { loadConfig } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import { ValidationError } from '../../errors.ts';
import { runDueJobs } from '../../jobs/scheduler.ts';
import { answerBriefing, requestBriefing } from './briefing.service.ts';
import { recordOutcome } from './briefing-record.service.ts';
import { answerOffer, briefingJobHandlers } from './briefing-offers.service.ts';
import { listNotices, listOffers } from './briefing.repository.ts';
import { actorFor, addBriefingCouncil, requestOf } from './briefing.fixture.ts';

const config = loadConfig({ DATA_DIR: '/tmp/nolan-test-unused' });

async function council(profileId: string) {
  const db = await createTestDb();
  const clock = fixedClock('2026-11-23T10:00:00Z');
  const deps: Deps = { config, db, clock, sessionSecret: 'a-test-secret-a-test-secret-a-test-secret' };
  return { db, clock, deps, c: await addBriefingCouncil(deps, profileId) };
}

describe('what the other groups are told, council by council', () => {
  it('district-section-d: the other leaders learn that the Director attended, and the subject only with the group’s consent', async () => {
    const { db, clock, deps, c } = await council('district-section-d');
    try {
      const quiet = await requestBriefing(deps, actorFor(c.users.rita), c.users.rita, requestOf(c.officers.director, 'Depot relocation'));
      const open = await requestBriefing(deps, actorFor(c.users.rita), c.users.rita, requestOf(c.officers.chief, 'Committee timetable', { subjectConsent: 'yes' }));
      assert.deepEqual(quiet.duties.map((d) => d.duty), ['tell-other-groups-of-attendance']);
      for (const [b, officer] of [[quiet, c.users.director], [open, c.users.chief]] as const) {
        const accepted = await answerBriefing(deps, actorFor(officer), officer, b.id, { version: b.version, answer: 'accept' });
        clock.set('2026-12-02T20:00:00Z');
        await recordOutcome(deps, actorFor(c.users.rita), c.users.rita, b.id, { version: accepted.version, held: 'yes', minutesAttended: 30, leftBeforePartyBusiness: 'none-discussed', notes: 'Discussed.', attributedComments: 'Said something.' });
        clock.set('2026-11-23T10:00:00Z');
      }
      const quietNotices = await listNotices(db.kysely, { briefingId: quiet.id });
      assert.deepEqual(quietNotices.map((n) => n.groupName).sort(), ['Blue Group', 'Green Group']);
      for (const n of quietNotices) {
        assert.match(n.told, /Dev Director, Director of Place, attended a meeting of the Red Group/);
        assert.doesNotMatch(n.told, /Depot/);
      }
      for (const n of await listNotices(db.kysely, { briefingId: open.id })) assert.match(n.told, /With the group’s consent you are told the subject: “Committee timetable”/);
      const notes = await db.kysely.selectFrom('briefings').select('notes_status').where('id', '=', quiet.id).executeTakeFirstOrThrow();
      assert.equal(notes.notes_status, 'final', 'this protocol asks for no verification by the officer');
      assert.equal((await listOffers(db.kysely, {})).length, 0, 'nor identical offers');
    } finally {
      await db.drop();
    }
  });

  it('district-section-d: a Director never attends with outsiders present (2.9, 3.1)', async () => {
    const { db, deps, c } = await council('district-section-d');
    try {
      await assert.rejects(requestBriefing(deps, actorFor(c.users.rita), c.users.rita, requestOf(c.officers.director, 'Depot', { nonMembersPresent: 'yes', nonMembers: 'Two party agents' })), (e) => e instanceof ValidationError && e.fields[0]!.field === 'nonMembersPresent' && /2\.9/.test(e.message));
    } finally {
      await db.drop();
    }
  });

  it('bristol-2019: on acceptance every other group and the member in no group are offered the identical session; offers are taken, declined or lapse', async () => {
    const { db, clock, deps, c } = await council('bristol-2019');
    try {
      const b = await requestBriefing(deps, actorFor(c.users.rita), c.users.rita, requestOf(c.officers.director, 'Bus franchising'));
      await answerBriefing(deps, actorFor(c.users.director), c.users.director, b.id, { version: b.version, answer: 'accept' });
      const offers = await listOffers(db.kysely, { briefingId: b.id });
      assert.deepEqual(offers.map((o) => o.groupName ?? o.memberName).sort(), ['Blue Group', 'Cllr Ivy Ind', 'Green Group']);
      assert.ok(offers.every((o) => o.status === 'offered' && o.lapsesOn === '2026-12-07'), 'the council’s default of 14 days');
      const mail = await db.kysely.selectFrom('outbox').select(['recipient', 'body_text']).where('kind', '=', 'briefing.offer').execute();
      assert.deepEqual(mail.map((m) => m.recipient).sort(), ['bea@members.riverbend.gov.uk', 'gus@members.riverbend.gov.uk', 'ivy@members.riverbend.gov.uk']);
      assert.match(mail[0]!.body_text, /offered an identical session/);

      const blue = offers.find((o) => o.groupId === c.groups.blue)!;
      await assert.rejects(answerOffer(deps, actorFor(c.users.bea), c.users.bea, blue.id, { version: blue.version, answer: 'accept', meetsOn: '2026-12-09' }), (e) => e instanceof ValidationError && e.fields.some((f) => f.field === 'attendees'));
      assert.equal((await listOffers(db.kysely, { briefingId: b.id, status: 'offered' })).length, 3, 'a refused acceptance stores nothing');
      const taken = await answerOffer(deps, actorFor(c.users.bea), c.users.bea, blue.id, { version: blue.version, answer: 'accept', meetsOn: '2026-12-09', attendees: 'Blue councillors', nonMembersPresent: 'no' });
      assert.equal(taken.offer.status, 'accepted');
      assert.equal(taken.briefing?.offeredFromBriefingId, b.id);
      assert.equal(taken.briefing?.subject, 'Bus franchising');
      assert.equal(taken.briefing?.officerId, c.officers.director);
      const accepted = await answerBriefing(deps, actorFor(c.users.director), c.users.director, taken.briefing!.id, { version: taken.briefing!.version, answer: 'accept' });
      assert.equal((await listOffers(db.kysely, { briefingId: accepted.id })).length, 0, 'an identical session offers nothing further');

      const green = offers.find((o) => o.groupId === c.groups.green)!;
      await answerOffer(deps, actorFor(c.users.gus), c.users.gus, green.id, { version: green.version, answer: 'decline', reason: 'We were briefed at scrutiny' });
      clock.set('2026-12-08T09:00:00Z');
      assert.equal((await runDueJobs(deps, briefingJobHandlers, { instanceId: 'test' })).done, 3);
      const after = await listOffers(db.kysely, { briefingId: b.id });
      assert.deepEqual(Object.fromEntries(after.map((o) => [o.groupName ?? o.memberName, o.status])), { 'Blue Group': 'accepted', 'Green Group': 'declined', 'Cllr Ivy Ind': 'lapsed' });
      const lapsed = await db.kysely.selectFrom('audit_events').select('action').where('action', 'like', 'briefing-offer.%').execute();
      assert.deepEqual(lapsed.map((a) => a.action), ['briefing-offer.accepted', 'briefing-offer.declined', 'briefing-offer.lapsed']);
    } finally {
      await db.drop();
    }
  });

  it('county: the employee leaves after presenting, and no notice or offer goes to anyone', async () => {
    const { db, clock, deps, c } = await council('county');
    try {
      const b = await requestBriefing(deps, actorFor(c.users.rita), c.users.rita, requestOf(c.officers.director, 'Highways budget'));
      const accepted = await answerBriefing(deps, actorFor(c.users.director), c.users.director, b.id, { version: b.version, answer: 'accept' });
      clock.set('2026-12-02T20:00:00Z');
      await recordOutcome(deps, actorFor(c.users.rita), c.users.rita, b.id, { version: accepted.version, held: 'yes', minutesAttended: 20, leftBeforePartyBusiness: 'yes' });
      assert.equal((await listNotices(db.kysely, { briefingId: b.id })).length, 0);
      assert.equal((await listOffers(db.kysely, {})).length, 0);
    } finally {
      await db.drop();
    }
  });
});
