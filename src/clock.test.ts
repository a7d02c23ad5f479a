// "Today" is the UK's calendar date, across midnight and the clock changes, however the moments are asked for.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { ukDate } from './clock.ts';

it('gives the UK date of each moment, in GMT and in BST', () => {
  const cases: [string, string][] = [
    ['2026-01-15T23:59:59.999Z', '2026-01-15'],
    ['2026-01-16T00:00:00.000Z', '2026-01-16'],
    // British Summer Time: midnight in London is 23:00 UTC the day before.
    ['2026-07-01T22:59:59.999Z', '2026-07-01'],
    ['2026-07-01T23:00:00.000Z', '2026-07-02'],
    // The clocks go back at 01:00 UTC on 25 October 2026; the same minute asked twice, then its neighbours.
    ['2026-10-24T23:00:30.000Z', '2026-10-25'],
    ['2026-10-24T23:00:59.999Z', '2026-10-25'],
    ['2026-10-24T22:59:59.999Z', '2026-10-24'],
    ['2026-10-25T23:59:00.000Z', '2026-10-25'],
    ['2026-10-26T00:00:00.000Z', '2026-10-26'],
  ];
  // Asked in order, in reverse, and alternating: each answer is the moment's own, never the one before.
  for (const order of [cases, [...cases].reverse(), cases.flatMap((c, i) => [c, cases[(i + 4) % cases.length]!])]) {
    for (const [at, expected] of order) assert.equal(ukDate(new Date(at)), expected, at);
  }
});

it('gives each hour of the clock change its own date, asked in any order, many times over', () => {
  // The clocks go forward at 01:00 UTC on 29 March 2026: from then on, midnight in London is 23:00 UTC.
  const hours = [...Array(24 * 6).keys()].map((h) => new Date(Date.UTC(2026, 2, 27) + h * 3_600_000));
  const expected = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(at);
  for (let round = 0; round < 3; round += 1) {
    for (const at of round === 1 ? [...hours].reverse() : hours) {
      for (const minute of [0, 59]) {
        const moment = new Date(at.getTime() + minute * 60_000);
        assert.equal(ukDate(moment), expected(moment), moment.toISOString());
      }
    }
  }
});

it('refuses an invalid date rather than answering with the last one', () => {
  ukDate(new Date('2026-01-15T12:00:00Z'));
  assert.throws(() => ukDate(new Date('not a date')), RangeError);
});
