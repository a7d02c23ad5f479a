// A member's request to see a document, or information that is no paper of the register, in the council's words: why it is wanted, where it stands, who decides,
// and the conditions a grant may carry.
import type { Decision } from '../../protocol/types.ts';
import { grantLastDay } from '../documents/document-grants.ts';

export { grantLastDay };

export const PURPOSES = ['council-duties', 'ward', 'party-political', 'private', 'third-party'] as const;
export type Purpose = (typeof PURPOSES)[number];

export const PURPOSE_LABELS: Record<Purpose, string> = {
  'council-duties': 'My duties as a councillor (a committee, the executive, scrutiny or the council)',
  ward: 'My work for my ward',
  'party-political': 'Party-political work',
  private: 'A private matter of my own',
  'third-party': 'To pass to someone else (a resident or an organisation)',
};

export const STATUSES = ['awaiting-advice', 'awaiting-decision', 'disputed', 'granted', 'refused', 'withdrawn'] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<Status, string> = {
  'awaiting-advice': 'Awaiting the Monitoring Officer’s advice',
  'awaiting-decision': 'Awaiting a decision',
  disputed: 'Disputed: awaiting review',
  granted: 'Granted',
  refused: 'Refused',
  withdrawn: 'Withdrawn',
};

export const OPEN_STATUSES: Status[] = ['awaiting-advice', 'awaiting-decision', 'disputed'];

/** The officers who may decide a member's access: the statutory powers the directory records. */
export const DECIDERS = ['monitoring-officer', 'proper-officer', 'chief-executive'] as const;
export type Decider = (typeof DECIDERS)[number];

export const DECIDER_TITLES: Record<Decider, string> = {
  'monitoring-officer': 'the Monitoring Officer',
  'proper-officer': 'the Proper Officer',
  'chief-executive': 'the Chief Executive',
};

/** protocol: the council's protocol names the decider; local: it is silent and the council's own setting does. */
export type DeciderBasis = 'protocol' | 'local';

export type GrantConditions = { viewOnly: boolean; inOffice: boolean; redactedOnly: boolean; untilOn: string | null };

export type AccessRequest = {
  id: number;
  /** The register's paper asked for; null for information, which has no file to open. */
  documentId: number | null;
  documentTitle: string | null;
  /** Information asked for in the member's own words, and the body it concerns if they named one. */
  information: string | null;
  informationBodyId: number | null;
  informationBodyName: string | null;
  /** What is asked for, as the member and deciders see it: the paper's title or the information's words. */
  subject: string;
  memberId: number;
  memberName: string;
  memberTermEnd: string;
  purpose: Purpose;
  reason: string;
  personalInterest: boolean;
  facts: Record<string, unknown>;
  answer: Decision;
  decider: Decider;
  deciderBasis: DeciderBasis;
  consult: string[];
  clauses: string[];
  status: Status;
  adviceFirst: boolean;
  scrutinyDueOn: string | null;
  advice: string | null;
  advisedBy: string | null;
  advisedAt: string | null;
  reasons: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  conditions: GrantConditions;
  purposeConfirmedAt: string | null;
  disputeReason: string | null;
  disputedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

/** Whether a grant opens the file on a day: until its end date, and never past the member's term of office. */
export function grantInForce(request: Pick<AccessRequest, 'status' | 'conditions' | 'memberTermEnd'>, day: string): boolean {
  return request.status === 'granted' && day <= grantLastDay(request.conditions.untilOn, request.memberTermEnd);
}
