// Who sees and does what with a briefing. A group's briefings and notes are for that group, the officer invited
// and the statutory officers (Head of Paid Service, Monitoring Officer); every other group learns only what the
// protocol has it told, through its notices and offers. Decided here and nowhere else.
import type { Kysely, Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import { access, type CurrentUser } from '../../web/access.ts';
import { findMember } from '../directory/members.repository.ts';
import { findSecretary } from './briefing.repository.ts';
import type { Briefing } from './briefing.types.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

/** The statutory officers who oversee even-handedness and see every group's briefings. */
export const oversightAccess = access.powers('head-of-paid-service', 'monitoring-officer');

/** Anyone who might take part in a briefing: members, group leaders, officers and the statutory officers. */
export const briefingAccess = access.anyOf(['member', 'group-leader', 'officer'], ['head-of-paid-service', 'monitoring-officer']);

export function oversees(user: CurrentUser): boolean {
  return user.powers.includes('head-of-paid-service') || user.powers.includes('monitoring-officer');
}

/** The user as a councillor on a day: their group, and whether they may speak for it (leader, deputy, secretary). */
export type GroupSide = { memberId: number; memberName: string; groupId: number | null; groupName: string | null; speaksForGroup: boolean };

export async function groupSideOf(q: Q, user: CurrentUser, day: string): Promise<GroupSide | null> {
  if (user.memberId === null) return null;
  const member = await findMember(q, user.memberId);
  if (!member || member.termStart > day || member.termEnd < day) return null;
  const secretary = member.groupId !== null && (await findSecretary(q, member.groupId)) === member.id;
  const leads = member.groupRole === 'leader' || member.groupRole === 'deputy-leader';
  return { memberId: member.id, memberName: member.fullName, groupId: member.groupId, groupName: member.groupName, speaksForGroup: member.groupId !== null && (leads || secretary) };
}

export type BriefingStanding = { ofGroup: boolean; speaksForGroup: boolean; officer: boolean; statutory: boolean };

export async function standingOn(q: Q, user: CurrentUser, briefing: Pick<Briefing, 'groupId' | 'officerId' | 'requestedByMemberId'>, day: string): Promise<BriefingStanding> {
  const side = await groupSideOf(q, user, day);
  const ofGroup = side?.groupId === briefing.groupId;
  return {
    ofGroup,
    speaksForGroup: ofGroup && (side!.speaksForGroup || side!.memberId === briefing.requestedByMemberId),
    officer: user.officerId !== null && user.officerId === briefing.officerId,
    statutory: oversees(user),
  };
}

export function maySee(s: BriefingStanding): boolean {
  return s.ofGroup || s.officer || s.statutory;
}

export type BriefingAction = 'answer' | 'outcome' | 'verify' | 'report';

export function mayAct(s: BriefingStanding, action: BriefingAction): boolean {
  switch (action) {
    case 'answer':
    case 'verify':
    case 'report':
      return s.officer;
    case 'outcome':
      return s.speaksForGroup || s.officer;
  }
}
