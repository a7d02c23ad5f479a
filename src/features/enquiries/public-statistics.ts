// What the public statistics may show: aggregates only, with small numbers suppressed so that no member,
// officer or resident can be picked out. A count under 5 reads "fewer than 5". A percentage on time is shown
// only where at least 5 answers had a due date and neither the on-time nor the late count is between 1 and 4
// (otherwise the percentage gives that small count back); a median only where at least 5 were answered.
// The public tables have no totals across services or months, so no suppressed cell can be worked out by
// subtracting the others from a total.
import type { EnquiryStatistics, Figures } from './enquiry-statistics.ts';
import { monthLabel } from './enquiry-statistics.ts';

export const SMALL = 5;
export const SUPPRESSED = 'fewer than 5';

export type PublicCell = { value: number | null; text: string };

export function count(n: number): PublicCell {
  return n < SMALL ? { value: null, text: SUPPRESSED } : { value: n, text: String(n) };
}

const small = (n: number) => n > 0 && n < SMALL;

export function onTime(f: Figures): PublicCell {
  if (f.onTimePercent === null || f.onTime + f.late < SMALL || small(f.onTime) || small(f.late)) return { value: null, text: f.onTime + f.late ? 'not shown: too few' : 'none answered' };
  return { value: f.onTimePercent, text: `${f.onTimePercent}%` };
}

export function medianDays(f: Figures): PublicCell {
  if (f.medianWorkingDays === null || f.answered < SMALL) return { value: null, text: f.answered ? 'not shown: too few' : 'none answered' };
  return { value: f.medianWorkingDays, text: String(f.medianWorkingDays) };
}

export type PublicStatistics = {
  services: { service: string; open: PublicCell; overdue: PublicCell }[];
  serviceMonths: { service: string; month: string; monthLabel: string; received: PublicCell; answered: PublicCell; onTime: PublicCell; median: PublicCell }[];
};

export function publicStatistics(stats: EnquiryStatistics): PublicStatistics {
  return {
    services: stats.byService.map((s) => ({ service: s.serviceName, open: count(s.open), overdue: count(s.overdue) })),
    serviceMonths: stats.byServiceMonth
      .filter((r) => r.received || r.answered)
      .map((r) => ({ service: r.serviceName, month: r.month, monthLabel: monthLabel(r.month), received: count(r.received), answered: count(r.answered), onTime: onTime(r), median: medianDays(r) })),
  };
}
