// The demo council's party group briefings, made through the real services on the days they would have
// happened: a briefing held with verified notes and a report, the same matter given to a second group, one
// declined, one held whose notes wait for the officer, one accepted for next week and one awaiting an answer.
// What the other groups were told, and any identical sessions offered, follow from the council's profile.
import { fixedClock, ukDate, type Clock } from '../../clock.ts';
import type { Db } from '../../db/create-db.ts';
import type { CurrentUser } from '../../web/access.ts';
import type { Actor } from '../../actor.ts';
import { answerBriefing, requestBriefing, type BriefingDeps } from '../briefings/briefing.service.ts';
import { recordOutcome, recordReport, verifyNotes } from '../briefings/briefing-record.service.ts';
import { answerOffer } from '../briefings/briefing-offers.service.ts';
import { listOffers } from '../briefings/briefing.repository.ts';
import { hasDuty } from '../../protocol/duties.ts';

function addDays(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

const asMember = (memberId: number): CurrentUser => ({ id: 0, email: '', fullName: '', roles: ['member'], powers: [], memberId, memberRecordId: memberId, officerId: null, via: 'session' });
const asOfficer = (officerId: number): CurrentUser => ({ id: 0, email: '', fullName: '', roles: ['officer'], powers: [], memberId: null, memberRecordId: null, officerId, via: 'session' });

export async function seedDemoBriefings(deps: { db: Db; clock: Clock; config: BriefingDeps['config'] }, actor: Actor): Promise<number> {
  const q = deps.db.kysely;
  const today = ukDate(deps.clock.now());
  const leaders = await q
    .selectFrom('members as m')
    .innerJoin('political_groups as g', 'g.id', 'm.group_id')
    .leftJoin('users as u', 'u.member_id', 'm.id')
    .leftJoin('user_roles as r', (join) => join.onRef('r.user_id', '=', 'u.id').on('r.role', '=', 'group-leader'))
    .select(['m.id', 'm.group_id', 'r.role'])
    .where('m.group_role', '=', 'leader')
    .where('m.term_start', '<=', today)
    .where('m.term_end', '>=', today)
    .orderBy('g.name')
    .execute();
  // The demo group leader's own group first, so that their sign-in shows the most.
  const ordered = [...leaders.filter((l) => l.role), ...leaders.filter((l) => !l.role)];
  const officers = await q.selectFrom('officers').select(['id', 'grade']).where('left_on', 'is', null).where('grade', 'in', ['chief-executive', 'director']).orderBy('id').execute();
  const chief = officers.find((o) => o.grade === 'chief-executive');
  const directors = officers.filter((o) => o.grade === 'director');
  if (ordered.length < 2 || !chief || directors.length < 2) return 0;
  const [first, second] = [ordered[0]!.id, ordered[1]!.id];
  const [planning, place] = [directors[0]!.id, directors[1]!.id];

  // Each step runs with the clock on its own day, as the services would have seen it.
  const on = (day: string, hour = 10) => ({ ...deps, clock: fixedClock(`${day}T${String(hour).padStart(2, '0')}:00:00Z`) });
  const request = (day: string, member: number, officerId: number, subject: string, meetsOn: string, extra: Record<string, unknown> = {}) =>
    requestBriefing(on(day), actor, asMember(member), { officerId, subject, meetsOn, attendees: 'The group’s councillors', nonMembersPresent: false, partyBusiness: false, ...extra });
  let made = 0;

  const plan = await request(addDays(today, -30), first, planning, 'Local Plan: preferred options consultation', addDays(today, -21), { subjectConsent: true });
  const planAccepted = await answerBriefing(on(addDays(today, -29)), actor, asOfficer(planning), plan.id, { version: plan.version, answer: 'accept' });
  const planHeld = await recordOutcome(on(addDays(today, -21), 20), actor, asMember(first), plan.id, {
    version: planAccepted.version, held: 'yes', minutesAttended: 55, leftBeforePartyBusiness: 'yes',
    notes: 'The timetable to submission and the housing numbers by parish were explained. Members asked about the green belt sites.',
    attributedComments: 'The Director said the inspector is unlikely to accept a lower housing figure without new evidence.',
  });
  const planVerified = planHeld.notesStatus === 'awaiting-officer'
    ? await verifyNotes(on(addDays(today, -19)), actor, asOfficer(planning), plan.id, { version: planHeld.version, response: 'Accurate. I added that the evidence would need to be in place before submission.' })
    : planHeld;
  if (hasDuty(planVerified.duties, 'announce-reports')) {
    await recordReport(on(addDays(today, -18)), actor, asOfficer(planning), plan.id, { version: planVerified.version, title: 'Local Plan: the evidence base and timetable', text: 'A summary of the evidence studies commissioned, their dates, and the steps to submission.' });
  }
  made++;

  // The same matter for a second group: the Director may not decline it, and gives the same advice.
  const same = await request(addDays(today, -20), second, planning, 'Local Plan preferred options', addDays(today, -14));
  const sameAccepted = await answerBriefing(on(addDays(today, -20)), actor, asOfficer(planning), same.id, { version: same.version, answer: 'accept' });
  await recordOutcome(on(addDays(today, -14), 20), actor, asMember(second), same.id, { version: sameAccepted.version, held: 'yes', minutesAttended: 45, leftBeforePartyBusiness: 'none-discussed', notes: 'The same briefing as given to the other group; questions on the site at the old quarry.' });
  made++;

  const tax = await request(addDays(today, -12), second, chief.id, 'Council tax support scheme', addDays(today, -5));
  await answerBriefing(on(addDays(today, -11)), actor, asOfficer(chief.id), tax.id, { version: tax.version, answer: 'decline', reason: 'The scheme is out to public consultation; I will brief all groups together at the Member Briefing on the 28th.' });
  made++;

  const parking = await request(addDays(today, -9), second, place, 'Town centre car parking charges', addDays(today, -3));
  const parkingAccepted = await answerBriefing(on(addDays(today, -8)), actor, asOfficer(place), parking.id, { version: parking.version, answer: 'accept' });
  await recordOutcome(on(addDays(today, -3), 20), actor, asMember(second), parking.id, { version: parkingAccepted.version, held: 'yes', minutesAttended: 40, leftBeforePartyBusiness: 'yes', notes: 'Charges, usage and the effect on the market days.', attributedComments: 'The Director said income had fallen by a tenth since the pandemic.' });
  made++;

  const budget = await request(addDays(today, -2), first, chief.id, 'Budget 2027/28: savings proposals', addDays(today, 7));
  await answerBriefing(on(addDays(today, -1)), actor, asOfficer(chief.id), budget.id, { version: budget.version, answer: 'accept' });
  made++;

  await request(today, first, place, 'Waste collection round changes', addDays(today, 14));
  made++;

  // Where the profile offers the identical session, one group turns its offer down; the rest lapse or wait.
  const offered = await listOffers(q, { briefingId: plan.id });
  const declining = offered.find((o) => o.groupId !== null);
  if (declining) {
    const leader = leaders.find((l) => l.group_id === declining.groupId);
    if (leader) await answerOffer(on(addDays(today, -27)), actor, asMember(leader.id), declining.id, { version: declining.version, answer: 'decline', reason: 'Our spokesperson was briefed at the scrutiny committee.' });
  }
  return made;
}
