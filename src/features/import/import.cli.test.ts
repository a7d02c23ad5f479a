// `nolan import members|committees <file>` as an administrator runs it, on either database.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDb, type TestDb } from '../../../test/support/db.ts';
import { nolan } from '../../../test/support/cli.ts';

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);

describe('nolan import', () => {
  let db: TestDb;
  let scratch: string;
  before(async () => {
    db = await createTestDb();
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'nolan-import-'));
  });
  after(async () => {
    fs.rmSync(scratch, { recursive: true, force: true });
    await db.drop();
  });

  it('imports members and prints the counts, then finds nothing to change the second time', async () => {
    const first = nolan(db, ['import', 'members', fixture('members.csv')]);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stdout, 'Imported members from members.csv (CSV): 10 created, 0 updated, 0 unchanged (10 rows); 6 wards and 3 political groups added.\n');
    assert.equal(first.stderr, '');
    const second = nolan(db, ['import', 'members', fixture('members.csv')]);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /: 0 created, 0 updated, 10 unchanged \(10 rows\)\.$/m);
    const registered = await db.kysely.selectFrom('imports').select(['actor', 'unchanged']).orderBy('id').execute();
    assert.equal(registered.length, 2);
    assert.match(registered[0]!.actor, /^cli:/);
  });

  it('imports committees from CSV and modern.gov members with --term-ends', async () => {
    const committees = nolan(db, ['import', 'committees', fixture('committees.csv')]);
    assert.equal(committees.status, 0, committees.stderr);
    assert.match(committees.stdout, /^Imported committees from committees\.csv \(CSV\): 7 created/);
    const members = nolan(db, ['import', 'members', fixture('councillors-unspecified.xml'), '--term-ends', '06/05/2027']);
    assert.equal(members.status, 0, members.stderr);
    assert.match(members.stdout, /\(modern\.gov XML\): 1 created, 0 updated, 0 unchanged \(1 row\)\.$/m);
    const nadia = await db.kysely.selectFrom('members').select('term_end').where('external_id', '=', '3101').executeTakeFirstOrThrow();
    assert.equal(nadia.term_end, '2027-05-06');
  });

  it('exits 2 with every bad row on its own line, and stores nothing', async () => {
    const members = await db.kysely.selectFrom('members').selectAll().orderBy('id').execute();
    const result = nolan(db, ['import', 'members', fixture('members-errors.csv')]);
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    const lines = result.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 11);
    assert.equal(lines[0], 'members-errors.csv: line 3, full_name: required, but blank');
    assert.equal(lines[3], 'members-errors.csv: line 6, term_end: expected a date like 2027-05-06, got "31/13/2027"');
    assert.equal(lines[10], 'nolan import members: nothing was imported; 10 problems in members-errors.csv');
    assert.deepEqual(await db.kysely.selectFrom('members').selectAll().orderBy('id').execute(), members);
  });

  it('exits 2 with one line for a missing, unreadable or wrong file, and for bad arguments', () => {
    const empty = path.join(scratch, 'empty.csv');
    fs.writeFileSync(empty, '');
    const cases: [string[], RegExp][] = [
      [['import', 'members', path.join(scratch, 'nowhere.csv')], /^nolan import: file: cannot read .*nowhere\.csv \(no such file\)\n$/],
      [['import', 'members', scratch], /^nolan import: file: cannot read .* \(it is a directory\)\n$/],
      [['import', 'members', empty], /^empty\.csv: file: the file is empty\n/],
      [['import', 'committees', fixture('councillors-by-ward.xml')], /GetCouncillorsByWard, which lists members; import it as members/],
      [['import', 'members', fixture('members.csv'), '--term-ends', 'soon'], /^nolan import: --term-ends: expected a date like 2027-05-06, got "soon"\n$/],
      [['import', 'committees', fixture('committees.csv'), '--term-ends', '2027-05-06'], /term-ends/],
      [['import', 'members'], /give one file to import/],
      [['import', 'officers', 'x.csv'], /unknown import "officers"; expected one of members, committees/],
    ];
    for (const [args, message] of cases) {
      const result = nolan(db, args);
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message, args.join(' '));
      assert.equal(result.stdout, '');
    }
  });
});
