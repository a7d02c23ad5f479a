// Which days a council counts as working days: not a weekend, not a bank holiday of its nation, not a
// one-off holiday from the GOV.UK file, not a day the council is closed.
import type { Nation } from '../types.ts';
import { bankHolidaysIn, checkNation } from './bank-holidays.ts';
import { dateOf, dayNumber, isWeekend, yearOf } from './dates.ts';
import { bankHolidaysFromGovUk } from './gov-uk-bank-holidays.ts';

/** Why a day is not counted, in words a page can show beside the date. */
export type NotCountedBecause =
  | 'weekend'
  | `bank holiday: ${string}`
  | `one-off holiday: ${string}`
  | 'Christmas Eve (election timetable)'
  | 'council closure';

export type WorkingCalendar = {
  readonly nation: Nation;
  /** Days the council is closed, given by the council (e.g. between Christmas and New Year). */
  readonly closures: ReadonlySet<string>;
  /** Days from the GOV.UK file that date-holidays does not have: date → title. */
  readonly oneOffHolidays: ReadonlyMap<string, string>;
  /** The election timetable also leaves out Christmas Eve. */
  readonly christmasEve: boolean;
};

export type WorkingCalendarOptions = {
  /** Always explicit: the nations' bank holidays differ. */
  nation: Nation;
  /** The council's closure days, 'YYYY-MM-DD'. */
  closures?: readonly string[];
  /** A parsed GOV.UK bank-holidays.json object; its days for the nation are added. */
  bankHolidays?: unknown;
};

/** Keeps only the GOV.UK days date-holidays does not already have, so nothing is counted twice. */
function oneOffsFrom(file: unknown, nation: Nation): Map<string, string> {
  const oneOffs = new Map<string, string>();
  if (file === undefined) return oneOffs;
  for (const [date, title] of bankHolidaysFromGovUk(file, nation)) {
    if (!bankHolidaysIn(nation, yearOf(dayNumber(date, 'bankHolidays'))).has(date)) oneOffs.set(date, title);
  }
  return oneOffs;
}

export function workingCalendar(options: WorkingCalendarOptions): WorkingCalendar {
  const nation = checkNation(options?.nation, 'nation');
  const closures = options.closures ?? [];
  if (!Array.isArray(closures)) throw new RangeError('closures: expected a list of dates like 2026-12-29');
  closures.forEach((date, i) => dayNumber(date, `closures[${i}]`));
  return { nation, closures: new Set(closures), oneOffHolidays: oneOffsFrom(options.bankHolidays, nation), christmasEve: false };
}

/**
 * The calendar of an election timetable: no council closures, and Christmas Eve left out besides weekends,
 * Christmas Day, Good Friday and bank holidays (the computation-of-time rule of the election rules, e.g. the
 * Local Elections (Principal Areas) (England and Wales) Rules 2006). A day of public thanksgiving or mourning
 * is left out too when it is in the GOV.UK file passed as bankHolidays.
 */
export function electionTimetableCalendar(options: { nation: Nation; bankHolidays?: unknown }): WorkingCalendar {
  const nation = checkNation(options?.nation, 'nation');
  return { nation, closures: new Set(), oneOffHolidays: oneOffsFrom(options.bankHolidays, nation), christmasEve: true };
}

/** Why a day is not a working day, or null when it is one. A weekend says so first, whatever else it is. */
export function notCountedBecause(calendar: WorkingCalendar, day: number): NotCountedBecause | null {
  if (isWeekend(day)) return 'weekend';
  const date = dateOf(day);
  const bankHoliday = bankHolidaysIn(calendar.nation, yearOf(day)).get(date);
  if (bankHoliday !== undefined) return `bank holiday: ${bankHoliday}`;
  const oneOff = calendar.oneOffHolidays.get(date);
  if (oneOff !== undefined) return `one-off holiday: ${oneOff}`;
  if (calendar.christmasEve && date.endsWith('-12-24')) return 'Christmas Eve (election timetable)';
  if (calendar.closures.has(date)) return 'council closure';
  return null;
}
