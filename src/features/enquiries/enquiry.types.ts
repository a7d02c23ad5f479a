// A member enquiry as the service and pages see it, and the states it moves through.

export const STATUSES = ['received', 'acknowledged', 'in-progress', 'awaiting-member', 'answered', 'closed'] as const;
export type EnquiryStatus = (typeof STATUSES)[number];

export const OPEN_STATUSES: readonly EnquiryStatus[] = ['received', 'acknowledged', 'in-progress', 'awaiting-member'];

export const STATUS_LABELS: Record<EnquiryStatus, string> = {
  received: 'Received',
  acknowledged: 'Acknowledged',
  'in-progress': 'In progress',
  'awaiting-member': 'Awaiting the member',
  answered: 'Answered',
  closed: 'Closed',
};

/** How the enquiry reached its officer: the engine's answer, or the council's own routing where the protocol is silent. */
export type Routing = {
  officerId: number | null;
  basis: 'protocol' | 'local' | 'unrouted';
  clauses: string[];
  reasons: string[];
};

/** The deadline as set when the enquiry arrived: from the protocol, or the council's local standard where it is silent. */
export type Deadline = {
  basis: 'protocol' | 'local';
  workingDays: number;
  clauses: string[];
  /** What meets the deadline: a full reply, or (county 1.7.2) an acknowledgement that explains. */
  means: string[];
  warnings: string[];
};

export type Enquiry = {
  id: number;
  reference: string;
  memberId: number;
  memberName: string;
  /** The author's term of office ends on this day (YYYY-MM-DD). */
  memberTermEnd: string;
  loggedByUserId: number | null;
  subject: string;
  details: string;
  wardId: number | null;
  wardName: string | null;
  serviceId: number | null;
  serviceName: string | null;
  workType: string | null;
  residentReference: string | null;
  serviceRequestReference: string | null;
  purelyFactual: boolean;
  confidential: boolean;
  forMeeting: boolean;
  meetingContactMemberId: number | null;
  meetingContactName: string | null;
  status: EnquiryStatus;
  assignedOfficerId: number | null;
  assignedOfficerName: string | null;
  routing: Routing;
  receivedAt: string;
  receivedOn: string;
  dueOn: string | null;
  deadline: Deadline;
  pausedOn: string | null;
  acknowledgedAt: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  version: number;
  copiedTo: { memberId: number; name: string }[];
};

export type EnquiryEvent = {
  id: number;
  kind: string;
  fromStatus: EnquiryStatus | null;
  toStatus: EnquiryStatus | null;
  text: string | null;
  officerName: string | null;
  newDueOn: string | null;
  actor: string;
  at: string;
};

export type EnquiryListItem = Pick<
  Enquiry,
  'id' | 'reference' | 'subject' | 'memberName' | 'wardName' | 'serviceName' | 'status' | 'assignedOfficerName' | 'receivedAt' | 'receivedOn' | 'dueOn'
>;
