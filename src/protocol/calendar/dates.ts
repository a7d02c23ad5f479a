// Calendar dates are 'YYYY-MM-DD' strings. Arithmetic is done on whole UTC days (days since 1970-01-01),
// so that no time zone or change of clocks can move a deadline by a day.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Deadlines outside these years are mistakes, not council business; the bound also keeps Date.UTC exact. */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2999;

/** No deadline is counted in more days than this; a larger number is a mistake and would only spin. */
export const MOST_DAYS = 10_000;

/** The day number of a date, or a RangeError naming the argument that held it. */
export function dayNumber(date: unknown, argument: string): number {
  const match = typeof date === 'string' ? DATE.exec(date) : null;
  if (!match) throw new RangeError(`${argument}: expected a date like 2026-03-01, got ${JSON.stringify(date)}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
    throw new RangeError(`${argument}: expected a year from ${EARLIEST_YEAR} to ${LATEST_YEAR}, got ${JSON.stringify(date)}`);
  }
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw new RangeError(`${argument}: ${JSON.stringify(date)} is not a day of the calendar`);
  }
  return ms / DAY_MS;
}

export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

export function isWeekend(day: number): boolean {
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** A count of days: a whole number from 0 to MOST_DAYS, or a RangeError naming the argument. */
export function dayCount(n: unknown, argument: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MOST_DAYS) {
    throw new RangeError(`${argument}: expected a whole number of days from 0 to ${MOST_DAYS}, got ${String(n)}`);
  }
  return n;
}
