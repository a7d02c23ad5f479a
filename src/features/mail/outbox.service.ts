// Mail goes out through the outbox: queued in the transaction of the change that causes it, so that a change
// rolled back sends nothing, then delivered at least once with the outbox id in its Message-ID.
import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import pino from 'pino';
import type { Tables } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../../actor.ts';
import { createSmtpTransport, describeFailure, isPermanentFailure, type MailTransport } from './mail.transport.ts';
import { claimDueMail, findMail, insertMail, markMailFailed, markMailSent, noteUnsendableMail, readSetting, reopenMail, settingOnce, type NewMail, type OutboxRow } from './outbox.repository.ts';

export type { NewMail } from './outbox.repository.ts';

export type MailDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'logger'>;

/** After this many attempts a message is given up on, and waits for someone to try it again from the admin page. */
export const MAX_ATTEMPTS = 10;
const MAX_DELAY_MINUTES = 60;
/** Longer than a batch can take with the transport's timeouts, so that nobody else sends a message mid-send. */
const LEASE_MS = 10 * 60_000;
export const DEFAULT_BATCH = 10;
export const NOT_CONFIGURED = 'Not sent: SMTP_URL is not set, so Nolan has nowhere to send mail';

/** 1, 2, 4, 8 … minutes after the 1st, 2nd, 3rd, 4th … failed attempt, never more than an hour. */
export function retryDelayMinutes(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1), MAX_DELAY_MINUTES);
}

/** The host of BASE_URL, unless that is a bare address or name that means nothing outside this machine. */
export function mailHost(baseUrl: string): string {
  const host = new URL(baseUrl).hostname.replace(/^\[|\]$/g, '');
  const local = host === 'localhost' || !host.includes('.') || /^[\d.]+$/.test(host) || host.includes(':');
  return local ? 'nolan.invalid' : host;
}

/** The From address: the `mail.from` setting, or Nolan at the service's own host. */
export async function fromAddress(deps: Pick<Deps, 'db' | 'config'>): Promise<string> {
  return (await readSetting(deps.db.kysely, 'mail.from')) ?? `Nolan <nolan@${mailHost(deps.config.baseUrl)}>`;
}

/**
 * The end of every Message-ID: a token of this database, then the host. A database started afresh numbers its
 * outbox from 1 again, and mail programs drop a message whose Message-ID they have already seen.
 */
export async function messageIdSuffix(deps: Pick<Deps, 'db' | 'config'>): Promise<string> {
  const token = (await readSetting(deps.db.kysely, 'mail.message-id-token')) ?? (await settingOnce(deps.db.kysely, 'mail.message-id-token', randomBytes(5).toString('hex')));
  return `.${token}@${mailHost(deps.config.baseUrl)}>`;
}

/** Call inside the transaction that makes the change the message tells of. Returns the outbox id. */
export async function queueMail(trx: Transaction<Tables>, mail: NewMail, at: Date): Promise<number> {
  return insertMail(trx, mail, at.toISOString());
}

export type DeliveryResult = { sent: number; retrying: number; failed: number; held: number };

/**
 * Sends what is due, up to `batch` messages. Without SMTP_URL nothing is sent: each waiting message is logged
 * once and stays in the outbox, to go when SMTP_URL is set.
 */
export async function deliverOutbox(deps: MailDeps, options: { batch?: number } = {}): Promise<DeliveryResult> {
  const batch = options.batch ?? DEFAULT_BATCH;
  const logger = deps.logger ?? pino({ level: deps.config.logLevel });
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0, held: 0 };
  const now = deps.clock.now();
  if (!deps.config.smtpUrl) {
    for (const row of await noteUnsendableMail(deps.db.kysely, now.toISOString(), NOT_CONFIGURED, batch)) {
      logger.info({ outboxId: row.id, to: row.recipient, subject: row.subject, kind: row.kind, text: row.body_text }, 'mail kept in the outbox: SMTP_URL is not set');
      result.held += 1;
    }
    return result;
  }
  const rows = await claimDueMail(deps.db, {
    now: now.toISOString(),
    leaseUntil: new Date(now.getTime() + LEASE_MS).toISOString(),
    batch,
    messageIdSuffix: await messageIdSuffix(deps),
  });
  if (rows.length === 0) return result;
  const from = await fromAddress(deps);
  const transport = createSmtpTransport(deps.config.smtpUrl);
  try {
    for (const row of rows) {
      const outcome = await sendOne(deps, transport, from, row);
      result[outcome] += 1;
      if (outcome !== 'sent') logger.warn({ outboxId: row.id, attempts: row.attempts, outcome }, 'mail not delivered');
    }
  } finally {
    transport.close();
  }
  return result;
}

async function sendOne(deps: MailDeps, transport: MailTransport, from: string, row: OutboxRow): Promise<'sent' | 'retrying' | 'failed'> {
  try {
    await transport.send({ from, to: { name: row.recipient_name, address: row.recipient }, subject: row.subject, text: row.body_text, messageId: row.message_id ?? '' });
  } catch (error) {
    const at = deps.clock.now();
    const giveUp = isPermanentFailure(error) || row.attempts >= MAX_ATTEMPTS;
    const retryAt = giveUp ? null : new Date(at.getTime() + retryDelayMinutes(row.attempts) * 60_000).toISOString();
    await markMailFailed(deps.db.kysely, row.id, { error: describeFailure(error), retryAt, at: at.toISOString() });
    return giveUp ? 'failed' : 'retrying';
  }
  await markMailSent(deps.db.kysely, row.id, deps.clock.now().toISOString());
  return 'sent';
}

/** "Try again now" for a message given up on: due at once, attempts counted afresh, and audited. */
export async function retryMail(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, id: number): Promise<void> {
  const at = deps.clock.now();
  await deps.db.kysely.transaction().execute(async (trx) => {
    const row = await findMail(trx, id, { lock: deps.db.dialect === 'postgres' });
    if (!row) throw new NotFoundError('Message');
    if (row.sent_at !== null) throw new ValidationError([{ field: 'sent', message: `Message ${id} to ${row.recipient} has already been sent` }]);
    if (row.failed_permanently_at === null) throw new ValidationError([{ field: 'pending', message: `Message ${id} to ${row.recipient} is already waiting to be sent` }]);
    await reopenMail(trx, id, at.toISOString());
    await appendAudit(trx, deps.db.dialect, actor, {
      action: 'outbox.retried',
      entity: 'outbox',
      entityId: id,
      before: { attempts: row.attempts, failedPermanentlyAt: row.failed_permanently_at, lastError: row.last_error },
      after: { attempts: 0, failedPermanentlyAt: null, nextAttemptAt: at.toISOString() },
    }, at);
  });
}
