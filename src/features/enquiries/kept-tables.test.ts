// A kept page's table is written once and handed out again while the page is kept; any other page's is written
// each time, and remembered nowhere.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { enquiryTableHtml } from './enquiry-table.ts';
import { listRow } from './enquiry.view.ts';
import type { EnquiryListItem } from './enquiry.types.ts';
import { keptTables } from './kept-tables.ts';

const item = (i: number, dueOn: string): EnquiryListItem => ({
  id: i,
  reference: `ENQ-26-000${i}`,
  subject: `Streetlight out on Station Road, lamp ${i}`,
  memberName: 'Cllr Ann Abbott',
  wardName: 'Abbey',
  serviceName: 'Highways',
  status: 'in-progress',
  assignedOfficerName: 'Eve Engineer',
  receivedAt: '2026-11-02T09:00:00.000Z',
  receivedOn: '2026-11-02',
  dueOn,
});

describe('kept tables', () => {
  const page = [item(1, '2026-12-07'), item(2, '2026-12-20')];
  const other = [item(3, '2026-12-21')];
  const kept = new Set<readonly EnquiryListItem[]>([page]);
  const tableOf = keptTables((items) => kept.has(items));

  it('writes a kept page’s table once for the day', () => {
    const first = tableOf(page, '2026-12-07');
    assert.equal(String(first), enquiryTableHtml(page.map((i) => listRow(i, '2026-12-07'))));
    assert.equal(tableOf(page, '2026-12-07'), first, 'the same table, not written again');
  });

  it('writes it again when the day turns, as what is overdue changes', () => {
    const before = tableOf(page, '2026-12-07');
    const after = tableOf(page, '2026-12-08');
    assert.notEqual(after, before);
    assert.doesNotMatch(String(before), /Overdue/);
    assert.match(String(after), /Overdue/, 'due on the 7th, overdue on the 8th');
  });

  it('writes a page that is not kept every time', () => {
    const first = tableOf(other, '2026-12-07');
    assert.notEqual(tableOf(other, '2026-12-07'), first);
    assert.equal(String(tableOf(other, '2026-12-07')), String(first));
  });

  it('stops handing out a table once its page is no longer kept', () => {
    const first = tableOf(page, '2026-12-09');
    kept.delete(page);
    assert.notEqual(tableOf(page, '2026-12-09'), first);
  });
});
