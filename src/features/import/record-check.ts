// Reading one record's fields: liberal in what is accepted (spacing, "Cllr", "Deputy Leader"), strict in what is
// kept, and every problem named by where it is and which field.
import { expectedDate, readDate } from './dates.ts';
import { GROUP_ROLES, type GroupRole, type ImportProblem, type MemberRecord } from './import.records.ts';

export const MAX_LENGTH = { id: 100, name: 200, phone: 40, remit: 2000 } as const;

// Groups a member is "in" when they are in none (the brief's "Independent" is not a group; "Independent Group" is).
const NO_GROUP = /^(independent|independents|ind|none|no group|no party|non[- ]?aligned|unaligned|not aligned)$/i;

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]+$/;

export function tidy(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

export class RecordCheck {
  readonly where: string;
  readonly problems: ImportProblem[];
  ok = true;
  constructor(where: string, problems: ImportProblem[]) {
    this.where = where;
    this.problems = problems;
  }

  fail(field: string, message: string): void {
    this.problems.push({ where: this.where, field, message });
    this.ok = false;
  }

  /** A value that must be there; '' when it is not (the problem is recorded). */
  required(field: string, raw: string | undefined, max: number = MAX_LENGTH.name): string {
    const value = tidy(raw ?? '');
    if (value === '') this.fail(field, 'required, but blank');
    else if (value.length > max) this.fail(field, `at most ${max} characters, got ${value.length}`);
    return value;
  }

  /** undefined when the file does not carry the field; null when it leaves it blank. */
  optional(field: string, raw: string | undefined, max: number = MAX_LENGTH.name): string | null | undefined {
    if (raw === undefined) return undefined;
    const value = tidy(raw);
    if (value.length > max) this.fail(field, `at most ${max} characters, got ${value.length}`);
    return value === '' ? null : value;
  }

  personName(field: string, raw: string | undefined): string {
    return this.required(field, (raw ?? '').replace(/^\s*(councillor|cllr\.?)\s+/i, ''));
  }

  email(field: string, raw: string | undefined): string | null | undefined {
    const value = this.optional(field, raw, 320);
    if (!value) return value;
    if (!EMAIL.test(value)) this.fail(field, `expected an email address like name@council.gov.uk, got "${value}"`);
    return value.toLowerCase();
  }

  date(field: string, raw: string | undefined): string {
    const value = tidy(raw ?? '');
    if (value === '') {
      this.fail(field, `required, but blank; expected a date like 2027-05-06`);
      return '';
    }
    const date = readDate(value);
    if (!date) this.fail(field, expectedDate(value));
    return date ?? '';
  }

  /** A term's end, where "unspecified" or blank takes the date given for terms with no end, if one was given. */
  termEnd(field: string, raw: string | undefined, termEndsOn: string | undefined): string {
    const value = tidy(raw ?? '');
    if ((value === '' || /^unspecified$/i.test(value)) && termEndsOn) return termEndsOn;
    if (value === '' || /^unspecified$/i.test(value)) {
      this.fail(field, `${value === '' ? 'blank' : '"unspecified"'}, but every term of office needs an end date; expected a date like 2027-05-06, or give the day that terms with no end date end on`);
      return '';
    }
    return this.date(field, value);
  }

  groupName(field: string, raw: string | undefined): string | null | undefined {
    const value = this.optional(field, raw);
    return value && NO_GROUP.test(value) ? null : value;
  }

  groupRole(field: string, raw: string | undefined): GroupRole | null | undefined {
    if (raw === undefined) return undefined;
    const value = tidy(raw).toLowerCase().replace(/[\s_]+/g, '-');
    if (value === '' || value === 'member' || value === 'none') return null;
    const role = value === 'deputy' || value === 'deputy-group-leader' ? 'deputy-leader' : value === 'group-leader' ? 'leader' : value;
    if ((GROUP_ROLES as readonly string[]).includes(role)) return role as GroupRole;
    this.fail(field, `expected leader, deputy-leader or blank, got "${tidy(raw)}"`);
    return null;
  }
}

/** A term that ends before it starts is a typing slip, not a term. */
export function checkTerm(check: RecordCheck, field: string, termStart: string, termEnd: string): void {
  if (termStart && termEnd && termEnd < termStart) check.fail(field, `the term ends (${termEnd}) before it starts (${termStart})`);
}

/** Checks across a file's members: an external id once only; one leader and one deputy leader for each group. */
export function checkMembersTogether(records: MemberRecord[], problems: ImportProblem[], idField: string, roleField: string): void {
  const seenIds = new Map<string, string>();
  const seenRoles = new Map<string, string>();
  for (const record of records) {
    const earlier = seenIds.get(record.externalId);
    if (earlier) problems.push({ where: record.where, field: idField, message: `"${record.externalId}" is also the id at ${earlier}` });
    else seenIds.set(record.externalId, record.where);
    if (record.groupRole && record.group) {
      const key = `${record.group.toLowerCase()}\u0000${record.groupRole}`;
      const holder = seenRoles.get(key);
      const role = record.groupRole === 'leader' ? 'leader' : 'deputy leader';
      if (holder) problems.push({ where: record.where, field: roleField, message: `${record.group} already has a ${role} in this file, at ${holder}; a group has one ${role}` });
      else seenRoles.set(key, record.where);
    }
  }
}
