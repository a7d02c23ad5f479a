// Reading directory files: each format, recognised by content, and every problem named by line (or record) and field.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { readCommitteesFile, readMembersFile } from './read-directory-file.ts';
import { describeProblem, inFileOrder, type ReadFile } from './import.records.ts';
import { readDate } from './dates.ts';
import { inferBodyKind } from './body-kinds.ts';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name));
const lines = (file: ReadFile<unknown>) => inFileOrder(file.problems).map(describeProblem);
const text = (s: string) => Buffer.from(s, 'utf8');

const MEMBERS_HEADER = 'external_id,full_name,email,phone,ward,group,group_role,term_start,term_end,cabinet_portfolio';

describe('reading a members CSV', () => {
  it('reads every row, dropping "Cllr", taking UK dates and treating Independent as no group', () => {
    const file = readMembersFile(fixture('members.csv'));
    assert.deepEqual(file.problems, []);
    assert.equal(file.format, 'csv');
    assert.equal(file.records.length, 10);
    assert.deepEqual(file.records[0], {
      where: 'line 2',
      externalId: 'M001',
      fullName: 'Harriet Okafor',
      email: 'harriet.okafor@wyvernvale.gov.uk',
      phone: '01632 960101',
      ward: 'Abbeyfield',
      group: 'Labour Group',
      groupRole: 'leader',
      termStart: '2023-05-04',
      termEnd: '2027-05-06',
      cabinetPortfolio: 'Leader of the Council',
    });
    assert.equal(file.records[2]?.cabinetPortfolio, 'Finance, Property and Assets', 'a quoted value keeps its commas');
    assert.equal(file.records[4]?.termStart, '2023-05-04', '04/05/2023 is 4 May, day first');
    assert.equal(file.records[8]?.group, null, 'Independent is no group');
  });

  it('names the line and the field of every bad row, with what was expected', () => {
    assert.deepEqual(lines(readMembersFile(fixture('members-errors.csv'))), [
      'line 3, full_name: required, but blank',
      'line 4, group_role: Labour Group already has a leader in this file, at line 2; a group has one leader',
      'line 5, group_role: expected leader, deputy-leader or blank, got "chief whip"',
      'line 6, term_end: expected a date like 2027-05-06, got "31/13/2027"',
      'line 7, term_end: the term ends (2019-05-02) before it starts (2023-05-04)',
      'line 8, external_id: "M101" is also the id at line 2',
      'line 9, email: expected an email address like name@council.gov.uk, got "isla.penrose at wyvernvale"',
      'line 10, group_role: a leader must be in a political group, but group is "Independent"',
      'line 11, term_end: blank, but every term of office needs an end date; expected a date like 2027-05-06, or give the day that terms with no end date end on',
      'line 12, row: expected 10 values, one for each column in the header, found 5',
    ]);
  });

  it('counts physical lines: blank lines and values spread over two lines', () => {
    const csv = `${MEMBERS_HEADER}\r\n\r\nM1,Ann Able,,,North,,,2023-05-04,2027-05-06,"Housing\r\nand Planning"\r\nM2,Ben Bold,,,North,,,2023-05-04,2027-13-06,\r\n`;
    assert.deepEqual(lines(readMembersFile(text(csv))), ['line 5, term_end: expected a date like 2027-05-06, got "2027-13-06"']);
  });

  it('gives the day terms end to blank end dates when one is given', () => {
    const csv = `${MEMBERS_HEADER}\nM1,Ann Able,,,North,,,2023-05-04,,\n`;
    const file = readMembersFile(text(csv), { termEndsOn: '2027-05-06' });
    assert.deepEqual(file.problems, []);
    assert.equal(file.records[0]?.termEnd, '2027-05-06');
  });

  it('accepts headings in any case and common other names; a missing column is undefined, a blank cell null', () => {
    const file = readMembersFile(text('ID,Name,Party,Term Start,Term-End,Email\nM1,Ann Able,Green Party,2023-05-04,2027-05-06,\n'));
    assert.deepEqual(file.problems, []);
    const [ann] = file.records;
    assert.equal(ann?.group, 'Green Party');
    assert.equal(ann?.email, null, 'blank: clear');
    assert.equal(ann?.ward, undefined, 'no column: keep');
    assert.equal(ann?.groupRole, undefined);
  });

  it('refuses a wrong header, naming the columns it expected', () => {
    assert.deepEqual(lines(readMembersFile(text('member,full_name,start\nx,y,z\n'))), [
      'line 1, header: unknown column "member"; expected columns external_id, full_name, term_start, term_end, email, phone, ward, group, group_role, cabinet_portfolio (the first 4 required)',
      'line 1, header: unknown column "start"; expected columns external_id, full_name, term_start, term_end, email, phone, ward, group, group_role, cabinet_portfolio (the first 4 required)',
      'line 1, header: missing columns "external_id", "term_start", "term_end"; expected columns external_id, full_name, term_start, term_end, email, phone, ward, group, group_role, cabinet_portfolio (the first 4 required)',
    ]);
    assert.deepEqual(lines(readMembersFile(fixture('committees.csv'))), ['line 1, header: this is a committees file (it has kind or remit columns); import it as committees']);
  });

  it('refuses an empty file, a header with no rows, an unclosed quote and files that are not CSV or XML', () => {
    assert.deepEqual(lines(readMembersFile(text(''))), ['file: the file is empty']);
    assert.deepEqual(lines(readMembersFile(text(' \n\n'))), ['file: the file is empty']);
    assert.deepEqual(lines(readMembersFile(text(`${MEMBERS_HEADER}\n`))), ['line 1, file: there are no rows under the header']);
    assert.deepEqual(lines(readMembersFile(text(`${MEMBERS_HEADER}\nM1,"Ann Able,,,,,,2023-05-04,2027-05-06,\n`))), ['line 2, row: a quoted value is never closed (a " is missing)']);
    assert.match(lines(readMembersFile(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0])))[0]!, /spreadsheet workbook.*CSV UTF-8/);
    assert.match(lines(readMembersFile(text('%PDF-1.7\n')))[0]!, /this is a PDF/);
    assert.match(lines(readMembersFile(Buffer.from([1, 0, 2, 0])))[0]!, /not a text file/);
  });

  it('reads Excel’s Windows-1252 CSV and a UTF-8 byte order mark', () => {
    const latin = Buffer.concat([text(`${MEMBERS_HEADER}\nM1,Si`), Buffer.from([0xe2]), text('n Powell,,,North,,,2023-05-04,2027-05-06,\n')]);
    assert.equal(readMembersFile(latin).records[0]?.fullName, 'Siân Powell');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text(`${MEMBERS_HEADER}\nM1,Siân Powell,,,North,,,2023-05-04,2027-05-06,\n`)]);
    assert.equal(readMembersFile(bom).records[0]?.externalId, 'M1');
  });
});

describe('reading modern.gov GetCouncillorsByWard', () => {
  it('reads wards, councillors, the current term of several, work email and phone, never the home address', () => {
    const file = readMembersFile(fixture('councillors-by-ward.xml'));
    assert.deepEqual(file.problems, []);
    assert.equal(file.format, 'moderngov-xml');
    assert.deepEqual(file.records.map((r) => [r.externalId, r.fullName, r.ward, r.group, r.termStart, r.termEnd]), [
      ['2231', 'Harriet Okafor', 'Abbeyfield', 'Labour Group', '2023-05-04', '2027-05-06'],
      ['2232', 'Daniel Pryce', 'Abbeyfield', 'Labour Group', '2023-05-04', '2027-05-06'],
      ['2240', 'Imogen Ashdown', 'Castle Hill', 'Conservative Group', '2023-05-04', '2027-05-06'],
      ['2251', 'Rosalind Fairweather', 'Fairholme', null, '2023-05-04', '2027-05-06'],
      ['2252', 'Ffion Parry-Jones', 'Fairholme', 'Green Party', '2024-07-18', '2027-05-06'],
    ]);
    const [harriet, daniel, imogen] = file.records;
    assert.equal(harriet?.phone, '01632 960101', 'the work phone, not the home one');
    assert.equal(harriet?.email, 'harriet.okafor@wyvernvale.gov.uk');
    assert.equal(daniel?.phone, undefined, 'no phone element: keep what is held');
    assert.equal(imogen?.email, 'imogen.ashdown@wyvernvale.gov.uk', 'email directly under councillor');
    assert.equal(imogen?.phone, '07700 900240', 'a mobile when there is no phone');
    assert.equal(harriet?.groupRole, undefined, 'modern.gov does not say who leads a group');
    assert.equal(harriet?.cabinetPortfolio, undefined);
  });

  it('reads a SOAP envelope, and needs a day for "unspecified" term ends', () => {
    assert.deepEqual(lines(readMembersFile(fixture('councillors-unspecified.xml'))), [
      'line 11, councillor 1 (id 3101), enddate: "unspecified", but every term of office needs an end date; expected a date like 2027-05-06, or give the day that terms with no end date end on',
    ]);
    const file = readMembersFile(fixture('councillors-unspecified.xml'), { termEndsOn: '2027-05-06' });
    assert.deepEqual(file.problems, []);
    assert.deepEqual([file.records[0]?.fullName, file.records[0]?.termEnd], ['Nadia Whitcombe', '2027-05-06']);
  });

  it('names each bad councillor by line, position and id', () => {
    const xml = `<?xml version="1.0"?>
<councillorsbyward><wards><ward><wardtitle>North</wardtitle><councillors>
  <councillor><councillorid>1</councillorid><fullusername>Cllr Ann Able</fullusername>
    <termsofoffice><termofoffice><startdate>04/05/2023</startdate><enddate>31/13/2027</enddate></termofoffice></termsofoffice></councillor>
  <councillor><councillorid>1</councillorid><fullusername>Cllr Ben Bold</fullusername><email>ben at council</email>
    <termsofoffice><termofoffice><startdate>04/05/2023</startdate><enddate>06/05/2027</enddate></termofoffice></termsofoffice></councillor>
  <councillor><councillorid>7</councillorid><fullusername></fullusername></councillor>
  <councillor><councillorid>8</councillorid><fullusername>Dee Dune</fullusername>
    <termsofoffice><termofoffice><startdate>2027-05-06</startdate><enddate>2023-05-04</enddate></termofoffice></termsofoffice></councillor>
</councillors></ward></wards></councillorsbyward>`;
    assert.deepEqual(lines(readMembersFile(text(xml))), [
      'line 3, councillor 1 (id 1), enddate: expected a date like 2027-05-06, got "31/13/2027"',
      'line 5, councillor 2 (id 1), email: expected an email address like name@council.gov.uk, got "ben at council"',
      'line 7, councillor 3 (id 7), fullusername: required, but blank',
      'line 7, councillor 3 (id 7), termsofoffice: no term of office; expected a termofoffice with a startdate and enddate',
      'line 8, councillor 4 (id 8), enddate: the term ends (2023-05-04) before it starts (2027-05-06)',
    ]);
  });

  it('refuses malformed XML with its line, the other operation, and an unknown root', () => {
    assert.deepEqual(lines(readMembersFile(text('<councillorsbyward>\n<wards>\n<ward></wards>\n</councillorsbyward>'))), [
      "line 3, xml: the XML is malformed: Expected closing tag 'ward' (opened in line 3, col 1) instead of closing tag 'wards'.",
    ]);
    assert.deepEqual(lines(readMembersFile(fixture('committees.xml'))), [
      "file: this is modern.gov's GetCommittees, which lists committees; import it as committees, or choose the GetCouncillorsByWard file",
    ]);
    assert.deepEqual(lines(readMembersFile(text('<html><body>Sign in</body></html>'))), [
      "file: expected modern.gov's <councillorsbyward> (GetCouncillorsByWard) or <committees> (GetCommittees), found <html>",
    ]);
    assert.deepEqual(lines(readMembersFile(text('<councillorsbyward><wards/></councillorsbyward>'))), ['file: the file lists no councillors']);
    assert.match(lines(readMembersFile(text('<!DOCTYPE x [<!ENTITY a "b">]><councillorsbyward/>')))[0]!, /declares entities/);
  });
});

describe('reading committees', () => {
  it('reads the committees CSV with seats, chairs and kinds read from names', () => {
    const file = readCommitteesFile(fixture('committees.csv'));
    assert.deepEqual(file.problems, []);
    assert.equal(file.records.length, 7);
    assert.equal(file.records[3]?.kind, 'regulatory', 'a blank kind is read from "Planning Committee"');
    assert.deepEqual(file.records[1]?.seats, [
      { memberExternalId: 'M001', role: 'chair' },
      { memberExternalId: 'M002', role: 'vice-chair' },
      { memberExternalId: 'M003', role: 'member' },
      { memberExternalId: 'M010', role: 'member' },
    ]);
  });

  it('names bad committee rows by line and field', () => {
    const csv = 'external_id,name,kind,members\nC1,Cabinet,executive board,M1:chair\nC2,Planning,,M1:chair;M2:chair\nC1,Licensing,regulatory,M3:secretary;M3\nC4,planning,,\n';
    assert.deepEqual(lines(readCommitteesFile(text(csv))), [
      'line 2, kind: expected one of full-council, cabinet, scrutiny, regulatory, standards, employment, town-committee, other or blank, got "executive board"',
      'line 3, members: M1 and M2 are both marked chair; a body has one chair',
      'line 4, members: "M3:secretary" is not a member\'s id with an optional :chair or :vice-chair (roles: member, chair, vice-chair)',
      'line 4, external_id: "C1" is also the id at line 2',
      'line 5, name: "planning" is also the name at line 3; each body needs its own name',
    ]);
  });

  it('reads GetCommittees, leaving out deleted and expired committees', () => {
    const file = readCommitteesFile(fixture('committees.xml'));
    assert.deepEqual(file.problems, []);
    assert.equal(file.skipped, 2);
    assert.deepEqual(file.records.map((r) => [r.externalId, r.name, r.kind]), [
      ['120', 'Council', 'full-council'],
      ['121', 'Cabinet', 'cabinet'],
      ['135', 'Overview and Scrutiny Committee', 'scrutiny'],
      ['140', 'Planning Committee', 'regulatory'],
      ['151', 'Audit and Governance Committee', 'other'],
      ['160', 'Chief Officer Appointments Panel', 'employment'],
    ]);
    assert.equal(file.records[0]?.remit, undefined, 'GetCommittees has no remit: keep what is held');
    assert.equal(file.records[0]?.seats, undefined, 'nor seats');
  });

  it('reads one committee as well as many, and names a bad one by line and id', () => {
    const one = readCommitteesFile(text('<committees><committee><committeeid>5</committeeid><committeetitle>Standards Committee</committeetitle></committee></committees>'));
    assert.deepEqual(one.records.map((r) => [r.name, r.kind]), [['Standards Committee', 'standards']]);
    const bad = readCommitteesFile(text('<committees>\n<committee><committeeid>5</committeeid><committeetitle> </committeetitle></committee>\n</committees>'));
    assert.deepEqual(lines(bad), ['line 2, committee 1 (id 5), committeetitle: required, but blank']);
  });
});

describe('dates and kinds', () => {
  it('reads ISO and UK day-first dates and refuses impossible ones', () => {
    const cases: [string, string | null][] = [
      ['2027-05-06', '2027-05-06'],
      ['06/05/2027', '2027-05-06'],
      ['6.5.2027', '2027-05-06'],
      ['6 May 2027', '2027-05-06'],
      ['2025-05-01T00:00:00', '2025-05-01'],
      ['01/05/2025 00:00:00', '2025-05-01'],
      ['31/13/2027', null],
      ['29/02/2027', null],
      ['05/32/2027', null],
      ['unspecified', null],
      ['6 Mayday 2027', null],
    ];
    for (const [raw, expected] of cases) assert.equal(readDate(raw), expected, raw);
  });

  it('reads a body’s kind from its title, then its category, and makes a town council’s committees town committees', () => {
    const cases: [string, string | undefined, 'principal' | 'town', string][] = [
      ['Full Council', undefined, 'principal', 'full-council'],
      ['Annual Council', 'Committees', 'principal', 'full-council'],
      ['Strategic Housing Board', 'Council', 'principal', 'other'],
      ['Audit Committee', 'Regulatory', 'principal', 'regulatory'],
      ['Licensing Sub-Committee', undefined, 'principal', 'regulatory'],
      ['Health Overview and Scrutiny Committee', undefined, 'principal', 'scrutiny'],
      ['Executive', undefined, 'principal', 'cabinet'],
      ['Employment Committee', undefined, 'principal', 'employment'],
      ['Standards and Audit Committee', undefined, 'principal', 'standards'],
      ['Town Council', undefined, 'town', 'full-council'],
      ['Planning Committee', undefined, 'town', 'town-committee'],
      ['Staffing Committee', undefined, 'town', 'employment'],
    ];
    for (const [title, category, council, kind] of cases) assert.equal(inferBodyKind(title, category, council), kind, title);
  });
});
