// When an enquiry must be answered, and what meets it. The protocol's own deadline where it sets one (bristol-2019
// 10(f): 7 working days; county 1.7.2: 5, met by a full reply or an explaining acknowledgement); where it is
// silent, the council's local standard from its settings, labelled as local rather than protocol.
import { check } from '../../protocol/check.ts';
import { addWorkingDays, explainWorkingDays, whyNotWorkingDay, workingCalendar, workingDaysBetween, type WorkingCalendar } from '../../protocol/working-days.ts';
import { findFullProfile } from '../../protocol/profiles/index.ts';
import { parameterOn } from '../../protocol/versions.ts';
import type { Nation } from '../../protocol/types.ts';
import type { CouncilSettings } from '../settings/settings.repository.ts';
import type { Deadline } from './enquiry.types.ts';

export type CouncilCalendar = { nation: Nation; closures: string[] };

export function calendarFor(council: CouncilCalendar): WorkingCalendar {
  return workingCalendar({ nation: council.nation, closures: council.closures });
}

export function enquiryDeadline(profileId: string, council: CouncilCalendar, settings: CouncilSettings, receivedOn: string, on: string): { dueOn: string; deadline: Deadline } {
  const decision = check(profileId, { question: 'enquiry-deadline', facts: { received: receivedOn, nation: council.nation, closures: council.closures } }, on);
  const profile = findFullProfile(profileId);
  const rule = profile?.rules.find((r) => r.question === 'enquiry-deadline' && r.deadlineParameter && decision.clauses.some((c) => r.clauses.includes(c)));
  if (decision.deadline && profile && rule?.deadlineParameter) {
    const parameter = parameterOn(profile, rule.deadlineParameter, on);
    return {
      dueOn: decision.deadline,
      deadline: { basis: 'protocol', workingDays: Number(parameter.value), clauses: decision.clauses, means: decision.obligations.map((o) => o.what), warnings: decision.warnings },
    };
  }
  const days = settings.localEnquiryDays;
  return {
    dueOn: addWorkingDays(calendarFor(council), receivedOn, days),
    deadline: {
      basis: 'local',
      workingDays: days,
      clauses: decision.clauses,
      means: [`A full reply within the council’s own standard of ${days} working days: the protocol sets no deadline`],
      warnings: [],
    },
  };
}

export type DeadlineExplained = { counted: string[]; skipped: { date: string; why: string }[]; remaining: number | null };

/** The working behind a due date, for the enquiry page: every day counted, every day skipped and why. */
export function explainDeadline(council: CouncilCalendar, receivedOn: string, workingDays: number, dueOn: string | null, today: string): DeadlineExplained {
  const calendar = calendarFor(council);
  const explained = explainWorkingDays(calendar, receivedOn, workingDays);
  return { counted: explained.counted, skipped: explained.skipped, remaining: dueOn ? workingDaysBetween(calendar, today, dueOn) : null };
}

/** A paused deadline resumes later by the working days the enquiry spent waiting on the member. */
export function resumeDeadline(council: CouncilCalendar, dueOn: string, pausedOn: string, resumedOn: string): string {
  const calendar = calendarFor(council);
  const waited = Math.max(0, workingDaysBetween(calendar, pausedOn, resumedOn));
  return addWorkingDays(calendar, dueOn, waited);
}

export function isWorkingDayFor(council: CouncilCalendar, day: string): boolean {
  return whyNotWorkingDay(calendarFor(council), day) === null;
}
