// Bank holidays per UK nation, from date-holidays. The three jurisdictions differ (Banking and Financial
// Dealings Act 1971, Schedule 1, and later proclamations; St Andrew's Day Bank Holiday (Scotland) Act 2007).
import Holidays from 'date-holidays';
import type { Nation } from '../types.ts';

export const NATIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const satisfies readonly Nation[];

// Wales has the same bank holidays as England; date-holidays' WLS and ENG agree (a test checks it).
const SUBDIVISION = { 'england-and-wales': 'ENG', scotland: 'SCT', 'northern-ireland': 'NIR' } as const satisfies Record<Nation, string>;

const sources = new Map<Nation, Holidays>();
const years = new Map<string, ReadonlyMap<string, string>>();

export function checkNation(nation: unknown, argument: string): Nation {
  if (!NATIONS.includes(nation as Nation)) {
    throw new RangeError(`${argument}: expected one of ${NATIONS.join(' | ')}, got ${JSON.stringify(nation)}`);
  }
  return nation as Nation;
}

function source(nation: Nation): Holidays {
  let holidays = sources.get(nation);
  if (!holidays) {
    // Always the subdivision and only public and bank days: the GB-wide list lacks the summer bank holiday,
    // and without the type filter Mothering Sunday and Easter Day come back as "holidays".
    holidays = new Holidays('GB', SUBDIVISION[nation], { types: ['public', 'bank'], languages: ['en'] });
    sources.set(nation, holidays);
  }
  return holidays;
}

/**
 * The days that are not working days because of a bank holiday in a nation and year: date → title.
 * date-holidays lists a holiday that falls at a weekend *and* its substitute weekday; keyed by date, the
 * weekend day is harmless and the substitute takes out exactly one weekday.
 */
export function bankHolidaysIn(nation: Nation, year: number): ReadonlyMap<string, string> {
  const key = `${nation} ${year}`;
  const known = years.get(key);
  if (known) return known;
  const days = new Map<string, string>();
  // A substitute could in principle land in the next year, so the previous year's list is read as well.
  for (const listed of [year - 1, year]) {
    for (const holiday of source(nation).getHolidays(listed)) {
      const date = holiday.date.slice(0, 10);
      if (!date.startsWith(`${year}-`)) continue;
      const other = days.get(date);
      days.set(date, other && other !== holiday.name ? `${other} and ${holiday.name}` : holiday.name);
    }
  }
  years.set(key, days);
  return days;
}
