// The audit chain: each event's hash covers its content and the previous event's hash (SHA-256).
import { createHash } from 'node:crypto';

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
export function hashEvent(event: ChainedEvent): string {
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
  return createHash('sha256').update(canonical).digest('hex');
}
