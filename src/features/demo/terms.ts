// Terms of office for the demo council. Ordinary local elections are held on the first Thursday in May, every
// four years; a term runs from one poll to the next, and member rights end on the day the next term begins.

export function firstThursdayOfMay(year: number): string {
  const first = new Date(Date.UTC(year, 4, 1));
  const offset = (4 - first.getUTCDay() + 7) % 7;
  return new Date(Date.UTC(year, 4, 1 + offset)).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export type Term = { start: string; end: string };

/**
 * The term running on a day for a council whose elections fall in `cycleYear` and every fourth year from it,
 * and the term before it (a former member's).
 */
export function termsOn(day: string, cycleYear: number): { current: Term; previous: Term } {
  let year = Number(day.slice(0, 4));
  while ((((year - cycleYear) % 4) + 4) % 4 !== 0 || firstThursdayOfMay(year) > day) year--;
  return {
    current: { start: firstThursdayOfMay(year), end: firstThursdayOfMay(year + 4) },
    previous: { start: firstThursdayOfMay(year - 4), end: firstThursdayOfMay(year) },
  };
}
