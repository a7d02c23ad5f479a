// A shared figure is worked out once per period, once for a burst of requests, and again after a failure.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../clock.ts';
import { workedOutEvery } from './worked-out-every.ts';

describe('a figure worked out at most once a period', () => {
  it('is worked out once for requests that arrive together, kept for the period, then worked out again', async () => {
    const clock = fixedClock('2026-11-23T10:00:00Z');
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const figure = workedOutEvery(clock, 600_000, async () => {
      runs++;
      await gate;
      return runs;
    });
    const burst = [figure(), figure(), figure()];
    release();
    const answers = await Promise.all(burst);
    assert.equal(runs, 1);
    assert.deepEqual(answers.map((a) => a.value), [1, 1, 1]);
    assert.equal(answers[0]!.at.toISOString(), '2026-11-23T10:00:00.000Z');
    clock.advance(599_999);
    assert.equal((await figure()).value, 1, 'kept within the period');
    clock.advance(1);
    const again = await figure();
    assert.equal(again.value, 2, 'worked out again once the period has passed');
    assert.equal(again.at.toISOString(), '2026-11-23T10:10:00.000Z');
    clock.set('2026-11-23T09:00:00Z');
    assert.equal((await figure()).value, 3, 'a clock set back makes the kept figure out of date');
  });

  it('keeps no failure: the next request tries again', async () => {
    const clock = fixedClock('2026-11-23T10:00:00Z');
    let fail = true;
    const figure = workedOutEvery(clock, 600_000, async () => {
      if (fail) throw new Error('database away');
      return 'figures';
    });
    await assert.rejects(figure(), /database away/);
    fail = false;
    assert.equal((await figure()).value, 'figures');
  });
});
