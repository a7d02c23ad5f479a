// What the home page shows of briefings: an officer's invitations awaiting an answer and notes to verify; a
// group's offers awaiting its answer and its briefings still in hand. Nothing when there is nothing to do.
import type { Deps } from '../../deps.ts';
import type { CurrentUser } from '../../web/access.ts';
import type { Panel, PanelItem } from '../home/panel.ts';
import { formatDate } from '../../web/format.ts';
import { groupSideOf } from './briefing-access.ts';
import { listBriefings, listOffers } from './briefing.repository.ts';

export async function briefingPanels(deps: Pick<Deps, 'db'>, user: CurrentUser, day: string): Promise<Panel[]> {
  const q = deps.db.kysely;
  const items: PanelItem[] = [];
  if (user.officerId !== null) {
    const mine = await listBriefings(q, { officerId: user.officerId });
    for (const b of mine.filter((x) => x.status === 'requested')) items.push({ text: `Invitation to answer: ${b.subject}`, href: `/briefings/${b.id}`, hint: `${b.groupName}, ${formatDate(b.meetsOn)}` });
    for (const b of mine.filter((x) => x.notesStatus === 'awaiting-officer')) items.push({ text: `Notes to verify: ${b.subject}`, href: `/briefings/${b.id}`, hint: b.groupName });
  }
  const side = await groupSideOf(q, user, day);
  if (side) {
    const offers = await listOffers(q, side.groupId !== null ? { groupId: side.groupId, status: 'offered' } : { memberId: side.memberId, status: 'offered' });
    for (const o of offers) items.push({ text: `Offered the same briefing: ${o.subject}`, href: `/briefings/offers/${o.id}`, hint: `Answer by ${formatDate(o.lapsesOn)}` });
    if (side.groupId !== null) {
      const waiting = (await listBriefings(q, { groupId: side.groupId })).filter((b) => b.status === 'requested' || b.status === 'accepted');
      for (const b of waiting) items.push({ text: `${b.status === 'requested' ? 'Awaiting the officer' : 'Accepted'}: ${b.subject}`, href: `/briefings/${b.id}`, hint: `${b.officerName}, ${formatDate(b.meetsOn)}` });
    }
  }
  return items.length ? [{ title: 'Party group briefings', items: [...items, { text: 'All briefings', href: '/briefings' }] }] : [];
}
