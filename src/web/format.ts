// How dates and times read on a page: "23 November 2026", "23 November 2026 at 9:05am" (UK time).

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone: 'Europe/London' });
const londonDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

// Calendar dates repeat down every list (a page of deadlines spans a few weeks): each is worded once.
const dayWords = new Map<string, string>();

export function formatDate(value: string): string {
  const known = dayWords.get(value);
  if (known !== undefined) return known;
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = dayOnly ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  if (!dayOnly) return londonDate.format(date);
  const words = dateFormat.format(date);
  if (dayWords.size >= 10_000) dayWords.clear();
  dayWords.set(value, words);
  return words;
}

export function formatDateTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return `${londonDate.format(date)} at ${timeFormat.format(date).replace(' ', '').toLowerCase()}`;
}
