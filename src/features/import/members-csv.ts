// The members CSV: one row per councillor, under a header row. Columns (headings in any case; spaces or hyphens
// for underscores):
//   external_id   required  the council's own id for the member (from its HR or democracy system); matches on re-import
//   full_name     required  "Cllr" or "Councillor" before the name is dropped
//   term_start    required  the day the current term of office began: 2023-05-04 or 04/05/2023
//   term_end      required  the day it ends (the next ordinary election, usually)
//   email, phone, ward, group (the political group; "Independent" for none),
//   group_role    leader | deputy-leader | blank
//   cabinet_portfolio
// A column left out keeps what Nolan holds; a column present but blank for a row clears that value.
import { readCsvTable, type CsvColumns } from './csv-table.ts';
import type { MemberRecord, ReadFile } from './import.records.ts';
import { checkMembersTogether, checkTerm, MAX_LENGTH, RecordCheck } from './record-check.ts';

export const MEMBER_COLUMNS: CsvColumns = {
  required: ['external_id', 'full_name', 'term_start', 'term_end'],
  optional: ['email', 'phone', 'ward', 'group', 'group_role', 'cabinet_portfolio'],
  aliases: {
    id: 'external_id',
    member_id: 'external_id',
    name: 'full_name',
    email_address: 'email',
    telephone: 'phone',
    division: 'ward',
    electoral_division: 'ward',
    political_group: 'group',
    party: 'group',
    portfolio: 'cabinet_portfolio',
  },
};

export function readMembersCsv(text: string, options: { termEndsOn?: string | undefined } = {}): ReadFile<MemberRecord> {
  const fields = { name: 'full_name', groupRole: 'group_role', seats: 'members' };
  const { table, problems } = readCsvTable(text, MEMBER_COLUMNS);
  const result: ReadFile<MemberRecord> = { format: 'csv', records: [], skipped: 0, fields, problems };
  if (!table) return result;
  for (const row of table.rows) {
    const v = row.values;
    const check = new RecordCheck(row.where, problems);
    const record: MemberRecord = {
      where: row.where,
      externalId: check.required('external_id', v.external_id, MAX_LENGTH.id),
      fullName: check.personName('full_name', v.full_name),
      email: check.email('email', v.email),
      phone: check.optional('phone', v.phone, MAX_LENGTH.phone),
      ward: check.optional('ward', v.ward),
      group: check.groupName('group', v.group),
      groupRole: check.groupRole('group_role', v.group_role),
      termStart: check.date('term_start', v.term_start),
      termEnd: check.termEnd('term_end', v.term_end, options.termEndsOn),
      cabinetPortfolio: check.optional('cabinet_portfolio', v.cabinet_portfolio),
    };
    checkTerm(check, 'term_end', record.termStart, record.termEnd);
    if (record.groupRole && !record.group) {
      check.fail('group_role', `${record.groupRole === 'leader' ? 'a leader' : 'a deputy leader'} must be in a political group, but group is ${v.group ? `"${v.group}"` : 'blank'}`);
    }
    if (record.groupRole && v.group === undefined) check.fail('group_role', 'give the group column too, so that the role is in a named group');
    if (check.ok) result.records.push(record);
  }
  checkMembersTogether(result.records, problems, 'external_id', 'group_role');
  return result;
}
