// The year part of an enquiry reference: ENQ-26-0001 is the first of 2026, or of the financial year that
// began on 1 April 2026. The counter is kept per label, so a council that changes its numbering year never
// issues the same reference twice.
import type { ReferenceYear } from '../settings/settings.repository.ts';

export function referenceLabel(day: string, year: ReferenceYear): string {
  const calendarYear = Number(day.slice(0, 4));
  const startYear = year === 'financial' && day.slice(5) < '04-01' ? calendarYear - 1 : calendarYear;
  return String(startYear % 100).padStart(2, '0');
}
