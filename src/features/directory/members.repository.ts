// All SQL about members (councillors): who they are, their ward, group and term of office.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import type { GroupRole, Member } from './directory.types.ts';
import { idsInInputOrder } from './batch-insert.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

export type MemberStatusFilter = 'in-office' | 'term-ended' | 'all';

export type MemberFilter = {
  day: string;
  wardId?: number | undefined;
  /** A group's id, or 'none' for members who belong to no group. */
  groupId?: number | 'none' | undefined;
  status?: MemberStatusFilter | undefined;
  name?: string | undefined;
};

export type NewMemberRow = {
  externalId?: string | null;
  fullName: string;
  email: string | null;
  phone: string | null;
  wardId: number | null;
  groupId: number | null;
  groupRole: GroupRole | null;
  termStart: string;
  termEnd: string;
  cabinetPortfolio: string | null;
};

function selectMembers(q: Q) {
  return q
    .selectFrom('members as m')
    .leftJoin('wards as w', 'w.id', 'm.ward_id')
    .leftJoin('political_groups as g', 'g.id', 'm.group_id')
    .select([
      'm.id',
      'm.external_id',
      'm.full_name',
      'm.email',
      'm.phone',
      'm.ward_id',
      'w.name as ward_name',
      'm.group_id',
      'g.name as group_name',
      'g.short_name as group_short_name',
      'm.group_role',
      'm.term_start',
      'm.term_end',
      'm.cabinet_portfolio',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectMembers>['executeTakeFirstOrThrow']>>;

function toMember(r: Row): Member {
  return {
    id: r.id,
    externalId: r.external_id,
    fullName: r.full_name,
    email: r.email,
    phone: r.phone,
    wardId: r.ward_id,
    wardName: r.ward_name,
    groupId: r.group_id,
    groupName: r.group_name,
    groupShortName: r.group_short_name,
    groupRole: r.group_role === 'leader' || r.group_role === 'deputy-leader' ? r.group_role : null,
    termStart: r.term_start,
    termEnd: r.term_end,
    cabinetPortfolio: r.cabinet_portfolio,
  };
}

/** A name search that treats % and _ as the letters they are, case-insensitive on both engines. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listMembers(q: Q, filter: MemberFilter): Promise<Member[]> {
  let query = selectMembers(q);
  if (filter.wardId !== undefined) query = query.where('m.ward_id', '=', filter.wardId);
  if (filter.groupId === 'none') query = query.where('m.group_id', 'is', null);
  else if (filter.groupId !== undefined) query = query.where('m.group_id', '=', filter.groupId);
  if (filter.status === 'in-office') query = query.where('m.term_start', '<=', filter.day).where('m.term_end', '>', filter.day);
  if (filter.status === 'term-ended') query = query.where('m.term_end', '<=', filter.day);
  if (filter.name?.trim()) query = query.where(sql<boolean>`lower(m.full_name) like ${likePattern(filter.name.trim())} escape '\\'`);
  const rows = await query.orderBy('m.full_name').orderBy('m.id').execute();
  return rows.map(toMember);
}

export async function findMember(q: Q, id: number): Promise<Member | undefined> {
  const row = await selectMembers(q).where('m.id', '=', id).executeTakeFirst();
  return row && toMember(row);
}

/** Members in office whose term ends on or before a day: who faces re-election soon. */
export async function listTermsEndingBy(q: Q, day: string, by: string): Promise<Member[]> {
  const rows = await selectMembers(q).where('m.term_start', '<=', day).where('m.term_end', '>', day).where('m.term_end', '<=', by).orderBy('m.term_end').orderBy('m.full_name').execute();
  return rows.map(toMember);
}

/** Members in office with no sign-in account linked to them. */
export async function listMembersWithoutAccount(q: Q, day: string): Promise<Member[]> {
  const rows = await selectMembers(q)
    .where('m.term_start', '<=', day)
    .where('m.term_end', '>', day)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('users as u').select('u.id').whereRef('u.member_id', '=', 'm.id'))))
    .orderBy('m.full_name')
    .execute();
  return rows.map(toMember);
}

export async function insertMembers(q: Q, members: NewMemberRow[], at: string): Promise<number[]> {
  if (!members.length) return [];
  const rows = await q
    .insertInto('members')
    .values(
      members.map((m) => ({
        external_id: m.externalId ?? null,
        full_name: m.fullName,
        email: m.email,
        phone: m.phone,
        ward_id: m.wardId,
        group_id: m.groupId,
        group_role: m.groupRole,
        term_start: m.termStart,
        term_end: m.termEnd,
        cabinet_portfolio: m.cabinetPortfolio,
        created_at: at,
        updated_at: at,
      })),
    )
    .returning(['id', 'full_name', 'email'])
    .execute();
  const key = (name: string, email: string | null) => `${name}\u0000${email ?? ''}`;
  return idsInInputOrder(rows, members.map((m) => key(m.fullName, m.email)), (r) => key(r.full_name, r.email));
}

export async function updateMemberTerm(q: Q, id: number, term: { termStart: string; termEnd: string }, at: string): Promise<void> {
  await q.updateTable('members').set({ term_start: term.termStart, term_end: term.termEnd, updated_at: at }).where('id', '=', id).execute();
}

export async function updateMemberGroup(q: Q, id: number, group: { groupId: number | null; groupRole: GroupRole | null }, at: string): Promise<void> {
  await q.updateTable('members').set({ group_id: group.groupId, group_role: group.groupRole, updated_at: at }).where('id', '=', id).execute();
}

export async function countMembersInOffice(q: Q, day: string): Promise<number> {
  const row = await q
    .selectFrom('members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('term_start', '<=', day)
    .where('term_end', '>', day)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
