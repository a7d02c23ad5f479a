import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDb, type TestDb } from '../../test/support/db.ts';
import { nolan } from '../../test/support/cli.ts';
import { requireShared } from '../../test/support/shared.ts';

describe('nolan import protocol', () => {
  let db: TestDb;
  before(async () => {
    db = await createTestDb();
  });
  after(async () => db.drop());

  it('reads a council’s protocol into clauses and reports coverage against a profile', (t) => {
    const shared = requireShared(t);
    if (!shared) return;
    const file = path.join(shared, 'seeds', '002_dbd0848fd9930892.txt');
    const result = nolan(db, ['import', 'protocol', file, '--profile', 'town-2026', '--json']);
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout) as { clauses: { id: string }[]; versions: unknown[]; coverage: { cited: string[]; missing: string[] } };
    assert.equal(report.versions.length, 7);
    assert.ok(report.clauses.some((c) => c.id === '5.2'));
    assert.deepEqual(report.coverage.missing, [], 'every clause the profile cites exists');
    assert.ok(report.coverage.cited.includes('5.2'));
  });

  it('exits 2 naming the problem for an unreadable file or an unknown profile', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nolan-protocol-'));
    const rtf = path.join(dir, 'protocol.rtf');
    fs.writeFileSync(rtf, '{\\rtf1 nothing}');
    for (const [args, message] of [
      [['import', 'protocol', rtf], /file: .*Rich Text/],
      [['import', 'protocol', path.join(dir, 'missing.txt')], /file: cannot read/],
      [['import', 'protocol', rtf, '--profile', 'atlantis'], /profile: unknown profile "atlantis"/],
    ] as [string[], RegExp][]) {
      const result = nolan(db, args);
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, message);
    }
  });
});
