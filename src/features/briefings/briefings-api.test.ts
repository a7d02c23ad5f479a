// The briefing API: the groups, a request answered by the protocol, the officer's decision, the record and the
// verification as POSTs, with 400 naming the field, 404 for another group's briefing and 409 for a stale version.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { issueApiToken } from '../accounts/accounts.service.ts';
import { systemActor } from '../../actor.ts';
import { addBriefingCouncil, type BriefingCouncil } from './briefing.fixture.ts';

describe('the briefing API', () => {
  let t: TestApp;
  let c: BriefingCouncil;
  const tokens = new Map<string, string>();
  const bearer = async (who: keyof BriefingCouncil['users']) => {
    if (!tokens.has(who)) tokens.set(who, `Bearer ${(await issueApiToken(t.deps, systemActor, c.users[who].id, 'tests')).token}`);
    return tokens.get(who)!;
  };
  const call = async (who: keyof BriefingCouncil['users'], method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { authorization: await bearer(who) }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

  before(async () => {
    t = await createTestApp();
    c = await addBriefingCouncil(t.deps, 'model');
  });
  after(async () => t.close());

  it('lists the groups with their leaders', async () => {
    const res = await call('ivy', 'GET', '/api/v1/groups');
    assert.equal(res.statusCode, 200);
    const red = res.json().groups.find((g: { name: string }) => g.name === 'Red Group');
    assert.deepEqual(red.leader, { id: c.members.rita, fullName: 'Cllr Rita Red' });
    assert.equal(red.secretary, null);
    assert.equal(red.membersInOffice, 2);
  });

  it('takes a request, answers it by the protocol, and walks it through answer, record and verification', async () => {
    const bad = await call('rita', 'POST', '/api/v1/briefings', { officerId: c.officers.director, subject: '', meetsOn: '2026-12-02', attendees: 'Red councillors', nonMembersPresent: false, partyBusiness: false });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json().fields.map((f: { field: string }) => f.field), ['subject']);
    const wrongType = await call('rita', 'POST', '/api/v1/briefings', { officerId: 'the director', subject: 'S', meetsOn: '2026-12-02', attendees: 'A', nonMembersPresent: false, partyBusiness: false });
    assert.equal(wrongType.statusCode, 400);
    assert.match(JSON.stringify(wrongType.json()), /officerId/);
    const made = await call('rita', 'POST', '/api/v1/briefings', { officerId: c.officers.director, subject: 'Housing allocations policy', meetsOn: '2026-12-02', attendees: 'Red councillors', nonMembersPresent: false, partyBusiness: false });
    assert.equal(made.statusCode, 201);
    const b = made.json();
    assert.equal(b.protocol.outcome, 'permit');
    assert.ok(b.duties.some((d: { duty: string; state: string }) => d.duty === 'tell-other-groups-attendance-and-subject' && d.state === 'To do'));
    assert.equal((await call('bea', 'GET', `/api/v1/briefings/${b.id}`)).statusCode, 404);
    assert.equal((await call('rita', 'POST', `/api/v1/briefings/${b.id}/answer`, { version: b.version, answer: 'accept' })).statusCode, 403);
    const accepted = await call('director', 'POST', `/api/v1/briefings/${b.id}/answer`, { version: b.version, answer: 'accept' });
    assert.equal(accepted.statusCode, 200);
    const stale = await call('director', 'POST', `/api/v1/briefings/${b.id}/answer`, { version: b.version, answer: 'decline', reason: 'No' });
    assert.equal(stale.statusCode, 409);
    t.clock.set('2026-12-02T19:00:00Z');
    tokens.clear();
    const recorded = await call('rita', 'POST', `/api/v1/briefings/${b.id}/outcome`, { version: accepted.json().version, held: true, minutesAttended: 40, leftBeforePartyBusiness: 'yes', attributedComments: 'Said the waiting list is 3,000 long.' });
    assert.equal(recorded.statusCode, 200, recorded.body);
    assert.equal(recorded.json().record.notesStatus, 'awaiting-officer');
    assert.equal(recorded.json().notices.length, 2);
    const verified = await call('director', 'POST', `/api/v1/briefings/${b.id}/verification`, { version: recorded.json().version, response: 'About 3,000 households.' });
    assert.equal(verified.json().record.notesStatus, 'final');
    const mine = await call('chief', 'GET', '/api/v1/briefings');
    assert.deepEqual(mine.json().map((x: { id: number }) => x.id), [b.id]);
    assert.deepEqual((await call('bea', 'GET', '/api/v1/briefings')).json(), []);
  });
});
