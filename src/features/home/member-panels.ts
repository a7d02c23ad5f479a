// What a councillor and a group leader see first: their ward, group, seats and term; their group's members.
import type { Deps } from '../../deps.ts';
import type { CurrentUser } from '../../web/access.ts';
import { findMember, listMembers } from '../directory/members.repository.ts';
import { listSeatsOfMember } from '../directory/bodies.repository.ts';
import { groupRoleLabels, seatRoleLabels, termStatus } from '../directory/directory.types.ts';
import { areaWords } from '../directory/area-term.ts';
import { daysBetween, formatDate, plural, type Panel } from './panel.ts';

export async function memberPanels(deps: Pick<Deps, 'db'>, user: CurrentUser, day: string): Promise<Panel[]> {
  // The member's own record, in office or not: a former member is told their term has ended.
  if (user.memberRecordId === null) return [];
  const member = await findMember(deps.db.kysely, user.memberRecordId);
  if (!member) return [];
  const status = termStatus(member, day);
  if (status === 'term-ended') {
    return [
      {
        title: 'Your term of office has ended',
        summary: `Your term ended on ${formatDate(member.termEnd)}, so your rights as a member ended that day. Your record is kept.`,
        items: [{ text: 'Your record in the directory', href: `/members/${member.id}` }],
      },
    ];
  }
  const area = await areaWords(deps);
  const seats = await listSeatsOfMember(deps.db.kysely, member.id);
  const daysLeft = daysBetween(day, member.termEnd);
  const panels: Panel[] = [
    {
      title: 'You as a councillor',
      summary:
        status === 'not-started'
          ? `Your term of office starts on ${formatDate(member.termStart)}.`
          : `Your term of office ends on ${formatDate(member.termEnd)}: ${plural(daysLeft, 'day')} from today.`,
      items: [
        { text: `${area.singular}: ${member.wardName ?? 'not recorded'}`, ...(member.wardId ? { href: `/members/by-ward#ward-${member.wardId}` } : {}) },
        member.groupId
          ? { text: `Group: ${member.groupName}${member.groupRole ? `, ${groupRoleLabels[member.groupRole].toLowerCase()}` : ''}`, href: `/members/by-group#group-${member.groupId}` }
          : { text: 'Group: none (independent)' },
        ...(member.cabinetPortfolio ? [{ text: `Cabinet portfolio: ${member.cabinetPortfolio}` }] : []),
        ...seats.map((s) => ({ text: s.seatRole === 'member' ? s.bodyName : `${s.bodyName} (${seatRoleLabels[s.seatRole].toLowerCase()})`, href: `/bodies/${s.bodyId}` })),
        { text: 'Your page in the directory', href: `/members/${member.id}` },
      ],
    },
  ];
  if (user.roles.includes('group-leader') && member.groupId !== null) {
    const group = await listMembers(deps.db.kysely, { day, groupId: member.groupId, status: 'in-office' });
    panels.push({
      title: `Your group: ${member.groupName}`,
      summary: `${plural(group.length, 'member')} in office.`,
      items: group.map((m) => ({
        text: m.fullName,
        href: `/members/${m.id}`,
        hint: [m.groupRole ? groupRoleLabels[m.groupRole] : null, m.wardName, m.cabinetPortfolio].filter(Boolean).join(' · '),
      })),
    });
  }
  return panels;
}
