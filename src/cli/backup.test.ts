import { after, before, describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDb, type TestDb } from '../../test/support/db.ts';
import { cliEnv, nolan } from '../../test/support/cli.ts';
import { runCli } from './main.ts';
import { fixedClock } from '../clock.ts';
import { fillEveryTable } from '../features/backup/backup.fixture.ts';
import { findUserByEmail } from '../features/accounts/users.repository.ts';
import { migrations } from '../db/migrations/index.ts';
import { BACKUP_TABLE_NAMES } from '../features/backup/backup.tables.ts';

/** The command in this process, for the cases that only print an error: quicker than starting Node again. */
async function nolanInProcess(db: TestDb, args: string[]): Promise<{ status: number; stderr: string }> {
  let stderr = '';
  const spy = mock.method(console, 'error', (...parts: unknown[]) => {
    stderr += `${parts.join(' ')}\n`;
  });
  try {
    return { status: await runCli(args, { ...cliEnv(db), LOG_LEVEL: 'silent' }), stderr };
  } finally {
    spy.mock.restore();
  }
}

describe('nolan backup and nolan restore', () => {
  let original: TestDb;
  let target: TestDb;
  let dir: string;
  before(async () => {
    original = await createTestDb();
    target = await createTestDb();
    await fillEveryTable(original, fixedClock('2026-11-23T10:00:00Z'));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nolan-backup-cli-'));
  });
  after(async () => {
    await original.drop();
    await target.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('backs up to a file, restores it into an empty database and checks the audit chain', async () => {
    const file = path.join(dir, 'council.jsonl.gz');
    const backup = nolan(original, ['backup', file]);
    assert.equal(backup.status, 0, backup.stderr);
    assert.match(backup.stdout, new RegExp(`^Backed up \\d+ rows from ${BACKUP_TABLE_NAMES.length} tables to .*council\\.jsonl\\.gz \\(migration ${Object.keys(migrations).at(-1)}, gzipped\\)\n$`));

    const again = nolan(original, ['backup', file]);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /already exists; choose a new name, or add --force to replace it/);
    assert.equal(nolan(original, ['backup', file, '--force']).status, 0);

    const restore = nolan(target, ['restore', file]);
    assert.equal(restore.status, 0, restore.stderr);
    assert.match(restore.stdout, new RegExp(`^Restored \\d+ rows in ${BACKUP_TABLE_NAMES.length} tables from .*\nAudit chain intact: \\d+ events, head [0-9a-f]{64}\n$`));
    assert.equal((await findUserByEmail(target.kysely, 'ada@council.example'))?.fullName, 'Ada Admin');

    const twice = nolan(target, ['restore', file]);
    assert.equal(twice.status, 2);
    assert.match(twice.stderr, /^nolan restore: restore needs a new, empty database, and this one already holds council \(1 row\)/);
  });

  it('restores into an install with another audit key only to be re-keyed with the backup’s key', async () => {
    const file = path.join(dir, 'for-another-key.jsonl');
    assert.equal(nolan(original, ['backup', file]).status, 0);
    const elsewhere = await createTestDb();
    try {
      const OTHER = { AUDIT_KEY: 'this-install-key-this-install-key-0123456' };
      const restore = nolan(elsewhere, ['restore', file], undefined, OTHER);
      assert.equal(restore.status, 1, restore.stderr);
      assert.match(restore.stdout, /Audit chain not checked: it is hashed with another audit key than this AUDIT_KEY/);
      const refused = nolan(elsewhere, ['audit', 'verify'], undefined, OTHER);
      assert.match(refused.stderr, /AUDIT_KEY is not the key this audit chain is hashed with/);
      const rekeyed = nolan(elsewhere, ['audit', 'rekey'], undefined, { NEW_AUDIT_KEY: OTHER.AUDIT_KEY });
      assert.equal(rekeyed.status, 0, rekeyed.stdout + rekeyed.stderr);
      const verified = nolan(elsewhere, ['audit', 'verify'], undefined, OTHER);
      assert.equal(verified.status, 0, verified.stdout + verified.stderr);
    } finally {
      await elsewhere.drop();
    }
  });

  it('exits 2 with one line for bad arguments and unreadable files', async () => {
    const cases: [string[], RegExp][] = [
      [['backup'], /give one file to write/],
      [['restore'], /give one backup file to restore/],
      [['backup', path.join(dir, 'no-such-folder', 'council.jsonl')], /cannot write .*council\.jsonl \(ENOENT\)/],
      [['restore', path.join(dir, 'absent.jsonl')], /cannot read .*absent\.jsonl \(ENOENT\)/],
    ];
    for (const [args, message] of cases) {
      const result = await nolanInProcess(target, args);
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message);
      assert.equal(result.stderr.trim().split('\n').length, 1);
    }
  });
});
