import { after, before, describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDb, TEST_AUDIT_KEY, type TestDb } from '../../test/support/db.ts';
import { cliEnv, nolan } from '../../test/support/cli.ts';
import { runCli } from './main.ts';
import { appendAudit } from '../features/audit/audit.repository.ts';
import { systemActor } from '../actor.ts';

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

describe('nolan audit', () => {
  let db: TestDb;
  before(async () => {
    db = await createTestDb();
    for (let i = 1; i <= 6; i++) {
      await db.kysely.transaction().execute((trx) => appendAudit(trx, db.dialect, systemActor, { action: 'test.changed', entity: 'test', entityId: i }, new Date()));
    }
  });
  after(async () => db.drop());

  it('verify: exit 0 and "chain intact" with the count and the head; checkpoint: the head as JSON', async () => {
    const head = await db.kysely.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
    const verified = nolan(db, ['audit', 'verify']);
    assert.equal(verified.status, 0, verified.stderr);
    assert.equal(verified.stdout, `chain intact: 6 events, head ${head.hash}\n`);
    const checkpoint = nolan(db, ['audit', 'checkpoint']);
    assert.equal(checkpoint.status, 0, checkpoint.stderr);
    const printed = JSON.parse(checkpoint.stdout) as { seq: number; hash: string; at: string };
    assert.deepEqual(Object.keys(printed), ['seq', 'hash', 'at']);
    assert.equal(printed.seq, 6);
    assert.equal(printed.hash, head.hash);
    assert.match(printed.at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const withCheckpoint = nolan(db, ['audit', 'verify', '--checkpoint', checkpoint.stdout.trim()]);
    assert.equal(withCheckpoint.status, 0, withCheckpoint.stdout);
    assert.match(withCheckpoint.stdout, /checkpoint found at seq 6/);
  });

  it('exits 2 naming what is wrong with the arguments', async () => {
    const cases: [string[], RegExp][] = [
      [['audit'], /Usage:/],
      [['audit', 'mend'], /unknown action "mend"/],
      [['audit', 'verify', '--checkpoint', 'abc'], /--checkpoint: expected a SHA-256 hash/],
      [['audit', 'verify', '--checkpoint', '{"seq":1}'], /--checkpoint: the JSON has no "hash"/],
      [['audit', 'verify', '--checkpoint-seq', '3'], /--checkpoint-seq needs --checkpoint/],
      [['audit', 'verify', '--checkpoint', 'a'.repeat(64), '--checkpoint-seq', 'three'], /--checkpoint-seq: expected a whole number/],
      [['audit', 'verify', '--colour'], /colour/],
      [['audit', 'checkpoint', 'now'], /positional|Unexpected argument/i],
    ];
    for (const [args, message] of cases) {
      const result = await nolanInProcess(db, args);
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message);
    }
    const spawned = nolan(db, ['audit', 'verify', '--checkpoint', 'abc']);
    assert.equal(spawned.status, 2);
    assert.equal(spawned.stdout, '', 'nothing on standard output');
  });

  it('verify: exit 1 naming the first broken link, and missing events against a checkpoint', async () => {
    const checkpoint = nolan(db, ['audit', 'checkpoint']).stdout.trim();
    if (db.dialect === 'postgres') {
      await sql`drop trigger audit_events_no_update on audit_events`.execute(db.kysely);
    } else {
      await sql`drop trigger audit_events_no_update`.execute(db.kysely);
      await sql`drop trigger audit_events_no_delete`.execute(db.kysely);
    }
    await db.kysely.deleteFrom('audit_events').where('seq', '>', 4).execute();
    const four = await db.kysely.selectFrom('audit_events').select('hash').where('seq', '=', 4).executeTakeFirstOrThrow();
    await db.kysely.updateTable('audit_head').set({ seq: 4, hash: four.hash }).execute();
    assert.equal(nolan(db, ['audit', 'verify']).status, 0, 'the chain alone cannot tell');
    const missing = nolan(db, ['audit', 'verify', '--checkpoint', checkpoint]);
    assert.equal(missing.status, 1);
    assert.equal(missing.stdout, 'chain broken at seq 5: the chain ends at 4, before the checkpoint’s 6: events were deleted\n');
    const hashOnly = nolan(db, ['audit', 'verify', '--checkpoint', (JSON.parse(checkpoint) as { hash: string }).hash]);
    assert.equal(hashOnly.status, 1);
    assert.match(hashOnly.stdout, /^chain broken at seq 5: events after seq 4 are missing/);

    await db.kysely.updateTable('audit_events').set({ action: 'test.nothing-happened' }).where('seq', '=', 2).execute();
    const changed = nolan(db, ['audit', 'verify']);
    assert.equal(changed.status, 1);
    assert.equal(changed.stdout, 'chain broken at seq 2: its content does not match its hash: the event was changed after it was written\n');
  });
});

describe('nolan audit rekey, and checkpoints as the daily mail gives them', () => {
  const NEW_KEY = 'a-new-audit-key-a-new-audit-key-0123456789';
  let db: TestDb;
  before(async () => {
    db = await createTestDb();
    for (let i = 1; i <= 4; i++) {
      await db.kysely.transaction().execute((trx) => appendAudit(trx, db.dialect, systemActor, { action: 'test.changed', entity: 'test', entityId: i }, new Date()));
    }
  });
  after(async () => db.drop());

  it('takes seq:hash, or a file holding it, as the checkpoint', async () => {
    const head = await db.kysely.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
    const given = nolan(db, ['audit', 'verify', '--checkpoint', `${head.seq}:${head.hash}`]);
    assert.equal(given.status, 0, given.stdout + given.stderr);
    assert.match(given.stdout, /checkpoint found at seq 4/);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nolan-checkpoint-')), 'checkpoint.txt');
    fs.writeFileSync(file, `${head.seq}:${head.hash}\n`);
    assert.equal(nolan(db, ['audit', 'verify', '--checkpoint', file]).status, 0);
    const later = nolan(db, ['audit', 'verify', '--checkpoint', `${head.seq + 3}:${head.hash}`]);
    assert.equal(later.status, 1);
    assert.match(later.stdout, /the chain ends at 4, before the checkpoint’s 7: events were deleted/);
  });

  it('rotates the key: the chain verifies with the new key and not the old', async () => {
    const missing = nolan(db, ['audit', 'rekey']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /rekey needs the new key/);
    const same = nolan(db, ['audit', 'rekey'], undefined, { NEW_AUDIT_KEY: TEST_AUDIT_KEY });
    assert.equal(same.status, 2);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nolan-key-')), 'new-audit-key');
    fs.writeFileSync(file, `${NEW_KEY}\n`, { mode: 0o600 });
    const rekeyed = nolan(db, ['audit', 'rekey', '--new-key-file', file]);
    assert.equal(rekeyed.status, 0, rekeyed.stdout + rekeyed.stderr);
    assert.match(rekeyed.stdout, /^re-keyed 4 events; head now 5:[0-9a-f]{64}\n/);
    const withNew = nolan(db, ['audit', 'verify'], undefined, { AUDIT_KEY: NEW_KEY });
    assert.equal(withNew.status, 0, withNew.stdout + withNew.stderr);
    assert.match(withNew.stdout, /^chain intact: 5 events/);
    const withOld = nolan(db, ['audit', 'verify']);
    assert.equal(withOld.status, 1);
    assert.match(withOld.stderr, /AUDIT_KEY is not the key this audit chain is hashed with/);
  });
});
