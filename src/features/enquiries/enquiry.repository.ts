// All the SQL of member enquiries: the enquiry with its names joined in, its copies, history and attachments,
// the officer queue and the lists, and the per-year counter behind references.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import { OPEN_STATUSES, STATUSES, type Deadline, type Enquiry, type EnquiryEvent, type EnquiryListItem, type EnquiryStatus, type Routing } from './enquiry.types.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

export type NewEnquiryRow = {
  reference: string;
  memberId: number;
  loggedByUserId: number | null;
  subject: string;
  details: string;
  wardId: number | null;
  serviceId: number | null;
  workType: string | null;
  residentReference: string | null;
  serviceRequestReference: string | null;
  purelyFactual: boolean;
  confidential: boolean;
  forMeeting: boolean;
  status: EnquiryStatus;
  assignedOfficerId: number | null;
  routing: Routing;
  receivedAt: string;
  receivedOn: string;
  dueOn: string | null;
  deadline: Deadline;
};

export type EnquiryChanges = Partial<{
  status: EnquiryStatus;
  assignedOfficerId: number | null;
  routing: Routing;
  dueOn: string | null;
  pausedOn: string | null;
  acknowledgedAt: string;
  answeredAt: string | null;
  closedAt: string | null;
}>;

export async function insertEnquiry(trx: Transaction<Tables>, row: NewEnquiryRow, copies: number[], at: string): Promise<number> {
  const { id } = await trx
    .insertInto('enquiries')
    .values({
      reference: row.reference,
      member_id: row.memberId,
      logged_by_user_id: row.loggedByUserId,
      subject: row.subject,
      details: row.details,
      ward_id: row.wardId,
      service_id: row.serviceId,
      work_type: row.workType,
      resident_reference: row.residentReference,
      service_request_reference: row.serviceRequestReference,
      purely_factual: row.purelyFactual,
      confidential: row.confidential,
      for_meeting: row.forMeeting,
      status: row.status,
      assigned_officer_id: row.assignedOfficerId,
      routing_json: JSON.stringify(row.routing),
      received_at: row.receivedAt,
      received_on: row.receivedOn,
      due_on: row.dueOn,
      deadline_json: JSON.stringify(row.deadline),
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (copies.length) await trx.insertInto('enquiry_copies').values(copies.map((memberId) => ({ enquiry_id: id, member_id: memberId }))).execute();
  return id;
}

/**
 * Applies changes only if nobody has changed the enquiry since `version` was read: false means someone did,
 * and nothing was written (optimistic concurrency: two officers at once get a conflict, not a lost update).
 */
export async function updateEnquiry(trx: Transaction<Tables>, id: number, version: number, changes: EnquiryChanges, at: string): Promise<boolean> {
  const set: Record<string, unknown> = { version: version + 1, updated_at: at };
  if (changes.status !== undefined) set.status = changes.status;
  if (changes.assignedOfficerId !== undefined) set.assigned_officer_id = changes.assignedOfficerId;
  if (changes.routing !== undefined) set.routing_json = JSON.stringify(changes.routing);
  if (changes.dueOn !== undefined) set.due_on = changes.dueOn;
  if (changes.pausedOn !== undefined) set.paused_on = changes.pausedOn;
  if (changes.acknowledgedAt !== undefined) set.acknowledged_at = changes.acknowledgedAt;
  if (changes.answeredAt !== undefined) set.answered_at = changes.answeredAt;
  if (changes.closedAt !== undefined) set.closed_at = changes.closedAt;
  const result = await trx.updateTable('enquiries').set(set).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type NewEvent = { kind: string; fromStatus?: EnquiryStatus | null; toStatus?: EnquiryStatus | null; text?: string | null; officerId?: number | null; newDueOn?: string | null };

export async function insertEvent(trx: Transaction<Tables>, enquiryId: number, event: NewEvent, actor: { userId: number | null; label: string }, at: string): Promise<void> {
  await trx
    .insertInto('enquiry_events')
    .values({
      enquiry_id: enquiryId,
      kind: event.kind,
      from_status: event.fromStatus ?? null,
      to_status: event.toStatus ?? null,
      text: event.text ?? null,
      officer_id: event.officerId ?? null,
      new_due_on: event.newDueOn ?? null,
      actor_user_id: actor.userId,
      actor: actor.label,
      at,
    })
    .execute();
}

/**
 * The next number in a period's sequence, inside the caller's transaction. The upsert takes the row lock on
 * PostgreSQL, so two enquiries logged at once get different numbers; SQLite has one writer at a time.
 */
export async function nextReferenceNumber(trx: Transaction<Tables>, period: string): Promise<number> {
  const row = await trx
    .insertInto('enquiry_counters')
    .values({ period, last_number: 1 })
    .onConflict((oc) => oc.column('period').doUpdateSet({ last_number: sql`enquiry_counters.last_number + 1` }))
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number;
}

function selectEnquiries(q: Q) {
  return q
    .selectFrom('enquiries as e')
    .innerJoin('members as m', 'm.id', 'e.member_id')
    .leftJoin('wards as w', 'w.id', 'e.ward_id')
    .leftJoin('services as s', 's.id', 'e.service_id')
    .leftJoin('officers as o', 'o.id', 'e.assigned_officer_id')
    .selectAll('e')
    .select(['m.full_name as member_name', 'w.name as ward_name', 's.name as service_name', 'o.full_name as officer_name']);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectEnquiries>['executeTakeFirstOrThrow']>>;

function toEnquiry(r: Row, copiedTo: Enquiry['copiedTo']): Enquiry {
  return {
    id: r.id,
    reference: r.reference,
    memberId: r.member_id,
    memberName: r.member_name,
    loggedByUserId: r.logged_by_user_id,
    subject: r.subject,
    details: r.details,
    wardId: r.ward_id,
    wardName: r.ward_name,
    serviceId: r.service_id,
    serviceName: r.service_name,
    workType: r.work_type,
    residentReference: r.resident_reference,
    serviceRequestReference: r.service_request_reference,
    purelyFactual: Boolean(r.purely_factual),
    confidential: Boolean(r.confidential),
    forMeeting: Boolean(r.for_meeting),
    status: r.status as EnquiryStatus,
    assignedOfficerId: r.assigned_officer_id,
    assignedOfficerName: r.officer_name,
    routing: JSON.parse(r.routing_json) as Routing,
    receivedAt: r.received_at,
    receivedOn: r.received_on,
    dueOn: r.due_on,
    deadline: JSON.parse(r.deadline_json) as Deadline,
    pausedOn: r.paused_on,
    acknowledgedAt: r.acknowledged_at,
    answeredAt: r.answered_at,
    closedAt: r.closed_at,
    version: r.version,
    copiedTo,
  };
}

export async function findEnquiry(q: Q, id: number): Promise<Enquiry | undefined> {
  const row = await selectEnquiries(q).where('e.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const copies = await q
    .selectFrom('enquiry_copies as c')
    .innerJoin('members as m', 'm.id', 'c.member_id')
    .select(['c.member_id', 'm.full_name'])
    .where('c.enquiry_id', '=', id)
    .orderBy('m.full_name')
    .execute();
  return toEnquiry(row, copies.map((c) => ({ memberId: c.member_id, name: c.full_name })));
}

export async function listEvents(q: Q, enquiryId: number): Promise<EnquiryEvent[]> {
  const rows = await q
    .selectFrom('enquiry_events as ev')
    .leftJoin('officers as o', 'o.id', 'ev.officer_id')
    .select(['ev.id', 'ev.kind', 'ev.from_status', 'ev.to_status', 'ev.text', 'o.full_name as officer_name', 'ev.new_due_on', 'ev.actor', 'ev.at'])
    .where('ev.enquiry_id', '=', enquiryId)
    .orderBy('ev.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    fromStatus: r.from_status as EnquiryStatus | null,
    toStatus: r.to_status as EnquiryStatus | null,
    text: r.text,
    officerName: r.officer_name,
    newDueOn: r.new_due_on,
    actor: r.actor,
    at: r.at,
  }));
}

/** Who may see which enquiries, as a list query narrows them (see enquiry-access.ts for the rule itself). */
export type ListScope = { all: true } | { all: false; memberId: number | null; officerIds: number[] };

export type ListFilter = {
  status?: 'open' | EnquiryStatus | undefined;
  wardId?: number | undefined;
  overdueOn?: string | undefined;
  limit: number;
  offset: number;
  /** Count no further than this (at least to the end of the page, to know whether another follows); exact if absent. */
  countUpTo?: number | undefined;
};

/** No deadline sorts last on both engines (PostgreSQL puts nulls last, SQLite first); the indexes hold this expression. */
const DUE_LAST = sql<number>`case when due_on is null then 1 else 0 end`;
const OVERDUE_STATUSES: readonly EnquiryStatus[] = ['received', 'acknowledged', 'in-progress'];

type Key = { column: 'member_id' | 'assigned_officer_id' | 'ward_id'; value: number } | { copiesOf: number } | null;

function statusesFor(filter: ListFilter): readonly EnquiryStatus[] {
  let statuses: readonly EnquiryStatus[] = STATUSES;
  if (filter.status === 'open') statuses = OPEN_STATUSES;
  else if (filter.status) statuses = [filter.status];
  if (filter.overdueOn) statuses = statuses.filter((s) => OVERDUE_STATUSES.includes(s));
  return statuses;
}

/**
 * The enquiries a reader may see, a page at a time, in queue order: soonest deadline first, then the longest
 * waiting. Each part of the reader's scope (their own as author, those copied to them, each officer they handle,
 * or everything) is read status by status from an index already in that order, no further than the end of the
 * page; the parts are merged and the page taken from the merge. The total is counted the same way, index ranges
 * only, and stops at `countUpTo` when given: `more` then says there are more than `total`.
 */
export async function listEnquiries(q: Q, scope: ListScope, filter: ListFilter): Promise<{ items: EnquiryListItem[]; total: number; more: boolean }> {
  const keys: Key[] = scope.all
    ? [filter.wardId !== undefined ? { column: 'ward_id', value: filter.wardId } : null]
    : [
        ...(scope.memberId !== null ? [{ column: 'member_id', value: scope.memberId } as const, { copiesOf: scope.memberId }] : []),
        ...scope.officerIds.map((id) => ({ column: 'assigned_officer_id', value: id }) as const),
      ];
  const statuses = statusesFor(filter);
  if (!keys.length || !statuses.length) return { items: [], total: 0, more: false };
  // Parts can overlap (an author copied in, a member who also handles the enquiry as an officer), except when
  // they are all officers' queues: an enquiry has one officer.
  const overlap = keys.length > 1 && keys.some((k) => k === null || !('column' in k) || k.column !== 'assigned_officer_id');

  const narrowed = (key: Key, status: readonly EnquiryStatus[]) => {
    let query = q.selectFrom('enquiries');
    // From the member's copies to their enquiries: written as a join, so that even without statistics the
    // planner starts from the few copies rather than from every enquiry in the status.
    if (key !== null && 'copiesOf' in key) query = query.innerJoin('enquiry_copies as c', 'c.enquiry_id', 'enquiries.id').where('c.member_id', '=', key.copiesOf) as unknown as typeof query;
    else if (key !== null) query = query.where(`enquiries.${key.column}`, '=', key.value);
    query = status.length === 1 ? query.where('enquiries.status', '=', status[0]!) : query.where('enquiries.status', 'in', status);
    if (filter.wardId !== undefined && (key === null || 'copiesOf' in key || key.column !== 'ward_id')) query = query.where('enquiries.ward_id', '=', filter.wardId);
    if (filter.overdueOn) query = query.where(DUE_LAST, '=', 0).where('enquiries.due_on', '<', filter.overdueOn);
    return query;
  };

  const wanted = filter.offset + filter.limit;
  const ordered = keys.flatMap((key) =>
    // Copies are few: one range, sorted. Every other part is read in index order, a status at a time.
    (key !== null && 'copiesOf' in key ? [statuses] : statuses.map((s) => [s])).map((status) =>
      q
        .selectFrom(
          narrowed(key, status)
            .select(['enquiries.id', DUE_LAST.as('due_last'), 'enquiries.due_on', 'enquiries.received_at'])
            .orderBy(DUE_LAST)
            .orderBy('enquiries.due_on')
            .orderBy('enquiries.received_at')
            .orderBy('enquiries.id')
            .limit(wanted)
            .as('part'),
        )
        .selectAll(),
    ),
  );
  const merged = ordered.slice(1).reduce((all, part) => (overlap ? all.union(part) : all.unionAll(part)), ordered[0]!);
  // The page is chosen from the merge before anything is joined: names are looked up for its rows only.
  const page = q.selectFrom(merged.as('u')).selectAll().orderBy('u.due_last').orderBy('u.due_on').orderBy('u.received_at').orderBy('u.id').limit(filter.limit).offset(filter.offset);
  const rows = await q
    .selectFrom(page.as('p'))
    .innerJoin('enquiries as e', 'e.id', 'p.id')
    .innerJoin('members as m', 'm.id', 'e.member_id')
    .leftJoin('wards as w', 'w.id', 'e.ward_id')
    .leftJoin('services as s', 's.id', 'e.service_id')
    .leftJoin('officers as o', 'o.id', 'e.assigned_officer_id')
    .select(['e.id', 'e.reference', 'e.subject', 'e.status', 'e.received_at', 'e.received_on', 'e.due_on', 'm.full_name as member_name', 'w.name as ward_name', 's.name as service_name', 'o.full_name as officer_name'])
    .orderBy('p.due_last')
    .orderBy('p.due_on')
    .orderBy('p.received_at')
    .orderBy('p.id')
    .execute();

  const bound = filter.countUpTo === undefined ? undefined : Math.max(filter.countUpTo, wanted) + 1;
  const counted = keys.map((key) => {
    const ids = narrowed(key, statuses).select('enquiries.id');
    return q.selectFrom((bound === undefined ? ids : ids.limit(bound)).as('part')).select('id');
  });
  const all = counted.slice(1).reduce((acc, part) => (overlap ? acc.union(part) : acc.unionAll(part)), counted[0]!);
  const { n } = await q.selectFrom(all.as('c')).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  const more = bound !== undefined && Number(n) >= bound;
  return {
    total: more ? bound - 1 : Number(n),
    more,
    items: rows.map((r) => ({
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
    })),
  };
}

/** Officers an officer manages, directly or through others: managers see their teams' enquiries. */
export async function officersManagedBy(q: Q, officerId: number): Promise<number[]> {
  const managed: number[] = [];
  let frontier = [officerId];
  // The line-management tree is shallow; one query per level keeps the SQL the same on both engines.
  for (let depth = 0; depth < 10 && frontier.length; depth++) {
    const rows = await q.selectFrom('officers').select('id').where('line_manager_id', 'in', frontier).execute();
    frontier = rows.map((r) => r.id).filter((id) => id !== officerId && !managed.includes(id));
    managed.push(...frontier);
  }
  return managed;
}

export type AttachmentMeta = { id: number; fileName: string; contentType: string; size: number; uploadedBy: string; createdAt: string };

export async function insertAttachment(
  trx: Transaction<Tables>,
  enquiryId: number,
  file: { fileName: string; contentType: string; content: Uint8Array; sha256: string },
  uploadedBy: string,
  at: string,
): Promise<void> {
  await trx
    .insertInto('enquiry_attachments')
    .values({ enquiry_id: enquiryId, file_name: file.fileName, content_type: file.contentType, size: file.content.byteLength, sha256: file.sha256, content: file.content, uploaded_by: uploadedBy, created_at: at })
    .execute();
}

export async function listAttachments(q: Q, enquiryId: number): Promise<AttachmentMeta[]> {
  const rows = await q
    .selectFrom('enquiry_attachments')
    .select(['id', 'file_name', 'content_type', 'size', 'uploaded_by', 'created_at'])
    .where('enquiry_id', '=', enquiryId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, fileName: r.file_name, contentType: r.content_type, size: r.size, uploadedBy: r.uploaded_by, createdAt: r.created_at }));
}

export async function findAttachment(q: Q, enquiryId: number, id: number): Promise<(AttachmentMeta & { content: Uint8Array }) | undefined> {
  const r = await q.selectFrom('enquiry_attachments').selectAll().where('enquiry_id', '=', enquiryId).where('id', '=', id).executeTakeFirst();
  return r && { id: r.id, fileName: r.file_name, contentType: r.content_type, size: r.size, uploadedBy: r.uploaded_by, createdAt: r.created_at, content: r.content };
}

/** The most specific routing-table entry: service, ward and type of work, then service and ward, then service. */
export async function findRoute(q: Q, serviceId: number, wardId: number | null, workType: string | null): Promise<number | undefined> {
  const rows = await q.selectFrom('enquiry_routes').select(['ward_id', 'work_type', 'officer_id']).where('service_id', '=', serviceId).execute();
  const score = (r: { ward_id: number | null; work_type: string | null }) =>
    (r.ward_id === null || r.ward_id === wardId) && (r.work_type === null || r.work_type === workType) ? (r.ward_id !== null ? 2 : 0) + (r.work_type !== null ? 1 : 0) : -1;
  const best = rows.filter((r) => score(r) >= 0).sort((a, b) => score(b) - score(a))[0];
  return best?.officer_id;
}

