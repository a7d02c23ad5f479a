// All SQL about the council's bodies (full council, cabinet, committees) and the seats members hold on them.
import type { Kysely, Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import { isOneOf, SEAT_ROLES, BODY_KINDS, type Body, type BodyKind, type Seat, type SeatRole } from './directory.types.ts';
import { idsInInputOrder } from './batch-insert.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

export type BodySummary = Body & { seats: number; chairId: number | null; chairName: string | null };

function kindOf(kind: string): BodyKind {
  return isOneOf(BODY_KINDS, kind) ? kind : 'other';
}

function toBody(r: { id: number; external_id: string | null; name: string; kind: string; remit: string | null }): Body {
  return { id: r.id, externalId: r.external_id, name: r.name, kind: kindOf(r.kind), remit: r.remit };
}

/** Full council first, then cabinet, then committees by name. */
const KIND_ORDER = ['full-council', 'cabinet'];

function byKindThenName(a: { kind: string; name: string }, b: { kind: string; name: string }): number {
  const rank = (k: string) => (KIND_ORDER.includes(k) ? KIND_ORDER.indexOf(k) : KIND_ORDER.length);
  return rank(a.kind) - rank(b.kind) || a.name.localeCompare(b.name);
}

/** Each body with its seats held by members in office on the day, and its chair among them. */
export async function listBodies(q: Q, day: string): Promise<BodySummary[]> {
  const bodies = await q.selectFrom('bodies').select(['id', 'external_id', 'name', 'kind', 'remit']).execute();
  const seats = await q
    .selectFrom('body_seats as s')
    .innerJoin('members as m', 'm.id', 's.member_id')
    .select(['s.body_id', 's.seat_role', 'm.id as member_id', 'm.full_name'])
    .where('m.term_start', '<=', day)
    .where('m.term_end', '>', day)
    .execute();
  return bodies
    .map((r) => {
      const own = seats.filter((s) => s.body_id === r.id);
      const chair = own.find((s) => s.seat_role === 'chair');
      return { ...toBody(r), seats: own.length, chairId: chair?.member_id ?? null, chairName: chair?.full_name ?? null };
    })
    .sort(byKindThenName);
}

export async function findBody(q: Q, id: number): Promise<Body | undefined> {
  const r = await q.selectFrom('bodies').select(['id', 'external_id', 'name', 'kind', 'remit']).where('id', '=', id).executeTakeFirst();
  return r && toBody(r);
}

function selectSeats(q: Q) {
  return q
    .selectFrom('body_seats as s')
    .innerJoin('bodies as b', 'b.id', 's.body_id')
    .innerJoin('members as m', 'm.id', 's.member_id')
    .leftJoin('political_groups as g', 'g.id', 'm.group_id')
    .leftJoin('wards as w', 'w.id', 'm.ward_id')
    .select([
      's.body_id',
      'b.name as body_name',
      'b.kind as body_kind',
      's.member_id',
      'm.full_name as member_name',
      's.seat_role',
      'm.term_start',
      'm.term_end',
      'g.name as group_name',
      'w.name as ward_name',
    ]);
}

type SeatRow = Awaited<ReturnType<ReturnType<typeof selectSeats>['executeTakeFirstOrThrow']>>;

function toSeat(r: SeatRow): Seat {
  return {
    bodyId: r.body_id,
    bodyName: r.body_name,
    bodyKind: kindOf(r.body_kind),
    memberId: r.member_id,
    memberName: r.member_name,
    seatRole: isOneOf(SEAT_ROLES, r.seat_role) ? r.seat_role : 'member',
    termStart: r.term_start,
    termEnd: r.term_end,
    groupName: r.group_name,
    wardName: r.ward_name,
  };
}

const SEAT_ORDER: Record<SeatRole, number> = { chair: 0, 'vice-chair': 1, member: 2 };

/** A body's seats: chair, vice-chair, then members by name. */
export async function listSeatsOfBody(q: Q, bodyId: number): Promise<Seat[]> {
  const rows = await selectSeats(q).where('s.body_id', '=', bodyId).orderBy('m.full_name').execute();
  return rows.map(toSeat).sort((a, b) => SEAT_ORDER[a.seatRole] - SEAT_ORDER[b.seatRole]);
}

/** Every seat on every body, for lists that show each member's seats. */
export async function listAllSeats(q: Q): Promise<Seat[]> {
  const rows = await selectSeats(q).orderBy('b.name').execute();
  return rows.map(toSeat);
}

export async function listSeatsOfMember(q: Q, memberId: number): Promise<Seat[]> {
  const rows = await selectSeats(q).where('s.member_id', '=', memberId).execute();
  return rows.map(toSeat).sort((a, b) => byKindThenName({ kind: a.bodyKind, name: a.bodyName }, { kind: b.bodyKind, name: b.bodyName }));
}

export async function insertBodies(q: Q, bodies: { name: string; kind: BodyKind; remit: string | null }[], at: string): Promise<number[]> {
  if (!bodies.length) return [];
  const rows = await q
    .insertInto('bodies')
    .values(bodies.map((b) => ({ name: b.name, kind: b.kind, remit: b.remit, created_at: at })))
    .returning(['id', 'name'])
    .execute();
  return idsInInputOrder(rows, bodies.map((b) => b.name), (r) => r.name);
}

export async function insertSeats(q: Q, seats: { bodyId: number; memberId: number; seatRole: SeatRole }[]): Promise<void> {
  if (!seats.length) return;
  await q
    .insertInto('body_seats')
    .values(seats.map((s) => ({ body_id: s.bodyId, member_id: s.memberId, seat_role: s.seatRole })))
    .execute();
}

export async function findSeat(q: Q, bodyId: number, memberId: number): Promise<SeatRole | undefined> {
  const row = await q.selectFrom('body_seats').select('seat_role').where('body_id', '=', bodyId).where('member_id', '=', memberId).executeTakeFirst();
  return row && (isOneOf(SEAT_ROLES, row.seat_role) ? row.seat_role : 'member');
}

export async function setSeatRole(q: Q, bodyId: number, memberId: number, seatRole: SeatRole): Promise<void> {
  await q.updateTable('body_seats').set({ seat_role: seatRole }).where('body_id', '=', bodyId).where('member_id', '=', memberId).execute();
}

export async function deleteSeat(q: Q, bodyId: number, memberId: number): Promise<void> {
  await q.deleteFrom('body_seats').where('body_id', '=', bodyId).where('member_id', '=', memberId).execute();
}
