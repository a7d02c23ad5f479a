// The outbox against a real SMTP server in this process, on both engines, with a fixed clock.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { createTestDb, type TestDb } from '../../../test/support/db.ts';
import { startTestSmtp, type TestSmtp } from '../../../test/support/smtp.ts';
import { fixedClock } from '../../clock.ts';
import { loadConfig } from '../../config.ts';
import { systemActor } from '../../actor.ts';
import { createSmtpTransport } from './mail.transport.ts';
import { claimDueMail, findMail } from './outbox.repository.ts';
import { deliverOutbox, mailHost, MAX_ATTEMPTS, messageIdSuffix, NOT_CONFIGURED, queueMail, retryDelayMinutes, retryMail, type MailDeps, type NewMail } from './outbox.service.ts';

const START = '2026-11-23T10:00:00.000Z';
const MINUTE = 60_000;

const acknowledgement: NewMail = {
  to: 'ann.abbott@council.example',
  toName: 'Cllr Ann Abbott',
  subject: 'Your enquiry has been received',
  text: 'Your enquiry about the bins on Abbey Road has been received.',
  kind: 'enquiry.acknowledged',
  entity: 'enquiry',
  entityId: 7,
};

describe('the outbox', () => {
  let db: TestDb;
  let smtp: TestSmtp;
  const clock = fixedClock(START);
  const logLines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
  let deps: MailDeps;

  before(async () => {
    db = await createTestDb();
    smtp = await startTestSmtp();
    deps = { db, clock, logger, config: loadConfig({ DATA_DIR: '/tmp/nolan-test-unused', SMTP_URL: smtp.url, BASE_URL: 'https://nolan.example.gov.uk' }) };
  });
  after(async () => {
    await smtp.close();
    await db.drop();
  });
  beforeEach(async () => {
    clock.set(START);
    smtp.reset();
    logLines.length = 0;
    await db.kysely.deleteFrom('outbox').execute();
    await db.kysely.deleteFrom('settings').execute();
  });

  async function queue(mail: NewMail = acknowledgement): Promise<number> {
    return db.kysely.transaction().execute((trx) => queueMail(trx, mail, clock.now()));
  }

  it('sends a queued message once, with the outbox id as its Message-ID, and records it as sent', async () => {
    const id = await queue();
    assert.deepEqual(await deliverOutbox(deps), { sent: 1, retrying: 0, failed: 0, held: 0 });
    assert.equal(smtp.received.length, 1);
    const mail = smtp.received[0]!;
    assert.match(mail.messageId, new RegExp(`^<outbox-${id}\\.[0-9a-f]{10}@nolan\\.example\\.gov\\.uk>$`));
    assert.equal((await db.kysely.selectFrom('settings').select('value').where('key', '=', 'mail.message-id-token').executeTakeFirst())?.value, /\.([0-9a-f]+)@/.exec(mail.messageId)?.[1]);
    assert.equal(mail.from, 'nolan@nolan.example.gov.uk');
    assert.deepEqual(mail.to, ['ann.abbott@council.example']);
    assert.equal(mail.subject, acknowledgement.subject);
    assert.equal(mail.text.trim(), acknowledgement.text);
    const row = await findMail(db.kysely, id);
    assert.equal(row?.sent_at, START);
    assert.equal(row?.attempts, 1);
    assert.equal(row?.message_id, mail.messageId);
    assert.deepEqual(await deliverOutbox(deps), { sent: 0, retrying: 0, failed: 0, held: 0 });
    assert.equal(smtp.received.length, 1, 'nothing is sent twice');
  });

  it('sends from the mail.from setting when the council has set one', async () => {
    await db.kysely.insertInto('settings').values({ key: 'mail.from', value: 'Democratic Services <democratic.services@council.example>' }).execute();
    await queue();
    await deliverOutbox(deps);
    assert.equal(smtp.received[0]?.from, 'democratic.services@council.example');
  });

  it('never sends mail queued in a transaction that rolled back', async () => {
    await assert.rejects(
      db.kysely.transaction().execute(async (trx) => {
        await queueMail(trx, acknowledgement, clock.now());
        throw new Error('the change failed after the mail was queued');
      }),
      /the change failed/,
    );
    assert.deepEqual(await deliverOutbox(deps), { sent: 0, retrying: 0, failed: 0, held: 0 });
    assert.equal(smtp.attempts(), 0);
    assert.equal((await db.kysely.selectFrom('outbox').selectAll().execute()).length, 0);
  });

  it('retries a refused message after 1, 2, 4, 8 … minutes, gives up after the last attempt, and sends it when tried again', async () => {
    smtp.refuseWith(451, 'Try again later');
    const id = await queue();
    const delays: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const result = await deliverOutbox(deps);
      const row = (await findMail(db.kysely, id))!;
      assert.equal(row.attempts, attempt);
      assert.match(row.last_error ?? '', /451 Try again later/);
      if (attempt < MAX_ATTEMPTS) {
        assert.deepEqual(result, { sent: 0, retrying: 1, failed: 0, held: 0 });
        const delay = (Date.parse(row.next_attempt_at) - clock.now().getTime()) / MINUTE;
        delays.push(delay);
        clock.advance(delay * MINUTE - 1);
        assert.deepEqual(await deliverOutbox(deps), { sent: 0, retrying: 0, failed: 0, held: 0 }, 'not before it is due');
        clock.advance(1);
      } else {
        assert.deepEqual(result, { sent: 0, retrying: 0, failed: 1, held: 0 });
        assert.equal(row.failed_permanently_at, clock.now().toISOString());
      }
    }
    assert.deepEqual(delays, [1, 2, 4, 8, 16, 32, 60, 60, 60]);
    assert.deepEqual(delays, delays.map((_, i) => retryDelayMinutes(i + 1)));

    smtp.refuseWith(null);
    clock.advance(24 * 60 * MINUTE);
    assert.deepEqual(await deliverOutbox(deps), { sent: 0, retrying: 0, failed: 0, held: 0 }, 'a message given up on waits for a person');
    await retryMail({ db, clock }, systemActor, id);
    assert.deepEqual(await deliverOutbox(deps), { sent: 1, retrying: 0, failed: 0, held: 0 });
    assert.equal(smtp.received[0]?.messageId, (await findMail(db.kysely, id))?.message_id);
    assert.match(smtp.received[0]?.messageId ?? '', new RegExp(`^<outbox-${id}\\.`));
    const audit = await db.kysely.selectFrom('audit_events').select(['action', 'entity', 'entity_id']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    assert.deepEqual(audit, { action: 'outbox.retried', entity: 'outbox', entity_id: String(id) });
  });

  it('gives up at once when the server refuses the message for good (5xx)', async () => {
    smtp.refuseWith(550, 'No such mailbox');
    const id = await queue();
    assert.deepEqual(await deliverOutbox(deps), { sent: 0, retrying: 0, failed: 1, held: 0 });
    const row = (await findMail(db.kysely, id))!;
    assert.equal(row.failed_permanently_at, START);
    assert.match(row.last_error ?? '', /550 No such mailbox/);
  });

  it('gives up at once on an address that is not one, refused by nodemailer or by the server', async () => {
    const empty = await queue({ ...acknowledgement, to: '' });
    const spaced = await queue({ ...acknowledgement, to: 'not an address' });
    assert.deepEqual(await deliverOutbox(deps), { sent: 0, retrying: 0, failed: 2, held: 0 });
    assert.match((await findMail(db.kysely, empty))?.last_error ?? '', /No recipients defined/);
    assert.match((await findMail(db.kysely, spaced))?.last_error ?? '', /501 .*Bad recipient address/);
    assert.equal(smtp.attempts(), 0, 'no message reached DATA');
  });

  it('retries when the server cannot be reached', async () => {
    const id = await queue();
    const closed = await startTestSmtp();
    await closed.close();
    const result = await deliverOutbox({ ...deps, config: { ...deps.config, smtpUrl: closed.url } });
    assert.deepEqual(result, { sent: 0, retrying: 1, failed: 0, held: 0 });
    const row = (await findMail(db.kysely, id))!;
    assert.match(row.last_error ?? '', /ECONNREFUSED|connect/i);
    assert.equal(row.next_attempt_at, new Date(Date.parse(START) + MINUTE).toISOString());
  });

  it('resends with the same Message-ID when an instance stopped after sending but before recording it', async () => {
    const id = await queue();
    // The instance that crashed: it claimed the message and sent it, then stopped before marking it sent.
    const [claimed] = await claimDueMail(db, { now: START, leaseUntil: new Date(Date.parse(START) + 10 * MINUTE).toISOString(), batch: 10, messageIdSuffix: await messageIdSuffix(deps) });
    const transport = createSmtpTransport(smtp.url);
    await transport.send({ from: 'nolan@nolan.example.gov.uk', to: { name: null, address: claimed!.recipient }, subject: claimed!.subject, text: claimed!.body_text, messageId: claimed!.message_id! });
    transport.close();
    assert.deepEqual(await deliverOutbox(deps), { sent: 0, retrying: 0, failed: 0, held: 0 }, 'nobody else sends it while the lease lasts');
    clock.advance(10 * MINUTE);
    assert.deepEqual(await deliverOutbox(deps), { sent: 1, retrying: 0, failed: 0, held: 0 });
    const messageId = (await findMail(db.kysely, id))?.message_id;
    assert.match(messageId ?? '', new RegExp(`^<outbox-${id}\\.[0-9a-f]+@nolan\\.example\\.gov\\.uk>$`));
    assert.deepEqual(smtp.received.map((m) => m.messageId), [messageId, messageId]);
  });

  it('without SMTP_URL keeps every message and logs each once, then sends them when SMTP_URL is set', async () => {
    const unconfigured = { ...deps, config: { ...deps.config, smtpUrl: undefined } };
    const first = await queue();
    assert.deepEqual(await deliverOutbox(unconfigured), { sent: 0, retrying: 0, failed: 0, held: 1 });
    const second = await queue({ ...acknowledgement, to: 'bo.baker@council.example', toName: null });
    clock.advance(MINUTE);
    assert.deepEqual(await deliverOutbox(unconfigured), { sent: 0, retrying: 0, failed: 0, held: 1 });
    assert.deepEqual(await deliverOutbox(unconfigured), { sent: 0, retrying: 0, failed: 0, held: 0 });
    const logged = logLines.map((line) => JSON.parse(line) as { outboxId?: number; msg: string }).filter((l) => l.outboxId !== undefined);
    assert.deepEqual(logged.map((l) => l.outboxId), [first, second]);
    assert.match(logged[0]!.msg, /SMTP_URL is not set/);
    assert.equal((await findMail(db.kysely, first))?.last_error, NOT_CONFIGURED);
    assert.equal(smtp.attempts(), 0);

    assert.deepEqual(await deliverOutbox(deps), { sent: 2, retrying: 0, failed: 0, held: 0 });
    assert.deepEqual(smtp.received.map((m) => m.to[0]), ['ann.abbott@council.example', 'bo.baker@council.example']);
  });

  it('takes the Message-ID host from BASE_URL, or nolan.invalid when that names only this machine', () => {
    assert.equal(mailHost('https://nolan.example.gov.uk'), 'nolan.example.gov.uk');
    assert.equal(mailHost('https://Nolan.Example.gov.uk:8443/base'), 'nolan.example.gov.uk');
    assert.equal(mailHost('http://127.0.0.1:3000'), 'nolan.invalid');
    assert.equal(mailHost('http://localhost:3000'), 'nolan.invalid');
    assert.equal(mailHost('http://[::1]:3000'), 'nolan.invalid');
    assert.equal(mailHost('http://nolan:3000'), 'nolan.invalid');
  });
});
