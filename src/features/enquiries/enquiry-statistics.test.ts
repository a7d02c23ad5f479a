// The statistics' arithmetic: months, medians, on time by the UK date, working days with the council's
// calendar, and what the public page suppresses.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { workingCalendar } from '../../protocol/working-days.ts';
import { enquiryStatistics, lastTwelveMonths, median, monthRange } from './enquiry-statistics.ts';
import { count, medianDays, onTime } from './public-statistics.ts';
import { ukDayStartUtc, type StatisticsRow } from './enquiry-query.repository.ts';

const row = (r: Partial<StatisticsRow>): StatisticsRow => ({ serviceId: 1, serviceName: 'Highways', status: 'answered', receivedOn: '2026-10-01', answeredAt: null, dueOn: '2026-10-15', ...r });

describe('enquiry statistics', () => {
  it('covers the twelve months ending this month', () => {
    assert.deepEqual(lastTwelveMonths('2026-11-23').slice(0, 2), ['2025-12', '2026-01']);
    assert.equal(lastTwelveMonths('2026-11-23').at(-1), '2026-11');
    assert.deepEqual(lastTwelveMonths('2026-01-05').slice(0, 1), ['2025-02']);
    assert.deepEqual(monthRange('2028-02'), { from: '2028-02-01', to: '2028-02-29' });
  });

  it('finds when a UK day begins in UTC, in summer time, in winter and on the days the clocks change', () => {
    assert.equal(ukDayStartUtc('2026-10-21'), '2026-10-20T23:00:00.000Z');
    assert.equal(ukDayStartUtc('2026-11-20'), '2026-11-20T00:00:00.000Z');
    assert.equal(ukDayStartUtc('2026-10-25'), '2026-10-24T23:00:00.000Z');
    assert.equal(ukDayStartUtc('2026-03-29'), '2026-03-29T00:00:00.000Z');
  });

  it('takes the median, halving between the middle two', () => {
    assert.equal(median([]), null);
    assert.equal(median([7]), 7);
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
  });

  it('counts an answer on time by its UK date, and working days without weekends, bank holidays or closures', () => {
    const calendar = workingCalendar({ nation: 'england-and-wales', closures: ['2026-12-29'] });
    const stats = enquiryStatistics(
      [
        // 23:30 UTC on 20 October is 00:30 on the 21st in London (BST): a day late.
        row({ receivedOn: '2026-10-19', dueOn: '2026-10-20', answeredAt: '2026-10-20T23:30:00Z' }),
        // 23:30 UTC on 20 November is 23:30 on the 20th in London (GMT): on the day, so on time.
        row({ receivedOn: '2026-11-19', dueOn: '2026-11-20', answeredAt: '2026-11-20T23:30:00Z' }),
        // Received the 23rd, answered 4 January: 24th, 30th, 31st, 4th count; Christmas, Boxing Day (substitute
        // the 28th), the closure on the 29th, New Year's Day and weekends do not.
        row({ receivedOn: '2026-12-23', dueOn: '2027-01-08', answeredAt: '2027-01-04T10:00:00Z' }),
      ],
      calendar,
      '2027-01-10',
    );
    const month = (m: string) => stats.byMonth.find((x) => x.month === m)!;
    assert.deepEqual([month('2026-10').onTime, month('2026-10').late, month('2026-10').medianWorkingDays], [0, 1, 2]);
    assert.deepEqual([month('2026-11').onTime, month('2026-11').late, month('2026-11').onTimePercent], [1, 0, 100]);
    assert.equal(month('2027-01').medianWorkingDays, 4);
  });

  it('counts open and overdue now: a paused enquiry is open but never overdue', () => {
    const calendar = workingCalendar({ nation: 'england-and-wales', closures: [] });
    const stats = enquiryStatistics(
      [row({ status: 'in-progress', dueOn: '2026-11-01' }), row({ status: 'awaiting-member', dueOn: '2026-11-01' }), row({ status: 'received', dueOn: '2026-12-01' }), row({ status: 'closed', dueOn: '2026-11-01' })],
      calendar,
      '2026-11-23',
    );
    assert.deepEqual([stats.byService[0]!.open, stats.byService[0]!.overdue], [3, 1]);
  });
});

describe('what the public statistics suppress', () => {
  const figures = (answered: number, onTimeCount: number, late: number) => ({ received: answered, answered, onTime: onTimeCount, late, onTimePercent: onTimeCount + late ? Math.round((onTimeCount / (onTimeCount + late)) * 100) : null, medianWorkingDays: answered ? 3 : null });
  const cases: [string, number, string][] = [
    ['no enquiries', 0, 'fewer than 5'],
    ['one', 1, 'fewer than 5'],
    ['four', 4, 'fewer than 5'],
    ['five', 5, '5'],
  ];
  for (const [what, n, text] of cases) it(`shows ${what} as “${text}”`, () => assert.equal(count(n).text, text));

  it('hides a percentage that would give back a small count, and a median of too few', () => {
    assert.equal(onTime(figures(10, 10, 0)).text, '100%');
    assert.equal(onTime(figures(10, 9, 1)).text, 'not shown: too few', '90% of 10 gives away the one late');
    assert.equal(onTime(figures(10, 5, 5)).text, '50%');
    assert.equal(onTime(figures(4, 4, 0)).text, 'not shown: too few');
    assert.equal(onTime(figures(0, 0, 0)).text, 'none answered');
    assert.equal(medianDays(figures(4, 4, 0)).text, 'not shown: too few');
    assert.equal(medianDays(figures(5, 5, 0)).text, '3');
  });
});
