// Who sees and does what with a briefing. A group's briefings and notes are for that group, the officer invited
// and the statutory officers (Head of Paid Service, Monitoring Officer); every other group learns only what the
// protocol has it told, through its notices and offers. Decided here and nowhere else.
import type { Kysely, Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import { access, type CurrentUser } from '../../web/access.ts';
import { findMember } from '../directory/members.repository.ts';
import { findBriefings, findOffers, findSecretary } from './briefing.repository.ts';
import type { Briefing, BriefingOffer } from './briefing.types.ts';

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

type Parties = Pick<Briefing, 'groupId' | 'officerId' | 'requestedByMemberId'>;

export async function standingOn(q: Q, user: CurrentUser, briefing: Parties, day: string): Promise<BriefingStanding> {
  return standingFrom(user, await groupSideOf(q, user, day), briefing);
}

function standingFrom(user: CurrentUser, side: GroupSide | null, briefing: Parties): BriefingStanding {
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

/** An offer of an identical session is its group's, or its member's in no group, to see and answer. */
export function isOfferedTo(side: GroupSide, offer: Pick<BriefingOffer, 'groupId' | 'memberId'>): boolean {
  return (offer.groupId !== null && offer.groupId === side.groupId) || (offer.memberId !== null && offer.memberId === side.memberId);
}

/** Of these briefings, the ones this person may see (maySee), for a few at once. */
export async function briefingsSeenBy(q: Q, user: CurrentUser, ids: readonly number[], day: string): Promise<Set<number>> {
  if (oversees(user)) return new Set(ids);
  const side = await groupSideOf(q, user, day);
  return new Set((await findBriefings(q, ids)).filter((b) => maySee(standingFrom(user, side, b))).map((b) => b.id));
}

/** Of these offers, the ones this person may see: the statutory officers see every offer (the offers report), a
 * group or member only those made to them. */
export async function offersSeenBy(q: Q, user: CurrentUser, ids: readonly number[], day: string): Promise<Set<number>> {
  if (oversees(user)) return new Set(ids);
  const side = await groupSideOf(q, user, day);
  if (!side) return new Set();
  return new Set((await findOffers(q, ids)).filter((o) => isOfferedTo(side, o)).map((o) => o.id));
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
