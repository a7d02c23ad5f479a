// The one source of "now". Services receive a Clock so that tests can fix the time.
export type Clock = {
  now(): Date;
};

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let current = new Date(iso);
  return {
    now: () => new Date(current.getTime()),
    set: (next) => {
      current = new Date(next);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

/** The calendar date in the UK (Europe/London), as YYYY-MM-DD: a council's "today". */
// Made once: building a DateTimeFormat costs far more than formatting with one, and "today" is asked often.
const ukDateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

// The UK's offset from UTC changes only on the hour, so every instant of one UTC hour falls on one UK date. The
// dates of the hours asked for are kept: a page asks the date of the same moment many times over, and a report
// asks it of a year of timestamps, which share a few thousand hours.
const ukDates = new Map<number, string>();
const MAX_HOURS_KEPT = 50_000;

export function ukDate(at: Date): string {
  const hour = Math.floor(at.getTime() / 3_600_000);
  let date = ukDates.get(hour);
  if (date === undefined) {
    date = ukDateFormat.format(at);
    if (ukDates.size >= MAX_HOURS_KEPT) ukDates.clear();
    ukDates.set(hour, date);
  }
  return date;
}

export function isoNow(clock: Clock): string {
  return clock.now().toISOString();
}
