// All the SQL of the directory import: reading the directory as it stands, writing what a file changes, and
// the register of imports. Matching is by external id, so the same file imported twice changes nothing.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import type { Dialect } from '../../db/create-db.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

export type StoredWard = { id: number; name: string };
export type StoredGroup = { id: number; name: string; shortName: string };
export type StoredBody = { id: number; externalId: string | null; name: string; kind: string; remit: string | null };
export type StoredSeat = { bodyId: number; memberId: number; seatRole: string };

/** A member's columns as the import writes them. */
export type MemberValues = {
  external_id: string;
  full_name: string;
  email: string | null;
  phone: string | null;
  ward_id: number | null;
  group_id: number | null;
  group_role: string | null;
  term_start: string;
  term_end: string;
  cabinet_portfolio: string | null;
};
export type StoredMember = Omit<MemberValues, 'external_id'> & { id: number; external_id: string | null };

export type BodyValues = { external_id: string; name: string; kind: string; remit: string | null };

/**
 * One directory import at a time: each reads the whole directory before it writes, so two at once would each
 * miss the other's new wards. PostgreSQL: a transaction-scoped advisory lock. SQLite: a write that changes
 * nothing takes the database's single write lock now, rather than after the reads, when it could only fail.
 */
export async function lockDirectoryImports(trx: Transaction<Tables>, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext('nolan.directory-import'))`.execute(trx);
  else await trx.updateTable('imports').set({ rows: sql`rows` }).where(sql<boolean>`1 = 0`).execute();
}

export async function listWards(q: Q): Promise<StoredWard[]> {
  return q.selectFrom('wards').select(['id', 'name']).orderBy('id').execute();
}

export async function insertWard(q: Q, name: string, at: string): Promise<number> {
  return (await q.insertInto('wards').values({ name, created_at: at }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function listGroups(q: Q): Promise<StoredGroup[]> {
  const rows = await q.selectFrom('political_groups').select(['id', 'name', 'short_name']).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, shortName: r.short_name }));
}

export async function insertGroup(q: Q, group: { name: string; shortName: string }, at: string): Promise<number> {
  const row = await q.insertInto('political_groups').values({ name: group.name, short_name: group.shortName, created_at: at }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function listMembers(q: Q): Promise<StoredMember[]> {
  return q
    .selectFrom('members')
    .select(['id', 'external_id', 'full_name', 'email', 'phone', 'ward_id', 'group_id', 'group_role', 'term_start', 'term_end', 'cabinet_portfolio'])
    .orderBy('id')
    .execute();
}

export async function insertMember(q: Q, values: MemberValues, at: string): Promise<number> {
  return (await q.insertInto('members').values({ ...values, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateMember(q: Q, id: number, values: MemberValues, at: string): Promise<void> {
  await q.updateTable('members').set({ ...values, updated_at: at }).where('id', '=', id).execute();
}

/** Frees group roles before they are handed round again, so that a leader and deputy may swap in one file. */
export async function clearGroupRoles(q: Q, memberIds: number[]): Promise<void> {
  if (memberIds.length) await q.updateTable('members').set({ group_role: null }).where('id', 'in', memberIds).execute();
}

export async function listBodies(q: Q): Promise<StoredBody[]> {
  const rows = await q.selectFrom('bodies').select(['id', 'external_id', 'name', 'kind', 'remit']).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, externalId: r.external_id, name: r.name, kind: r.kind, remit: r.remit }));
}

export async function insertBody(q: Q, values: BodyValues, at: string): Promise<number> {
  return (await q.insertInto('bodies').values({ ...values, created_at: at }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateBody(q: Q, id: number, values: Partial<BodyValues>): Promise<void> {
  await q.updateTable('bodies').set(values).where('id', '=', id).execute();
}

export async function listSeats(q: Q): Promise<StoredSeat[]> {
  const rows = await q.selectFrom('body_seats').select(['body_id', 'member_id', 'seat_role']).orderBy('id').execute();
  return rows.map((r) => ({ bodyId: r.body_id, memberId: r.member_id, seatRole: r.seat_role }));
}

/** Makes a body's seats exactly these: seats not listed go, new ones come, changed roles change. */
export async function replaceSeats(q: Q, bodyId: number, before: StoredSeat[], after: { memberId: number; seatRole: string }[]): Promise<void> {
  const wanted = new Map(after.map((s) => [s.memberId, s.seatRole]));
  const gone = before.filter((s) => !wanted.has(s.memberId)).map((s) => s.memberId);
  if (gone.length) await q.deleteFrom('body_seats').where('body_id', '=', bodyId).where('member_id', 'in', gone).execute();
  for (const seat of after) {
    const held = before.find((s) => s.memberId === seat.memberId);
    if (!held) await q.insertInto('body_seats').values({ body_id: bodyId, member_id: seat.memberId, seat_role: seat.seatRole }).execute();
    else if (held.seatRole !== seat.seatRole) {
      await q.updateTable('body_seats').set({ seat_role: seat.seatRole }).where('body_id', '=', bodyId).where('member_id', '=', seat.memberId).execute();
    }
  }
}

export type ImportRow = {
  id: number;
  kind: string;
  format: string;
  fileName: string;
  sha256: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  actor: string;
  createdAt: string;
};

export async function insertImport(q: Q, row: Omit<ImportRow, 'id'>): Promise<number> {
  const values = {
    kind: row.kind,
    format: row.format,
    file_name: row.fileName,
    sha256: row.sha256,
    rows: row.rows,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    actor: row.actor,
    created_at: row.createdAt,
  };
  return (await q.insertInto('imports').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

const importColumns = ['id', 'kind', 'format', 'file_name', 'sha256', 'rows', 'created', 'updated', 'unchanged', 'actor', 'created_at'] as const;

function toImportRow(r: { id: number; kind: string; format: string; file_name: string; sha256: string; rows: number; created: number; updated: number; unchanged: number; actor: string; created_at: string }): ImportRow {
  return { id: r.id, kind: r.kind, format: r.format, fileName: r.file_name, sha256: r.sha256, rows: r.rows, created: r.created, updated: r.updated, unchanged: r.unchanged, actor: r.actor, createdAt: r.created_at };
}

export async function listRecentImports(q: Q, limit = 10): Promise<ImportRow[]> {
  const rows = await q.selectFrom('imports').select(importColumns).orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toImportRow);
}

export async function findImport(q: Q, id: number): Promise<ImportRow | undefined> {
  const row = await q.selectFrom('imports').select(importColumns).where('id', '=', id).executeTakeFirst();
  return row && toImportRow(row);
}
