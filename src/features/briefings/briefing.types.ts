// Party group briefings in the council's words: plain domain types, as the repository returns them.
import type { Decision, Duty } from '../../protocol/types.ts';
import type { DutyToCarry } from '../../protocol/duties.ts';

export const BRIEFING_STATUSES = ['requested', 'accepted', 'declined', 'held', 'not-held'] as const;
export type BriefingStatus = (typeof BRIEFING_STATUSES)[number];

export const STATUS_LABELS: Record<BriefingStatus, string> = {
  requested: 'Awaiting the officer',
  accepted: 'Accepted',
  declined: 'Declined',
  held: 'Held',
  'not-held': 'Did not go ahead',
};

export const LEFT_BEFORE = ['yes', 'no', 'none-discussed'] as const;
export type LeftBefore = (typeof LEFT_BEFORE)[number];

export const NOTES_STATUSES = ['none', 'awaiting-officer', 'final'] as const;
export type NotesStatus = (typeof NOTES_STATUSES)[number];

export const OFFER_STATUSES = ['offered', 'accepted', 'declined', 'lapsed'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const OFFER_LABELS: Record<OfferStatus, string> = { offered: 'Offered, not yet answered', accepted: 'Accepted', declined: 'Declined', lapsed: 'Lapsed unanswered' };

export const NOTICE_KINDS = ['attendance', 'report', 'report-copy', 'offer'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export type StoredDecision = Pick<Decision, 'profile' | 'version' | 'outcome' | 'strength' | 'decider' | 'route' | 'clauses' | 'obligations' | 'explanation' | 'warnings'>;

export type Briefing = {
  id: number;
  groupId: number;
  groupName: string;
  requestedByMemberId: number;
  requestedByName: string;
  officerId: number;
  officerName: string;
  officerJobTitle: string;
  officerGrade: string;
  subject: string;
  matter: string;
  meetsOn: string;
  attendees: string;
  nonMembersPresent: boolean;
  nonMembers: string | null;
  partyBusiness: boolean;
  subjectConsent: boolean;
  offeredFromBriefingId: number | null;
  profileId: string;
  decision: StoredDecision;
  duties: DutyToCarry[];
  status: BriefingStatus;
  answerReason: string | null;
  answeredAt: string | null;
  attended: boolean | null;
  minutesAttended: number | null;
  leftBeforePartyBusiness: LeftBefore | null;
  notes: string | null;
  attributedComments: string | null;
  notesStatus: NotesStatus;
  officerResponse: string | null;
  heldAt: string | null;
  reportTitle: string | null;
  reportText: string | null;
  reportAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type BriefingNotice = {
  id: number;
  briefingId: number;
  kind: NoticeKind;
  groupId: number | null;
  groupName: string | null;
  memberId: number | null;
  recipientName: string;
  address: string | null;
  told: string;
  outboxId: number | null;
  createdAt: string;
};

export type BriefingOffer = {
  id: number;
  briefingId: number;
  groupId: number | null;
  groupName: string | null;
  memberId: number | null;
  memberName: string | null;
  status: OfferStatus;
  offeredAt: string;
  lapsesOn: string;
  answeredAt: string | null;
  answeredBy: string | null;
  declineReason: string | null;
  acceptedBriefingId: number | null;
  version: number;
  /** The briefing offered, as the offer's recipient may know it. */
  subject: string;
  officerName: string;
  fromGroupName: string;
  /** The offering group as a sentence names it. */
  fromGroupPhrase: string;
};

/** A group named in a sentence: "the Red Group", or "the Green group" where its name does not say so. */
export function groupPhrase(name: string): string {
  return /\bgroup\b/i.test(name) ? `the ${name}` : `the ${name} group`;
}

export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function briefingReference(id: number): string {
  return `BRF-${String(id).padStart(4, '0')}`;
}

export type { Duty };
