// The enquiry list, read the way the indexes of migration 0007 lay the enquiries out. Each place a reader's
// enquiries come from (their own as author, those copied to them, each officer's queue, or everything) is read
// one status at a time, already in queue order, and only as far as the page needs; the streams are merged here.
// A page therefore costs the same over a hundred enquiries or a million. A word search narrows by the text index
// first and sorts what it finds (enquiry-query.repository.ts).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import { filterConditions, filteredEnquiries, RUNNING_STATUSES, type ListFilter, type ListScope } from './enquiry-query.repository.ts';
import { OPEN_STATUSES, STATUSES, type EnquiryListItem, type EnquiryStatus } from './enquiry.types.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

/** Pages count up to this many and then say "more than"; counting a million rows to print one number is waste. */
export const COUNT_LIMIT = 1000;
/** A manager of more officers than this is read with one stream per status rather than one per officer. */
const STREAMS_PER_STATUS = 10;

export type ListPage = {
  items: EnquiryListItem[];
  /** Exact when `totalAtLeast` is false; otherwise there are more than COUNT_LIMIT. */
  total: number;
  totalAtLeast: boolean;
};

type Source = { column: 'e.member_id' | 'e.assigned_officer_id' | 'e.ward_id'; ids: number[] } | { copiedTo: number } | { everything: true };

function sourcesFor(scope: ListScope, filter: ListFilter): Source[] {
  if (scope.all) {
    if (typeof filter.officerId === 'number') return [{ column: 'e.assigned_officer_id', ids: [filter.officerId] }];
    if (typeof filter.wardId === 'number') return [{ column: 'e.ward_id', ids: [filter.wardId] }];
    return [{ everything: true }];
  }
  const sources: Source[] = [];
  if (scope.memberId !== null) sources.push({ column: 'e.member_id', ids: [scope.memberId] }, { copiedTo: scope.memberId });
  const officers = scope.officerIds;
  if (officers.length > STREAMS_PER_STATUS) sources.push({ column: 'e.assigned_officer_id', ids: officers });
  else for (const id of officers) sources.push({ column: 'e.assigned_officer_id', ids: [id] });
  return sources;
}

function statusesFor(filter: ListFilter): readonly EnquiryStatus[] {
  const statuses = filter.status === 'open' ? OPEN_STATUSES : filter.status ? [filter.status] : STATUSES;
  return filter.overdueOn ? statuses.filter((s) => RUNNING_STATUSES.includes(s)) : statuses;
}

function fromSource(q: Q, source: Source, filter: ListFilter) {
  let query = q.selectFrom('enquiries as e');
  for (const condition of filterConditions(filter)) query = query.where(condition);
  if ('column' in source) query = source.ids.length === 1 ? query.where(source.column, '=', source.ids[0]!) : query.where(source.column, 'in', source.ids);
  else if ('copiedTo' in source) query = query.where('e.id', 'in', q.selectFrom('enquiry_copies').select('enquiry_id').where('member_id', '=', source.copiedTo));
  return query;
}

/** One status of one source, in queue order: soonest deadline first, none last, then the longest waiting (model 49). */
function stream(q: Q, source: Source, status: EnquiryStatus, filter: ListFilter, rows: number) {
  return fromSource(q, source, filter)
    .where('e.status', '=', status)
    .select(['e.id', 'e.due_on', 'e.received_at'])
    .orderBy('e.status')
    .orderBy(sql`case when e.due_on is null then 1 else 0 end`)
    .orderBy('e.due_on')
    .orderBy('e.received_at')
    .orderBy('e.id')
    .limit(rows);
}

type Key = { id: number; due_on: string | null; received_at: string };

function inQueueOrder(a: Key, b: Key): number {
  if ((a.due_on === null) !== (b.due_on === null)) return a.due_on === null ? 1 : -1;
  if (a.due_on !== b.due_on) return a.due_on! < b.due_on! ? -1 : 1;
  if (a.received_at !== b.received_at) return a.received_at < b.received_at ? -1 : 1;
  return a.id - b.id;
}

async function pageIds(q: Q, scope: ListScope, filter: ListFilter): Promise<number[]> {
  const sources = sourcesFor(scope, filter);
  const statuses = statusesFor(filter);
  const wanted = filter.offset + filter.limit;
  const branches = sources.flatMap((source, s) => statuses.map((status, t) => q.selectFrom(stream(q, source, status, filter, wanted).as(`s${s}_${t}`)).selectAll()));
  if (!branches.length) return [];
  const [first, ...rest] = branches;
  const keys = await rest.reduce((union, branch) => union.unionAll(branch), first!).execute();
  const seen = new Set<number>();
  const unique = keys.filter((k) => !seen.has(k.id) && seen.add(k.id));
  return unique.sort(inQueueOrder).slice(filter.offset, wanted).map((k) => k.id);
}

/** How many enquiries the filters select, counting no further than `limit` when one is given. */
async function countSelected(q: Q, scope: ListScope, filter: ListFilter, limit: number | null): Promise<number> {
  const statuses = statusesFor(filter);
  if (!statuses.length) return 0;
  const branches = sourcesFor(scope, filter).map((source) => {
    const ids = fromSource(q, source, filter).where('e.status', 'in', statuses).select('e.id');
    return q.selectFrom((limit === null ? ids : ids.limit(limit)).as('b')).select('b.id');
  });
  const [first, ...rest] = branches;
  if (!first) return 0;
  // union, not union all: an enquiry reached two ways (an officer's own, copied to them as a member) counts once.
  const union = rest.reduce((all, branch) => all.union(branch), first);
  const counted = q.selectFrom((limit === null ? union : union.limit(limit)).as('u')).select((eb) => eb.fn.countAll<number | string>().as('n'));
  return Number((await counted.executeTakeFirstOrThrow()).n);
}

async function rowsFor(q: Q, ids: number[]): Promise<EnquiryListItem[]> {
  if (!ids.length) return [];
  const rows = await q
    .selectFrom('enquiries as e')
    .innerJoin('members as m', 'm.id', 'e.member_id')
    .leftJoin('wards as w', 'w.id', 'e.ward_id')
    .leftJoin('services as s', 's.id', 'e.service_id')
    .leftJoin('officers as o', 'o.id', 'e.assigned_officer_id')
    .select(['e.id', 'e.reference', 'e.subject', 'e.status', 'e.received_at', 'e.received_on', 'e.due_on'])
    .select(['m.full_name as member_name', 'w.name as ward_name', 's.name as service_name', 'o.full_name as officer_name'])
    .where('e.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!).map((r) => ({
    id: r.id,
    reference: r.reference,
    subject: r.subject,
    memberName: r.member_name,
    wardName: r.ward_name,
    serviceName: r.service_name,
    status: r.status as EnquiryStatus,
    assignedOfficerName: r.officer_name,
    receivedAt: r.received_at,
    receivedOn: r.received_on,
    dueOn: r.due_on,
  }));
}

/** The word search: the text index narrows first, so the matches are sorted rather than streamed. */
async function searchedIds(q: Q, scope: ListScope, filter: ListFilter): Promise<number[]> {
  const rows = await filteredEnquiries(q, scope, filter)
    .select('e.id')
    .orderBy(sql`case when e.due_on is null then 1 else 0 end`)
    .orderBy('e.due_on')
    .orderBy('e.received_at')
    .orderBy('e.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return rows.map((r) => r.id);
}

async function countSearched(q: Q, scope: ListScope, filter: ListFilter, limit: number | null): Promise<number> {
  const ids = filteredEnquiries(q, scope, filter).select('e.id');
  const counted = q.selectFrom((limit === null ? ids : ids.limit(limit)).as('f')).select((eb) => eb.fn.countAll<number | string>().as('n'));
  return Number((await counted.executeTakeFirstOrThrow()).n);
}

/**
 * One page of the enquiries a reader may see, in queue order, with how many there are: exactly, or (for pages)
 * up to COUNT_LIMIT and then "more than". The API asks for the exact figure.
 */
export async function listEnquiries(q: Q, scope: ListScope, filter: ListFilter, options: { exactTotal?: boolean } = {}): Promise<ListPage> {
  const searching = Boolean(filter.words?.trim());
  const limit = options.exactTotal ? null : COUNT_LIMIT + 1;
  const [ids, counted] = await Promise.all([
    searching ? searchedIds(q, scope, filter) : pageIds(q, scope, filter),
    searching ? countSearched(q, scope, filter, limit) : countSelected(q, scope, filter, limit),
  ]);
  const totalAtLeast = limit !== null && counted >= limit;
  return { items: await rowsFor(q, ids), total: totalAtLeast ? COUNT_LIMIT : counted, totalAtLeast };
}
