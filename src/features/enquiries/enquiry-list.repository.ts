// The enquiry list, read the way the indexes of migrations 0007 and 0008 lay the enquiries out. Each place a
// reader's enquiries come from (their own as author, those copied to them, each officer's queue, or everything)
// is read already in queue order, as one index range for its open enquiries or one for each status, and only as
// far as the page needs; one statement unites the ranges and cuts the page. The names the list shows (members,
// wards, services, officers) come from the directory's few rows, read apart and kept by the caller, rather than
// joined to every page. A page therefore costs the same over a hundred enquiries or a million. A word search
// narrows by the text index first and sorts what it finds (filteredEnquiries in enquiry-query.repository.ts).
import { sql, type CompiledQuery, type InferResult, type Kysely, type SelectQueryBuilder, type Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import { filterConditions, filteredEnquiries, OPEN_FLAG, RUNNING_STATUSES, type ListFilter, type ListScope } from './enquiry-query.repository.ts';
import { OPEN_STATUSES, STATUSES, type EnquiryListItem, type EnquiryStatus } from './enquiry.types.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

/** Pages count up to this many and then say "more than"; counting a million rows to print one number is waste. */
export const COUNT_LIMIT = 1000;
/**
 * Ranges holding at most this many rows between them, all told, are read by picking their whole rows by id; more
 * (a manager's officers, every status of a member's) are united by their ids and sort keys first, so that only
 * the page's whole rows are read.
 */
const FEW_ROWS = 150;
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
  if (scope.memberId !== null) sources.push({ column: 'e.member_id', ids: [scope.memberId] });
  if (scope.memberId !== null && scope.copies) sources.push({ copiedTo: scope.memberId });
  const officers = scope.officerIds;
  if (officers.length > STREAMS_PER_STATUS) sources.push({ column: 'e.assigned_officer_id', ids: officers });
  else for (const id of officers) sources.push({ column: 'e.assigned_officer_id', ids: [id] });
  return sources;
}

/** The open list unfiltered by overdue reads the open ranges; anything else reads status by status. */
const readsOpenRange = (filter: ListFilter) => filter.status === 'open' && !filter.overdueOn;

function statusesFor(filter: ListFilter): readonly EnquiryStatus[] {
  const statuses = filter.status === 'open' ? OPEN_STATUSES : filter.status ? [filter.status] : STATUSES;
  return filter.overdueOn ? statuses.filter((s) => RUNNING_STATUSES.includes(s)) : statuses;
}

function fromSource(q: Q, source: Source, filter: ListFilter) {
  // Copies are read from the member's few copies outwards. SQLite keeps the written order of a cross join, so it
  // cannot instead walk every enquiry of the status checking each against the copies.
  let query = 'copiedTo' in source ? q.selectFrom('enquiry_copies as c').crossJoin('enquiries as e').whereRef('e.id', '=', 'c.enquiry_id').where('c.member_id', '=', source.copiedTo) : q.selectFrom('enquiries as e');
  for (const condition of filterConditions(filter)) query = query.where(condition);
  if ('column' in source) query = source.ids.length === 1 ? query.where(source.column, '=', source.ids[0]!) : query.where(source.column, 'in', source.ids);
  return query;
}

/**
 * A row count written into the SQL rather than bound: SQLite plans a LIMIT it can read as a number better, and
 * these ran twice as fast. Only whole numbers the code computed (page sizes and offsets) pass through here.
 */
function literal(n: number) {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a row count: ${n}`);
  return sql.lit(n);
}

/** Queue order over the columns of `alias`, as raw expressions so that any query can be ordered by them. */
function queueOrder(alias: string) {
  return [sql`case when ${sql.ref(`${alias}.due_on`)} is null then 1 else 0 end`, sql`${sql.ref(`${alias}.due_on`)}`, sql`${sql.ref(`${alias}.received_at`)}`, sql`${sql.ref(`${alias}.id`)}`];
}

/** One status of one source, or all its open enquiries, in queue order, as far as `rows`. */
function ranged(q: Q, source: Source, status: EnquiryStatus | 'open', filter: ListFilter) {
  const one = fromSource(q, source, filter);
  // Ordering by the flag too would be redundant, and SQLite then sorts instead of reading the index in order.
  return status === 'open' ? one.where(OPEN_FLAG, '=', 1) : one.where('e.status', '=', status).orderBy('e.status');
}

/**
 * One status of one source, or all its open enquiries, in queue order: soonest deadline first, none last, then
 * the longest waiting (model 49).
 */
function stream(q: Q, source: Source, status: EnquiryStatus | 'open', filter: ListFilter, rows: number) {
  let ordered = ranged(q, source, status, filter).select(['e.id', 'e.due_on', 'e.received_at']);
  for (const expression of queueOrder('e')) ordered = ordered.orderBy(expression);
  return ordered.limit(literal(rows));
}

const LIST_COLUMNS = ['e.id', 'e.reference', 'e.subject', 'e.status', 'e.received_at', 'e.received_on', 'e.due_on', 'e.member_id', 'e.ward_id', 'e.service_id', 'e.assigned_officer_id'] as const;

/**
 * The names a list shows, by id. Joining them to every page cost PostgreSQL more to plan than to run the page
 * (1.0 ms of planning for 0.5 ms of running a member's dashboard; 0.5 and 0.2 ms without the joins).
 */
export type ListNames = { members: Map<number, string>; wards: Map<number, string>; services: Map<number, string>; officers: Map<number, string> };

export async function readListNames(q: Q): Promise<ListNames> {
  const [members, wards, services, officers] = await Promise.all([
    q.selectFrom('members').select(['id', 'full_name as name']).execute(),
    q.selectFrom('wards').select(['id', 'name']).execute(),
    q.selectFrom('services').select(['id', 'name']).execute(),
    q.selectFrom('officers').select(['id', 'full_name as name']).execute(),
  ]);
  const byId = (rows: { id: number; name: string }[]) => new Map(rows.map((r) => [r.id, r.name]));
  return { members: byId(members), wards: byId(wards), services: byId(services), officers: byId(officers) };
}

/**
 * The page's enquiries with the names the list shows, in one statement: the streams united (an enquiry reached
 * two ways appears once), put in queue order and cut to the page, then joined to their names.
 */
function pageQuery(q: Q, scope: ListScope, filter: ListFilter) {
  const sources = sourcesFor(scope, filter);
  const statuses = statusesFor(filter);
  const wanted = filter.offset + filter.limit;
  const ranges = readsOpenRange(filter) ? (['open'] as const) : statuses;
  const branches = sources.flatMap((source, s) => ranges.map((status, t) => q.selectFrom(stream(q, source, status, filter, wanted).as(`s${s}_${t}`)).selectAll()));
  const [first, ...rest] = branches;
  if (!first) return null;
  if (rest.length === 0 && filter.offset === 0) {
    // The first page of one range already in queue order (an officer's open queue, everything open): read whole
    // as the index gives it. Half the cost of cutting it first and reading the rows after, which later pages
    // still do, so that the rows skipped are read from the index alone.
    let direct = ranged(q, sources[0]!, ranges[0]!, filter).select(LIST_COLUMNS);
    for (const expression of queueOrder('e')) direct = direct.orderBy(expression);
    return direct.limit(literal(filter.limit));
  }
  if (rest.length > 0 && branches.length * wanted <= FEW_ROWS) {
    // A few short ranges (a member's own and those copied to them): the ranges' ids, read from their indexes, pick
    // the rows, which are read once and put in order. IN takes a set, so an enquiry reached two ways is read once,
    // and there is no union to sort and join back: a member's dashboard read in 94 µs rather than 128 on SQLite.
    const ids = sources.flatMap((source, s) => ranges.map((status, t) => q.selectFrom(stream(q, source, status, filter, wanted).as(`s${s}_${t}`)).select(`s${s}_${t}.id as id`)));
    let picked = q.selectFrom('enquiries as e').select(LIST_COLUMNS).where('e.id', 'in', ids.slice(1).reduce((all, branch) => all.unionAll(branch), ids[0]!));
    for (const expression of queueOrder('e')) picked = picked.orderBy(expression);
    return picked.limit(literal(filter.limit)).offset(literal(filter.offset));
  }
  let cut;
  if (rest.length === 0) {
    cut = stream(q, sources[0]!, ranges[0]!, filter, filter.limit).offset(literal(filter.offset));
  } else {
    let united = q.selectFrom(rest.reduce((union, branch) => union.union(branch), first).as('k')).selectAll();
    for (const expression of queueOrder('k')) united = united.orderBy(expression);
    cut = united.limit(literal(filter.limit)).offset(literal(filter.offset));
  }
  let page = q.selectFrom(cut.as('p')).innerJoin('enquiries as e', 'e.id', 'p.id').select(LIST_COLUMNS);
  for (const expression of queueOrder('p')) page = page.orderBy(expression);
  return page;
}

type ListRow = InferResult<NonNullable<ReturnType<typeof pageQuery>>>[number];

/**
 * The same reader asks for the same list again and again (an officer's queue, a member's dashboard), and
 * building and compiling a statement costs more than SQLite takes to run it: the compiled SQL of each page and
 * count, with its values, is kept per database and per reader and filter. Only statements are kept, never rows.
 */
const compiledStatements = new WeakMap<object, Map<string, CompiledQuery | null>>();
const MAX_COMPILED = 1000;

function compiledOnce<R>(q: Q, key: string, build: () => CompiledQuery<R> | null): CompiledQuery<R> | null {
  const adapter = q.getExecutor().adapter;
  let compiled = compiledStatements.get(adapter);
  if (!compiled) compiledStatements.set(adapter, (compiled = new Map()));
  let query = compiled.get(key) as CompiledQuery<R> | null | undefined;
  if (query === undefined) {
    query = build();
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(key, query);
  }
  return query;
}

async function pageRows(q: Q, scope: ListScope, filter: ListFilter): Promise<ListRow[]> {
  const query = compiledOnce(q, JSON.stringify(['page', scope, filter]), () => pageQuery(q, scope, filter)?.compile() ?? null);
  return query ? (await q.executeQuery(query)).rows : [];
}

/** How many enquiries the filters select, counting no further than `limit` when one is given. */
async function countSelected(q: Q, scope: ListScope, filter: ListFilter, limit: number | null): Promise<number> {
  // The page asked for does not change the count: one statement serves every page of a list.
  const { limit: _pageSize, offset: _from, ...counted } = filter;
  const query = compiledOnce(q, JSON.stringify(['count', scope, counted, limit]), () => countQuery(q, scope, filter, limit)?.compile() ?? null);
  return query ? Number((await q.executeQuery(query)).rows[0]!.n) : 0;
}

function countQuery(q: Q, scope: ListScope, filter: ListFilter, limit: number | null) {
  const statuses = statusesFor(filter);
  if (!statuses.length) return null;
  const branches = sourcesFor(scope, filter).map((source) => {
    const selected = readsOpenRange(filter) ? fromSource(q, source, filter).where(OPEN_FLAG, '=', 1) : fromSource(q, source, filter).where('e.status', 'in', statuses);
    const ids = selected.select('e.id');
    return q.selectFrom((limit === null ? ids : ids.limit(literal(limit))).as('b')).select('b.id');
  });
  const [first, ...rest] = branches;
  if (!first) return null;
  // union, not union all: an enquiry reached two ways (an officer's own, copied to them as a member) counts once.
  const union = rest.reduce((all, branch) => all.union(branch), first);
  return countedRows(q, limit === null ? union : union.limit(literal(limit)));
}

/** The statement counting the rows a query of ids gives. */
function countedRows(q: Q, ids: SelectQueryBuilder<Tables, never, { id: number }>) {
  return q.selectFrom(ids.as('f')).select((eb) => eb.fn.countAll<number | string>().as('n'));
}

/** How many rows a query of ids gives. */
async function countOf(q: Q, ids: SelectQueryBuilder<Tables, never, { id: number }>): Promise<number> {
  return Number((await countedRows(q, ids).executeTakeFirstOrThrow()).n);
}

/** Whether every id the rows name has its name among `names`: one added since they were read may not. */
function namesAll(rows: readonly ListRow[], names: ListNames): boolean {
  const known = (map: Map<number, string>, id: number | null) => id === null || map.has(id);
  return rows.every((r) => known(names.members, r.member_id) && known(names.wards, r.ward_id) && known(names.services, r.service_id) && known(names.officers, r.assigned_officer_id));
}

/** A list row as the lists and the orphaned-enquiries panel show it, with its names. */
export function toListItem(r: ListRow, names: ListNames): EnquiryListItem {
  const nameOf = (map: Map<number, string>, id: number | null) => (id === null ? null : (map.get(id) ?? null));
  return {
    id: r.id,
    reference: r.reference,
    subject: r.subject,
    memberName: names.members.get(r.member_id) ?? '',
    wardName: nameOf(names.wards, r.ward_id),
    serviceName: nameOf(names.services, r.service_id),
    status: r.status as EnquiryStatus,
    assignedOfficerName: nameOf(names.officers, r.assigned_officer_id),
    receivedAt: r.received_at,
    receivedOn: r.received_on,
    dueOn: r.due_on,
  };
}

/** The rows as list items, with names kept by the caller, or read afresh when those lack one of them. */
export async function namedItems(q: Q, rows: ListRow[], names?: (fresh: boolean) => Promise<ListNames>): Promise<EnquiryListItem[]> {
  let known = names ? await names(false) : await readListNames(q);
  // Names read just now are as fresh as they come; kept ones are read again once.
  if (names && !namesAll(rows, known)) known = await names(true);
  return rows.map((r) => toListItem(r, known));
}

/** An enquiry's row as the lists read it, for a query of enquiries `e`. */
export function listColumns<QB extends SelectQueryBuilder<Tables & { e: Tables['enquiries'] }, 'e', object>>(query: QB) {
  return query.select(LIST_COLUMNS);
}

/** The word search: the text index narrows first, so the matches are sorted rather than streamed. */
async function searchedRows(q: Q, scope: ListScope, filter: ListFilter): Promise<ListRow[]> {
  let query = filteredEnquiries(q, scope, filter).select(LIST_COLUMNS);
  for (const expression of queueOrder('e')) query = query.orderBy(expression);
  return query.limit(filter.limit).offset(filter.offset).execute();
}

async function countSearched(q: Q, scope: ListScope, filter: ListFilter, limit: number | null): Promise<number> {
  const ids = filteredEnquiries(q, scope, filter).select('e.id');
  return countOf(q, limit === null ? ids : ids.limit(limit));
}

export type ListOptions = {
  /** The exact count (the API), rather than counting up to COUNT_LIMIT (pages). */
  exactTotal?: boolean;
  /** Where counts may be remembered: given a key naming the count and how to make it. */
  remember?: (key: string, count: () => Promise<number>) => Promise<number>;
  /** The names the list shows, as the caller keeps them; `fresh` asks for them read again. Read here when absent. */
  names?: (fresh: boolean) => Promise<ListNames>;
  /**
   * Where a page's named items may be remembered, as `remember` for counts (not a word search's). Kept items are
   * handed back as the same array, so that what is made from them can be kept beside them.
   */
  items?: (key: string, read: () => Promise<EnquiryListItem[]>) => Promise<EnquiryListItem[]>;
};

/**
 * One page of the enquiries a reader may see, in queue order, with how many there are: exactly, or (for pages)
 * up to COUNT_LIMIT and then "more than". The API asks for the exact figure.
 */
export async function listEnquiries(q: Q, scope: ListScope, filter: ListFilter, options: ListOptions = {}): Promise<ListPage> {
  const searching = Boolean(filter.words?.trim());
  const limit = options.exactTotal ? null : COUNT_LIMIT + 1;
  const count = () => (searching ? countSearched(q, scope, filter, limit) : countSelected(q, scope, filter, limit));
  const { limit: _pageSize, offset: _from, ...counted } = filter;
  const read = async () => namedItems(q, await (searching ? searchedRows(q, scope, filter) : pageRows(q, scope, filter)), options.names);
  const [items, total] = await Promise.all([
    !searching && options.items ? options.items(JSON.stringify([scope, filter]), read) : read(),
    options.remember ? options.remember(JSON.stringify([scope, counted, limit]), count) : count(),
  ]);
  const totalAtLeast = limit !== null && total >= limit;
  return { items, total: totalAtLeast ? COUNT_LIMIT : total, totalAtLeast };
}
