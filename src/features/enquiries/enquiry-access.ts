// Who may see an enquiry and who may act on it. Seen by its author, the members it was copied to, the officer
// it is assigned to and their managers, democratic services and administrators — no one else, on any page,
// list, search, export or API.
import type { Kysely, Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import type { CurrentUser } from '../../web/access.ts';
import { officersManagedBy, type ListScope } from './enquiry.repository.ts';
import { enquiryIdsInScope } from './enquiry-query.repository.ts';
import { OPEN_STATUSES, type Enquiry, type EnquiryStatus } from './enquiry.types.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

export type Standing = {
  oversees: boolean;
  /** The reader wrote it and is a member in office today. */
  author: boolean;
  /** The reader wrote it while in office and their term has since ended: they read it, and do nothing with it. */
  pastAuthor: boolean;
  copied: boolean;
  officer: boolean;
  /** False once the author's term of office has ended: their open enquiries are democratic services' to settle. */
  authorInOffice: boolean;
};

export function oversees(user: CurrentUser): boolean {
  return user.roles.includes('democratic-services') || user.roles.includes('admin');
}

/** The officers whose enquiries this person handles: their own, and those of everyone they manage. */
export async function handledOfficerIds(q: Q, user: CurrentUser): Promise<number[]> {
  if (user.officerId === null) return [];
  return [user.officerId, ...(await officersManagedBy(q, user.officerId))];
}

export async function standingOn(q: Q, user: CurrentUser, enquiry: Enquiry, today: string): Promise<Standing> {
  const handled = await handledOfficerIds(q, user);
  return {
    oversees: oversees(user),
    author: user.memberId !== null && user.memberId === enquiry.memberId,
    pastAuthor: user.memberId === null && user.memberRecordId !== null && user.memberRecordId === enquiry.memberId,
    copied: user.memberId !== null && enquiry.copiedTo.some((c) => c.memberId === user.memberId),
    officer: enquiry.assignedOfficerId !== null && handled.includes(enquiry.assignedOfficerId),
    authorInOffice: enquiry.memberTermEnd >= today,
  };
}

export function maySee(standing: Standing): boolean {
  return standing.oversees || standing.author || standing.pastAuthor || standing.copied || standing.officer;
}

export async function listScopeFor(q: Q, user: CurrentUser): Promise<ListScope> {
  if (oversees(user)) return { all: true };
  // A former member still lists their own past enquiries, but no longer those copied to them.
  return { all: false, memberId: user.memberRecordId, copies: user.memberId !== null, officerIds: await handledOfficerIds(q, user) };
}

/** Of these enquiries, the ones this person may see: maySee, as their list's scope states it, for a few at once. */
export async function enquiriesSeenBy(q: Q, user: CurrentUser, ids: readonly number[]): Promise<Set<number>> {
  if (oversees(user)) return new Set(ids);
  return new Set(await enquiryIdsInScope(q, await listScopeFor(q, user), ids));
}

export const ACTIONS = ['acknowledge', 'start', 'ask-member', 'member-replied', 'answer', 'close', 'reopen', 'extend', 'delay-notice', 'reassign', 'pass-on'] as const;
export type EnquiryAction = (typeof ACTIONS)[number];

/** The states each action may start from. */
export const ACTION_FROM: Record<EnquiryAction, readonly EnquiryStatus[]> = {
  acknowledge: ['received'],
  start: ['received', 'acknowledged'],
  'ask-member': ['acknowledged', 'in-progress'],
  'member-replied': ['awaiting-member'],
  answer: ['received', 'acknowledged', 'in-progress'],
  close: ['answered'],
  reopen: ['answered', 'closed'],
  extend: ['received', 'acknowledged', 'in-progress', 'awaiting-member'],
  'delay-notice': ['received', 'acknowledged', 'in-progress'],
  reassign: ['received', 'acknowledged', 'in-progress', 'awaiting-member'],
  'pass-on': ['received', 'acknowledged', 'in-progress', 'awaiting-member'],
};

/** The states an action may start from for this person: democratic services may close a former member's open enquiry. */
export function allowedFrom(action: EnquiryAction, standing: Standing): readonly EnquiryStatus[] {
  if (action === 'close' && standing.oversees && !standing.authorInOffice) return [...ACTION_FROM.close, ...OPEN_STATUSES];
  return ACTION_FROM[action];
}

/** Officers and democratic services work the enquiry; its author replies, closes and reopens it. */
export function mayAct(standing: Standing, action: EnquiryAction): boolean {
  const handles = standing.officer || standing.oversees;
  switch (action) {
    case 'member-replied':
    case 'close':
      return handles || standing.author;
    case 'reopen':
      return standing.author || standing.oversees;
    case 'pass-on':
      return standing.oversees && !standing.authorInOffice;
    default:
      return handles;
  }
}

export function availableActions(standing: Standing, status: EnquiryStatus): EnquiryAction[] {
  return ACTIONS.filter((a) => allowedFrom(a, standing).includes(status) && mayAct(standing, a));
}
