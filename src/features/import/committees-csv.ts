// The committees CSV: one row per body, under a header row. Columns:
//   external_id  required  the council's own id for the body; matches on re-import
//   name         required  unique among the council's bodies
//   kind         full-council | cabinet | scrutiny | regulatory | standards | employment | town-committee | other;
//                blank: read from the name ("Planning Committee" is regulatory)
//   remit        what the body decides or reviews
//   members      its seats: members' external ids separated by ";" (or spaces), each optionally followed by
//                ":chair" or ":vice-chair", e.g. "M014:chair; M022:vice-chair; M031; M040". The list replaces
//                the body's seats; members must already be in Nolan.
// A column left out keeps what Nolan holds; a column present but blank for a row clears that value.
import { BODY_KINDS, inferBodyKind } from './body-kinds.ts';
import { readCsvTable, type CsvColumns } from './csv-table.ts';
import { SEAT_ROLES, type CommitteeRecord, type ReadFile, type SeatRecord, type SeatRole } from './import.records.ts';
import { MAX_LENGTH, RecordCheck, tidy } from './record-check.ts';

export const COMMITTEE_COLUMNS: CsvColumns = {
  required: ['external_id', 'name'],
  optional: ['kind', 'remit', 'members'],
  aliases: { id: 'external_id', committee_id: 'external_id', title: 'name', committee: 'name', type: 'kind', seats: 'members', membership: 'members' },
};

function seatRole(raw: string): SeatRole | null {
  const value = raw.toLowerCase().replace(/[\s_-]+/g, '');
  if (value === '' || value === 'member') return 'member';
  if (['chair', 'chairman', 'chairperson', 'chairwoman'].includes(value)) return 'chair';
  if (['vicechair', 'vicechairman', 'vicechairperson', 'vicechairwoman', 'vc'].includes(value)) return 'vice-chair';
  return null;
}

function readSeats(check: RecordCheck, raw: string | undefined): SeatRecord[] | undefined {
  if (raw === undefined) return undefined;
  const seats: SeatRecord[] = [];
  for (const entry of raw.split(/[;,|\s]+/).filter(Boolean)) {
    const [id = '', role = '', ...rest] = entry.split(':');
    const seat = seatRole(role);
    if (!id || !seat || rest.length) {
      check.fail('members', `"${entry}" is not a member's id with an optional :chair or :vice-chair (roles: ${SEAT_ROLES.join(', ')})`);
      continue;
    }
    if (seats.some((s) => s.memberExternalId === id)) check.fail('members', `"${id}" is listed twice`);
    else seats.push({ memberExternalId: id, role: seat });
  }
  const chairs = seats.filter((s) => s.role === 'chair');
  if (chairs.length > 1) check.fail('members', `${chairs.map((s) => s.memberExternalId).join(' and ')} are both marked chair; a body has one chair`);
  return seats;
}

export function readCommitteesCsv(text: string, options: { councilKind?: 'principal' | 'town' } = {}): ReadFile<CommitteeRecord> {
  const fields = { name: 'name', groupRole: 'group_role', seats: 'members' };
  const { table, problems } = readCsvTable(text, COMMITTEE_COLUMNS);
  const result: ReadFile<CommitteeRecord> = { format: 'csv', records: [], skipped: 0, fields, problems };
  if (!table) return result;
  const ids = new Map<string, string>();
  const names = new Map<string, string>();
  for (const row of table.rows) {
    const v = row.values;
    const check = new RecordCheck(row.where, problems);
    const externalId = check.required('external_id', v.external_id, MAX_LENGTH.id);
    const name = check.required('name', v.name);
    const kindText = tidy(v.kind ?? '');
    const kind = kindText === '' ? inferBodyKind(name, undefined, options.councilKind ?? 'principal') : kindText.toLowerCase().replace(/\s+/g, '-');
    if (!(BODY_KINDS as readonly string[]).includes(kind)) check.fail('kind', `expected one of ${BODY_KINDS.join(', ')} or blank, got "${kindText}"`);
    const record: CommitteeRecord = { where: row.where, externalId, name, kind, remit: check.optional('remit', v.remit, MAX_LENGTH.remit), seats: readSeats(check, v.members) };
    if (externalId && ids.has(externalId)) check.fail('external_id', `"${externalId}" is also the id at ${ids.get(externalId)}`);
    else ids.set(externalId, row.where);
    if (name && names.has(name.toLowerCase())) check.fail('name', `"${name}" is also the name at ${names.get(name.toLowerCase())}; each body needs its own name`);
    else names.set(name.toLowerCase(), row.where);
    if (check.ok) result.records.push(record);
  }
  return result;
}
