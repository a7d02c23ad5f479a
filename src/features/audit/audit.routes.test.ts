import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { addPeople, PASSWORD, type People } from '../admin/people.fixture.ts';
import { appendAudit, type AuditChange } from './audit.repository.ts';
import type { Actor } from '../../actor.ts';
import { readDay, ukDayStartUtc } from './audit.view.ts';

function seqsOnPage(body: string): number[] {
  return [...body.matchAll(/<tr class="govuk-table__row">\s*<td class="govuk-table__cell">(\d+)<\/td>/g)].map((m) => Number(m[1]));
}

/** The pagination's link: rel="prev" to newer events, rel="next" to older ones. */
function link(body: string, rel: 'prev' | 'next'): string | undefined {
  return new RegExp(`href="([^"]+)" rel="${rel}"`).exec(body)?.[1]?.replaceAll('&amp;', '&');
}

describe('the audit trail pages', () => {
  let t: TestApp;
  let people: People;
  let admin: Agent;
  let firstBatchSeq: number;
  const append = (actor: Actor, change: AuditChange, at: string) =>
    t.db.kysely.transaction().execute((trx) => appendAudit(trx, t.db.dialect, actor, change, new Date(at)));

  before(async () => {
    t = await createTestApp();
    people = await addPeople(t.deps);
    const clerk: Actor = { userId: people.clerk.id, label: people.clerk.email, ip: '10.1.2.3', requestId: 'req-batch' };
    firstBatchSeq = (await append(clerk, { action: 'test.batch', entity: 'test', entityId: 0 }, '2026-06-01T09:00:00Z'));
    for (let i = 1; i < 120; i++) await append(clerk, { action: 'test.batch', entity: 'test', entityId: i }, '2026-06-01T09:00:00Z');
    // 23:30 UTC on 30 June is 00:30 on 1 July in the UK (BST): the council's day is 1 July.
    await append(clerk, { action: 'test.midnight', entity: 'test', entityId: 'late' }, '2026-06-30T23:30:00Z');
    await append({ userId: people.admin.id, label: people.admin.email }, { action: 'account.disabled', entity: 'user', entityId: people.clerk.id, before: { disabledAt: null }, after: { disabledAt: '2026-07-02T10:00:00.000Z', roles: ['democratic-services'] } }, '2026-07-02T10:00:00Z');
    admin = new Agent(t.app);
    await admin.signIn(people.admin.email, PASSWORD);
  });
  after(async () => t.close());

  it('lists events newest first, 50 a page, with older and newer pages', async () => {
    const first = await admin.get('/admin/audit');
    assert.equal(first.statusCode, 200);
    const seqs = seqsOnPage(first.body);
    assert.equal(seqs.length, 50);
    assert.deepEqual(seqs, [...seqs].sort((a, b) => b - a));
    assert.equal(link(first.body, 'prev'), undefined);
    const olderHref = link(first.body, 'next');
    assert.ok(olderHref);
    const second = await admin.get(olderHref);
    const secondSeqs = seqsOnPage(second.body);
    assert.equal(secondSeqs[0], seqs.at(-1)! - 1);
    const newerHref = link(second.body, 'prev');
    assert.ok(newerHref);
    assert.deepEqual(seqsOnPage((await admin.get(newerHref)).body), seqs);
  });

  it('filters by who, action, record and the council’s days, keeping the filter across pages', async () => {
    const byActor = await admin.get('/admin/audit?actor=ADA.ADMIN');
    assert.ok(seqsOnPage(byActor.body).length > 0);
    assert.doesNotMatch(byActor.body, /dan\.clerk@council\.example/);

    const byAction = await admin.get('/admin/audit?action=test.');
    assert.equal(seqsOnPage(byAction.body).length, 50);
    const older = link(byAction.body, 'next');
    assert.match(older ?? '', /action=test\./);
    const rest = seqsOnPage((await admin.get(older!)).body);
    assert.equal(rest.length, 50);
    const last = seqsOnPage((await admin.get(link((await admin.get(older!)).body, 'next')!)).body);
    assert.equal(last.length, 21);
    assert.equal(last.at(-1), firstBatchSeq);

    const byRecord = await admin.get(`/admin/audit?entity=test&entityId=17`);
    assert.deepEqual(seqsOnPage(byRecord.body), [firstBatchSeq + 17]);

    const julyFirst = await admin.get('/admin/audit?from=1/7/2026&to=2026-07-01');
    assert.match(julyFirst.body, /test\.midnight/);
    assert.equal(seqsOnPage(julyFirst.body).length, 1);
    const juneThirtieth = await admin.get('/admin/audit?from=30/06/2026&to=30/06/2026');
    assert.equal(seqsOnPage(juneThirtieth.body).length, 0);
    assert.match(juneThirtieth.body, /No events match the filter/);
  });

  it('names bad dates in the error summary', async () => {
    const bad = await admin.get('/admin/audit?from=31/02/2026&to=1/1/2026');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /href="#from">Date from must be a real date, for example 23\/11\/2026/);
    const backwards = await admin.get('/admin/audit?from=2/1/2026&to=1/1/2026');
    assert.equal(backwards.statusCode, 400);
    assert.match(backwards.body, /href="#to">Date to must be the same as or after date from/);
  });

  it('shows each field before and after', async () => {
    const page = await admin.get('/admin/audit?action=account.disabled');
    assert.match(page.body, /<code>disabledAt<\/code><\/th>\s*<td class="govuk-table__cell">null<\/td>\s*<td class="govuk-table__cell">2026-07-02T10:00:00\.000Z<\/td>/);
    assert.match(page.body, /<code>roles<\/code><\/th>\s*<td class="govuk-table__cell"><\/td>\s*<td class="govuk-table__cell">\[&quot;democratic-services&quot;\]<\/td>/);
  });

  it('is for administrators and the Monitoring Officer only', async () => {
    const monitoringOfficer = new Agent(t.app);
    await monitoringOfficer.signIn(people.monitoringOfficer.email, PASSWORD);
    assert.equal((await monitoringOfficer.get('/admin/audit')).statusCode, 200);
    assert.equal((await monitoringOfficer.get('/admin/audit/verify')).statusCode, 200);
    const clerk = new Agent(t.app);
    await clerk.signIn(people.clerk.email, PASSWORD);
    assert.equal((await clerk.get('/admin/audit')).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'GET', url: '/admin/audit' })).statusCode, 303);
  });

  it('checks the chain, with or without a checkpoint, and shows where it is broken', async () => {
    const intact = await admin.get('/admin/audit/verify');
    assert.equal(intact.statusCode, 200);
    assert.match(intact.body, /The chain is intact/);
    // Today's checkpoint is given as the event:hash to enter; a bare hash, as older checkpoints were, is taken too.
    const head = /class="nolan-hash">(\d+):([0-9a-f]{64})</.exec(intact.body);
    assert.ok(head);
    for (const checkpoint of [`${head[1]}:${head[2]}`, head[2]]) {
      const withCheckpoint = await admin.get(`/admin/audit/verify?checkpoint=${checkpoint}`);
      assert.match(withCheckpoint.body, new RegExp(`the checkpoint was found at event ${head[1]}`));
    }
    const bad = await admin.get('/admin/audit/verify?checkpoint=not-a-hash');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /href="#checkpoint">Enter the checkpoint hash as 64 letters and digits/);

    if (t.db.dialect === 'postgres') await sql`drop trigger audit_events_no_update on audit_events`.execute(t.db.kysely);
    else await sql`drop trigger audit_events_no_update`.execute(t.db.kysely);
    await t.db.kysely.updateTable('audit_events').set({ actor: 'nobody' }).where('seq', '=', firstBatchSeq + 5).execute();
    const broken = await admin.get('/admin/audit/verify');
    assert.match(broken.body, new RegExp(`The chain is broken at event ${firstBatchSeq + 5}`));
    assert.match(broken.body, /Its content does not match its hash/);
  });
});

describe('the council’s days', () => {
  it('start at midnight UK time, in GMT and in BST', () => {
    assert.equal(ukDayStartUtc('2026-01-15'), '2026-01-15T00:00:00.000Z');
    assert.equal(ukDayStartUtc('2026-07-01'), '2026-06-30T23:00:00.000Z');
    assert.equal(ukDayStartUtc('2026-03-29'), '2026-03-29T00:00:00.000Z', 'clocks go forward at 01:00 UTC that day');
    assert.equal(ukDayStartUtc('2026-10-25'), '2026-10-24T23:00:00.000Z', 'clocks go back at 01:00 UTC that day');
  });

  it('are read as 23/11/2026 or 2026-11-23, and only when real', () => {
    assert.equal(readDay('1/7/2026'), '2026-07-01');
    assert.equal(readDay('2026-7-1'), '2026-07-01');
    assert.equal(readDay('29/02/2028'), '2028-02-29');
    for (const bad of ['29/02/2026', '2026-13-01', 'yesterday', '1/7/26', '']) assert.equal(readDay(bad), null, bad);
  });
});
