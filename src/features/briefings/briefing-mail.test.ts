// What a briefing sends, end to end through the outbox to a real SMTP server, under district-section-d: the
// officer's invitation, the group's answer, and the notice to each other group's leader that says the officer
// attended — without the subject, which the group did not agree to pass on (2.9, 2.7(3)) — and without the notes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb, type TestDb } from '../../../test/support/db.ts';
import { startTestSmtp, type TestSmtp } from '../../../test/support/smtp.ts';
import { fixedClock } from '../../clock.ts';
import { loadConfig } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import { deliverOutbox } from '../mail/outbox.service.ts';
import { answerBriefing, requestBriefing } from './briefing.service.ts';
import { recordOutcome } from './briefing-record.service.ts';
import { actorFor, addBriefingCouncil, requestOf } from './briefing.fixture.ts';

describe('briefing mail', () => {
  let db: TestDb;
  let smtp: TestSmtp;
  let deps: Deps;
  const clock = fixedClock('2026-11-23T10:00:00Z');

  before(async () => {
    db = await createTestDb();
    smtp = await startTestSmtp();
    const config = loadConfig({ DATA_DIR: '/tmp/nolan-test-unused', SMTP_URL: smtp.url, BASE_URL: 'https://nolan.riverbend.gov.uk', LOG_LEVEL: 'silent' });
    deps = { config, db, clock, sessionSecret: 'a-test-secret-a-test-secret-a-test-secret' };
  });
  after(async () => {
    await smtp.close();
    await db.drop();
  });

  it('invites the officer, tells the group the answer, and tells the other leaders only that the officer attended', async () => {
    const c = await addBriefingCouncil(deps, 'district-section-d');
    const b = await requestBriefing(deps, actorFor(c.users.rita), c.users.rita, requestOf(c.officers.director, 'Depot relocation'));
    const accepted = await answerBriefing(deps, actorFor(c.users.director), c.users.director, b.id, { version: b.version, answer: 'accept' });
    clock.set('2026-12-02T20:00:00Z');
    await recordOutcome(deps, actorFor(c.users.rita), c.users.rita, b.id, { version: accepted.version, held: 'yes', minutesAttended: 35, leftBeforePartyBusiness: 'yes', notes: 'The Haddon Road site is favoured.' });
    for (let round = 0; round < 5 && (await deliverOutbox({ ...deps, logger: undefined })).sent > 0; round++);
    const got = smtp.received.map((m) => `${m.to.join(',')} | ${m.subject}`).sort();
    assert.deepEqual(got, [
      'bea@members.riverbend.gov.uk | BRF-0001: an officer attended the Red Group',
      'dev@riverbend.gov.uk | BRF-0001: the Red Group asks you to brief it',
      'gus@members.riverbend.gov.uk | BRF-0001: an officer attended the Red Group',
      'rita@members.riverbend.gov.uk | BRF-0001: briefing accepted',
    ]);
    const notice = smtp.received.find((m) => m.to.includes('bea@members.riverbend.gov.uk'))!;
    assert.match(notice.text, /Dev Director, Director of Place, attended a meeting of the Red Group on 2 December 2026/);
    assert.doesNotMatch(notice.text, /Depot|Haddon/);
    assert.match(notice.text, /https:\/\/nolan\.riverbend\.gov\.uk\/briefings/);
  });
});
