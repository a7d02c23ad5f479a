// Appending to the audit chain. Call inside the transaction that makes the change.
import { sql, type Kysely, type SelectQueryBuilder, type Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import type { Dialect } from '../../db/create-db.ts';
import { hashEvent, type ChainedEvent } from './audit.chain.ts';
import { auditKey, AuditKeyError, keyFingerprint } from './audit-key.ts';
import type { Actor } from '../../actor.ts';

export type AuditChange = {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
};

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/**
 * Appends one event, hashed with the audit key this process was started with. The chain head row is locked
 * first (FOR UPDATE on PostgreSQL; SQLite transactions already hold the single writer lock), so concurrent
 * writers queue behind each other and never fork it.
 */
export async function appendAudit(
  trx: Transaction<Tables> | Kysely<Tables>,
  dialect: Dialect,
  actor: Actor,
  change: AuditChange,
  at: Date,
): Promise<number> {
  return appendAuditWithKey(trx, dialect, auditKey(), actor, change, at);
}

/** appendAudit with a key given: for re-keying, whose closing event is hashed with the new key. */
export async function appendAuditWithKey(
  trx: Transaction<Tables> | Kysely<Tables>,
  dialect: Dialect,
  key: string,
  actor: Actor,
  change: AuditChange,
  at: Date,
): Promise<number> {
  // SQLite has no FOR UPDATE. Writing the head row first takes the database's single writer lock before the
  // head is read, so a second connection (another process) waits here instead of reading a head that is about
  // to move and failing when it tries to write.
  if (dialect === 'sqlite') await trx.updateTable('audit_head').set((eb) => ({ seq: eb.ref('seq') })).where('id', '=', 1).execute();
  let headQuery = trx.selectFrom('audit_head').select(['seq', 'hash', 'key_fingerprint']).where('id', '=', 1);
  if (dialect === 'postgres') headQuery = headQuery.forUpdate();
  const head = await headQuery.executeTakeFirstOrThrow();
  const fingerprint = keyFingerprint(key);
  // An empty chain takes the key it is first written with; a chain hashed otherwise is never appended to.
  if (head.key_fingerprint === null && head.seq > 0) throw new AuditKeyError('the audit chain is not keyed yet: start Nolan with its audit key to key it');
  if (head.key_fingerprint !== null && head.key_fingerprint !== fingerprint) throw new AuditKeyError('the audit key is not the one the audit chain is hashed with');
  const event: ChainedEvent = {
    seq: head.seq + 1,
    occurred_at: at.toISOString(),
    actor_user_id: actor.userId,
    actor: actor.label,
    action: change.action,
    entity: change.entity,
    entity_id: change.entityId === undefined || change.entityId === null ? null : String(change.entityId),
    before_json: json(change.before),
    after_json: json(change.after),
    ip: actor.ip ?? null,
    request_id: actor.requestId ?? null,
    prev_hash: head.hash,
  };
  const hash = hashEvent(event, key);
  await trx.insertInto('audit_events').values({ ...event, hash }).execute();
  await trx.updateTable('audit_head').set({ seq: event.seq, hash, key_fingerprint: fingerprint }).where('id', '=', 1).execute();
  return event.seq;
}

// Reading the chain: for verification (in seq order, a page at a time) and for the audit trail pages.

type Q = Kysely<Tables> | Transaction<Tables>;

export type StoredEvent = ChainedEvent & { hash: string };

export type ChainHead = { seq: number; hash: string };

export async function readChainHead(q: Q): Promise<ChainHead> {
  return q.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
}

/** Which key the chain is hashed with, by fingerprint; null when it has not been keyed. */
export async function readKeyFingerprint(q: Q): Promise<string | null> {
  return (await q.selectFrom('audit_head').select('key_fingerprint').where('id', '=', 1).executeTakeFirstOrThrow()).key_fingerprint;
}

/** The next page of the chain after `afterSeq`, up to `throughSeq`, in seq order. */
export async function readChainPage(q: Q, afterSeq: number, throughSeq: number, limit: number): Promise<StoredEvent[]> {
  return q
    .selectFrom('audit_events')
    .selectAll()
    .where('seq', '>', afterSeq)
    .where('seq', '<=', throughSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

/** What the audit trail page filters on. Times are UTC instants; the page turns the council's days into them. */
export type AuditFilter = {
  actor?: string | undefined;
  action?: string | undefined;
  entity?: string | undefined;
  entityId?: string | undefined;
  fromUtc?: string | undefined;
  beforeUtc?: string | undefined;
};

/** Newest first, a page at a time by seq: a page costs the same however long the chain grows. */
export type AuditCursor = { olderThan?: number | undefined; newerThan?: number | undefined };

export type AuditPage = { events: StoredEvent[]; newer: boolean; older: boolean };

/** LIKE treats % and _ as wildcards; a filter typed by a person means them literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filtered<O>(query: SelectQueryBuilder<Tables, 'audit_events', O>, filter: AuditFilter) {
  let q = query;
  if (filter.actor) q = q.where(sql<boolean>`lower(actor) like ${`%${escapeLike(filter.actor.toLowerCase())}%`} escape '\\'`);
  if (filter.action) q = q.where(sql<boolean>`action like ${`${escapeLike(filter.action)}%`} escape '\\'`);
  if (filter.entity) q = q.where('entity', '=', filter.entity);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  if (filter.fromUtc) q = q.where('occurred_at', '>=', filter.fromUtc);
  if (filter.beforeUtc) q = q.where('occurred_at', '<', filter.beforeUtc);
  return q;
}

async function anyEvent(q: Q, filter: AuditFilter, where: '<' | '>', seq: number): Promise<boolean> {
  const row = await filtered(q.selectFrom('audit_events').select('seq'), filter).where('seq', where, seq).limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function listAuditEvents(q: Q, filter: AuditFilter, cursor: AuditCursor, pageSize: number): Promise<AuditPage> {
  let query = filtered(q.selectFrom('audit_events').selectAll(), filter);
  if (cursor.newerThan !== undefined) {
    const rows = await query.where('seq', '>', cursor.newerThan).orderBy('seq', 'asc').limit(pageSize + 1).execute();
    const events = rows.slice(0, pageSize).reverse();
    return { events, newer: rows.length > pageSize, older: events.length > 0 && (await anyEvent(q, filter, '<', events.at(-1)!.seq)) };
  }
  if (cursor.olderThan !== undefined) query = query.where('seq', '<', cursor.olderThan);
  const rows = await query.orderBy('seq', 'desc').limit(pageSize + 1).execute();
  const events = rows.slice(0, pageSize);
  const newer = cursor.olderThan !== undefined && events.length > 0 && (await anyEvent(q, filter, '>', events[0]!.seq));
  return { events, newer, older: rows.length > pageSize };
}
