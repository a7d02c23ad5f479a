// Home-page panels for access requests: a member's open requests and the grants they hold (with when each ends),
// and for those who advise or decide, what waits for them, the reg 17 dates first. No panel when nothing is there.
import type { Deps } from '../../deps.ts';
import type { CurrentUser } from '../../web/access.ts';
import { formatDate } from '../../web/format.ts';
import type { Panel } from '../home/panel.ts';
import { firstFew, plural } from '../home/panel.ts';
import { mayAdvise, mayDecide } from './access-request-access.ts';
import { listMemberRequests } from './access-request.repository.ts';
import { openRequests } from './access-request.service.ts';
import { grantInForce, grantLastDay, OPEN_STATUSES } from './access-request.types.ts';

export async function accessRequestPanels(deps: Pick<Deps, 'db'>, user: CurrentUser, day: string): Promise<Panel[]> {
  const panels: Panel[] = [];
  if (user.memberId !== null && (user.roles.includes('member') || user.roles.includes('group-leader'))) {
    const mine = await listMemberRequests(deps.db.kysely, user.memberId);
    const open = mine.filter((r) => OPEN_STATUSES.includes(r.status));
    const granted = mine.filter((r) => grantInForce(r, day));
    if (open.length || granted.length) {
      panels.push({
        title: 'Your access requests',
        summary: `${plural(open.length, 'request')} waiting, ${plural(granted.length, 'grant')} in force`,
        items: [
          ...firstFew(granted, (r) => ({ text: r.subject, href: `/access-requests/${r.id}`, hint: `${r.purposeConfirmedAt ? 'Open to you' : 'Confirm the purpose to open it'} until ${formatDate(grantLastDay(r.conditions.untilOn, r.memberTermEnd))}` }), 4),
          ...firstFew(open, (r) => ({ text: r.subject, href: `/access-requests/${r.id}`, hint: 'Waiting for a decision' }), 4),
        ],
      });
    }
  }
  if (user.powers.length) {
    const waiting = (await openRequests(deps)).filter((r) => (r.status === 'awaiting-advice' ? mayAdvise(user) : mayDecide(user, r)));
    if (waiting.length) {
      const byDue = [...waiting].sort((a, b) => (a.scrutinyDueOn ?? '9999').localeCompare(b.scrutinyDueOn ?? '9999'));
      const overdue = waiting.filter((r) => r.scrutinyDueOn !== null && day > r.scrutinyDueOn).length;
      panels.push({
        title: 'Access requests waiting for you',
        summary: `${plural(waiting.length, 'request')}${overdue ? `, ${overdue} past the reg 17 date` : ''}`,
        items: firstFew(byDue, (r) => ({ text: `${r.memberName}: ${r.subject}`, href: `/access-requests/${r.id}`, hint: r.scrutinyDueOn ? `Reg 17: due by ${formatDate(r.scrutinyDueOn)}` : r.status === 'awaiting-advice' ? 'Your advice first' : undefined })),
      });
    }
  }
  return panels;
}
