// All SQL about party group briefings: the briefings themselves, what the other groups were told, the identical
// sessions offered to them, and who leads each group on a day. Returns plain domain types (briefing.types.ts).
import type { Kysely, Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import type { DutyToCarry } from '../../protocol/duties.ts';
import { groupPhrase, type Briefing, type BriefingNotice, type BriefingOffer, type BriefingStatus, type LeftBefore, type NoticeKind, type NotesStatus, type OfferStatus, type StoredDecision } from './briefing.types.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

const bool = (v: unknown): boolean => v === true || v === 1 || v === '1';
const boolOrNull = (v: unknown): boolean | null => (v === null || v === undefined ? null : bool(v));

function briefingQuery(q: Q) {
  return q
    .selectFrom('briefings as b')
    .innerJoin('political_groups as g', 'g.id', 'b.group_id')
    .innerJoin('members as m', 'm.id', 'b.requested_by_member_id')
    .innerJoin('officers as o', 'o.id', 'b.officer_id')
    .selectAll('b')
    .select(['g.name as group_name', 'm.full_name as requester_name', 'o.full_name as officer_name', 'o.job_title as officer_job_title', 'o.grade as officer_grade']);
}

type BriefingRow = Awaited<ReturnType<ReturnType<typeof briefingQuery>['executeTakeFirstOrThrow']>>;

function toBriefing(r: BriefingRow): Briefing {
  return {
    id: r.id,
    groupId: r.group_id,
    groupName: r.group_name,
    requestedByMemberId: r.requested_by_member_id,
    requestedByName: r.requester_name,
    officerId: r.officer_id,
    officerName: r.officer_name,
    officerJobTitle: r.officer_job_title,
    officerGrade: r.officer_grade,
    subject: r.subject,
    matter: r.matter,
    meetsOn: r.meets_on,
    attendees: r.attendees,
    nonMembersPresent: bool(r.non_members_present),
    nonMembers: r.non_members,
    partyBusiness: bool(r.party_business),
    subjectConsent: bool(r.subject_consent),
    offeredFromBriefingId: r.offered_from_briefing_id,
    profileId: r.profile_id,
    decision: JSON.parse(r.decision_json) as StoredDecision,
    duties: JSON.parse(r.duties_json) as DutyToCarry[],
    status: r.status as BriefingStatus,
    answerReason: r.answer_reason,
    answeredAt: r.answered_at,
    attended: boolOrNull(r.attended),
    minutesAttended: r.minutes_attended,
    leftBeforePartyBusiness: r.left_before_party_business as LeftBefore | null,
    notes: r.notes,
    attributedComments: r.attributed_comments,
    notesStatus: r.notes_status as NotesStatus,
    officerResponse: r.officer_response,
    heldAt: r.held_at,
    reportTitle: r.report_title,
    reportText: r.report_text,
    reportAt: r.report_at,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** What a new briefing stores: the request as asked and answered, before anything happens to it. */
export type NewBriefing = Pick<
  Briefing,
  'groupId' | 'requestedByMemberId' | 'officerId' | 'subject' | 'matter' | 'meetsOn' | 'attendees' | 'nonMembersPresent' | 'nonMembers' | 'partyBusiness' | 'subjectConsent' | 'offeredFromBriefingId' | 'profileId' | 'decision' | 'duties'
>;

export async function insertBriefing(q: Q, b: NewBriefing, at: string): Promise<number> {
  const row = await q
    .insertInto('briefings')
    .values({
      group_id: b.groupId,
      requested_by_member_id: b.requestedByMemberId,
      officer_id: b.officerId,
      subject: b.subject,
      matter: b.matter,
      meets_on: b.meetsOn,
      attendees: b.attendees,
      non_members_present: b.nonMembersPresent,
      non_members: b.nonMembers,
      party_business: b.partyBusiness,
      subject_consent: b.subjectConsent,
      offered_from_briefing_id: b.offeredFromBriefingId,
      profile_id: b.profileId,
      decision_json: JSON.stringify(b.decision),
      duties_json: JSON.stringify(b.duties),
      status: 'requested',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findBriefing(q: Q, id: number): Promise<Briefing | undefined> {
  const row = await briefingQuery(q).where('b.id', '=', id).executeTakeFirst();
  return row && toBriefing(row);
}

/** Several briefings at once, by id: for a page that asks who may see each of a few. */
export async function findBriefings(q: Q, ids: readonly number[]): Promise<Briefing[]> {
  if (!ids.length) return [];
  return (await briefingQuery(q).where('b.id', 'in', ids).execute()).map(toBriefing);
}

export type BriefingFilter = { groupId?: number | undefined; officerId?: number | undefined; status?: BriefingStatus | undefined; from?: string | undefined; to?: string | undefined };

/** Briefings by the day they meet, latest first; `from` and `to` bound the day of the meeting. */
export async function listBriefings(q: Q, filter: BriefingFilter, limit = 500): Promise<Briefing[]> {
  let query = briefingQuery(q);
  if (filter.groupId !== undefined) query = query.where('b.group_id', '=', filter.groupId);
  if (filter.officerId !== undefined) query = query.where('b.officer_id', '=', filter.officerId);
  if (filter.status !== undefined) query = query.where('b.status', '=', filter.status);
  if (filter.from !== undefined) query = query.where('b.meets_on', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('b.meets_on', '<=', filter.to);
  const rows = await query.orderBy('b.meets_on', 'desc').orderBy('b.id', 'desc').limit(limit).execute();
  return rows.map(toBriefing);
}

/** The officer's briefings of other groups that they have accepted or given, for the same-matter test. */
export async function acceptedByOfficerForOtherGroups(q: Q, officerId: number, groupId: number): Promise<Briefing[]> {
  const rows = await briefingQuery(q).where('b.officer_id', '=', officerId).where('b.group_id', '!=', groupId).where('b.status', 'in', ['accepted', 'held']).orderBy('b.id').execute();
  return rows.map(toBriefing);
}

export type BriefingChanges = Partial<{
  status: BriefingStatus;
  answer_reason: string | null;
  answered_at: string | null;
  attended: boolean;
  minutes_attended: number;
  left_before_party_business: LeftBefore;
  notes: string | null;
  attributed_comments: string | null;
  notes_status: NotesStatus;
  officer_response: string | null;
  held_at: string;
  subject_consent: boolean;
  report_title: string;
  report_text: string;
  report_at: string;
}>;

/** Changes the briefing only if nobody else changed it since `version` was read; false if someone did. */
export async function updateBriefing(q: Q, id: number, version: number, changes: BriefingChanges, at: string): Promise<boolean> {
  const result = await q
    .updateTable('briefings')
    .set({ ...changes, version: version + 1, updated_at: at })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type NewNotice = { briefingId: number; kind: NoticeKind; groupId: number | null; memberId: number | null; recipientName: string; address: string | null; told: string; outboxId: number | null };

export async function insertNotice(q: Q, n: NewNotice, at: string): Promise<void> {
  await q
    .insertInto('briefing_notices')
    .values({ briefing_id: n.briefingId, kind: n.kind, group_id: n.groupId, member_id: n.memberId, recipient_name: n.recipientName, address: n.address, told: n.told, outbox_id: n.outboxId, created_at: at })
    .execute();
}

export async function listNotices(q: Q, filter: { briefingId?: number; groupId?: number; memberId?: number }): Promise<BriefingNotice[]> {
  let query = q.selectFrom('briefing_notices as n').leftJoin('political_groups as g', 'g.id', 'n.group_id').selectAll('n').select('g.name as group_name');
  if (filter.briefingId !== undefined) query = query.where('n.briefing_id', '=', filter.briefingId);
  if (filter.groupId !== undefined) query = query.where('n.group_id', '=', filter.groupId);
  if (filter.memberId !== undefined) query = query.where('n.member_id', '=', filter.memberId).where('n.group_id', 'is', null);
  const rows = await query.orderBy('n.id', 'desc').limit(200).execute();
  return rows.map((r) => ({
    id: r.id,
    briefingId: r.briefing_id,
    kind: r.kind as NoticeKind,
    groupId: r.group_id,
    groupName: r.group_name,
    memberId: r.member_id,
    recipientName: r.recipient_name,
    address: r.address,
    told: r.told,
    outboxId: r.outbox_id,
    createdAt: r.created_at,
  }));
}

export async function insertOffer(q: Q, o: { briefingId: number; groupId: number | null; memberId: number | null; lapsesOn: string }, at: string): Promise<number> {
  const row = await q
    .insertInto('briefing_offers')
    .values({ briefing_id: o.briefingId, group_id: o.groupId, member_id: o.memberId, status: 'offered', offered_at: at, lapses_on: o.lapsesOn, answered_at: null, answered_by: null, decline_reason: null, accepted_briefing_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function offerQuery(q: Q) {
  return q
    .selectFrom('briefing_offers as f')
    .innerJoin('briefings as b', 'b.id', 'f.briefing_id')
    .innerJoin('officers as o', 'o.id', 'b.officer_id')
    .innerJoin('political_groups as from_group', 'from_group.id', 'b.group_id')
    .leftJoin('political_groups as g', 'g.id', 'f.group_id')
    .leftJoin('members as m', 'm.id', 'f.member_id')
    .selectAll('f')
    .select(['g.name as group_name', 'm.full_name as member_name', 'b.subject', 'o.full_name as officer_name', 'from_group.name as from_group_name']);
}

type OfferRow = Awaited<ReturnType<ReturnType<typeof offerQuery>['executeTakeFirstOrThrow']>>;

function toOffer(r: OfferRow): BriefingOffer {
  return {
    id: r.id,
    briefingId: r.briefing_id,
    groupId: r.group_id,
    groupName: r.group_name,
    memberId: r.member_id,
    memberName: r.member_name,
    status: r.status as OfferStatus,
    offeredAt: r.offered_at,
    lapsesOn: r.lapses_on,
    answeredAt: r.answered_at,
    answeredBy: r.answered_by,
    declineReason: r.decline_reason,
    acceptedBriefingId: r.accepted_briefing_id,
    version: r.version,
    subject: r.subject,
    officerName: r.officer_name,
    fromGroupName: r.from_group_name,
    fromGroupPhrase: groupPhrase(r.from_group_name),
  };
}

export async function findOffer(q: Q, id: number): Promise<BriefingOffer | undefined> {
  const row = await offerQuery(q).where('f.id', '=', id).executeTakeFirst();
  return row && toOffer(row);
}

export async function findOffers(q: Q, ids: readonly number[]): Promise<BriefingOffer[]> {
  if (!ids.length) return [];
  return (await offerQuery(q).where('f.id', 'in', ids).execute()).map(toOffer);
}

export type OfferFilter = { briefingId?: number | undefined; groupId?: number | undefined; memberId?: number | undefined; status?: OfferStatus | undefined; from?: string | undefined; to?: string | undefined; inNoGroup?: boolean | undefined };

/** Offers by the day they were made, latest first; `from` and `to` bound that day. */
export async function listOffers(q: Q, filter: OfferFilter): Promise<BriefingOffer[]> {
  let query = offerQuery(q);
  if (filter.briefingId !== undefined) query = query.where('f.briefing_id', '=', filter.briefingId);
  if (filter.groupId !== undefined) query = query.where('f.group_id', '=', filter.groupId);
  if (filter.memberId !== undefined) query = query.where('f.member_id', '=', filter.memberId);
  if (filter.inNoGroup) query = query.where('f.member_id', 'is not', null);
  if (filter.status !== undefined) query = query.where('f.status', '=', filter.status);
  if (filter.from !== undefined) query = query.where('f.offered_at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('f.offered_at', '<', `${filter.to}T24`);
  const rows = await query.orderBy('f.id', 'desc').limit(500).execute();
  return rows.map(toOffer);
}

export async function updateOffer(
  q: Q,
  id: number,
  version: number,
  changes: { status: OfferStatus; answered_at: string; answered_by: string; decline_reason?: string | null; accepted_briefing_id?: number | null },
): Promise<boolean> {
  const result = await q.updateTable('briefing_offers').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).where('status', '=', 'offered').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type Recipient = { memberId: number; name: string; email: string | null; groupId: number | null; groupName: string | null };

/** Each group with members in office on the day, with its leader (or, with none, its deputy) to write to. */
export async function groupsWithLeaders(q: Q, day: string): Promise<{ groupId: number; groupName: string; leader: Recipient | null }[]> {
  const groups = await q.selectFrom('political_groups').select(['id', 'name']).orderBy('name').execute();
  const people = await q
    .selectFrom('members')
    .select(['id', 'full_name', 'email', 'group_id', 'group_role'])
    .where('group_id', 'is not', null)
    .where('term_start', '<=', day)
    .where('term_end', '>', day)
    .execute();
  return groups
    .filter((g) => people.some((p) => p.group_id === g.id))
    .map((g) => {
      const lead = people.find((p) => p.group_id === g.id && p.group_role === 'leader') ?? people.find((p) => p.group_id === g.id && p.group_role === 'deputy-leader');
      return { groupId: g.id, groupName: g.name, leader: lead ? { memberId: lead.id, name: lead.full_name, email: lead.email, groupId: g.id, groupName: g.name } : null };
    });
}

/** Members in office on the day who belong to no group. */
export async function membersInNoGroup(q: Q, day: string): Promise<Recipient[]> {
  const rows = await q.selectFrom('members').select(['id', 'full_name', 'email']).where('group_id', 'is', null).where('term_start', '<=', day).where('term_end', '>', day).orderBy('full_name').execute();
  return rows.map((r) => ({ memberId: r.id, name: r.full_name, email: r.email, groupId: null, groupName: null }));
}

export async function findSecretary(q: Q, groupId: number): Promise<number | undefined> {
  return (await q.selectFrom('group_secretaries').select('member_id').where('group_id', '=', groupId).executeTakeFirst())?.member_id;
}

export async function saveSecretary(q: Q, groupId: number, memberId: number, at: string): Promise<void> {
  await q.insertInto('group_secretaries').values({ group_id: groupId, member_id: memberId, named_at: at }).onConflict((oc) => oc.column('group_id').doUpdateSet({ member_id: memberId, named_at: at })).execute();
}

export type GroupTally = { groupId: number; status: string; count: number; minutes: number };

/** Briefings meeting in the period, counted by group and status, with the officer minutes of those held. */
export async function briefingTallies(q: Q, from: string, to: string): Promise<GroupTally[]> {
  const rows = await q
    .selectFrom('briefings')
    .select((eb) => ['group_id', 'status', eb.fn.countAll().as('n'), eb.fn.sum<number | string | null>('minutes_attended').as('minutes')])
    .where('meets_on', '>=', from)
    .where('meets_on', '<=', to)
    .groupBy(['group_id', 'status'])
    .execute();
  return rows.map((r) => ({ groupId: r.group_id, status: r.status, count: Number(r.n), minutes: Number(r.minutes ?? 0) }));
}

export type OfferTally = { groupId: number | null; status: string; count: number };

/** Offers made in the period, counted by the group offered (null: members in no group) and what became of them. */
export async function offerTallies(q: Q, from: string, to: string): Promise<OfferTally[]> {
  const rows = await q
    .selectFrom('briefing_offers')
    .select((eb) => ['group_id', 'status', eb.fn.countAll().as('n')])
    .where('offered_at', '>=', from)
    .where('offered_at', '<', `${to}T24`)
    .groupBy(['group_id', 'status'])
    .execute();
  return rows.map((r) => ({ groupId: r.group_id, status: r.status, count: Number(r.n) }));
}
