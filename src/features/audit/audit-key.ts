// The secret the audit chain is keyed with. It comes from configuration (AUDIT_KEY, or a file generated beside
// a SQLite database) and is never stored in the database: someone who can rewrite the database cannot recompute
// the chain's hashes without it. Every process that appends to the chain sets it once at start, before it
// opens for work; verification and rotation take keys explicitly.
import { createHmac } from 'node:crypto';

export const MIN_AUDIT_KEY_LENGTH = 32;

export class AuditKeyError extends Error {}

let current: string | undefined;

/** Sets the key this process appends with. */
export function useAuditKey(key: string): void {
  if (key.length < MIN_AUDIT_KEY_LENGTH) throw new AuditKeyError(`the audit key must be at least ${MIN_AUDIT_KEY_LENGTH} characters`);
  current = key;
}

/** The key this process appends with; an append before one is set is a mistake, refused. */
export function auditKey(): string {
  if (current === undefined) throw new AuditKeyError('no audit key is set: set AUDIT_KEY, or start Nolan once with SQLite to generate one');
  return current;
}

/** Names a key without revealing it: stored in the chain head, so a start with the wrong key is refused. */
export function keyFingerprint(key: string): string {
  return createHmac('sha256', key).update('nolan audit key fingerprint').digest('hex');
}
