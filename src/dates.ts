// Calendar days as the app stores and sends them: YYYY-MM-DD, and only days that exist (no 31 April, no 29
// February outside a leap year), read as UTC so the server's time zone cannot move them.

/** A real day written YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
