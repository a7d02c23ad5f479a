// The GOV.UK bank-holidays.json file (www.gov.uk/bank-holidays.json), parsed by the caller and passed in as
// data. It groups events by division; a council loads it to add one-off days such as a state funeral or a
// coronation, which are proclaimed a year or so ahead and may be missing from date-holidays.
import { z } from 'zod';
import { EngineInputError } from '../errors.ts';
import type { Nation } from '../types.ts';
import { dayNumber } from './dates.ts';

const calendarDate = z.string().refine(
  (value) => {
    try {
      dayNumber(value, 'date');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'expected a date like 2022-09-19' },
);

const event = z.object({
  title: z.string().min(1),
  date: calendarDate,
  notes: z.string().optional(),
  bunting: z.boolean().optional(),
});

const division = (name: Nation) =>
  z.object({
    division: z.literal(name),
    events: z.array(event),
  });

const bankHolidaysFile = z.object({
  'england-and-wales': division('england-and-wales').optional(),
  scotland: division('scotland').optional(),
  'northern-ireland': division('northern-ireland').optional(),
});

function pathOf(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
}

/**
 * The events of the nation's division: date → title. A malformed file throws EngineInputError naming the
 * path in it, e.g. `bankHolidays.scotland.events[3].date`.
 */
export function bankHolidaysFromGovUk(file: unknown, nation: Nation): ReadonlyMap<string, string> {
  const parsed = bankHolidaysFile.safeParse(file);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new EngineInputError(`bankHolidays${pathOf(issue.path)}`, issue.message);
  }
  const events = parsed.data[nation]?.events;
  if (!events) throw new EngineInputError(`bankHolidays.${nation}`, `missing: the file has no "${nation}" division`);
  return new Map(events.map((e) => [e.date, e.title]));
}
