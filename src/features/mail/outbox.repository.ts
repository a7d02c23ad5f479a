// The outbox table: mail written in the transaction of the change that causes it, claimed for delivery with a
// short lease so that two instances never send the same message at the same time.
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { OutboxTable, Tables } from '../../db/database.ts';
import { claimRows } from '../../db/claim-rows.ts';
import type { Db } from '../../db/create-db.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

export type OutboxRow = Selectable<OutboxTable>;

export type NewMail = {
  to: string;
  toName?: string | null;
  subject: string;
  text: string;
  /** What the message is about, in the form `feature.event`, for example `enquiry.acknowledged`. */
  kind: string;
  entity?: string | null;
  entityId?: string | number | null;
};

export async function insertMail(q: Q, mail: NewMail, at: string): Promise<number> {
  const row = await q
    .insertInto('outbox')
    .values({
      recipient: mail.to,
      recipient_name: mail.toName ?? null,
      subject: mail.subject,
      body_text: mail.text,
      kind: mail.kind,
      entity: mail.entity ?? null,
      entity_id: mail.entityId === undefined || mail.entityId === null ? null : String(mail.entityId),
      created_at: at,
      next_attempt_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A message's Message-ID is `<outbox-` + its id + `messageIdSuffix`, for example `.k3j4h5m2@host>`. */
export type Claim = { now: string; leaseUntil: string; batch: number; messageIdSuffix: string };

/**
 * Claims up to `batch` messages that are due: each gets one more attempt counted, its next attempt moved to the
 * end of the lease (so nobody else picks it up meanwhile, and a crash mid-send retries it after the lease), and
 * its Message-ID fixed if this is its first attempt. PostgreSQL locks the rows it reads and skips rows another
 * instance holds; SQLite runs the single statement under its one writer lock.
 */
export async function claimDueMail(db: Db, claim: Claim): Promise<OutboxRow[]> {
  const messageId = sql<string>`coalesce(message_id, cast(${'<outbox-'} as text) || cast(id as text) || cast(${claim.messageIdSuffix} as text))`;
  const changes = { attempts: sql<number>`attempts + 1`, next_attempt_at: claim.leaseUntil, message_id: messageId };
  const due = (q: Q) =>
    q
      .selectFrom('outbox')
      .select('id')
      .where('sent_at', 'is', null)
      .where('failed_permanently_at', 'is', null)
      .where('next_attempt_at', '<=', claim.now)
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(claim.batch);
  const rows = await claimRows(db, 'outbox', due, changes);
  return rows.sort((a, b) => a.id - b.id);
}

export async function markMailSent(q: Q, id: number, at: string): Promise<void> {
  await q.updateTable('outbox').set({ sent_at: at }).where('id', '=', id).where('sent_at', 'is', null).execute();
}

/** A failed attempt: tried again at `retryAt`, or given up on when `retryAt` is null. */
export async function markMailFailed(q: Q, id: number, failure: { error: string; retryAt: string | null; at: string }): Promise<void> {
  await q
    .updateTable('outbox')
    .set(failure.retryAt === null ? { last_error: failure.error, failed_permanently_at: failure.at } : { last_error: failure.error, next_attempt_at: failure.retryAt })
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .execute();
}

/**
 * With nowhere to send mail, notes why on each due message not yet noted and returns those, so that each is
 * logged once (across instances: a second instance's update finds the note already there).
 */
export async function noteUnsendableMail(q: Q, now: string, note: string, batch: number): Promise<OutboxRow[]> {
  const rows = await q
    .updateTable('outbox')
    .set({ last_error: note })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('outbox')
        .select('id')
        .where('sent_at', 'is', null)
        .where('failed_permanently_at', 'is', null)
        .where('next_attempt_at', '<=', now)
        .where((w) => w.or([w('last_error', 'is', null), w('last_error', '!=', note)]))
        .orderBy('id')
        .limit(batch),
    )
    .where((w) => w.or([w('last_error', 'is', null), w('last_error', '!=', note)]))
    .returningAll()
    .execute();
  return rows.sort((a, b) => a.id - b.id);
}

export async function findMail(q: Q, id: number, options: { lock?: boolean } = {}): Promise<OutboxRow | undefined> {
  let query = q.selectFrom('outbox').selectAll().where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** A message given up on goes back in the queue, due now, with a fresh count of attempts. */
export async function reopenMail(q: Q, id: number, at: string): Promise<void> {
  await q.updateTable('outbox').set({ failed_permanently_at: null, attempts: 0, next_attempt_at: at }).where('id', '=', id).execute();
}

export type OutboxLists = { pending: OutboxRow[]; failed: OutboxRow[]; sent: OutboxRow[]; counts: { pending: number; failed: number; sent: number } };

/** What the admin page shows: waiting (oldest first), given up on (newest first), sent since `sentSince`. */
export async function listOutbox(q: Q, sentSince: string, limit: number): Promise<OutboxLists> {
  const base = () => q.selectFrom('outbox');
  const waiting = () => base().where('sent_at', 'is', null).where('failed_permanently_at', 'is', null);
  const givenUp = () => base().where('failed_permanently_at', 'is not', null);
  const sentRecently = () => base().where('sent_at', '>=', sentSince);
  const count = async (query: ReturnType<typeof base>) => Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const [pending, failed, sent, pendingCount, failedCount, sentCount] = await Promise.all([
    waiting().selectAll().orderBy('next_attempt_at').orderBy('id').limit(limit).execute(),
    givenUp().selectAll().orderBy('failed_permanently_at', 'desc').orderBy('id', 'desc').limit(limit).execute(),
    sentRecently().selectAll().orderBy('sent_at', 'desc').orderBy('id', 'desc').limit(limit).execute(),
    count(waiting()),
    count(givenUp()),
    count(sentRecently()),
  ]);
  return { pending, failed, sent, counts: { pending: pendingCount, failed: failedCount, sent: sentCount } };
}

export async function readSetting(q: Q, key: string): Promise<string | undefined> {
  const row = await q.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

/** Stores the value unless the key already has one (another instance may be doing the same), and returns the stored one. */
export async function settingOnce(q: Q, key: string, value: string): Promise<string> {
  await q.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doNothing()).execute();
  return (await readSetting(q, key)) ?? value;
}
