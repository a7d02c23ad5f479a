// The report's arithmetic, table-driven: counts, hours and each group's share against an equal share.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evenHandedness, lastYearTo } from './briefing-report.ts';

describe('the even-handedness figures', () => {
  const groups = [{ id: 1, name: 'Red' }, { id: 2, name: 'Blue' }, { id: 3, name: 'Green' }];
  const report = evenHandedness(
    groups,
    [
      { groupId: 1, status: 'held', count: 4, minutes: 420 },
      { groupId: 1, status: 'declined', count: 1, minutes: 0 },
      { groupId: 2, status: 'held', count: 1, minutes: 60 },
      { groupId: 2, status: 'requested', count: 2, minutes: 0 },
    ],
    [
      { groupId: 2, status: 'accepted', count: 1 },
      { groupId: 3, status: 'lapsed', count: 2 },
      { groupId: null, status: 'declined', count: 1 },
    ],
  );

  it('counts each group’s briefings, offers and officer hours', () => {
    const [red, blue, green] = report.groups;
    assert.deepEqual([red!.requested, red!.held, red!.declined, red!.hours], [5, 4, 1, 7]);
    assert.deepEqual([blue!.requested, blue!.held, blue!.offersMade, blue!.offersTaken], [3, 1, 1, 1]);
    assert.deepEqual([green!.requested, green!.offersMade, green!.offersLapsed], [0, 2, 2]);
    assert.equal(report.totalHours, 8);
    assert.deepEqual([report.noGroup.offersMade, report.noGroup.offersDeclined, report.noGroup.hoursShare], [1, 1, null]);
  });

  it('marks a group with more than half as much again as an equal share, or less than half of one', () => {
    assert.deepEqual(report.groups.map((g) => [g.hoursShare, g.served]), [[87.5, 'more'], [12.5, 'less'], [0, 'less']]);
  });

  it('takes the twelve months to a day', () => {
    assert.deepEqual(lastYearTo('2026-11-23'), { from: '2025-11-24', to: '2026-11-23' });
  });
});
