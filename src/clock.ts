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

export function ukDate(at: Date): string {
  return ukDateFormat.format(at);
}

export function isoNow(clock: Clock): string {
  return clock.now().toISOString();
}
