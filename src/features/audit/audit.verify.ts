// Verifying the audit chain: each event's hash is recomputed and checked against the next event's link,
// in seq order, a page at a time, so that a chain of millions of events is checked in constant memory.
// A checkpoint (a head hash kept somewhere else) also catches events deleted from the end of the chain,
// which the chain alone cannot show once the head row has been wound back to match, and tells a rewrite from a
// deletion. Hashes are keyed (audit.chain.ts): without the key, a rewritten event cannot be given a hash that
// verifies, so a rewrite shows as the first event whose hash no longer matches.
import type { Kysely, Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import { GENESIS_HASH, hashEvent } from './audit.chain.ts';
import { readChainHead, readChainPage, readKeyFingerprint, type ChainHead } from './audit.repository.ts';
import { auditKey, keyFingerprint } from './audit-key.ts';

export const VERIFY_PAGE_SIZE = 1000;

export type Checkpoint = { hash: string; seq?: number | undefined };

export type Verification =
  | { intact: true; events: number; head: ChainHead; checkpointSeq: number | null }
  | { intact: false; events: number; head: ChainHead; brokenAt: number; reason: string };

export function isChainHash(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value);
}

/** With the audit key this process was started with, unless another is given (rotation checks with both). */
export async function verifyChain(
  q: Kysely<Tables> | Transaction<Tables>,
  checkpoint?: Checkpoint,
  pageSize = VERIFY_PAGE_SIZE,
  key: string = auditKey(),
): Promise<Verification> {
  // Events appended while this runs are after the head read here, and are left for the next run.
  const head = await readChainHead(q);
  const fingerprint = await readKeyFingerprint(q);
  let expectedSeq = 1;
  let previousHash = GENESIS_HASH;
  let checkpointSeq: number | null = checkpoint?.hash === GENESIS_HASH ? 0 : null;
  const rewritten = (seq: number) => checkpoint?.seq !== undefined && seq <= checkpoint.seq;
  const broken = (brokenAt: number, reason: string, changed = false): Verification => ({
    intact: false,
    events: expectedSeq - 1,
    head,
    brokenAt,
    // At or before the checkpoint, an event that no longer verifies is one rewritten since it was taken.
    reason: changed && rewritten(brokenAt) ? `event ${brokenAt} was rewritten: its hash no longer matches the checkpoint at seq ${checkpoint!.seq} (${reason})` : reason,
  });

  if (head.seq > 0 && fingerprint === null) return broken(1, 'the chain is not keyed: start Nolan with its audit key, which verifies it and keys it');
  if (head.seq > 0 && fingerprint !== keyFingerprint(key)) return broken(1, 'the audit key given is not the one the chain head names: check AUDIT_KEY (or the head was changed)');

  for (let after = 0; ; ) {
    const page = await readChainPage(q, after, head.seq, pageSize);
    for (const event of page) {
      if (event.seq !== expectedSeq) {
        return broken(expectedSeq, `event ${expectedSeq} is missing: the chain jumps from seq ${expectedSeq - 1} to seq ${event.seq}`);
      }
      if (event.prev_hash !== previousHash) {
        return broken(event.seq, `its link (prev_hash) does not match the hash of event ${event.seq - 1}: an earlier event was changed, replaced or removed`, true);
      }
      if (hashEvent(event, key) !== event.hash) {
        return broken(event.seq, 'its content does not match its hash: the event was changed after it was written', true);
      }
      if (checkpoint && event.hash === checkpoint.hash) checkpointSeq = event.seq;
      previousHash = event.hash;
      expectedSeq += 1;
    }
    if (page.length < pageSize) break;
    after = page[page.length - 1]!.seq;
  }

  const last = expectedSeq - 1;
  if (checkpoint?.seq !== undefined && checkpoint.seq > last) {
    return broken(last + 1, `the chain ends at ${last}, before the checkpoint’s ${checkpoint.seq}: events were deleted`);
  }
  if (last < head.seq) return broken(last + 1, `events after seq ${last} are missing: the chain head says seq ${head.seq}`);
  if (head.hash !== previousHash) return broken(head.seq, 'the chain head does not match the hash of the last event');

  if (checkpoint) {
    if (checkpoint.seq !== undefined && checkpointSeq !== checkpoint.seq) {
      return broken(checkpoint.seq, `event ${checkpoint.seq} was rewritten: its hash no longer matches the checkpoint`);
    }
    if (checkpointSeq === null) {
      return broken(last + 1, `events after seq ${last} are missing: the checkpoint’s hash ${checkpoint.hash.slice(0, 12)}… is not in the chain`);
    }
  }
  return { intact: true, events: last, head, checkpointSeq };
}

/** One line for people: what the CLI prints and the admin page shows. */
export function describeVerification(result: Verification): string {
  if (result.intact) return `chain intact: ${result.events} events, head ${result.head.hash}`;
  return `chain broken at seq ${result.brokenAt}: ${result.reason}`;
}
