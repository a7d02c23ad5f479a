// The SQL of one member enquiry: the enquiry with its names joined in, its copies, history and attachments,
// the line-management tree and the per-year counter behind references. Lists and reports: enquiry-query.repository.ts.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import { nameForContent } from '../../web/file-names.ts';
import type { Deadline, Enquiry, EnquiryEvent, EnquiryListItem, EnquiryStatus, Routing } from './enquiry.types.ts';
import { listColumns, namedItems } from './enquiry-list.repository.ts';
import { OPEN_FLAG } from './enquiry-query.repository.ts';

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
  meetingContactMemberId: number | null;
  status: EnquiryStatus;
  assignedOfficerId: number | null;
  routing: Routing;
  receivedAt: string;
  receivedOn: string;
  dueOn: string | null;
  deadline: Deadline;
};

export type EnquiryChanges = Partial<{
  memberId: number;
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
      meeting_contact_member_id: row.meetingContactMemberId,
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
  if (changes.memberId !== undefined) set.member_id = changes.memberId;
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
    .leftJoin('members as mc', 'mc.id', 'e.meeting_contact_member_id')
    .selectAll('e')
    .select(['m.full_name as member_name', 'm.term_end as member_term_end', 'w.name as ward_name', 's.name as service_name', 'o.full_name as officer_name', 'mc.full_name as meeting_contact_name']);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectEnquiries>['executeTakeFirstOrThrow']>>;

function toEnquiry(r: Row, copiedTo: Enquiry['copiedTo']): Enquiry {
  return {
    id: r.id,
    reference: r.reference,
    memberId: r.member_id,
    memberName: r.member_name,
    memberTermEnd: r.member_term_end,
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
    meetingContactMemberId: r.meeting_contact_member_id,
    meetingContactName: r.meeting_contact_name,
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

export { type ListFilter, type ListScope } from './enquiry-query.repository.ts';
export { listEnquiries } from './enquiry-list.repository.ts';

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

/** Names as served (file-names.ts), so that a file kept before names followed content is listed rightly too. */
export async function listAttachments(q: Q, enquiryId: number): Promise<AttachmentMeta[]> {
  const rows = await q
    .selectFrom('enquiry_attachments')
    .select(['id', 'file_name', 'content_type', 'size', 'uploaded_by', 'created_at'])
    .where('enquiry_id', '=', enquiryId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, fileName: nameForContent(r.file_name, r.content_type), contentType: r.content_type, size: r.size, uploadedBy: r.uploaded_by, createdAt: r.created_at }));
}

export async function findAttachment(q: Q, enquiryId: number, id: number): Promise<(AttachmentMeta & { content: Uint8Array }) | undefined> {
  const r = await q.selectFrom('enquiry_attachments').selectAll().where('enquiry_id', '=', enquiryId).where('id', '=', id).executeTakeFirst();
  return r && { id: r.id, fileName: nameForContent(r.file_name, r.content_type), contentType: r.content_type, size: r.size, uploadedBy: r.uploaded_by, createdAt: r.created_at, content: r.content };
}

/** The most specific routing-table entry: service, ward and type of work, then service and ward, then service. */
export async function findRoute(q: Q, serviceId: number, wardId: number | null, workType: string | null): Promise<number | undefined> {
  const rows = await q.selectFrom('enquiry_routes').select(['ward_id', 'work_type', 'officer_id']).where('service_id', '=', serviceId).execute();
  const score = (r: { ward_id: number | null; work_type: string | null }) =>
    (r.ward_id === null || r.ward_id === wardId) && (r.work_type === null || r.work_type === workType) ? (r.ward_id !== null ? 2 : 0) + (r.work_type !== null ? 1 : 0) : -1;
  const best = rows.filter((r) => score(r) >= 0).sort((a, b) => score(b) - score(a))[0];
  return best?.officer_id;
}


/** Open enquiries whose author's term of office has ended: democratic services close them or pass them on. */
/**
 * Open enquiries whose member's term has ended, read from each such member's range of open enquiries (the few
 * members outward: SQLite keeps a cross join's written order). Over all open enquiries it took 180 ms at 100,000.
 */
function orphaned(q: Q, day: string) {
  return q.selectFrom('members as om').crossJoin('enquiries as e').whereRef('e.member_id', '=', 'om.id').where('om.term_end', '<', day).where(OPEN_FLAG, '=', 1);
}

/** How many open enquiries belong to members whose term has ended, and the longest waiting of them. */
export async function orphanedEnquiries(q: Q, day: string, shown: number): Promise<{ count: number; first: EnquiryListItem[] }> {
  const { n } = await orphaned(q, day)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  if (!Number(n)) return { count: 0, first: [] };
  const rows = await listColumns(orphaned(q, day)).orderBy('e.received_at').orderBy('e.id').limit(shown).execute();
  return { count: Number(n), first: await namedItems(q, rows) };
}

export type MeetingContact = { memberId: number; name: string; role: string };

/** Who may need telling that information may be raised at a meeting: Cabinet Members and the chairs of bodies. */
export async function listMeetingContacts(q: Q, day: string): Promise<MeetingContact[]> {
  const inOffice = (qb: ReturnType<typeof q.selectFrom<'members as m'>>) => qb.where('m.term_start', '<=', day).where('m.term_end', '>=', day);
  const cabinet = await inOffice(q.selectFrom('members as m')).select(['m.id', 'm.full_name', 'm.cabinet_portfolio']).where('m.cabinet_portfolio', 'is not', null).execute();
  const chairs = await inOffice(q.selectFrom('members as m'))
    .innerJoin('body_seats as s', 's.member_id', 'm.id')
    .innerJoin('bodies as b', 'b.id', 's.body_id')
    .select(['m.id', 'm.full_name', 'b.name as body_name'])
    .where('s.seat_role', '=', 'chair')
    .execute();
  return [
    ...cabinet.map((m) => ({ memberId: m.id, name: m.full_name, role: `Cabinet Member for ${m.cabinet_portfolio}` })),
    ...chairs.map((m) => ({ memberId: m.id, name: m.full_name, role: `Chair of ${m.body_name}` })),
  ].sort((a, b) => a.role.localeCompare(b.role));
}
