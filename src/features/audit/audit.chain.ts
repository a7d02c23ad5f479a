// The audit chain: each event's hash covers its content and the previous event's hash, keyed: HMAC-SHA256 under
// the audit key, so that a changed event cannot be given a matching hash by anyone without the key. Chains
// written before keying were plain SHA-256 (key null); they are verified so once, then re-hashed with the key.
import { createHash, createHmac } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export type ChainedEvent = {
  seq: number;
  occurred_at: string;
  actor_user_id: number | null;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
  request_id: string | null;
  prev_hash: string;
};

/** A fixed field order, so the same event always hashes the same on every engine. */
export function hashEvent(event: ChainedEvent, key: string | null): string {
  const canonical = JSON.stringify([
    event.seq,
    event.occurred_at,
    event.actor_user_id,
    event.actor,
    event.action,
    event.entity,
    event.entity_id,
    event.before_json,
    event.after_json,
    event.ip,
    event.request_id,
    event.prev_hash,
  ]);
  return (key === null ? createHash('sha256') : createHmac('sha256', key)).update(canonical).digest('hex');
}
