// Clear days. Where a period is set in "clear days" — reg 17 of SI 2012/2089 (a member of an overview and
// scrutiny committee is to have access to an executive document within 10 clear days of asking), reg 5
// (28 clear days' notice of a private executive meeting), reg 16 (inspection at least 5 clear days before a
// meeting) — each clear day is a whole day, and neither the day of the event that starts the period (the
// request, the notice) nor the day that ends it (the access, the meeting) is one of them. That is the long-
// standing reading of "clear days" in the Local Government Act 1972 and elsewhere (R v Herefordshire Justices
// (1820); R v Swansea City Council, ex p Elitestone Ltd (1993)).
//
// These functions count every day of the calendar, weekends and holidays included. Notice of a council
// meeting under Schedule 12 to the 1972 Act is different: s243 of that Act leaves Sundays, the Christmas and
// Easter breaks, bank holidays and days of thanksgiving or mourning out of the count, and councils commonly
// count only working days there; use a working calendar for that.
import { dateOf, dayCount, dayNumber } from './dates.ts';

/**
 * The first day that leaves n clear days after start: start + n + 1. A request received on 1 March with
 * 10 clear days (2 to 11 March) gives access by 12 March.
 */
export function addClearDays(start: string, n: number): string {
  return dateOf(dayNumber(start, 'start') + dayCount(n, 'n') + 1);
}

/**
 * The last day that leaves n clear days before an event: event - n - 1. Notice of a private meeting on
 * 30 April with 28 clear days (2 to 29 April) is given by 1 April.
 */
export function clearDaysBefore(event: string, n: number): string {
  return dateOf(dayNumber(event, 'event') - dayCount(n, 'n') - 1);
}
