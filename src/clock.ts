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

// The UK's offset from UTC changes only on the hour, so every instant of one UTC minute falls on one UK date; the
// last minute's answer is kept, as a page asks the date of the same moment many times over.
let lastMinute = Number.NaN;
let lastDate = '';

export function ukDate(at: Date): string {
  const minute = Math.floor(at.getTime() / 60_000);
  if (minute !== lastMinute) {
    lastDate = ukDateFormat.format(at);
    lastMinute = minute;
  }
  return lastDate;
}

export function isoNow(clock: Clock): string {
  return clock.now().toISOString();
}
