// The importer on documents written for these tests, one habit of council documents at a time.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseProtocol } from '../importer.ts';

const text = (lines: string[]) => lines.join('\n');
const ids = (source: string) => parseProtocol(source).clauses.map((c) => c.id);
const find = (source: string, id: string) => parseProtocol(source).clauses.find((c) => c.id === id);

describe('importer: numbering and layout', () => {
  const parish = text([
    'Anytown Parish Council',
    '',
    '1. GENERAL',
    '',
    '- 1.1 Councillors and the Clerk will treat one',
    'another with courtesy   and   respect.',
    '- 1.2. This protocol should be read with the Code of Conduct.',
    '',
    '2. Requests',
    '',
    '2.1 A councillor may ask the Clerk for information. The Clerk',
    'will reply within ten working days:',
    '(a) in writing; or',
    '(b) at the next meeting, where the',
    '',
    'Page 3 of 9',
    '',
    'councillor agrees.',
    '',
    '2.2 The Clerk must not be asked to do work that is not council busi-',
    'ness.',
  ]);

  it('reads decimal clauses, numbered headings, bullets and wrapped lines', () => {
    const parsed = parseProtocol(parish);
    assert.deepEqual(parsed.clauses.map((c) => c.id), ['1', '1.1', '1.2', '2', '2.1', '2.1(a)', '2.1(b)', '2.2']);
    assert.deepEqual(parsed.clauses[1], { id: '1.1', text: 'Councillors and the Clerk will treat one another with courtesy and respect.', heading: 'GENERAL', parent: '1' });
    assert.equal(find(parish, '2')?.text, 'Requests');
    assert.equal(find(parish, '2.1(b)')?.text, 'at the next meeting, where the councillor agrees.', 'a page break and its page number are no part of the text');
    assert.equal(find(parish, '2.1')?.text.split('\n').length, 3, 'the clause keeps its items, one line each');
    assert.match(find(parish, '2.2')?.text ?? '', /council business\.$/);
    assert.deepEqual(parsed.warnings, []);
  });

  it('tells the letter (i) from the roman (i) by what comes before it', () => {
    const long = ['3. The Clerk will:', ...'abcdefghij'.split('').map((l) => `(${l}) do task ${l};`)];
    assert.deepEqual(ids(text(long)).slice(-3), ['3(h)', '3(i)', '3(j)']);
    const nested = ['4. A councillor may not:', '(a) act alone;', '(b) act where:', '(i) the Clerk objects; or', '(ii) the Chairman objects;', '(c) act in private.'];
    assert.deepEqual(ids(text(nested)), ['4', '4(a)', '4(b)', '4(b)(i)', '4(b)(ii)', '4(c)']);
  });

  it('reads "1)" and "1." sub-items of a decimal clause and dotted letters, but not abbreviations', () => {
    const source = text(['5.1 The Clerk will:', '1) keep the minutes;', '2) publish agendas.', '', '5.2 The Chairman will:', '1. open meetings;', '2. close meetings.', '', '5.3 Councillors should:', 'a. attend;', 'b. vote.', '', 'e.g. this line is part of 5.3.']);
    assert.deepEqual(ids(source), ['5.1', '5.1(1)', '5.1(2)', '5.2', '5.2(1)', '5.2(2)', '5.3', '5.3(a)', '5.3(b)']);
    assert.match(find(source, '5.3')?.text ?? '', /e\.g\. this line/);
  });

  it('names a second list in one clause after its lead-in, or "list 2" with a warning', () => {
    const source = text(['6. Councillors can expect from the Clerk:', '(a) advice;', '(b) minutes.', '', 'The Clerk can expect from Councillors:', '(a) courtesy;', '(b) notice.']);
    assert.deepEqual(ids(source), ['6', '6(a)', '6(b)', "6 (clerk's expectations)", "6 (clerk's expectations) (a)", "6 (clerk's expectations) (b)"]);
    const unnamed = parseProtocol(text(['7. First:', '(a) one;', '(b) two.', '', 'Then:', '(a) three.']));
    assert.deepEqual(unnamed.clauses.map((c) => c.id), ['7', '7(a)', '7(b)', '7 (list 2)', '7 (list 2) (a)']);
    assert.equal(unnamed.warnings.length, 1);
  });

  it('starts a new part when the numbering starts again under a heading', () => {
    const source = text(['1. Councillors must be courteous.', '2. The Clerk must be impartial.', '', 'Appendix A: Notes for the Clerk', '', '1. Meetings', '', '1.1 The Clerk should arrive early.', '', 'Further Guidance', '', '1. Leave should be booked ahead.']);
    const parsed = parseProtocol(source);
    assert.deepEqual(parsed.clauses.map((c) => c.id), ['1', '2', 'Appendix A 1', 'Appendix A 1.1', 'Guidance 1']);
    assert.equal(find(source, 'Appendix A 1.1')?.parent, 'Appendix A 1');
    const unnamed = parseProtocol(text(['1. One must.', '', 'Extra Rules', '', '1. Two must.']));
    assert.deepEqual(unnamed.clauses.map((c) => c.id), ['1', 'Extra Rules 1']);
    assert.equal(unnamed.warnings.length, 1);
  });

  it('warns of gaps, repeats, stray text and documents with no numbers', () => {
    const parsed = parseProtocol(text(['1. One.', '2. Two.', '4. Four.', '4. Four again.', '', 'Notes', '', 'This note is in no clause.']));
    assert.deepEqual(parsed.clauses.map((c) => c.id), ['1', '2', '4', '4 (2)']);
    assert.equal(parsed.warnings.length, 4, parsed.warnings.join('\n'));
    assert.match(parsed.warnings[0]!, /jumps from 2 to 4/);
    assert.match(parsed.warnings.at(-1)!, /in no numbered clause/);
    assert.match(parseProtocol('Just a letter, with no numbers at all.').warnings[0]!, /no numbered clauses/);
  });

  it('keeps footnotes apart from the clause they interrupt', () => {
    const source = text(['8. The statutory officers¹ will:', '(a) advise;', '', '¹ The Clerk and the RFO.', '', '(b) report.']);
    assert.deepEqual(ids(source), ['8', '8(a)', 'footnote 1', '8(b)']);
    assert.equal(find(source, '8')?.text, 'The statutory officers¹ will:\n(a) advise;\n(b) report.');
  });
});

describe('importer: version table', () => {
  it('finds columns by their headings, in any order, with tabs or pipes', () => {
    const piped = text(['| Version | Approved on | Minute | Next review | Reviewer |', '|---|---|---|---|---|', '| v1 | 3rd May 2022 | 22/14 | May 2023 | The Clerk |', '| v2 | 2023-05-09 | 23/31 | 09/05/2024 | The Clerk |', '', '1. Text.']);
    const parsed = parseProtocol(piped);
    assert.deepEqual(parsed.versions, [
      { version: 'v1', adoptedOn: '2022-05-03', minute: '22/14', reviewDue: '2023-05', reviewer: 'The Clerk' },
      { version: 'v2', adoptedOn: '2023-05-09', minute: '23/31', reviewDue: '2024-05-09', reviewer: 'The Clerk' },
    ]);
    assert.deepEqual(parsed.clauses.map((c) => c.id), ['1']);
    const tabbed = parseProtocol(text(['Minute\tVersion\tDate adopted', '12/21\t1\t31.2.2021', '', '1. Text.']));
    assert.deepEqual(tabbed.versions, [{ version: '1', adoptedOn: null, minute: '12/21', reviewDue: null, reviewer: null }]);
    assert.match(tabbed.warnings[0]!, /not a full date/);
    assert.deepEqual(parseProtocol('1. Text.').versions, []);
  });
});
