// Dates as councils' files write them. Read liberally (ISO, or UK day-first as modern.gov and Excel write
// them), stored strictly as YYYY-MM-DD. A US month-first date is never guessed at.

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function monthNumber(word: string): number {
  const w = word.toLowerCase();
  const index = MONTHS.findIndex((name) => name === w || (w.length >= 3 && name.startsWith(w) && (w.length === 3 || w === 'sept')));
  return index + 1;
}

export const DATE_EXAMPLE = '2027-05-06';

function isoOf(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (year < 1900 || year > 2200) return null;
  return date.toISOString().slice(0, 10);
}

/** YYYY-MM-DD for a date written as 2027-05-06, 06/05/2027, 6.5.2027 or 6 May 2027 (a time of day is ignored); null otherwise. */
export function readDate(raw: string): string | null {
  const value = raw.trim().replace(/[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, '');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (m) return isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\s+(\d{4})$/.exec(value);
  if (m) {
    const month = monthNumber(m[2]!);
    return month > 0 ? isoOf(Number(m[3]), month, Number(m[1])) : null;
  }
  return null;
}

export function expectedDate(raw: string): string {
  return `expected a date like ${DATE_EXAMPLE}, got "${raw}"`;
}
