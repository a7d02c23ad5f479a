import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { addPeople, PASSWORD, type People } from '../admin/people.fixture.ts';
import { findMail } from './outbox.repository.ts';
import { queueMail } from './outbox.service.ts';

function errorSummary(body: string): string[] {
  const list = /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(body)?.[1] ?? '';
  return [...list.matchAll(/href="(#[^"]+)">([^<]+)</g)].map((m) => `${m[1]} ${m[2]!.trim()}`);
}

describe('admin: mail', () => {
  let t: TestApp;
  let people: People;
  let clerk: Agent;
  const ids = { waiting: 0, failed: 0, sent: 0 };

  before(async () => {
    t = await createTestApp();
    people = await addPeople(t.deps);
    const now = t.clock.now();
    const at = now.toISOString();
    await t.db.kysely.transaction().execute(async (trx) => {
      const mail = (to: string, subject: string) => queueMail(trx, { to, toName: null, subject, text: 'Body', kind: 'enquiry.acknowledged', entity: 'enquiry', entityId: 3 }, now);
      ids.waiting = await mail('waiting@council.example', 'Waiting message');
      ids.failed = await mail('nobody@council.example', 'Refused message');
      ids.sent = await mail('sent@council.example', 'Delivered message');
    });
    await t.db.kysely.updateTable('outbox').set({ attempts: 10, failed_permanently_at: at, last_error: '550 No such mailbox' }).where('id', '=', ids.failed).execute();
    await t.db.kysely.updateTable('outbox').set({ attempts: 1, sent_at: at, message_id: `<outbox-${ids.sent}.5f3a9c0e1b@nolan.invalid>` }).where('id', '=', ids.sent).execute();
    clerk = new Agent(t.app);
    await clerk.signIn(people.clerk.email, PASSWORD);
  });
  after(async () => t.close());

  it('is on the admin index for administrators and democratic services only', async () => {
    assert.match((await clerk.get('/admin')).body, /href="\/admin\/outbox"/);
    const admin = new Agent(t.app);
    await admin.signIn(people.admin.email, PASSWORD);
    assert.match((await admin.get('/admin')).body, /href="\/admin\/outbox"/);
    assert.equal((await admin.get('/admin/outbox')).statusCode, 200);
    const monitoringOfficer = new Agent(t.app);
    await monitoringOfficer.signIn(people.monitoringOfficer.email, PASSWORD);
    assert.doesNotMatch((await monitoringOfficer.get('/admin')).body, /href="\/admin\/outbox"/);
  });

  it('shows mail waiting, given up on and sent, with attempts and the last error', async () => {
    const page = await clerk.get('/admin/outbox');
    assert.equal(page.statusCode, 200);
    const section = (id: string) => page.body.slice(page.body.indexOf(`id="${id}"`), page.body.indexOf('</table>', page.body.indexOf(`id="${id}"`)));
    assert.match(section('failed'), /nobody@council\.example[\s\S]*Refused message[\s\S]*550 No such mailbox/);
    assert.match(section('failed'), new RegExp(`action="/admin/outbox/${ids.failed}/retry"`));
    assert.match(section('pending'), /waiting@council\.example[\s\S]*Waiting message/);
    assert.match(section('sent'), new RegExp(`sent@council\\.example[\\s\\S]*&lt;outbox-${ids.sent}\\.5f3a9c0e1b@nolan\\.invalid&gt;`));
    assert.match(page.body, /Nolan is not sending mail: no mail server is set \(SMTP_URL\)/);
  });

  it('refuses a member, and a form without its CSRF token', async () => {
    const councillor = new Agent(t.app);
    await councillor.signIn(people.councillor.email, PASSWORD);
    assert.equal((await councillor.get('/admin/outbox')).statusCode, 403);
    assert.equal((await councillor.post(`/admin/outbox/${ids.failed}/retry`, {})).statusCode, 403);
    await clerk.get('/admin/outbox');
    assert.equal((await clerk.post(`/admin/outbox/${ids.failed}/retry`, {}, { csrf: null })).statusCode, 403);
    assert.equal((await clerk.post(`/admin/outbox/${ids.failed}/retry`, {}, { csrf: 'forged' })).statusCode, 403);
    assert.notEqual((await findMail(t.db.kysely, ids.failed))?.failed_permanently_at, null, 'nothing changed');
  });

  it('tries a message again, audited, and says why it cannot for one that is waiting or sent', async () => {
    await clerk.get('/admin/outbox');
    const retried = await clerk.post(`/admin/outbox/${ids.failed}/retry`, {});
    assert.equal(retried.statusCode, 303);
    assert.equal(retried.headers.location, `/admin/outbox?retried=${ids.failed}`);
    assert.match((await clerk.get(String(retried.headers.location))).body, new RegExp(`Message ${ids.failed} will be sent again`));
    const row = (await findMail(t.db.kysely, ids.failed))!;
    assert.equal(row.failed_permanently_at, null);
    assert.equal(row.attempts, 0);
    assert.equal(row.next_attempt_at, t.clock.now().toISOString());
    const audit = await t.db.kysely.selectFrom('audit_events').select(['action', 'actor', 'entity', 'entity_id']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    assert.deepEqual(audit, { action: 'outbox.retried', actor: people.clerk.email, entity: 'outbox', entity_id: String(ids.failed) });

    const again = await clerk.post(`/admin/outbox/${ids.failed}/retry`, {});
    assert.equal(again.statusCode, 400);
    assert.deepEqual(errorSummary(again.body), [`#pending Message ${ids.failed} to nobody@council.example is already waiting to be sent`]);
    const sent = await clerk.post(`/admin/outbox/${ids.sent}/retry`, {});
    assert.equal(sent.statusCode, 400);
    assert.deepEqual(errorSummary(sent.body), [`#sent Message ${ids.sent} to sent@council.example has already been sent`]);
  });

  it('answers 404 for a message that does not exist', async () => {
    await clerk.get('/admin/outbox');
    assert.equal((await clerk.post('/admin/outbox/99999/retry', {})).statusCode, 404);
    assert.equal((await clerk.post('/admin/outbox/abc/retry', {})).statusCode, 404);
  });
});
