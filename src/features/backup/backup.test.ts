import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createTestDb } from '../../../test/support/db.ts';
import { testEngine } from '../../../test/support/engines.ts';
import { createSqliteDb, type Db } from '../../db/create-db.ts';
import { migrateToLatest } from '../../db/migrator.ts';
import { fixedClock } from '../../clock.ts';
import { verifyChain } from '../audit/audit.verify.ts';
import { readChainHead } from '../audit/audit.repository.ts';
import { writeBackup } from './backup.service.ts';
import { restoreBackup } from './restore.service.ts';
import { BackupRefused } from './backup.format.ts';
import { postgresBooleanColumns, readPage, schemaTables, type Row } from './backup.repository.ts';
import { BACKUP_TABLE_NAMES, BACKUP_TABLES, specOf, type BackupTable } from './backup.tables.ts';
import { fillEveryTable } from './backup.fixture.ts';
import { migrations } from '../../db/migrations/index.ts';
import { listEnquiries } from '../enquiries/enquiry-list.repository.ts';

const LATEST_MIGRATION = Object.keys(migrations).at(-1)!;

const clock = fixedClock('2026-11-23T10:00:00Z');

const tempDirs: string[] = [];
after(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function tempFile(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nolan-backup-'));
  tempDirs.push(dir);
  return path.join(dir, name);
}

/** Every row of a table in key order, booleans as true/false and bytes as hex, whichever engine holds them. */
async function everyRow(db: Db, table: BackupTable): Promise<Row[]> {
  const rows = await readPage(db.kysely, table, null, 1_000_000);
  const booleans: readonly string[] = specOf(table).booleans ?? [];
  const binaries: readonly string[] = specOf(table).binaries ?? [];
  const plain = (k: string, v: unknown) => (v === null ? v : booleans.includes(k) ? Boolean(v) : binaries.includes(k) ? Buffer.from(v as Uint8Array).toString('hex') : v);
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(k, v)])));
}

async function assertSameData(restored: Db, original: Db): Promise<void> {
  for (const table of BACKUP_TABLE_NAMES) {
    assert.deepEqual(await everyRow(restored, table), await everyRow(original, table), `table ${table}`);
  }
  const chain = await verifyChain(restored.kysely);
  assert.equal(chain.intact, true, JSON.stringify(chain));
  assert.deepEqual(await readChainHead(restored.kysely), await readChainHead(original.kysely));
}

/** After a restore, the next row the app adds must get a new id (PostgreSQL's identity counters were moved on). */
async function assertNewRowsGetNewIds(db: Db): Promise<void> {
  const before = await db.kysely.selectFrom('wards').select((eb) => eb.fn.max('id').as('max')).executeTakeFirstOrThrow();
  const added = await db.kysely.insertInto('wards').values({ name: 'Added after restore', external_id: null, created_at: clock.now().toISOString() }).returning('id').executeTakeFirstOrThrow();
  assert.ok(added.id > Number(before.max), `new ward id ${added.id} after ${before.max}`);
}

async function withDbs(work: (original: Db, target: Db) => Promise<void>): Promise<void> {
  const original = await createTestDb();
  const target = await createTestDb();
  try {
    await work(original, target);
  } finally {
    await original.drop();
    await target.drop();
  }
}

describe('backup and restore', () => {
  it('lists every table the migrations create, and every boolean column', async () => {
    const db = await createTestDb();
    try {
      assert.deepEqual(await schemaTables(db.kysely, db.dialect), [...BACKUP_TABLE_NAMES].sort());
      if (db.dialect === 'postgres') {
        const listed = Object.entries(BACKUP_TABLES).flatMap(([table, spec]) => ('booleans' in spec ? spec.booleans.map((c) => `${table}.${c}`) : []));
        assert.deepEqual(await postgresBooleanColumns(db.kysely), listed.sort());
      }
    } finally {
      await db.drop();
    }
  });

  for (const name of ['nolan.jsonl', 'nolan.jsonl.gz']) {
    it(`round-trips every table, row by row, with the audit chain intact (${name})`, () =>
      withDbs(async (original, target) => {
        await fillEveryTable(original, clock);
        for (const table of BACKUP_TABLE_NAMES) assert.ok((await everyRow(original, table)).length > 0, `the fixture fills ${table}`);
        const file = tempFile(name);
        const summary = await writeBackup({ db: original, clock }, file);
        assert.equal(summary.tables, BACKUP_TABLE_NAMES.length);
        assert.equal(fs.statSync(file).mode & 0o077, 0, 'only its owner may read a backup');
        const bytes = fs.readFileSync(file);
        const text = name.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
        assert.equal(JSON.parse(text.split('\n')[0]!).migration, LATEST_MIGRATION);

        const restored = await restoreBackup({ db: target }, file);
        assert.equal(restored.rows, summary.rows);
        await assertSameData(target, original);
        await assertNewRowsGetNewIds(target);
        const found = await listEnquiries(target.kysely, { all: true }, { words: 'mattress lane', limit: 10, offset: 0 });
        assert.deepEqual(found.items.map((i) => i.subject), ['Fly-tipping'], 'the restored enquiries are found by their words');
      }));
  }

  it('leaves the search index out of the tables it lists: it is made from the enquiries, not backed up', async () => {
    const db = await createTestDb();
    try {
      const tables = await schemaTables(db.kysely, db.dialect);
      assert.ok(tables.includes('enquiries'));
      assert.deepEqual(tables.filter((t) => t.startsWith('enquiry_search')), []);
      if (db.dialect === 'sqlite') {
        const index = await sql<{ name: string }>`select name from sqlite_master where name like 'enquiry_search%' and type = 'table'`.execute(db.kysely);
        assert.ok(index.rows.length >= 4, 'the FTS5 table and its shadow tables exist');
      }
    } finally {
      await db.drop();
    }
  });

  it('reads tables larger than a page in key order', () =>
    withDbs(async (original, target) => {
      const at = clock.now().toISOString();
      for (let start = 0; start < 2500; start += 500) {
        const rows = Array.from({ length: 500 }, (_, i) => ({ name: `Ward ${String(start + i).padStart(5, '0')}`, external_id: null, created_at: at }));
        await original.kysely.insertInto('wards').values(rows).execute();
      }
      const file = tempFile('big.jsonl');
      assert.equal((await writeBackup({ db: original, clock }, file)).rows, 2501, 'the wards and the chain head');
      await restoreBackup({ db: target }, file);
      await assertSameData(target, original);
    }));

  it('refuses a database that already holds anything, and changes nothing', () =>
    withDbs(async (original, target) => {
      await fillEveryTable(original, clock);
      const file = tempFile('nolan.jsonl');
      await writeBackup({ db: original, clock }, file);
      await assert.rejects(restoreBackup({ db: original }, file), (error: Error) => error instanceof BackupRefused && /restore needs a new, empty database, and this one already holds council \(1 row\), settings/.test(error.message));
      await target.kysely.insertInto('council').values({ id: 1, name: 'Elsewhere', profile_id: 'model', nation: 'england-and-wales', kind: 'principal', updated_at: 'x' }).execute();
      await assert.rejects(restoreBackup({ db: target }, file), /already holds council \(1 row\); nothing was changed/);
      assert.equal((await everyRow(target, 'users')).length, 0);
    }));

  it('refuses another migration, a file cut short, a damaged row and a file that is not a backup, restoring nothing', () =>
    withDbs(async (original, target) => {
      await fillEveryTable(original, clock);
      const file = tempFile('nolan.jsonl');
      await writeBackup({ db: original, clock }, file);
      const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
      const variant = (name: string, content: string | Buffer) => {
        const other = path.join(path.dirname(file), name);
        fs.writeFileSync(other, content);
        return other;
      };
      const header = JSON.parse(lines[0]!) as Record<string, unknown>;
      const cases: [string, RegExp][] = [
        [variant('later.jsonl', [JSON.stringify({ ...header, migration: '0099_future' }), ...lines.slice(1)].join('\n')), new RegExp(`taken at migration 0099_future but this database is at ${LATEST_MIGRATION}`)],
        [variant('short.jsonl', lines.slice(0, -1).join('\n')), /before its last line: it is incomplete; nothing was restored/],
        [variant('row.jsonl', lines.map((l) => (l.startsWith('[') && l.includes('"Ada Admin"') ? l.replace('[', '[1,') : l)).join('\n')), /has 14 values for 13 columns of users/],
        [variant('count.jsonl', lines.map((l) => l.replace('{"tableEnd":"wards","rows":2}', '{"tableEnd":"wards","rows":3}')).join('\n')), /table wards should have 3 rows but the backup holds 2/],
        [variant('notes.txt', 'shopping list\n'), /this is not a Nolan backup/],
        [variant('empty.jsonl', ''), /this is not a Nolan backup/],
        [variant('fake.gz', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x6e, 0x6f, 0x74])), /cannot read/],
        [path.join(path.dirname(file), 'absent.jsonl'), /cannot read .*absent\.jsonl \(ENOENT\)/],
      ];
      for (const [damaged, message] of cases) {
        await assert.rejects(restoreBackup({ db: target }, damaged), (error: Error) => error instanceof BackupRefused && message.test(error.message), `${path.basename(damaged)}`);
        for (const table of BACKUP_TABLE_NAMES) {
          if (table !== 'audit_head') assert.equal((await everyRow(target, table)).length, 0, `${path.basename(damaged)}: ${table} stays empty`);
        }
      }
      await restoreBackup({ db: target }, file);
      await assertSameData(target, original);
    }));

  it('moves a council between engines: SQLite to PostgreSQL and back', async (t) => {
    if (testEngine !== 'postgres') {
      t.skip('runs in the PostgreSQL half of the suite, where both engines are at hand');
      return;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nolan-cross-'));
    const sqlite = createSqliteDb(path.join(dir, 'nolan.sqlite'));
    const sqliteAgain = createSqliteDb(path.join(dir, 'again.sqlite'));
    const postgres = await createTestDb();
    try {
      await migrateToLatest(sqlite);
      await migrateToLatest(sqliteAgain);
      await fillEveryTable(sqlite, clock);
      await writeBackup({ db: sqlite, clock }, path.join(dir, 'from-sqlite.jsonl.gz'));
      await restoreBackup({ db: postgres }, path.join(dir, 'from-sqlite.jsonl.gz'));
      await assertSameData(postgres, sqlite);
      await assertNewRowsGetNewIds(postgres);

      await writeBackup({ db: postgres, clock }, path.join(dir, 'from-postgres.jsonl'));
      await restoreBackup({ db: sqliteAgain }, path.join(dir, 'from-postgres.jsonl'));
      await assertSameData(sqliteAgain, postgres);
    } finally {
      await sqlite.destroy();
      await sqliteAgain.destroy();
      await postgres.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
