// Working-day arithmetic for protocol deadlines ("within 7 working days of receipt") and the election
// timetable, over each UK nation's bank holidays and the council's own closure days. Pure: no clock, no I/O.
//
// The convention: the day that starts the period is never counted, whether or not it is a working day, and
// the deadline is the n-th working day after it. An enquiry received on Monday 2 March 2026 with 7 working
// days is due by Wednesday 11 March. A council that treats an enquiry received at a weekend as received on
// the next working day moves the start there before counting.
import { dateOf, dayCount, dayNumber } from './calendar/dates.ts';
import { electionTimetableCalendar, notCountedBecause } from './calendar/working-calendar.ts';
import type { NotCountedBecause, WorkingCalendar } from './calendar/working-calendar.ts';

export { NATIONS, bankHolidaysIn } from './calendar/bank-holidays.ts';
export { bankHolidaysFromGovUk } from './calendar/gov-uk-bank-holidays.ts';
export { addClearDays, clearDaysBefore } from './calendar/clear-days.ts';
export { electionTimetableCalendar, workingCalendar } from './calendar/working-calendar.ts';
export type { NotCountedBecause, WorkingCalendar, WorkingCalendarOptions } from './calendar/working-calendar.ts';
export type { Nation } from './types.ts';

/** What a page shows beside a deadline: the days counted towards it and the days passed over, with why. */
export type WorkingDaysExplanation = {
  deadline: string;
  counted: string[];
  skipped: { date: string; why: NotCountedBecause }[];
};

export function isWorkingDay(calendar: WorkingCalendar, date: string): boolean {
  return notCountedBecause(calendar, dayNumber(date, 'date')) === null;
}

/** Why the day is not a working day ('weekend', 'bank holiday: Good Friday', …), or null when it is one. */
export function whyNotWorkingDay(calendar: WorkingCalendar, date: string): NotCountedBecause | null {
  return notCountedBecause(calendar, dayNumber(date, 'date'));
}

/** Steps from a day, one calendar day at a time, until n working days have been counted. */
function walk(calendar: WorkingCalendar, from: number, n: number, step: 1 | -1, explanation?: WorkingDaysExplanation): number {
  let day = from;
  let counted = 0;
  while (counted < n) {
    day += step;
    const why = notCountedBecause(calendar, day);
    if (why === null) counted += 1;
    if (explanation && why === null) explanation.counted.push(dateOf(day));
    if (explanation && why !== null) explanation.skipped.push({ date: dateOf(day), why });
  }
  return day;
}

/** The date n working days after start (start not counted; n = 0 gives start). */
export function addWorkingDays(calendar: WorkingCalendar, start: string, n: number): string {
  return dateOf(walk(calendar, dayNumber(start, 'start'), dayCount(n, 'n'), 1));
}

/** The same as addWorkingDays, in the words of a protocol: "within n working days after receipt". */
export const workingDaysAfter = addWorkingDays;

/** The date n working days before end (end not counted): the "25th working day before the poll". */
export function workingDaysBefore(calendar: WorkingCalendar, end: string, n: number): string {
  return dateOf(walk(calendar, dayNumber(end, 'end'), dayCount(n, 'n'), -1));
}

/**
 * The working days after from, up to and including to: how many working days remain until a deadline, or
 * (negative, when to is before from) by how many it has passed. workingDaysBetween(c, s, addWorkingDays(c, s, n))
 * is n.
 */
export function workingDaysBetween(calendar: WorkingCalendar, from: string, to: string): number {
  const first = dayNumber(from, 'from');
  const last = dayNumber(to, 'to');
  const [low, high, sign] = first <= last ? [first, last, 1] : [last, first, -1];
  let count = 0;
  for (let day = low + 1; day <= high; day += 1) if (notCountedBecause(calendar, day) === null) count += 1;
  return sign * count;
}

/**
 * workingDaysBetween for many pairs of days on one calendar, as the statistics ask it of a year of answers: each
 * day is looked at once and kept as a running count, so that every answer after that is one subtraction.
 */
export function workingDaysCounter(calendar: WorkingCalendar): (from: string, to: string) => number {
  // running[i]: the working days after `base`, up to and including base + i.
  let base = 0;
  let running = new Int32Array(0);
  const cover = (low: number, high: number) => {
    if (running.length && low >= base && high < base + running.length) return;
    // A year either side as well, so that a spread of dates arriving in any order rebuilds the count rarely.
    const first = Math.min(low, running.length ? base : low) - 366;
    const last = Math.max(high, running.length ? base + running.length - 1 : high) + 366;
    running = new Int32Array(last - first + 1);
    for (let i = 1; i < running.length; i += 1) running[i] = running[i - 1]! + (notCountedBecause(calendar, first + i) === null ? 1 : 0);
    base = first;
  };
  return (from, to) => {
    const first = dayNumber(from, 'from');
    const last = dayNumber(to, 'to');
    cover(Math.min(first, last), Math.max(first, last));
    return running[last - base]! - running[first - base]!;
  };
}

/** addWorkingDays with its working: every day after start up to the deadline, counted or skipped and why. */
export function explainWorkingDays(calendar: WorkingCalendar, start: string, n: number): WorkingDaysExplanation {
  const explanation: WorkingDaysExplanation = { deadline: start, counted: [], skipped: [] };
  explanation.deadline = dateOf(walk(calendar, dayNumber(start, 'start'), dayCount(n, 'n'), 1, explanation));
  return explanation;
}

/**
 * The last day for publishing the notice of an ordinary local election in England and Wales: not later than
 * the 25th working day before the poll, counted on the election timetable (weekends, Christmas Eve, Christmas
 * Day, Good Friday and bank holidays left out). Poll on Thursday 7 May 2026: notice by Monday 30 March 2026.
 * Other nations' timetables set their own periods: count them with workingDaysBefore and
 * electionTimetableCalendar.
 */
export function lastDayForNoticeOfElection(poll: string, options: { nation: 'england-and-wales'; bankHolidays?: unknown }): string {
  if (options?.nation !== 'england-and-wales') {
    throw new RangeError(`nation: the 25-working-day notice is the England and Wales rule, got ${JSON.stringify(options?.nation)}`);
  }
  return workingDaysBefore(electionTimetableCalendar(options), poll, 25);
}
