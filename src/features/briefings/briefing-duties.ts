// Carrying out what the protocol asks of a briefing towards everyone else: telling the other groups (with or
// without the subject, as the profile says), offering them the identical session, announcing a report and
// sending copies. Each message is written to the outbox and recorded as a notice, in the caller's transaction.
import { scheduleJob } from '../../jobs/scheduler.ts';
import { hasDuty } from '../../protocol/duties.ts';
import { insertMail } from '../mail/outbox.repository.ts';
import { formatDate } from '../../web/format.ts';
import { briefingLink, type BriefingMailContext } from './briefing-mail.ts';
import { groupsWithLeaders, insertNotice, insertOffer, membersInNoGroup, type Recipient } from './briefing.repository.ts';
import { briefingReference, capital, groupPhrase, type Briefing, type NoticeKind } from './briefing.types.ts';

export const OFFER_LAPSE_JOB = 'briefing.offer-lapse';

type To = { groupId: number | null; groupName: string | null; member: Recipient | null };

/** Every other group (through its leader) and, where the profile asks, each member in no group. */
async function othersToTell(ctx: BriefingMailContext, b: Briefing, day: string): Promise<To[]> {
  const groups = (await groupsWithLeaders(ctx.trx, day)).filter((g) => g.groupId !== b.groupId).map((g) => ({ groupId: g.groupId, groupName: g.groupName, member: g.leader }));
  if (!hasDuty(b.duties, 'include-members-in-no-group')) return groups;
  const loners = (await membersInNoGroup(ctx.trx, day)).map((m) => ({ groupId: null, groupName: null, member: m }));
  return [...groups, ...loners];
}

async function tell(ctx: BriefingMailContext, b: Briefing, to: To, kind: NoticeKind, subject: string, told: string, path: string): Promise<void> {
  const at = ctx.at.toISOString();
  const address = to.member?.email ?? null;
  const outboxId = address
    ? await insertMail(ctx.trx, { to: address, toName: to.member!.name, subject: `${briefingReference(b.id)}: ${subject}`, text: `${told}${briefingLink(ctx, path)}`, kind: `briefing.${kind}`, entity: 'briefing', entityId: b.id }, at)
    : null;
  const recipientName = to.member ? (to.groupName ? `${to.member.name}, for ${groupPhrase(to.groupName)}` : `${to.member.name} (in no group)`) : `${capital(groupPhrase(to.groupName ?? ''))} (no leader on record)`;
  await insertNotice(ctx.trx, { briefingId: b.id, kind, groupId: to.groupId, memberId: to.member?.memberId ?? null, recipientName, address, told, outboxId }, at);
}

/** What the other groups are told of the attendance: the subject only where the profile names it, or the group consented. */
export function attendanceNotice(b: Briefing): string | null {
  const who = `${b.officerName}, ${b.officerJobTitle}, attended a meeting of ${groupPhrase(b.groupName)} on ${formatDate(b.meetsOn)}`;
  if (hasDuty(b.duties, 'tell-other-groups-attendance-and-subject')) return `On behalf of the Chief Executive: ${who} and advised on “${b.subject}”.`;
  if (hasDuty(b.duties, 'tell-other-groups-of-attendance')) {
    return b.subjectConsent
      ? `On behalf of the Chief Executive: ${who}. With the group’s consent you are told the subject: “${b.subject}”.`
      : `On behalf of the Chief Executive: ${who}. What was discussed stays with that group, which has not agreed to its being passed on.`;
  }
  return null;
}

export async function tellOthersOfAttendance(ctx: BriefingMailContext, b: Briefing, day: string): Promise<number> {
  const told = attendanceNotice(b);
  if (!told || !b.attended) return 0;
  const others = await othersToTell(ctx, b, day);
  for (const to of others) await tell(ctx, b, to, 'attendance', `an officer attended ${groupPhrase(b.groupName)}`, told, '/briefings');
  return others.length;
}

/** The identical session, offered to every other group once the officer has accepted; never re-offered from an offer. */
export async function offerIdenticalSessions(ctx: BriefingMailContext, b: Briefing, day: string, lapsesOn: string): Promise<number> {
  if (!hasDuty(b.duties, 'offer-identical-session') || b.offeredFromBriefingId !== null) return 0;
  const others = await othersToTell(ctx, b, day);
  for (const to of others) {
    const offerId = await insertOffer(ctx.trx, { briefingId: b.id, groupId: to.groupId, memberId: to.groupId === null ? to.member!.memberId : null, lapsesOn }, ctx.at.toISOString());
    const told = `${capital(groupPhrase(b.groupName))} is to be briefed by ${b.officerName}, ${b.officerJobTitle}, on “${b.subject}” on ${formatDate(b.meetsOn)}. ${to.groupId === null ? 'You are' : 'Your group is'} offered an identical session. Please accept or decline by ${formatDate(lapsesOn)}; after that the offer lapses.`;
    await tell(ctx, b, to, 'offer', 'you are offered an identical briefing', told, `/briefings/offers/${offerId}`);
    await scheduleJob(ctx.trx, { kind: OFFER_LAPSE_JOB, key: `briefing-offer:${offerId}:lapse`, runAt: new Date(`${lapsesOn}T23:00:00Z`), payload: { offerId } }, ctx.at);
  }
  return others.length;
}

export async function announceReport(ctx: BriefingMailContext, b: Briefing, day: string): Promise<number> {
  if (!hasDuty(b.duties, 'announce-reports') || !b.reportTitle) return 0;
  const others = await othersToTell(ctx, b, day);
  const told = `On behalf of the Chief Executive: ${b.officerName}, ${b.officerJobTitle}, has prepared a report for ${groupPhrase(b.groupName)}, “${b.reportTitle}”. Any group may have a copy: ask for one in Nolan.`;
  for (const to of others) await tell(ctx, b, to, 'report', `a report was prepared for ${groupPhrase(b.groupName)}`, told, '/briefings');
  return others.length;
}

export async function sendReportCopy(ctx: BriefingMailContext, b: Briefing, to: To): Promise<void> {
  const told = `As your group asked, here is the report ${b.officerName} prepared for ${groupPhrase(b.groupName)}.\n\n${b.reportTitle}\n\n${b.reportText}`;
  await tell(ctx, b, to, 'report-copy', `a copy of “${b.reportTitle}”`, told, '/briefings');
}
