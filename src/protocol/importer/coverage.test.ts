// The coverage report: what the rules cite, what they leave out, and what they cite in error.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { coverageReport, parseProtocol } from '../importer.ts';

const protocol = parseProtocol(
  [
    'Definitions',
    '',
    '1. "Clerk" means the officer who will act as proper officer.',
    '',
    'General',
    '',
    '2. Councillors must treat the Clerk with respect.',
    '3. The Clerk will answer questions:',
    '(a) in writing; or',
    '(b) in person, where the councillor agrees.',
    '4. Councillors should not instruct the Clerk, except:',
    '(a) through a decision of the council;',
    '(b) where the council may delegate the matter.',
    '',
    '5. Meetings',
    '',
    '5.1 The Chairman may call a meeting.',
    '5.2 This protocol was adopted in 2024.',
  ].join('\n'),
);

it('lists cited clauses, uncited rule-bearing clauses and citations of clauses that do not exist', () => {
  const report = coverageReport(protocol, ['2', '4(A)', '9.9', '3.', '9.9']);
  assert.deepEqual(report.cited, ['2', '3', '4(a)']);
  // 1 is a definition, 3's items are covered by citing 3, 4 is partly cited so its other item is
  // listed alone, 5 is a heading and 5.2 binds no one.
  assert.deepEqual(report.uncited, ['4(b)', '5.1']);
  assert.deepEqual(report.missing, ['9.9']);
});

it('lists a clause with sub-items once when none of it is cited', () => {
  assert.deepEqual(coverageReport(protocol, []).uncited, ['2', '3', '4', '5.1']);
  assert.deepEqual(coverageReport(protocol, ['2', '3', '4', '5.1']).uncited, []);
});
