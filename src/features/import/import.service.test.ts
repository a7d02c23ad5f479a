// Importing into a real database: all or nothing, idempotent by external id, audited, registered.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { spawn } from 'node:child_process';
import os from 'node:os';
import { createTestDb, type TestDb } from '../../../test/support/db.ts';
import { cliEnv } from '../../../test/support/cli.ts';
import { projectRoot } from '../../../test/support/process.ts';
import { fixedClock } from '../../clock.ts';
import type { Tables } from '../../db/database.ts';
import type { Actor } from '../../actor.ts';
import { ImportRejected, importDirectoryFile, summariseImport, type ImportUpload } from './import.service.ts';
import { describeProblem } from './import.records.ts';

const actor: Actor = { userId: null, label: 'cli:dsteam' };
const fixtureText = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');

async function count(db: TestDb, table: keyof Tables): Promise<number> {
  const row = await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function directory(db: TestDb) {
  const members = await db.kysely
    .selectFrom('members')
    .leftJoin('wards', 'wards.id', 'members.ward_id')
    .leftJoin('political_groups', 'political_groups.id', 'members.group_id')
    .select(['members.external_id', 'members.full_name', 'members.email', 'wards.name as ward', 'political_groups.name as group', 'members.group_role', 'members.term_end', 'members.cabinet_portfolio', 'members.updated_at'])
    .orderBy('members.id')
    .execute();
  return { members, wards: await count(db, 'wards'), groups: await count(db, 'political_groups'), audit: await count(db, 'audit_events'), imports: await count(db, 'imports') };
}

async function rejection(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImportRejected) return error.problems.map(describeProblem);
    throw error;
  }
  assert.fail('the import was expected to be refused');
}

describe('importing members', () => {
  let db: TestDb;
  const clock = fixedClock('2026-11-23T10:00:00Z');
  const run = (kind: ImportUpload['kind'], fileName: string, content: string, termEndsOn?: string) =>
    importDirectoryFile({ db, clock }, actor, { kind, fileName, content: Buffer.from(content), termEndsOn });
  // The file as the council sends it after Sunita Kaur moves ward.
  const moved = fixtureText('members.csv').replace('M003,Sunita Kaur,sunita.kaur@wyvernvale.gov.uk,,Brookmead', 'M003,Sunita Kaur,sunita.kaur@wyvernvale.gov.uk,,Eastgate');
  before(async () => {
    db = await createTestDb();
  });
  after(async () => db.drop());

  it('adds members with their wards and groups, audits each, and registers the import', async () => {
    const report = await run('members', 'members.csv', fixtureText('members.csv'));
    assert.deepEqual(
      { rows: report.rows, created: report.created, updated: report.updated, unchanged: report.unchanged, wards: report.wardsAdded, groups: report.groupsAdded, format: report.format },
      { rows: 10, created: 10, updated: 0, unchanged: 0, wards: 6, groups: 3, format: 'csv' },
    );
    const { members } = await directory(db);
    assert.deepEqual(members[0], {
      external_id: 'M001',
      full_name: 'Harriet Okafor',
      email: 'harriet.okafor@wyvernvale.gov.uk',
      ward: 'Abbeyfield',
      group: 'Labour Group',
      group_role: 'leader',
      term_end: '2027-05-06',
      cabinet_portfolio: 'Leader of the Council',
      updated_at: '2026-11-23T10:00:00.000Z',
    });
    assert.equal(members[8]?.group, null, 'Independent: in no group');
    const groups = await db.kysely.selectFrom('political_groups').select(['name', 'short_name']).orderBy('id').execute();
    assert.deepEqual(groups, [
      { name: 'Labour Group', short_name: 'Labour' },
      { name: 'Conservative Group', short_name: 'Conservative' },
      { name: 'Liberal Democrats', short_name: 'LD' },
    ]);
    const actions = await db.kysely.selectFrom('audit_events').select('action').execute();
    assert.equal(actions.filter((a) => a.action === 'directory.member.imported').length, 10);
    assert.equal(actions.filter((a) => a.action === 'directory.ward.imported').length, 6);
    const registered = await db.kysely.selectFrom('imports').selectAll().executeTakeFirstOrThrow();
    assert.equal(registered.sha256, '' + (await import('node:crypto')).createHash('sha256').update(fixtureText('members.csv')).digest('hex'));
    assert.deepEqual([registered.kind, registered.format, registered.file_name, registered.rows, registered.created, registered.actor], ['members', 'csv', 'members.csv', 10, 10, 'cli:dsteam']);
  });

  it('changes nothing when the same file is imported again, and writes no audit events', async () => {
    const before = await directory(db);
    clock.advance(60_000);
    const report = await run('members', 'members.csv', fixtureText('members.csv'));
    assert.deepEqual([report.created, report.updated, report.unchanged], [0, 0, 10]);
    const afterwards = await directory(db);
    assert.deepEqual(afterwards.members, before.members);
    assert.equal(afterwards.audit, before.audit, 'no audit events for unchanged rows');
    assert.equal(afterwards.imports, before.imports + 1, 'the import itself is registered');
  });

  it('updates a member whose ward changed, with the before and after in the audit trail', async () => {
    clock.advance(60_000);
    const report = await run('members', 'members.csv', moved);
    assert.deepEqual([report.created, report.updated, report.unchanged], [0, 1, 9]);
    const event = await db.kysely.selectFrom('audit_events').selectAll().orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.equal(event.action, 'directory.member.imported');
    assert.equal(event.entity, 'member');
    assert.equal(event.actor, 'cli:dsteam');
    const beforeJson = JSON.parse(event.before_json!) as Record<string, unknown>;
    const afterJson = JSON.parse(event.after_json!) as Record<string, unknown>;
    assert.deepEqual([beforeJson.externalId, beforeJson.ward, afterJson.ward], ['M003', 'Brookmead', 'Eastgate']);
  });

  it('stores nothing from a file with any bad row', async () => {
    const before = await directory(db);
    const problems = await rejection(run('members', 'members-errors.csv', fixtureText('members-errors.csv')));
    assert.equal(problems.length, 10);
    assert.equal(problems[0], 'line 3, full_name: required, but blank');
    assert.deepEqual(await directory(db), before);
  });

  it('stores nothing when the database fails part of the way through', async () => {
    const before = await directory(db);
    // A row the database refuses, after earlier rows (a new ward, an updated member) were already written.
    if (db.dialect === 'postgres') {
      await sql`create function refuse_m011() returns trigger language plpgsql as $$ begin if new.external_id = 'M011' then raise exception 'refused'; end if; return new; end $$`.execute(db.kysely);
      await sql`create trigger refuse_m011 before insert on members for each row execute function refuse_m011()`.execute(db.kysely);
    } else {
      await sql`create trigger refuse_m011 before insert on members when new.external_id = 'M011' begin select raise(abort, 'refused'); end`.execute(db.kysely);
    }
    const changed = `${moved.replace(',Eastgate,Labour Group,,', ',Fairholme,Labour Group,,')}M011,Olwen Tregarthen,,,Gorsey Bank,Green Party,,2026-10-01,2027-05-06,\n`;
    await assert.rejects(run('members', 'members.csv', changed), /refused/);
    await sql`drop trigger refuse_m011${sql.raw(db.dialect === 'postgres' ? ' on members' : '')}`.execute(db.kysely);
    assert.deepEqual(await directory(db), before, 'members, wards, groups, audit trail and imports register all as they were');
  });

  it('lets a leader and deputy swap in one file', async () => {
    const swapped = moved
      .replace('Labour Group,leader,2023', 'Labour Group,deputy-leader,2023')
      .replace('Labour Group,deputy-leader,2023-05-04,2027-05-06,Housing', 'Labour Group,leader,2023-05-04,2027-05-06,Housing');
    const report = await run('members', 'members.csv', swapped);
    assert.equal(report.updated, 2);
    const roles = await db.kysely.selectFrom('members').select(['external_id', 'group_role']).where('external_id', 'in', ['M001', 'M002']).orderBy('external_id').execute();
    assert.deepEqual(roles, [{ external_id: 'M001', group_role: 'deputy-leader' }, { external_id: 'M002', group_role: 'leader' }]);
  });

  it('refuses a second leader for a group whose leader is not in the file', async () => {
    const csv = 'external_id,full_name,ward,group,group_role,term_start,term_end\nM050,Peter Quill,Abbeyfield,Labour,leader,2023-05-04,2027-05-06\n';
    assert.deepEqual(await rejection(run('members', 'new-leader.csv', csv)), [
      'line 2, group_role: Labour already has a leader in Nolan, Daniel Pryce (id M002), who is not in this file; add their row with the role changed, or leave this one blank',
    ]);
  });

  it('keeps what modern.gov does not send (group roles, portfolios) and knows its party as the council’s group', async () => {
    const xml = `<councillorsbyward><wards><ward><wardtitle>Castle Hill</wardtitle><councillors><councillor>
      <councillorid>M002</councillorid><fullusername>Councillor Daniel Pryce</fullusername><politicalpartytitle>The Labour Party</politicalpartytitle>
      <termsofoffice><termofoffice><startdate>04/05/2023</startdate><enddate>06/05/2027</enddate></termofoffice></termsofoffice>
    </councillor></councillors></ward></wards></councillorsbyward>`;
    const report = await run('members', 'GetCouncillorsByWard.xml', xml);
    assert.deepEqual([report.format, report.updated], ['moderngov-xml', 1]);
    const daniel = (await directory(db)).members.find((m) => m.external_id === 'M002');
    assert.deepEqual([daniel?.ward, daniel?.group, daniel?.group_role, daniel?.cabinet_portfolio, daniel?.email], ['Castle Hill', 'Labour Group', 'leader', 'Housing and Regeneration', 'daniel.pryce@wyvernvale.gov.uk']);
    assert.equal(await count(db, 'political_groups'), 3, 'no new group for the party’s own name');
  });
});

describe('importing members over a directory set up by hand', () => {
  let db: TestDb;
  before(async () => {
    db = await createTestDb();
  });
  after(async () => db.drop());

  it('takes over a member with no external id and the same name, rather than adding a second', async () => {
    const at = '2026-01-01T00:00:00.000Z';
    await db.kysely.insertInto('members').values({ full_name: 'Harriet Okafor', term_start: '2023-05-04', term_end: '2027-05-06', created_at: at, updated_at: at }).execute();
    const report = await importDirectoryFile({ db, clock: fixedClock('2026-11-23T10:00:00Z') }, actor, { kind: 'members', fileName: 'members.csv', content: Buffer.from(fixtureText('members.csv')) });
    assert.deepEqual([report.created, report.updated], [9, 1]);
    assert.equal(await count(db, 'members'), 10);
  });
});

describe('two imports at once', () => {
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

  /** `nolan import members <file>` as its own process, as two administrators at two terminals would run it. */
  function nolanImport(file: string): Promise<{ status: number | null; stderr: string }> {
    const child = spawn(process.execPath, [path.join(projectRoot, 'bin/nolan.js'), 'import', 'members', file], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...cliEnv(db) },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return new Promise((resolve) => child.on('close', (status) => resolve({ status, stderr })));
  }

  it('take turns, so that both find the ward the first one added', async () => {
    const header = 'external_id,full_name,ward,term_start,term_end\n';
    // Files long enough that the imports overlap; each adds the same new ward first.
    const files = ['A', 'B', 'C'].map((batch) => {
      const file = path.join(scratch, `${batch}.csv`);
      const rows = Array.from({ length: 400 }, (_, i) => `${batch}${i},Member ${batch}${i},${i === 0 ? 'Harbourside' : `Ward ${batch}${i}`},2023-05-04,2027-05-06`);
      fs.writeFileSync(file, `${header}${rows.join('\n')}\n`);
      return file;
    });
    const results = await Promise.all(files.map(nolanImport));
    for (const result of results) assert.equal(result.status, 0, result.stderr);
    assert.equal(await count(db, 'members'), 1200);
    assert.equal(await count(db, 'wards'), 1 + 3 * 399);
  });
});

describe('importing committees', () => {
  let db: TestDb;
  const clock = fixedClock('2026-11-23T10:00:00Z');
  const run = (fileName: string, content: string) => importDirectoryFile({ db, clock }, actor, { kind: 'committees', fileName, content: Buffer.from(content) });
  const seatsOf = (name: string) =>
    db.kysely
      .selectFrom('body_seats')
      .innerJoin('bodies', 'bodies.id', 'body_seats.body_id')
      .innerJoin('members', 'members.id', 'body_seats.member_id')
      .select(['members.external_id', 'body_seats.seat_role'])
      .where('bodies.name', '=', name)
      .orderBy('members.external_id')
      .execute();
  before(async () => {
    db = await createTestDb();
    await importDirectoryFile({ db, clock }, actor, { kind: 'members', fileName: 'members.csv', content: Buffer.from(fixtureText('members.csv')) });
  });
  after(async () => db.drop());

  it('adds bodies with their kinds and seats', async () => {
    const report = await run('committees.csv', fixtureText('committees.csv'));
    assert.deepEqual([report.created, report.updated, report.unchanged], [7, 0, 0]);
    const planning = await db.kysely.selectFrom('bodies').select(['kind', 'remit']).where('external_id', '=', 'C04').executeTakeFirstOrThrow();
    assert.deepEqual(planning, { kind: 'regulatory', remit: 'Determines planning applications referred by officers' });
    assert.deepEqual(await seatsOf('Cabinet'), [
      { external_id: 'M001', seat_role: 'chair' },
      { external_id: 'M002', seat_role: 'vice-chair' },
      { external_id: 'M003', seat_role: 'member' },
      { external_id: 'M010', seat_role: 'member' },
    ]);
    assert.equal(await count(db, 'body_seats'), 10 + 4 + 4 + 4 + 2 + 3 + 3);
  });

  it('changes nothing on a second import of the same file', async () => {
    const audit = await count(db, 'audit_events');
    const report = await run('committees.csv', fixtureText('committees.csv'));
    assert.deepEqual([report.created, report.updated, report.unchanged], [0, 0, 7]);
    assert.equal(await count(db, 'audit_events'), audit);
  });

  it('makes a body’s seats exactly those listed, auditing before and after', async () => {
    const changed = fixtureText('committees.csv').replace('"M001:chair; M002:vice-chair; M003; M010"', '"M001:chair; M003:vice-chair; M002"');
    const report = await run('committees.csv', changed);
    assert.deepEqual([report.created, report.updated, report.unchanged], [0, 1, 6]);
    assert.deepEqual(await seatsOf('Cabinet'), [
      { external_id: 'M001', seat_role: 'chair' },
      { external_id: 'M002', seat_role: 'member' },
      { external_id: 'M003', seat_role: 'vice-chair' },
    ]);
    const event = await db.kysely.selectFrom('audit_events').selectAll().orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.equal(event.action, 'directory.body.imported');
    const seats = (json: string | null) => (JSON.parse(json!) as { seats: { member: string; role: string }[] }).seats.map((s) => `${s.member}:${s.role}`);
    assert.deepEqual(seats(event.before_json), ['M001:chair', 'M002:vice-chair', 'M003:member', 'M010:member']);
    assert.deepEqual(seats(event.after_json), ['M001:chair', 'M002:member', 'M003:vice-chair']);
  });

  it('refuses seats for members Nolan does not have, and a name another body holds', async () => {
    const before = await count(db, 'bodies');
    const csv = 'external_id,name,members\nC20,Licensing Sub-Committee,M001:chair;M404\nC21,Cabinet,\n';
    assert.deepEqual(await rejection(run('more.csv', csv)), [
      'line 2, members: no member in Nolan has the id "M404"; import the members first',
      'line 3, name: "Cabinet" is already the name of another body in Nolan (id C02); each body needs its own name',
    ]);
    assert.equal(await count(db, 'bodies'), before);
  });

  it('imports modern.gov GetCommittees, counting what it leaves out', async () => {
    const xml = fixtureText('committees.xml').replaceAll('<committeetitle>Council</committeetitle>', '<committeetitle>Council (modern.gov)</committeetitle>')
      .replace('<committeetitle>Cabinet</committeetitle>', '<committeetitle>Executive</committeetitle>')
      .replace('Overview and Scrutiny Committee', 'Scrutiny Board')
      .replace('<committeetitle>Planning Committee</committeetitle>', '<committeetitle>Planning Applications Committee</committeetitle>');
    const report = await run('GetCommittees.xml', xml);
    assert.deepEqual([report.format, report.rows, report.created, report.skipped], ['moderngov-xml', 8, 6, 2]);
    assert.equal(summariseImport(report), '6 created, 0 updated, 0 unchanged (8 rows, 2 skipped: deleted or expired in modern.gov).');
    const registered = await db.kysely.selectFrom('imports').select(['rows', 'created', 'format']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual(registered, { rows: 8, created: 6, format: 'moderngov-xml' });
  });
});
