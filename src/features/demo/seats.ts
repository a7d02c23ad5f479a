// Filling a demo council's committees the way a council does: seats shared between the groups in proportion
// to their size (political balance, Local Government and Housing Act 1989 s15), spread so that no member sits
// on everything, with a chair and vice-chair drawn from the groups the council's custom gives them to.
import type { SeatRole } from '../directory/directory.types.ts';
import type { Random } from './random.ts';

/** Members in office, by group; the last bucket holds members who belong to no group. */
export type Buckets = number[][];

/** Seats for each bucket by the largest-remainder method. */
export function politicalBalance(seats: number, sizes: number[]): number[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  const quotas = sizes.map((s) => (s * seats) / total);
  const allocated = quotas.map(Math.floor);
  const order = quotas.map((q, i) => ({ i, remainder: q - Math.floor(q) })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (let k = 0, left = seats - allocated.reduce((a, b) => a + b, 0); left > 0; k++, left--) allocated[order[k % order.length]!.i]!++;
  return allocated;
}

export type CommitteeRequest = {
  size: number;
  /** Members who may not sit on it (the Cabinet, on a scrutiny committee). */
  exclude?: readonly number[];
  /** Members who must sit on it, counted within their group's share (a named chair or vice-chair is one). */
  include?: readonly number[];
  /** Which bucket the chair and vice-chair come from; null for a body still to elect its chair. */
  chairFrom: number | null;
  viceFrom: number | null;
  /** A particular member in the chair (the Leader chairs the Cabinet). */
  chair?: number;
  vice?: number;
};

export type Allocator = (request: CommitteeRequest) => { member: number; role: SeatRole }[];

export function seatAllocator(buckets: Buckets, random: Random): Allocator {
  const load = new Map<number, number>();
  const tieBreak = new Map<number, number>();
  for (const member of buckets.flat()) tieBreak.set(member, random.next());
  const sizes = buckets.map((b) => b.length);

  return (request) => {
    const excluded = new Set(request.exclude ?? []);
    const include = [request.chair, request.vice, ...(request.include ?? [])].filter((m) => m !== undefined);
    const shares = politicalBalance(request.size, sizes);
    const chosen: number[] = [];
    buckets.forEach((bucket, b) => {
      const forced = bucket.filter((m) => include.includes(m));
      const others = bucket
        .filter((m) => !excluded.has(m) && !forced.includes(m))
        .sort((x, y) => (load.get(x) ?? 0) - (load.get(y) ?? 0) || tieBreak.get(x)! - tieBreak.get(y)!);
      chosen.push(...[...forced, ...others].slice(0, Math.max(shares[b]!, forced.length)));
    });
    for (const m of chosen) load.set(m, (load.get(m) ?? 0) + 1);
    const from = (bucket: number | null, not: number | undefined) =>
      bucket === null ? undefined : chosen.find((m) => buckets[bucket]!.includes(m) && m !== not) ?? chosen.find((m) => m !== not);
    const chair = request.chair ?? from(request.chairFrom, undefined);
    const vice = request.vice ?? from(request.viceFrom, chair);
    return chosen.map((member) => ({ member, role: member === chair ? 'chair' : member === vice ? 'vice-chair' : 'member' }));
  };
}
