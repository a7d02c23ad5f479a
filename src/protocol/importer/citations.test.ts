import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { citedClauses } from './citations.ts';

const clauses = [
  { id: '10', text: 'Enquiries from members.' },
  { id: '10 (f)', text: 'A reply within a set number of working days.', parent: '10' },
  { id: '1.7.2', text: 'An acknowledgement that explains the delay.', heading: 'Enquiries' },
];

describe('citedClauses', () => {
  it('matches a citation to the clause however it is spaced or cased, and keeps the first citation of each', () => {
    const found = citedClauses(clauses, ['10(F)', '1.7.2.', '10 (f)', '99']);
    assert.deepEqual(
      found.map((f) => [f.cited, f.clause?.id]),
      [
        ['10(F)', '10 (f)'],
        ['1.7.2.', '1.7.2'],
        ['99', undefined],
      ],
    );
  });

  it('finds nothing in an empty document', () => {
    assert.deepEqual(citedClauses([], ['1']), [{ cited: '1', clause: undefined }]);
  });
});
