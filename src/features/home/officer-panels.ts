// What an officer sees first: their statutory roles and acting periods, their reports, and, for a
// statutory officer, the powers Nolan gives them today and where each comes from.
import type { Deps } from '../../deps.ts';
import type { CurrentUser, Power } from '../../web/access.ts';
import { findOfficer, listDirectReports } from '../directory/officers.repository.ts';
import { listStatutoryRoles } from '../directory/statutory-roles.repository.ts';
import { statutoryRoleLabels } from '../directory/directory.types.ts';
import { statutoryRoleView } from '../directory/statutory-officers.ts';
import { firstFew, formatDate, plural, type Panel, type PanelItem } from './panel.ts';

/** What each statutory power means in Nolan, and the statute it rests on. */
const POWER_NOTES: Record<Power, string> = {
  'head-of-paid-service':
    'Local Government and Housing Act 1989, s4. You decide applications for exemption from political restriction, and complaints the protocol sends to the Chief Executive come to you.',
  'monitoring-officer':
    'Local Government and Housing Act 1989, s5. The protocol refers disputes about a member’s need to know, questions of interpretation and complaints about members to you.',
  'chief-finance-officer':
    'Local Government Act 1972, s151. You are consulted on decisions with financial consequences, and may report under s114 of the Local Government Finance Act 1988.',
  'proper-officer':
    'Local Government Act 1972, s270(3). Decisions the protocol gives to the Proper Officer, such as access to information, come to you.',
  'responsible-financial-officer':
    'Accounts and Audit Regulations 2015. You answer for the council’s financial administration, its accounts and its payments.',
};

export async function officerPanels(deps: Pick<Deps, 'db'>, user: CurrentUser, day: string): Promise<Panel[]> {
  if (user.officerId === null || !user.roles.includes('officer')) return [];
  const officer = await findOfficer(deps.db.kysely, user.officerId);
  if (!officer) return [];
  const roles = await listStatutoryRoles(deps.db.kysely, { officerId: officer.id });
  const reports = await listDirectReports(deps.db.kysely, officer.id, day);
  const current = roles.map((r) => statutoryRoleView(r, day)).filter((r) => r.current);
  const roleItems: PanelItem[] = current.map((r) => {
    if (r.capacity === 'holder') return { text: `${r.roleLabel} since ${formatDate(r.startsOn)}` };
    if (r.actingNow) return { text: `Deputy ${r.roleLabel}: acting until ${formatDate(r.actingNow.toDate)}`, hint: r.actingNow.reason };
    const next = r.acting.find((a) => a.fromDate > day);
    return { text: `Deputy ${r.roleLabel}: not acting today`, ...(next ? { hint: `Next acting from ${formatDate(next.fromDate)} to ${formatDate(next.toDate)}` } : {}) };
  });
  const panels: Panel[] = [
    {
      title: 'You as an officer',
      summary: `${officer.jobTitle}${officer.serviceName ? `, ${officer.serviceName}` : ''}.`,
      items: [
        ...roleItems,
        ...(officer.lineManagerId ? [{ text: `Line manager: ${officer.lineManagerName}`, href: `/officers/${officer.lineManagerId}` }] : []),
        { text: `Direct reports: ${reports.length ? plural(reports.length, 'officer') : 'none'}` },
        ...firstFew(reports, (o) => ({ text: o.fullName, href: `/officers/${o.id}`, hint: o.jobTitle })),
        { text: 'Your page in the directory', href: `/officers/${officer.id}` },
      ],
    },
  ];
  if (user.powers.length) {
    panels.push({
      title: 'Your statutory powers today',
      summary: 'These come from your statutory roles in the directory, and last as long as the appointment (or, for a deputy, the acting period).',
      items: user.powers.map((p) => ({ text: statutoryRoleLabels[p], hint: POWER_NOTES[p] })),
    });
  }
  return panels;
}
