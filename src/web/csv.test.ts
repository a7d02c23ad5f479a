// CSV cells as a spreadsheet will read them: quoted where needed, and never run as a formula.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { csvDisposition, toCsv } from './csv.ts';

describe('CSV', () => {
  const cases: [string, string | number | null, string][] = [
    ['plain text', 'Highways', 'Highways'],
    ['a comma', 'Parks, gardens', '"Parks, gardens"'],
    ['a quote', 'The "old" depot', '"The ""old"" depot"'],
    ['a line break', 'two\nlines', '"two\nlines"'],
    ['a formula', '=1+1', "'=1+1"],
    ['a plus', '+44 1234', "'+44 1234"],
    ['a minus', '-5', "'-5"],
    ['an at sign', '@SUM(A1)', "'@SUM(A1)"],
    ['a tab first', '\t=1', "'\t=1"],
    ['a formula with a comma', '=HYPERLINK("x"),y', `"'=HYPERLINK(""x""),y"`],
    ['a number', 42, '42'],
    ['nothing', null, ''],
  ];
  for (const [what, value, expected] of cases) it(`writes ${what}`, () => assert.equal(toCsv(['h'], [[value]]), `h\r\n${expected}\r\n`));

  it('starts with a header row and ends each row with CRLF', () => {
    assert.equal(toCsv(['Service', 'Open'], [['Highways', 3], ['Parks', 0]]), 'Service,Open\r\nHighways,3\r\nParks,0\r\n');
  });

  it('names the download safely', () => assert.equal(csvDisposition('enquiries "by" month'), 'attachment; filename="enquiries__by__month.csv"'));
});
