// Working days and clear days, pinned to the real UK calendar for 2025–2027 in every nation
// (checked against GOV.UK's published bank holidays and date-holidays' data).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Holidays from 'date-holidays';
import {
  addClearDays,
  addWorkingDays,
  bankHolidaysIn,
  clearDaysBefore,
  electionTimetableCalendar,
  explainWorkingDays,
  isWorkingDay,
  lastDayForNoticeOfElection,
  NATIONS,
  whyNotWorkingDay,
  workingCalendar,
  workingDaysAfter,
  workingDaysBefore,
  workingDaysBetween,
  workingDaysCounter,
} from './working-days.ts';
import type { Nation, WorkingCalendar } from './working-days.ts';

const englandAndWales = workingCalendar({ nation: 'england-and-wales' });
const scotland = workingCalendar({ nation: 'scotland' });
const northernIreland = workingCalendar({ nation: 'northern-ireland' });
const calendars: Record<Nation, WorkingCalendar> = { 'england-and-wales': englandAndWales, scotland, 'northern-ireland': northernIreland };

/** Every weekday of a year that is not a working day, i.e. the weekdays bank holidays take out. */
function weekdaysOff(calendar: WorkingCalendar, year: number): string[] {
  const days: string[] = [];
  for (let day = Date.UTC(year, 0, 1); new Date(day).getUTCFullYear() === year; day += 86_400_000) {
    const date = new Date(day).toISOString().slice(0, 10);
    if (!isWorkingDay(calendar, date) && whyNotWorkingDay(calendar, date) !== 'weekend') days.push(date);
  }
  return days;
}

// GOV.UK's lists, by nation and year: the weekday each bank holiday (or its substitute) takes out.
const weekdayBankHolidays: Record<Nation, Record<number, string[]>> = {
  'england-and-wales': {
    2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
    2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
    2027: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
  },
  scotland: {
    2025: ['01-01', '01-02', '04-18', '05-05', '05-26', '08-04', '12-01', '12-25', '12-26'],
    2026: ['01-01', '01-02', '04-03', '05-04', '05-25', '08-03', '11-30', '12-25', '12-28'],
    2027: ['01-01', '01-04', '03-26', '05-03', '05-31', '08-02', '11-30', '12-27', '12-28'],
  },
  'northern-ireland': {
    2025: ['01-01', '03-17', '04-18', '04-21', '05-05', '05-26', '07-14', '08-25', '12-25', '12-26'],
    2026: ['01-01', '03-17', '04-03', '04-06', '05-04', '05-25', '07-13', '08-31', '12-25', '12-28'],
    2027: ['01-01', '03-17', '03-26', '03-29', '05-03', '05-31', '07-12', '08-30', '12-27', '12-28'],
  },
};

describe('bank holidays per nation, 2025–2027', () => {
  for (const nation of NATIONS) {
    for (const year of [2025, 2026, 2027]) {
      it(`${nation} ${year}: exactly GOV.UK's weekday bank holidays, substitutes included, one weekday each`, () => {
        const expected = weekdayBankHolidays[nation][year]!.map((d) => `${year}-${d}`);
        assert.deepEqual(weekdaysOff(calendars[nation], year), expected);
      });
    }
  }

  it('Wales: date-holidays gives WLS the same public and bank holidays as ENG (so england-and-wales reads ENG)', () => {
    const options = { types: ['public', 'bank'] as ('public' | 'bank')[] };
    const listed = (sub: string, year: number) => new Holidays('GB', sub, options).getHolidays(year).map((h) => `${h.date} ${h.name}`);
    for (let year = 2020; year <= 2030; year += 1) assert.deepEqual(listed('WLS', year), listed('ENG', year), String(year));
  });

  const cases: { name: string; nation: Nation; date: string; why: string | null }[] = [
    { name: 'Christmas Day 2026 (Friday)', nation: 'england-and-wales', date: '2026-12-25', why: 'bank holiday: Christmas Day' },
    { name: 'Boxing Day 2026 is a Saturday: a weekend day', nation: 'england-and-wales', date: '2026-12-26', why: 'weekend' },
    { name: 'Boxing Day 2026: substitute Monday 28 December', nation: 'scotland', date: '2026-12-28', why: 'bank holiday: Boxing Day (substitute day)' },
    { name: 'Christmas Day 2027 is a Saturday: substitute Monday 27 December', nation: 'northern-ireland', date: '2027-12-27', why: 'bank holiday: Christmas Day (substitute day)' },
    { name: 'Boxing Day 2027 is a Sunday: substitute Tuesday 28 December', nation: 'england-and-wales', date: '2027-12-28', why: 'bank holiday: Boxing Day (substitute day)' },
    { name: 'Good Friday 2025 in Scotland', nation: 'scotland', date: '2025-04-18', why: 'bank holiday: Good Friday' },
    { name: 'Easter Monday 2026 in England and Wales', nation: 'england-and-wales', date: '2026-04-06', why: 'bank holiday: Easter Monday' },
    { name: 'Easter Monday is not a bank holiday in Scotland (2026)', nation: 'scotland', date: '2026-04-06', why: null },
    { name: 'Easter Monday is not a bank holiday in Scotland (2027)', nation: 'scotland', date: '2027-03-29', why: null },
    { name: '2 January 2026 in Scotland', nation: 'scotland', date: '2026-01-02', why: 'bank holiday: January 2nd' },
    { name: '2 January 2026 is a working day in England and Wales', nation: 'england-and-wales', date: '2026-01-02', why: null },
    { name: '2 January 2027 is a Saturday: Scotland substitutes Monday 4 January', nation: 'scotland', date: '2027-01-04', why: 'bank holiday: January 2nd (substitute day)' },
    { name: "St Andrew's Day 2025 is a Sunday: substitute Monday 1 December", nation: 'scotland', date: '2025-12-01', why: 'bank holiday: St Andrew’s Day (substitute day)' },
    { name: "St Andrew's Day 2026 (Monday) in Scotland", nation: 'scotland', date: '2026-11-30', why: 'bank holiday: St Andrew’s Day' },
    { name: "St Andrew's Day is a working day in Northern Ireland", nation: 'northern-ireland', date: '2026-11-30', why: null },
    { name: "St Patrick's Day 2026 (Tuesday) in Northern Ireland", nation: 'northern-ireland', date: '2026-03-17', why: 'bank holiday: St Patrick’s Day' },
    { name: "St Patrick's Day is a working day in England and Wales", nation: 'england-and-wales', date: '2026-03-17', why: null },
    { name: 'Battle of the Boyne 2026 is a Sunday: substitute Monday 13 July', nation: 'northern-ireland', date: '2026-07-13', why: 'bank holiday: Battle of the Boyne (Orangemen’s Day) (substitute day)' },
    { name: 'Battle of the Boyne 2027 (Monday 12 July)', nation: 'northern-ireland', date: '2027-07-12', why: 'bank holiday: Battle of the Boyne (Orangemen’s Day)' },
    { name: 'Early May bank holiday 2026', nation: 'scotland', date: '2026-05-04', why: 'bank holiday: Early May bank holiday' },
    { name: 'Spring bank holiday 2027', nation: 'northern-ireland', date: '2027-05-31', why: 'bank holiday: Spring bank holiday' },
    { name: 'Summer bank holiday 2026: last Monday of August in England and Wales', nation: 'england-and-wales', date: '2026-08-31', why: 'bank holiday: Summer bank holiday' },
    { name: 'Summer bank holiday 2026: first Monday of August in Scotland', nation: 'scotland', date: '2026-08-03', why: 'bank holiday: Summer bank holiday' },
    { name: 'last Monday of August 2026 is a working day in Scotland', nation: 'scotland', date: '2026-08-31', why: null },
    { name: 'first Monday of August 2026 is a working day in Northern Ireland', nation: 'northern-ireland', date: '2026-08-03', why: null },
  ];
  for (const c of cases) {
    it(`${c.nation}: ${c.name}`, () => {
      assert.equal(whyNotWorkingDay(calendars[c.nation], c.date), c.why);
      assert.equal(isWorkingDay(calendars[c.nation], c.date), c.why === null);
    });
  }
});

describe('working days after a start (the start is not counted)', () => {
  it('"within 7 working days of receipt": received Monday 2 March 2026, due Wednesday 11 March', () => {
    assert.equal(addWorkingDays(englandAndWales, '2026-03-02', 7), '2026-03-11');
    assert.equal(workingDaysAfter(englandAndWales, '2026-03-02', 7), '2026-03-11');
  });

  it('received on a Saturday: counting starts on the Monday, so 1 working day is that Monday', () => {
    assert.equal(addWorkingDays(englandAndWales, '2026-03-07', 1), '2026-03-09');
  });

  it('0 working days gives the start itself', () => {
    assert.equal(addWorkingDays(englandAndWales, '2026-03-07', 0), '2026-03-07');
  });

  it('a Saturday holiday and its Monday substitute take out exactly one weekday (Boyne 2026, Northern Ireland)', () => {
    assert.equal(addWorkingDays(northernIreland, '2026-07-10', 1), '2026-07-14');
    assert.equal(addWorkingDays(englandAndWales, '2026-07-10', 1), '2026-07-13');
    assert.equal(workingDaysBetween(northernIreland, '2026-07-12', '2026-07-19'), 4);
  });

  it('Easter 2026: Thursday 2 April + 1 is Tuesday 7 April in England and Wales and Northern Ireland, Monday 6 April in Scotland', () => {
    assert.equal(addWorkingDays(englandAndWales, '2026-04-02', 1), '2026-04-07');
    assert.equal(addWorkingDays(northernIreland, '2026-04-02', 1), '2026-04-07');
    assert.equal(addWorkingDays(scotland, '2026-04-02', 1), '2026-04-06');
  });

  it('Easter 2025 and 2027: Good Friday and Easter Monday passed over in England and Wales', () => {
    assert.equal(addWorkingDays(englandAndWales, '2025-04-17', 1), '2025-04-22');
    assert.equal(addWorkingDays(englandAndWales, '2027-03-25', 1), '2027-03-30');
    assert.equal(addWorkingDays(scotland, '2027-03-25', 1), '2027-03-29');
  });

  it('New Year 2026: 2 January is passed over in Scotland only', () => {
    assert.equal(addWorkingDays(scotland, '2025-12-31', 1), '2026-01-05');
    assert.equal(addWorkingDays(englandAndWales, '2025-12-31', 1), '2026-01-02');
  });

  it("St Andrew's Day: substitute Monday 1 December 2025, and Monday 30 November 2026, passed over in Scotland", () => {
    assert.equal(addWorkingDays(scotland, '2025-11-28', 1), '2025-12-02');
    assert.equal(addWorkingDays(englandAndWales, '2025-11-28', 1), '2025-12-01');
    assert.equal(addWorkingDays(scotland, '2026-11-27', 1), '2026-12-01');
  });

  it('Christmas 2027: Thursday 23 December + 2 is Wednesday 29 December in every nation (both substitutes passed over)', () => {
    for (const nation of NATIONS) assert.equal(addWorkingDays(calendars[nation], '2027-12-23', 2), '2027-12-29', nation);
  });
});

describe('deadlines across Christmas with council closure days', () => {
  const closures = ['2026-12-29', '2026-12-30', '2026-12-31'];

  it('5 working days from Monday 21 December 2026, closed 29–31 December: Tuesday 5 January 2027 (England and Wales)', () => {
    const council = workingCalendar({ nation: 'england-and-wales', closures });
    const explained = explainWorkingDays(council, '2026-12-21', 5);
    assert.equal(explained.deadline, '2027-01-05');
    assert.deepEqual(explained.counted, ['2026-12-22', '2026-12-23', '2026-12-24', '2027-01-04', '2027-01-05']);
    assert.deepEqual(explained.skipped, [
      { date: '2026-12-25', why: 'bank holiday: Christmas Day' },
      { date: '2026-12-26', why: 'weekend' },
      { date: '2026-12-27', why: 'weekend' },
      { date: '2026-12-28', why: 'bank holiday: Boxing Day (substitute day)' },
      { date: '2026-12-29', why: 'council closure' },
      { date: '2026-12-30', why: 'council closure' },
      { date: '2026-12-31', why: 'council closure' },
      { date: '2027-01-01', why: "bank holiday: New Year's Day" },
      { date: '2027-01-02', why: 'weekend' },
      { date: '2027-01-03', why: 'weekend' },
    ]);
  });

  it('the same enquiry without closures is due Wednesday 30 December 2026', () => {
    assert.equal(addWorkingDays(englandAndWales, '2026-12-21', 5), '2026-12-30');
  });

  it('in Scotland the 2 January 2027 substitute (Monday 4 January) moves it to Wednesday 6 January 2027', () => {
    const council = workingCalendar({ nation: 'scotland', closures });
    assert.equal(addWorkingDays(council, '2026-12-21', 5), '2027-01-06');
    assert.equal(whyNotWorkingDay(council, '2027-01-04'), 'bank holiday: January 2nd (substitute day)');
  });

  it('7 working days from Friday 17 December 2027 with closures 29–31 December: Wednesday 5 January 2028', () => {
    const council = workingCalendar({ nation: 'england-and-wales', closures: ['2027-12-29', '2027-12-30', '2027-12-31'] });
    // 20–24 December count 5; 27 and 28 are substitutes; 29–31 closed; 3 January 2028 substitutes New Year's Day.
    assert.equal(addWorkingDays(council, '2027-12-17', 7), '2028-01-05');
    assert.equal(whyNotWorkingDay(council, '2028-01-03'), "bank holiday: New Year's Day (substitute day)");
  });

  it('a closure day that is also a bank holiday is explained as the bank holiday', () => {
    const council = workingCalendar({ nation: 'england-and-wales', closures: ['2026-12-25'] });
    assert.equal(whyNotWorkingDay(council, '2026-12-25'), 'bank holiday: Christmas Day');
  });
});

describe('working days between two dates', () => {
  it('counts the working days after from, up to and including to', () => {
    assert.equal(workingDaysBetween(englandAndWales, '2026-03-02', '2026-03-11'), 7);
    assert.equal(workingDaysBetween(englandAndWales, '2026-03-02', '2026-03-02'), 0);
  });

  it('is negative when to is before from (a deadline passed by 2 working days)', () => {
    assert.equal(workingDaysBetween(englandAndWales, '2026-03-13', '2026-03-11'), -2);
  });

  it('undoes addWorkingDays for every start in 2026 and 1 to 30 working days, in every nation', () => {
    for (const nation of NATIONS) {
      for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2027, 0, 1); day += 86_400_000 * 3) {
        const start = new Date(day).toISOString().slice(0, 10);
        for (const n of [1, 5, 7, 10, 30]) {
          assert.equal(workingDaysBetween(calendars[nation], start, addWorkingDays(calendars[nation], start, n)), n, `${nation} ${start} ${n}`);
        }
      }
    }
  });

  it('2027 Christmas week: 3 working days after Friday 24 December in every nation', () => {
    for (const nation of NATIONS) assert.equal(workingDaysBetween(calendars[nation], '2027-12-24', '2027-12-31'), 3, nation);
  });
});

describe('working days between many pairs of dates, counted once', () => {
  it('gives workingDaysBetween for pairs asked in any order, across years, either way round, with closure days', () => {
    const council = workingCalendar({ nation: 'scotland', closures: ['2026-12-29', '2026-12-30'] });
    const count = workingDaysCounter(council);
    // A spread that makes the count start in 2026 and then reach back to 2023 and on to 2029.
    const days = [...Array(400).keys()].map((i) => new Date(Date.UTC(2026, 0, 1) + ((i * 7919) % 2400 - 1100) * 86_400_000).toISOString().slice(0, 10));
    for (let i = 0; i < days.length; i += 1) {
      const [from, to] = [days[i]!, days[(i * 31 + 7) % days.length]!];
      assert.equal(count(from, to), workingDaysBetween(council, from, to), `${from} to ${to}`);
    }
    assert.equal(count('2026-12-24', '2026-12-31'), workingDaysBetween(council, '2026-12-24', '2026-12-31'));
    assert.equal(count('2026-03-02', '2026-03-02'), 0);
  });

  it('names a date it cannot read', () => {
    assert.throws(() => workingDaysCounter(englandAndWales)('2026-02-30', '2026-03-02'), /from/);
  });
});

describe('the election timetable (REFERENCE.md: "25th working day before the poll")', () => {
  it('poll Thursday 7 May 2026: notice of election by Monday 30 March 2026', () => {
    assert.equal(lastDayForNoticeOfElection('2026-05-07', { nation: 'england-and-wales' }), '2026-03-30');
  });

  it('the 2026 count passes over Good Friday, Easter Monday and the early May bank holiday', () => {
    const timetable = electionTimetableCalendar({ nation: 'england-and-wales' });
    assert.equal(workingDaysBefore(timetable, '2026-05-07', 25), '2026-03-30');
    assert.equal(workingDaysBetween(timetable, '2026-03-30', '2026-05-06'), 24);
    for (const date of ['2026-04-03', '2026-04-06', '2026-05-04']) assert.equal(isWorkingDay(timetable, date), false, date);
  });

  it('poll Thursday 1 May 2025: notice by Tuesday 25 March 2025; poll Thursday 6 May 2027: notice by Wednesday 31 March 2027', () => {
    assert.equal(lastDayForNoticeOfElection('2025-05-01', { nation: 'england-and-wales' }), '2025-03-25');
    assert.equal(lastDayForNoticeOfElection('2027-05-06', { nation: 'england-and-wales' }), '2027-03-31');
  });

  it('Christmas Eve is left out of the election timetable but is an ordinary working day for enquiries', () => {
    const timetable = electionTimetableCalendar({ nation: 'scotland' });
    assert.equal(whyNotWorkingDay(timetable, '2026-12-24'), 'Christmas Eve (election timetable)');
    assert.equal(isWorkingDay(scotland, '2026-12-24'), true);
  });

  it('the 25-working-day rule is England and Wales only: another nation is a RangeError naming nation', () => {
    const wrong = { nation: 'scotland' } as unknown as { nation: 'england-and-wales' };
    assert.throws(() => lastDayForNoticeOfElection('2026-05-07', wrong), { name: 'RangeError', message: /^nation:/ });
  });
});

// The shape of www.gov.uk/bank-holidays.json, cut down to the events these tests need.
function govUkFile(extra: { title: string; date: string }[] = []) {
  const funeral = { title: 'Bank Holiday for the State Funeral of Queen Elizabeth II', date: '2022-09-19', notes: '', bunting: false };
  const christmas = { title: 'Christmas Day', date: '2026-12-25', notes: '', bunting: true };
  return {
    'england-and-wales': { division: 'england-and-wales', events: [funeral, christmas, ...extra.map((e) => ({ ...e, notes: '', bunting: true }))] },
    scotland: { division: 'scotland', events: [funeral, christmas] },
    'northern-ireland': { division: 'northern-ireland', events: [funeral, christmas] },
  };
}

describe('one-off holidays from a GOV.UK bank-holidays.json', () => {
  it('the state funeral of 19 September 2022 is already in date-holidays: 3 working days from Thursday 15 September end Wednesday 21st', () => {
    for (const nation of NATIONS) {
      const loaded = workingCalendar({ nation, bankHolidays: govUkFile() });
      assert.equal(addWorkingDays(calendars[nation], '2022-09-15', 3), '2022-09-21', nation);
      assert.equal(addWorkingDays(loaded, '2022-09-15', 3), '2022-09-21', `${nation}, file loaded: not counted twice`);
      assert.equal(loaded.oneOffHolidays.size, 0);
    }
  });

  it('a one-off day date-holidays lacks (an example state occasion, Friday 11 June 2027) moves a deadline a day', () => {
    const file = govUkFile([{ title: 'Bank holiday for a state occasion', date: '2027-06-11' }]);
    const loaded = workingCalendar({ nation: 'england-and-wales', bankHolidays: file });
    assert.equal(addWorkingDays(englandAndWales, '2027-06-09', 3), '2027-06-14');
    assert.equal(addWorkingDays(loaded, '2027-06-09', 3), '2027-06-15');
    assert.deepEqual(explainWorkingDays(loaded, '2027-06-09', 3).skipped[0], { date: '2027-06-11', why: 'one-off holiday: Bank holiday for a state occasion' });
  });

  it("only the nation's own division is read: the England and Wales day does not move a Scottish deadline", () => {
    const file = govUkFile([{ title: 'Bank holiday for a state occasion', date: '2027-06-11' }]);
    assert.equal(addWorkingDays(workingCalendar({ nation: 'scotland', bankHolidays: file }), '2027-06-09', 3), '2027-06-14');
  });

  it('a malformed file throws an error naming the path in it', () => {
    const noTitle = govUkFile();
    (noTitle.scotland.events as unknown[]) = [{ date: '2026-12-25' }];
    assert.throws(() => workingCalendar({ nation: 'scotland', bankHolidays: noTitle }), { message: /^bankHolidays\.scotland\.events\[0\]\.title: / });
    const badDate = govUkFile([{ title: 'x', date: '2026-02-30' }]);
    assert.throws(() => workingCalendar({ nation: 'england-and-wales', bankHolidays: badDate }), { message: /^bankHolidays\.england-and-wales\.events\[2\]\.date: / });
    const wrongDivision = { scotland: { division: 'england-and-wales', events: [] } };
    assert.throws(() => workingCalendar({ nation: 'scotland', bankHolidays: wrongDivision }), { message: /^bankHolidays\.scotland\.division: / });
    assert.throws(() => workingCalendar({ nation: 'scotland', bankHolidays: [] }), { message: /^bankHolidays: / });
    assert.throws(() => workingCalendar({ nation: 'northern-ireland', bankHolidays: { scotland: { division: 'scotland', events: [] } } }), {
      message: /^bankHolidays\.northern-ireland: missing/,
    });
  });
});

describe('clear days (reg 17 of SI 2012/2089; the 1972 Act meaning)', () => {
  it('a request received on 1 March 2026 with 10 clear days: access by 12 March (2 to 11 March are clear)', () => {
    assert.equal(addClearDays('2026-03-01', 10), '2026-03-12');
  });

  it('weekends and holidays are clear days: Thursday 24 December 2026 + 3 clear days is Monday 28 December', () => {
    assert.equal(addClearDays('2026-12-24', 3), '2026-12-28');
  });

  it('across the end of February in a leap year: 25 February 2028 + 5 clear days is 2 March', () => {
    assert.equal(addClearDays('2028-02-25', 5), '2028-03-02');
  });

  it('notice of a private meeting on 30 April 2026 with 28 clear days (reg 5) is given by 1 April', () => {
    assert.equal(clearDaysBefore('2026-04-30', 28), '2026-04-01');
  });

  it('across the change to summer time (29 March 2026) no day is gained or lost', () => {
    assert.equal(addClearDays('2026-03-28', 0), '2026-03-29');
    assert.equal(addClearDays('2026-03-28', 1), '2026-03-30');
    assert.equal(addWorkingDays(englandAndWales, '2026-03-27', 1), '2026-03-30');
  });
});

describe('bad inputs throw a RangeError naming the argument', () => {
  const cases: [string, () => unknown, RegExp][] = [
    ['a day that does not exist', () => addWorkingDays(englandAndWales, '2026-02-29', 1), /^start:/],
    ['a date without leading zeros', () => isWorkingDay(englandAndWales, '2026-3-1'), /^date:/],
    ['an empty date', () => workingDaysBetween(englandAndWales, '', '2026-03-01'), /^from:/],
    ['a date that is not a string', () => workingDaysBetween(englandAndWales, '2026-03-01', 20260301 as unknown as string), /^to:/],
    ['a negative number of days', () => addWorkingDays(englandAndWales, '2026-03-02', -1), /^n:/],
    ['a fraction of a day', () => addClearDays('2026-03-02', 1.5), /^n:/],
    ['not a number', () => explainWorkingDays(englandAndWales, '2026-03-02', Number.NaN), /^n:/],
    ['an absurd number of days', () => workingDaysBefore(englandAndWales, '2026-03-02', 1e9), /^n:/],
    ['an event date that is not a date', () => clearDaysBefore('30 April 2026', 5), /^event:/],
    ['an unknown nation', () => workingCalendar({ nation: 'wales' as Nation }), /^nation:/],
    ['a missing nation (never defaulted)', () => workingCalendar({} as { nation: Nation }), /^nation:/],
    ['a bad closure day', () => workingCalendar({ nation: 'scotland', closures: ['2026-12-29', '29/12/2026'] }), /^closures\[1\]:/],
    ['a year out of range', () => addWorkingDays(englandAndWales, '0099-01-01', 1), /^start:/],
  ];
  for (const [name, call, message] of cases) {
    it(name, () => assert.throws(call, { name: 'RangeError', message }));
  }
});

describe('purity', () => {
  it('the working-day code never reads the clock', () => {
    const files = ['working-days.ts', ...fs.readdirSync(path.join(import.meta.dirname, 'calendar')).map((f) => `calendar/${f}`)].filter((f) => !f.endsWith('.test.ts'));
    for (const file of files) {
      const source = fs.readFileSync(path.join(import.meta.dirname, file), 'utf8');
      assert.doesNotMatch(source, /Date\.now\(|new Date\(\)/, file);
    }
  });

  it('a year of bank holidays is worked out once per nation and kept', () => {
    assert.equal(bankHolidaysIn('scotland', 2031), bankHolidaysIn('scotland', 2031));
    assert.notEqual(bankHolidaysIn('scotland', 2031), bankHolidaysIn('england-and-wales', 2031));
  });
});
