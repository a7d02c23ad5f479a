// town-2026's version table: the version in force on each date, a warning where it is not the text held,
// and an error for a date before the first adoption.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { requireShared } from '../../../../test/support/shared.ts';
import { evaluate } from '../../engine.ts';
import { EngineInputError } from '../../errors.ts';
import { parseProtocol } from '../../importer.ts';
import { town2026 } from './index.ts';

const ask = (on: string) => evaluate(town2026, 'complaint-route', { complainant: 'officer', about: 'member' }, on);

describe('town-2026: versions', () => {
  it('a date before the first adoption is an error naming that date', () => {
    assert.throws(
      () => ask('2020-03-16'),
      (error: unknown) => error instanceof EngineInputError && error.field === 'on' && error.message.includes('2020-03-17') && error.message.includes('2020-03-16'),
    );
  });

  it('each version is in force from its adoption date until the next one', () => {
    const expected: [string, string][] = [
      ['2020-03-17', '2020v1'],
      ['2021-03-24', '2020v1'],
      ['2021-03-25', '2021'],
      ['2022-03-24', '2022-03'],
      ['2023-03-20', '2022-03'],
      ['2023-03-21', '2023'],
      ['2024-03-19', '2024'],
      ['2025-03-24', '2025'],
      ['2026-03-22', '2025'],
      ['2026-03-23', '2026'],
      ['2030-01-01', '2026'],
    ];
    for (const [on, version] of expected) assert.equal(ask(on).version, version, on);
  });

  it('an earlier version is named with a warning that the rules come from the 2026 text', () => {
    const decision = ask('2021-06-01');
    assert.equal(decision.version, '2021');
    assert.deepEqual(decision.warnings, ['version 2021 was in force on 2021-06-01, but only the text of version 2026 is held: these rules come from that text']);
    assert.equal(decision.outcome, 'refer');
    assert.deepEqual(ask('2026-11-23').warnings, []);
  });

  it('records all seven versions with minute, review date and reviewer', () => {
    assert.equal(town2026.versions.length, 7);
    for (const v of town2026.versions) {
      assert.match(v.adoptedOn ?? '', /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(v.minute, `${v.version} has a minute reference`);
      assert.match(v.reviewDue ?? '', /^\d{4}-\d{2}$/);
      assert.equal(v.reviewer, 'G White');
    }
  });

  it('matches the version table the importer reads from the protocol', (t) => {
    const shared = requireShared(t);
    if (!shared) return;
    const seeds = path.join(shared, 'seeds');
    const file = fs.readdirSync(seeds).find((name) => name.startsWith('002_'));
    assert.ok(file, 'the town-2026 seed');
    assert.deepEqual(parseProtocol(fs.readFileSync(path.join(seeds, file), 'utf8')).versions, town2026.versions);
  });
});
