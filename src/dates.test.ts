// A date the app accepts is a day that exists, written YYYY-MM-DD, whatever else a browser or API client sends.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { isIsoDate } from './dates.ts';

it('accepts days that exist, leap days included', () => {
  for (const day of ['2026-03-27', '2028-02-29', '2000-02-29', '2026-12-31', '0001-01-01']) assert.equal(isIsoDate(day), true, day);
});

it('refuses days that do not exist, other spellings and anything not text', () => {
  const refused: unknown[] = ['2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-3-27', '27-03-2026'];
  refused.push('2026-03-27T00:00:00Z', ' 2026-03-27', '+012345-01', '', 20260327, null, undefined);
  for (const value of refused) assert.equal(isIsoDate(value), false, String(value));
});
