// Any directory file, whatever its format: decoded, recognised by its content (an XML root or a CSV header) and read.
import type { CommitteeRecord, ImportKind, ImportProblem, MemberRecord, ReadFile } from './import.records.ts';
import { readUpload } from './read-upload.ts';
import { readMembersCsv } from './members-csv.ts';
import { readCommitteesCsv } from './committees-csv.ts';
import { readCommittees, readCouncillorsByWard } from './moderngov-xml.ts';

export type ReadOptions = { termEndsOn?: string | undefined; councilKind?: 'principal' | 'town' };

function failed<R>(problem: ImportProblem): ReadFile<R> {
  return { format: 'csv', records: [], skipped: 0, fields: { name: 'name', groupRole: 'group_role', seats: 'members' }, problems: [problem] };
}

/** A CSV whose header is plainly the other kind's gets one clear message rather than a list of wrong columns. */
function otherKindOfCsv(text: string, kind: ImportKind): ImportProblem | null {
  const headings = (text.split('\n', 1)[0] ?? '').toLowerCase().split(',').map((h) => h.trim().replace(/["']/g, '').replace(/[\s-]+/g, '_'));
  const looksLikeMembers = headings.includes('full_name') || headings.includes('term_start');
  const looksLikeCommittees = headings.includes('kind') || headings.includes('remit');
  if (kind === 'members' && looksLikeCommittees && !looksLikeMembers) {
    return { where: 'line 1', field: 'header', message: 'this is a committees file (it has kind or remit columns); import it as committees' };
  }
  if (kind === 'committees' && looksLikeMembers && !looksLikeCommittees) {
    return { where: 'line 1', field: 'header', message: 'this is a members file (it has full_name or term_start columns); import it as members' };
  }
  return null;
}

export function readMembersFile(bytes: Uint8Array, options: ReadOptions = {}): ReadFile<MemberRecord> {
  const upload = readUpload(bytes);
  if (!upload.ok) return failed(upload.problem);
  if (upload.syntax === 'xml') return readCouncillorsByWard(upload.text, options);
  const other = otherKindOfCsv(upload.text, 'members');
  return other ? failed(other) : readMembersCsv(upload.text, options);
}

export function readCommitteesFile(bytes: Uint8Array, options: ReadOptions = {}): ReadFile<CommitteeRecord> {
  const upload = readUpload(bytes);
  if (!upload.ok) return failed(upload.problem);
  if (upload.syntax === 'xml') return readCommittees(upload.text, options);
  const other = otherKindOfCsv(upload.text, 'committees');
  return other ? failed(other) : readCommitteesCsv(upload.text, options);
}
