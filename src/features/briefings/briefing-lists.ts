// What /briefings shows each reader: a group's own briefings, offers and notices it was sent; an officer's
// invitations and notes to verify; and for the statutory officers every briefing, filtered as the report links.
import { z } from 'zod';
import { ukDate } from '../../clock.ts';
import type { CurrentUser } from '../../web/access.ts';
import { formErrors, type FormErrors } from '../../web/forms.ts';
import { readFilters } from '../../web/params.ts';
import { listGroups } from '../directory/groups.repository.ts';
import { groupSideOf, oversees } from './briefing-access.ts';
import { findSecretary, listBriefings, listNotices, listOffers } from './briefing.repository.ts';
import { ledGroupOf } from './group-secretary.service.ts';
import { listMembers } from '../directory/members.repository.ts';
import type { BriefingDeps } from './briefing.service.ts';
import { BRIEFING_STATUSES, briefingReference, STATUS_LABELS, type Briefing, type BriefingOffer } from './briefing.types.ts';
import { offerTag, statusTag } from './briefing.view.ts';
import { LARGEST_INTEGER } from '../../web/stored-integer.ts';
import { text } from '../../web/text.ts';

const blank = (v: unknown) => (v === '' ? undefined : v);
const day = (label: string) => text(label).regex(/^\d{4}-\d{2}-\d{2}$/, 'Give dates as 2026-12-02');

export const listQuery = z.object({
  group: z.preprocess(blank, z.coerce.number({ error: 'Select a group from the list' }).int().positive().max(LARGEST_INTEGER).optional()),
  status: z.preprocess(blank, z.enum(BRIEFING_STATUSES, { error: 'Select a status from the list' }).optional()),
  from: z.preprocess(blank, day('Meeting from').optional()),
  to: z.preprocess(blank, day('Meeting to').optional()),
});

const row = (b: Briefing) => ({ id: b.id, reference: briefingReference(b.id), subject: b.subject, groupName: b.groupName, officerName: b.officerName, meetsOn: b.meetsOn, tag: statusTag(b.status), notesAwaiting: b.notesStatus === 'awaiting-officer' });
const offerRow = (o: BriefingOffer) => ({ ...o, tag: offerTag(o) });

export async function briefingLists(deps: Pick<BriefingDeps, 'db' | 'clock'>, user: CurrentUser, query: Record<string, unknown>): Promise<Record<string, unknown> & { errors?: FormErrors }> {
  const q = deps.db.kysely;
  const today = ukDate(deps.clock.now());
  const side = await groupSideOf(q, user, today);
  const result: Record<string, unknown> = { side, canRequest: Boolean(side?.speaksForGroup) };
  if (user.officerId !== null) {
    const mine = await listBriefings(q, { officerId: user.officerId });
    result.invitations = mine.filter((b) => b.status === 'requested').map(row);
    result.toVerify = mine.filter((b) => b.notesStatus === 'awaiting-officer').map(row);
    result.officerBriefings = mine.filter((b) => b.status !== 'requested').map(row);
  }
  const led = await ledGroupOf(deps, user);
  if (led !== null) {
    const secretary = await findSecretary(q, led);
    const members = (await listMembers(q, { day: today, status: 'in-office' })).filter((m) => m.groupId === led && m.id !== user.memberId);
    result.secretaryItems = [{ value: '', text: 'No secretary' }, ...members.map((m) => ({ value: String(m.id), text: m.fullName, selected: m.id === secretary }))];
  }
  if (side?.groupId) {
    result.groupBriefings = (await listBriefings(q, { groupId: side.groupId })).map(row);
    result.offersToUs = (await listOffers(q, { groupId: side.groupId })).map(offerRow);
    result.noticesToUs = await listNotices(q, { groupId: side.groupId });
  } else if (side) {
    result.offersToUs = (await listOffers(q, { memberId: side.memberId })).map(offerRow);
    result.noticesToUs = await listNotices(q, { memberId: side.memberId });
  }
  if (!oversees(user)) return result;
  const { values, problems } = readFilters(listQuery, query);
  const groups = await listGroups(q);
  if (values.group !== undefined && !groups.some((g) => g.id === values.group)) problems.push({ field: 'group', message: 'Select a group from the list' });
  const all = problems.length ? [] : await listBriefings(q, { groupId: values.group, status: values.status, from: values.from, to: values.to });
  return {
    ...result,
    oversight: true,
    all: all.map(row),
    filters: values,
    groupItems: [{ value: '', text: 'Every group' }, ...groups.map((g) => ({ value: String(g.id), text: g.name, selected: g.id === values.group }))],
    statusItems: [{ value: '', text: 'Any status' }, ...BRIEFING_STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s], selected: s === values.status }))],
    ...(problems.length ? { errors: formErrors(problems) } : {}),
  };
}
