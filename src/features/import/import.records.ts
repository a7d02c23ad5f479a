// What an import file says, once read: members and committees in the council's terms, whatever the format.
// A field left undefined is one the file does not carry (a missing CSV column, an element modern.gov does
// not send): the stored value is kept. A field set to null is one the file leaves blank: it is cleared.

export const IMPORT_KINDS = ['members', 'committees'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type ImportFormat = 'csv' | 'moderngov-xml';

export const FORMAT_NAMES: Record<ImportFormat, string> = { csv: 'CSV', 'moderngov-xml': 'modern.gov XML' };

export const GROUP_ROLES = ['leader', 'deputy-leader'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

export const SEAT_ROLES = ['member', 'chair', 'vice-chair'] as const;
export type SeatRole = (typeof SEAT_ROLES)[number];

/** One problem with the file: where it is (a line, or a record's position and id), the field, and what was expected. */
export type ImportProblem = { where: string; field: string; message: string };

export function describeProblem(problem: ImportProblem): string {
  return problem.where === problem.field ? `${problem.where}: ${problem.message}` : `${problem.where}, ${problem.field}: ${problem.message}`;
}

/** Problems in the order of the file: by line (or position), then as found. */
export function inFileOrder(problems: ImportProblem[]): ImportProblem[] {
  const at = (p: ImportProblem) => Number(/\d+/.exec(p.where)?.[0] ?? 0);
  return problems.map((p, i) => ({ p, i })).sort((a, b) => at(a.p) - at(b.p) || a.i - b.i).map(({ p }) => p);
}

export type MemberRecord = {
  /** Where the record is in the file, for messages: "line 14" or "line 40, councillor 7 (id 1234)". */
  where: string;
  externalId: string;
  fullName: string;
  email?: string | null;
  phone?: string | null;
  ward?: string | null;
  /** The political group's name; null for a member in no group (an Independent). */
  group?: string | null;
  groupRole?: GroupRole | null;
  termStart: string;
  termEnd: string;
  cabinetPortfolio?: string | null;
};

export type SeatRecord = { memberExternalId: string; role: SeatRole };

export type CommitteeRecord = {
  where: string;
  externalId: string;
  name: string;
  kind: string;
  remit?: string | null;
  seats?: SeatRecord[];
};

/** The names this file's format gives the fields, so that problems found later name the file's own columns. */
export type FieldNames = { name: string; groupRole: string; seats: string };

export type ReadFile<R> = {
  format: ImportFormat;
  records: R[];
  /** Records the file holds but Nolan leaves alone (modern.gov committees marked deleted or expired). */
  skipped: number;
  fields: FieldNames;
  problems: ImportProblem[];
};
