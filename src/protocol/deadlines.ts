// Deadlines in working days for the nation asked about (or the profile's), skipping the council's closure days.
import type { Deadlines } from './engine.ts';
import type { Nation } from './types.ts';
import { addWorkingDays, workingCalendar } from './working-days.ts';

export const workingDayDeadlines: Deadlines = (received, workingDays, facts, profile) => {
  const nation = (typeof facts.nation === 'string' ? facts.nation : profile.nation) as Nation;
  const closures = Array.isArray(facts.closures) ? (facts.closures as string[]) : [];
  return addWorkingDays(workingCalendar({ nation, closures }), received, workingDays);
};
