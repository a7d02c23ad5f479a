// All SQL of access requests: storing a request, reading it with its document's (or information's body's) and member's names, the lists
// (a member's own, a decider's queue, the disclosure log), changes guarded by version, and the view log.
import type { Kysely, Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import type { Decision } from '../../protocol/types.ts';
import type { AccessRequest, Decider, DeciderBasis, Purpose, Status } from './access-request.types.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

/** What a new request stores: the request's own fields, before any name is joined or decision taken. */
export type NewAccessRequest = Pick<
  AccessRequest,
  'documentId' | 'information' | 'informationBodyId' | 'memberId' | 'purpose' | 'reason' | 'personalInterest' | 'facts' | 'answer' | 'decider' | 'deciderBasis' | 'consult' | 'clauses' | 'status' | 'adviceFirst' | 'scrutinyDueOn' | 'reasons' | 'decidedBy'
> & { requestedByUserId: number | null };

export async function insertAccessRequest(q: Q, r: NewAccessRequest, at: string): Promise<number> {
  const decided = r.status === 'granted' || r.status === 'refused';
  const row = await q
    .insertInto('access_requests')
    .values({
      document_id: r.documentId,
      information: r.information,
      information_body_id: r.informationBodyId,
      member_id: r.memberId,
      requested_by_user_id: r.requestedByUserId,
      purpose: r.purpose,
      reason: r.reason,
      personal_interest: r.personalInterest,
      facts_json: JSON.stringify(r.facts),
      answer_json: JSON.stringify(r.answer),
      decider: r.decider,
      decider_basis: r.deciderBasis,
      consult_json: JSON.stringify(r.consult),
      clauses_json: JSON.stringify(r.clauses),
      status: r.status,
      advice_first: r.adviceFirst,
      scrutiny_due_on: r.scrutinyDueOn,
      reasons: r.reasons,
      decided_by: decided ? r.decidedBy : null,
      decided_at: decided ? at : null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function requests(q: Q) {
  return q
    .selectFrom('access_requests as r')
    .leftJoin('documents as d', 'd.id', 'r.document_id')
    .leftJoin('bodies as ib', 'ib.id', 'r.information_body_id')
    .innerJoin('members as m', 'm.id', 'r.member_id')
    .selectAll('r')
    .select(['d.title as document_title', 'ib.name as information_body_name', 'm.full_name as member_name', 'm.term_end as member_term_end']);
}

type Row = Awaited<ReturnType<ReturnType<typeof requests>['executeTakeFirstOrThrow']>>;

function toRequest(r: Row): AccessRequest {
  return {
    id: r.id,
    documentId: r.document_id,
    documentTitle: r.document_title,
    information: r.information,
    informationBodyId: r.information_body_id,
    informationBodyName: r.information_body_name,
    subject: r.document_title ?? r.information ?? '',
    memberId: r.member_id,
    memberName: r.member_name,
    memberTermEnd: r.member_term_end,
    purpose: r.purpose as Purpose,
    reason: r.reason,
    personalInterest: Boolean(r.personal_interest),
    facts: JSON.parse(r.facts_json) as Record<string, unknown>,
    answer: JSON.parse(r.answer_json) as Decision,
    decider: r.decider as Decider,
    deciderBasis: r.decider_basis as DeciderBasis,
    consult: JSON.parse(r.consult_json) as string[],
    clauses: JSON.parse(r.clauses_json) as string[],
    status: r.status as Status,
    adviceFirst: Boolean(r.advice_first),
    scrutinyDueOn: r.scrutiny_due_on,
    advice: r.advice,
    advisedBy: r.advised_by,
    advisedAt: r.advised_at,
    reasons: r.reasons,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    conditions: { viewOnly: Boolean(r.view_only), inOffice: Boolean(r.in_office), redactedOnly: Boolean(r.redacted_only), untilOn: r.until_on },
    purposeConfirmedAt: r.purpose_confirmed_at,
    disputeReason: r.dispute_reason,
    disputedAt: r.disputed_at,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findAccessRequest(q: Q, id: number): Promise<AccessRequest | undefined> {
  const row = await requests(q).where('r.id', '=', id).executeTakeFirst();
  return row && toRequest(row);
}

/** Several requests at once, by id: for a page that asks who may see each of a few. */
export async function findAccessRequests(q: Q, ids: readonly number[]): Promise<AccessRequest[]> {
  if (!ids.length) return [];
  return (await requests(q).where('r.id', 'in', ids).execute()).map(toRequest);
}

export async function listMemberRequests(q: Q, memberId: number): Promise<AccessRequest[]> {
  return (await requests(q).where('r.member_id', '=', memberId).orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').execute()).map(toRequest);
}

/** Requests in the given states, oldest first: a queue is worked from its front. */
export async function listRequestsIn(q: Q, statuses: readonly Status[]): Promise<AccessRequest[]> {
  return (await requests(q).where('r.status', 'in', [...statuses]).orderBy('r.created_at', 'asc').orderBy('r.id', 'asc').execute()).map(toRequest);
}

/** The member's grants on these documents, newest first; whether each is in force is decided by the caller. */
export async function listMemberGrants(q: Q, memberId: number): Promise<AccessRequest[]> {
  return (await requests(q).where('r.member_id', '=', memberId).where('r.status', '=', 'granted').orderBy('r.decided_at', 'desc').execute()).map(toRequest);
}

export type RequestChange = Partial<{
  status: Status;
  advice: string;
  advised_by: string;
  advised_at: string;
  reasons: string;
  decided_by_user_id: number | null;
  decided_by: string;
  decided_at: string;
  view_only: boolean;
  in_office: boolean;
  redacted_only: boolean;
  until_on: string | null;
  purpose_confirmed_at: string;
  dispute_reason: string;
  disputed_at: string;
  decider: Decider;
  decider_basis: DeciderBasis;
  clauses_json: string;
}>;

/** Applies the change only to the version read: false when someone else changed the request first. */
export async function updateAccessRequest(q: Q, id: number, version: number, change: RequestChange, at: string): Promise<boolean> {
  const result = await q
    .updateTable('access_requests')
    .set({ ...change, version: version + 1, updated_at: at })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type LoggedDocument = { classification: string; metadataPublic: boolean; exemptParagraph: number | null; confidentialGround: string | null; bodyName: string };

/** Decided requests for the public disclosure log, newest first; `document` is null for information. */
export async function listDecisions(q: Q, limit: number): Promise<(AccessRequest & { document: LoggedDocument | null })[]> {
  const rows = await requests(q)
    .leftJoin('bodies as b', 'b.id', 'd.body_id')
    .select(['d.classification', 'd.metadata_public', 'd.exempt_paragraph', 'd.confidential_ground', 'b.name as body_name'])
    .where('r.status', 'in', ['granted', 'refused'])
    .orderBy('r.decided_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    ...toRequest(r),
    document:
      r.classification === null || r.body_name === null
        ? null
        : { classification: r.classification, metadataPublic: Boolean(r.metadata_public), exemptParagraph: r.exempt_paragraph, confidentialGround: r.confidential_ground, bodyName: r.body_name },
  }));
}
