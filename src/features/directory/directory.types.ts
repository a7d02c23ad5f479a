// The council's directory in its own words: wards, groups, members, bodies, services, officers and the
// statutory roles they hold. Plain domain types, as the repositories return them.
import { POWERS, type Power } from '../../web/access.ts';
import type { CouncilKind } from '../../protocol/profiles/catalogue.ts';

export const BODY_KINDS = ['full-council', 'cabinet', 'scrutiny', 'regulatory', 'standards', 'employment', 'town-committee', 'other'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export const SEAT_ROLES = ['member', 'chair', 'vice-chair'] as const;
export type SeatRole = (typeof SEAT_ROLES)[number];

export const GROUP_ROLES = ['leader', 'deputy-leader'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

/** The same grades the protocol engine's `officerGrade` fact uses. */
export const GRADES = ['chief-executive', 'director', 'head-of-service', 'senior', 'junior'] as const;
export type Grade = (typeof GRADES)[number];

/** Statutory roles are the powers sign-in rights come from: one list, never two. */
export const STATUTORY_ROLES = POWERS;
export type StatutoryRoleName = Power;

export const CAPACITIES = ['holder', 'deputy'] as const;
export type Capacity = (typeof CAPACITIES)[number];

export type Ward = { id: number; externalId: string | null; name: string };

export type PoliticalGroup = { id: number; externalId: string | null; name: string; shortName: string };

export type Member = {
  id: number;
  externalId: string | null;
  fullName: string;
  email: string | null;
  phone: string | null;
  wardId: number | null;
  wardName: string | null;
  groupId: number | null;
  groupName: string | null;
  groupShortName: string | null;
  groupRole: GroupRole | null;
  termStart: string;
  termEnd: string;
  cabinetPortfolio: string | null;
};

export type Body = { id: number; externalId: string | null; name: string; kind: BodyKind; remit: string | null };

export type Seat = {
  bodyId: number;
  bodyName: string;
  bodyKind: BodyKind;
  memberId: number;
  memberName: string;
  seatRole: SeatRole;
  termStart: string;
  termEnd: string;
  groupName: string | null;
  wardName: string | null;
};

export type Service = { id: number; externalId: string | null; name: string };

export type Officer = {
  id: number;
  externalId: string | null;
  fullName: string;
  email: string | null;
  jobTitle: string;
  grade: Grade;
  serviceId: number | null;
  serviceName: string | null;
  lineManagerId: number | null;
  lineManagerName: string | null;
  politicallyRestricted: boolean;
  leftOn: string | null;
};

export type ActingPeriod = { id: number; statutoryRoleId: number; fromDate: string; toDate: string; reason: string };

export type StatutoryRole = {
  id: number;
  officerId: number;
  officerName: string;
  officerJobTitle: string;
  role: StatutoryRoleName;
  capacity: Capacity;
  startsOn: string;
  endsOn: string | null;
  acting: ActingPeriod[];
};

/** Where a member stands on a day: a term runs from its first day up to, not including, its last. */
export type TermStatus = 'in-office' | 'term-ended' | 'not-started';

export function termStatus(term: { termStart: string; termEnd: string }, day: string): TermStatus {
  if (day >= term.termEnd) return 'term-ended';
  if (day < term.termStart) return 'not-started';
  return 'in-office';
}

/** A statutory role counts on a day from its start until its end date has passed. */
export function roleCurrent(role: { startsOn: string; endsOn: string | null }, day: string): boolean {
  return role.startsOn <= day && (role.endsOn === null || role.endsOn >= day);
}

export function actingOn(role: StatutoryRole, day: string): ActingPeriod | undefined {
  return role.acting.find((a) => a.fromDate <= day && day <= a.toDate);
}

/**
 * The statutory roles a council of each kind must fill. A principal council's responsible financial officer
 * is its section 151 officer (Accounts and Audit Regulations 2015, reg 2); a town or parish council has no
 * Head of Paid Service, Monitoring Officer or s151 officer of its own.
 */
export function expectedStatutoryRoles(kind: CouncilKind): StatutoryRoleName[] {
  return kind === 'town' ? ['proper-officer', 'responsible-financial-officer'] : [...STATUTORY_ROLES];
}

export const bodyKindLabels: Record<BodyKind, string> = {
  'full-council': 'Full council',
  cabinet: 'Cabinet or executive',
  scrutiny: 'Overview and scrutiny',
  regulatory: 'Regulatory',
  standards: 'Standards',
  employment: 'Appointments and employment',
  'town-committee': 'Committee of the town council',
  other: 'Other committee',
};

export const seatRoleLabels: Record<SeatRole, string> = { member: 'Member', chair: 'Chair', 'vice-chair': 'Vice-chair' };

export const groupRoleLabels: Record<GroupRole, string> = { leader: 'Group leader', 'deputy-leader': 'Deputy group leader' };

export const gradeLabels: Record<Grade, string> = {
  'chief-executive': 'Chief executive',
  director: 'Director',
  'head-of-service': 'Head of service',
  senior: 'Senior officer',
  junior: 'Officer',
};

export const statutoryRoleLabels: Record<StatutoryRoleName, string> = {
  'head-of-paid-service': 'Head of Paid Service',
  'monitoring-officer': 'Monitoring Officer',
  'chief-finance-officer': 'Chief Finance Officer (section 151)',
  'proper-officer': 'Proper Officer',
  'responsible-financial-officer': 'Responsible Financial Officer',
};

export const capacityLabels: Record<Capacity, string> = { holder: 'Holder', deputy: 'Deputy' };

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
