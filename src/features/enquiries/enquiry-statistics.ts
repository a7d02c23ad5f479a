// The enquiry statistics: per service and month, how many were received and answered, the share answered on
// time (answered on or before the due date, as a UK calendar date) and the median working days to answer
// (counted with the council's calendar: its nation's bank holidays and its closure days); and per service,
// how many are open and overdue now. Pure: the rows and the calendar come in, the figures go out.
import { ukDate } from '../../clock.ts';
import { workingDaysCounter, type WorkingCalendar } from '../../protocol/working-days.ts';
import { OPEN_STATUSES } from './enquiry.types.ts';
import { RUNNING_STATUSES, type StatisticsRow } from './enquiry-query.repository.ts';

export type Figures = {
  received: number;
  answered: number;
  /** Answered with a due date, on or before it. */
  onTime: number;
  /** Answered with a due date, after it. */
  late: number;
  /** Percentage of onTime among onTime + late, rounded; null when nothing with a due date was answered. */
  onTimePercent: number | null;
  medianWorkingDays: number | null;
};

export type ServiceKey = { serviceId: number | null; serviceName: string };
export type ServiceMonth = ServiceKey & { month: string } & Figures;
export type ServiceNow = ServiceKey & Figures & { open: number; overdue: number };
export type EnquiryStatistics = { months: string[]; byMonth: ({ month: string } & Figures)[]; byService: ServiceNow[]; byServiceMonth: ServiceMonth[] };

export const NO_SERVICE = 'No service given';

/** The twelve months that end with the month of `today`, oldest first, as YYYY-MM. */
export function lastTwelveMonths(today: string): string[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const at = new Date(Date.UTC(year, month - 12 + i, 1));
    return at.toISOString().slice(0, 7);
  });
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

type Tally = { received: number; answered: number; onTime: number; late: number; days: number[] };
const emptyTally = (): Tally => ({ received: 0, answered: 0, onTime: 0, late: 0, days: [] });

function figures(t: Tally): Figures {
  const dated = t.onTime + t.late;
  return { received: t.received, answered: t.answered, onTime: t.onTime, late: t.late, onTimePercent: dated ? Math.round((t.onTime / dated) * 100) : null, medianWorkingDays: median(t.days) };
}

/**
 * The figures built up one enquiry at a time, so that a council's whole year need never be held at once: what
 * is kept per service and month is a few counts and, for the median, the working days of each answer.
 */
export function statisticsTally(calendar: WorkingCalendar, today: string): { add(row: StatisticsRow): void; result(): EnquiryStatistics } {
  const months = lastTwelveMonths(today);
  const inPeriod = new Set(months);
  const services = new Map<string, ServiceKey & { total: Tally; open: number; overdue: number; months: Map<string, Tally> }>();
  const byMonth = new Map(months.map((m) => [m, emptyTally()]));
  const workingDaysBetween = workingDaysCounter(calendar);
  const serviceOf = (r: StatisticsRow) => {
    const key = `${r.serviceId ?? 'none'}`;
    let s = services.get(key);
    if (!s) services.set(key, (s = { serviceId: r.serviceId, serviceName: r.serviceName ?? NO_SERVICE, total: emptyTally(), open: 0, overdue: 0, months: new Map(months.map((m) => [m, emptyTally()])) }));
    return s;
  };
  const add = (r: StatisticsRow) => {
    const service = serviceOf(r);
    const receivedMonth = r.receivedOn.slice(0, 7);
    if (inPeriod.has(receivedMonth)) for (const t of [byMonth.get(receivedMonth)!, service.months.get(receivedMonth)!, service.total]) t.received += 1;
    if (r.answeredAt) {
      const answeredOn = ukDate(new Date(r.answeredAt));
      const month = answeredOn.slice(0, 7);
      if (inPeriod.has(month)) {
        const days = workingDaysBetween(r.receivedOn, answeredOn);
        for (const t of [byMonth.get(month)!, service.months.get(month)!, service.total]) {
          t.answered += 1;
          t.days.push(days);
          if (r.dueOn !== null && answeredOn <= r.dueOn) t.onTime += 1;
          else if (r.dueOn !== null) t.late += 1;
        }
      }
    }
    if (OPEN_STATUSES.includes(r.status)) service.open += 1;
    if (RUNNING_STATUSES.includes(r.status) && r.dueOn !== null && r.dueOn < today) service.overdue += 1;
  };
  const result = (): EnquiryStatistics => {
    const ordered = [...services.values()].sort((a, b) => (a.serviceId === null ? 1 : b.serviceId === null ? -1 : a.serviceName.localeCompare(b.serviceName)));
    return {
      months,
      byMonth: months.map((month) => ({ month, ...figures(byMonth.get(month)!) })),
      byService: ordered.map((s) => ({ serviceId: s.serviceId, serviceName: s.serviceName, ...figures(s.total), open: s.open, overdue: s.overdue })),
      byServiceMonth: ordered.flatMap((s) => months.map((month) => ({ serviceId: s.serviceId, serviceName: s.serviceName, month, ...figures(s.months.get(month)!) }))),
    };
  };
  return { add, result };
}

export function enquiryStatistics(rows: Iterable<StatisticsRow>, calendar: WorkingCalendar, today: string): EnquiryStatistics {
  const tally = statisticsTally(calendar, today);
  for (const row of rows) tally.add(row);
  return tally.result();
}

/** The first and last day of a month (YYYY-MM), for links to the list of enquiries received in it. */
export function monthRange(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return { from: `${month}-01`, to: new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10) };
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function monthLabel(month: string, short = false): string {
  const [year, m] = month.split('-') as [string, string];
  const name = MONTH_NAMES[Number(m) - 1]!;
  return short ? `${name.slice(0, 3)} ${year.slice(2)}` : `${name} ${year}`;
}
