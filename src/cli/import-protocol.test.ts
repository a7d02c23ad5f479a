import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDb, type TestDb } from '../../test/support/db.ts';
import { nolan } from '../../test/support/cli.ts';
import { requireShared } from '../../test/support/shared.ts';
import { pdfBomb, wordBomb } from '../features/protocol-import/document-bombs.ts';

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

  it('with --save keeps the document as the council’s own, read against the council’s profile', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nolan-protocol-'));
    const file = path.join(dir, 'borough-protocol.txt');
    fs.copyFileSync(path.join(import.meta.dirname, '../features/protocol-document/fixtures/borough-protocol.txt'), file);
    const refused = nolan(db, ['import', 'protocol', file, '--save', '--profile', 'county']);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /profile: --save reads the document against the council's own profile \(model\)/);
    const saved = nolan(db, ['import', 'protocol', file, '--save']);
    assert.equal(saved.status, 0, saved.stderr);
    assert.match(saved.stdout, /^7 clauses read from borough-protocol\.txt\n/);
    assert.match(saved.stdout, /cited by a rule \(5\): 110, 111, 112, 113, 115/);
    assert.match(saved.stdout, /Saved as the council's protocol document/);
    const stored = await db.kysely.selectFrom('protocol_documents').select(['file_name', 'profile_id', 'clause_count', 'actor']).execute();
    assert.equal(stored.length, 1);
    assert.deepEqual({ ...stored[0], actor: undefined }, { file_name: 'borough-protocol.txt', profile_id: 'model', clause_count: 7, actor: undefined });
    assert.match(stored[0]!.actor, /^cli:/);
    fs.rmSync(dir, { recursive: true, force: true });
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

  it('exits 2 naming the limit for a document that would unpack or inflate to 300 MB, and saves nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nolan-protocol-'));
    for (const [name, bytes, message] of [
      ['bomb.docx', wordBomb(300), /^nolan import: file: bomb\.docx would unpack word\/document\.xml to 300 MB: one part of a Word document may unpack to 40 MB at most$/m],
      ['bomb.pdf', pdfBomb(300), /^nolan import: file: bomb\.pdf would inflate to more than 150 MB when opened: a PDF’s contents may inflate to 150 MB at most$/m],
    ] as [string, Uint8Array, RegExp][]) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, bytes);
      const result = nolan(db, ['import', 'protocol', file, '--save']);
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, message);
    }
    assert.deepEqual(await db.kysely.selectFrom('protocol_documents').select('id').where('file_name', 'like', 'bomb%').execute(), []);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
