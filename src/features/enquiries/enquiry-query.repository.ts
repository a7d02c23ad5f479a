// The SQL that finds enquiries: the list with its filters and word search, and the counts and rows that the
// reports and statistics are made from. Every query starts from visibleEnquiries, so nothing reaches a page,
// report or export that the person could not open (the rule itself is in enquiry-access.ts).
import { PostgresAdapter, sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import { ukDate } from '../../clock.ts';
import { fts5AnyOf, fts5Query, readSearch } from './enquiry-search-words.ts';
import { OPEN_STATUSES, type EnquiryStatus } from './enquiry.types.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

/** Who may see which enquiries, as a query narrows them. */
/** memberId: the author whose enquiries are listed; copies: also those copied to them (a member in office only). */
export type ListScope = { all: true } | { all: false; memberId: number | null; copies: boolean; officerIds: number[] };

/**
 * 1 for an open enquiry: written exactly as migrations 0008 and 0012 index it (literals, not parameters), so that
 * the open enquiries are one range of an index.
 */
export const OPEN_FLAG = sql<number>`(case when e.status in (${sql.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(', '))}) then 1 else 0 end)`;

/** The statuses in which a deadline runs: an enquiry waiting on the member is paused, so never overdue. */
export const RUNNING_STATUSES: readonly EnquiryStatus[] = ['received', 'acknowledged', 'in-progress'];

export type ListFilter = {
  status?: 'open' | EnquiryStatus | undefined;
  /** Overdue on this day: due before it, its deadline running. */
  overdueOn?: string | undefined;
  /** null: enquiries with no ward. */
  wardId?: number | null | undefined;
  /** null: enquiries given no service. */
  serviceId?: number | null | undefined;
  /** null: enquiries not yet assigned. */
  officerId?: number | null | undefined;
  receivedFrom?: string | undefined;
  receivedTo?: string | undefined;
  /** Answered on or after this UK date, and on or before answeredTo (answered_at is UTC: see ukDayBounds). */
  answeredFrom?: string | undefined;
  answeredTo?: string | undefined;
  /** Words to find in the subject or details, as typed (see enquiry-search-words.ts). */
  words?: string | undefined;
  limit: number;
  offset: number;
};

function onPostgres(q: Q): boolean {
  return q.getExecutor().adapter instanceof PostgresAdapter;
}

/** The word search: PostgreSQL's full-text search over the indexed expression, or SQLite's FTS5 index. */
function matchesWords(q: Q, text: string): Expression<SqlBool> {
  if (onPostgres(q)) {
    // The same expression as the enquiries_words index (migration 0006), or the index is not used.
    return sql<SqlBool>`to_tsvector('english', e.subject || ' ' || e.details) @@ websearch_to_tsquery('english', ${text})`;
  }
  const alternatives = readSearch(text).map((alt) => {
    const parts = [
      ...(alt.phrases.length ? [sql`e.id in (select rowid from enquiry_search where enquiry_search match ${fts5Query(alt.phrases)})`] : []),
      ...(alt.excluded.length ? [sql`e.id not in (select rowid from enquiry_search where enquiry_search match ${fts5AnyOf(alt.excluded)})`] : []),
    ];
    return sql`(${sql.join(parts, sql` and `)})`;
  });
  return alternatives.length ? sql<SqlBool>`(${sql.join(alternatives, sql` or `)})` : sql<SqlBool>`1 = 0`;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * The UTC instant a UK calendar day begins: midnight in London, which is 23:00 UTC the day before in British
 * Summer Time. Times are stored as ISO strings in UTC, which compare in time order as text on both engines.
 */
export function ukDayStartUtc(day: string): string {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  const hourBefore = new Date(midnightUtc - 3_600_000);
  return (ukDate(hourBefore) === day ? hourBefore : new Date(midnightUtc)).toISOString();
}

/** The enquiries a reader's scope reaches, before any name is joined: their own, their copies, their officers'. */
function scopedEnquiries(q: Q, scope: ListScope) {
  const query = q.selectFrom('enquiries as e');
  if (scope.all) return query;
  const { memberId, copies, officerIds } = scope;
  return query.where((eb) =>
    eb.or([
      ...(memberId !== null ? [eb('e.member_id', '=', memberId)] : []),
      ...(memberId !== null && copies ? [eb.exists(eb.selectFrom('enquiry_copies as c').select('c.enquiry_id').whereRef('c.enquiry_id', '=', 'e.id').where('c.member_id', '=', memberId))] : []),
      ...(officerIds.length ? [eb('e.assigned_officer_id', 'in', officerIds)] : []),
      eb.val(false),
    ]),
  );
}

/** Of these enquiries, those a reader's scope reaches: the list's own rule, asked of a few ids at once. */
export async function enquiryIdsInScope(q: Q, scope: ListScope, ids: readonly number[]): Promise<number[]> {
  if (!ids.length) return [];
  return (await scopedEnquiries(q, scope).select('e.id').where('e.id', 'in', ids).execute()).map((r) => r.id);
}

function visibleEnquiries(q: Q, scope: ListScope) {
  return scopedEnquiries(q, scope)
    .innerJoin('members as m', 'm.id', 'e.member_id')
    .leftJoin('wards as w', 'w.id', 'e.ward_id')
    .leftJoin('services as s', 's.id', 'e.service_id')
    .leftJoin('officers as o', 'o.id', 'e.assigned_officer_id');
}

/**
 * Every filter but the status and the words, as conditions on the enquiry `e`: the list's streams apply them to
 * each index they read, and filteredEnquiries to its one query.
 */
export function filterConditions(filter: Omit<ListFilter, 'limit' | 'offset'>): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  const equalsOrNull = (column: string, value: number | null) => (value === null ? sql<SqlBool>`${sql.ref(column)} is null` : sql<SqlBool>`${sql.ref(column)} = ${value}`);
  if (filter.overdueOn) conditions.push(sql<SqlBool>`e.due_on < ${filter.overdueOn}`);
  if (filter.wardId !== undefined) conditions.push(equalsOrNull('e.ward_id', filter.wardId));
  if (filter.serviceId !== undefined) conditions.push(equalsOrNull('e.service_id', filter.serviceId));
  if (filter.officerId !== undefined) conditions.push(equalsOrNull('e.assigned_officer_id', filter.officerId));
  if (filter.receivedFrom) conditions.push(sql<SqlBool>`e.received_on >= ${filter.receivedFrom}`);
  if (filter.receivedTo) conditions.push(sql<SqlBool>`e.received_on <= ${filter.receivedTo}`);
  if (filter.answeredFrom) conditions.push(sql<SqlBool>`e.answered_at >= ${ukDayStartUtc(filter.answeredFrom)}`);
  if (filter.answeredTo) conditions.push(sql<SqlBool>`e.answered_at < ${ukDayStartUtc(nextDay(filter.answeredTo))}`);
  return conditions;
}

export function filteredEnquiries(q: Q, scope: ListScope, filter: Omit<ListFilter, 'limit' | 'offset'>) {
  let query = visibleEnquiries(q, scope);
  if (filter.status === 'open') query = query.where('e.status', 'in', OPEN_STATUSES);
  else if (filter.status) query = query.where('e.status', '=', filter.status);
  if (filter.overdueOn) query = query.where('e.status', 'in', RUNNING_STATUSES);
  for (const condition of filterConditions(filter)) query = query.where(condition);
  if (filter.words?.trim()) {
    const words = filter.words.trim();
    query = query.where(() => matchesWords(q, words));
  }
  return query;
}

export type OpenCount = {
  serviceId: number | null;
  serviceName: string | null;
  officerId: number | null;
  officerName: string | null;
  wardId: number | null;
  wardName: string | null;
  open: number;
  overdue: number;
};

/**
 * Open and overdue enquiries on a day, counted by service and officer, or by ward. The list filters
 * (status=open or overdue, service, officer, ward) select exactly the enquiries each count counts.
 */
export async function countOpen(q: Q, scope: ListScope, today: string, by: 'service-officer' | 'ward'): Promise<OpenCount[]> {
  // Counted from migration 0012's indexes alone (every column read is in them), then named: joining the names
  // to every open enquiry before grouping cost seconds over a million.
  const open = scopedEnquiries(q, scope).where(OPEN_FLAG, '=', 1);
  const counted = [sql<number | string>`count(*)`.as('open'), sql<number | string>`sum(case when e.due_on < ${today} and e.status in (${sql.join([...RUNNING_STATUSES])}) then 1 else 0 end)`.as('overdue')];
  if (by === 'ward') {
    const groups = open.select('e.ward_id').select(counted).groupBy('e.ward_id');
    const rows = await q.selectFrom(groups.as('g')).leftJoin('wards as w', 'w.id', 'g.ward_id').select(['g.ward_id', 'w.name as ward_name', 'g.open', 'g.overdue']).orderBy('w.name').execute();
    return rows.map((r) => ({ serviceId: null, serviceName: null, officerId: null, officerName: null, wardId: r.ward_id, wardName: r.ward_name, open: Number(r.open), overdue: Number(r.overdue) }));
  }
  const groups = open.select(['e.service_id', 'e.assigned_officer_id']).select(counted).groupBy(['e.service_id', 'e.assigned_officer_id']);
  const rows = await q
    .selectFrom(groups.as('g'))
    .leftJoin('services as s', 's.id', 'g.service_id')
    .leftJoin('officers as o', 'o.id', 'g.assigned_officer_id')
    .select(['g.service_id', 's.name as service_name', 'g.assigned_officer_id', 'o.full_name as officer_name', 'g.open', 'g.overdue'])
    .orderBy('s.name')
    .orderBy('o.full_name')
    .execute();
  return rows.map((r) => ({ serviceId: r.service_id, serviceName: r.service_name, officerId: r.assigned_officer_id, officerName: r.officer_name, wardId: null, wardName: null, open: Number(r.open), overdue: Number(r.overdue) }));
}

function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

export type StatisticsRow = { serviceId: number | null; serviceName: string | null; status: EnquiryStatus; receivedOn: string; answeredAt: string | null; dueOn: string | null };

/** Rows the statistics read at a time: a year of a large council's enquiries is read in pieces, not at once. */
export const STATISTICS_BATCH = 5_000;

/** The enquiries the statistics count: received or answered since a day, or open now, in batches by id. */
export async function* statisticsRows(q: Q, scope: ListScope, since: string, batch = STATISTICS_BATCH): AsyncGenerator<StatisticsRow[]> {
  // The few services' names are read once rather than joined to every enquiry: the join doubled the read.
  const serviceNames = new Map((await q.selectFrom('services').select(['id', 'name']).execute()).map((s) => [s.id, s.name]));
  for (let after = 0; ; ) {
    const rows = await scopedEnquiries(q, scope)
      .select(['e.id', 'e.service_id', 'e.status', 'e.received_on', 'e.answered_at', 'e.due_on'])
      // answered_at is UTC: a day's margin keeps an answer given just after midnight in British Summer Time.
      .where((eb) => eb.or([eb('e.received_on', '>=', since), eb('e.answered_at', '>=', dayBefore(since)), eb('e.status', 'in', OPEN_STATUSES)]))
      .where('e.id', '>', after)
      .orderBy('e.id')
      .limit(batch)
      .execute();
    if (!rows.length) return;
    yield rows.map((r) => ({ serviceId: r.service_id, serviceName: r.service_id === null ? null : (serviceNames.get(r.service_id) ?? null), status: r.status as EnquiryStatus, receivedOn: r.received_on, answeredAt: r.answered_at, dueOn: r.due_on }));
    if (rows.length < batch) return;
    after = rows.at(-1)!.id;
  }
}
