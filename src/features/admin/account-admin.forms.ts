// The forms of the account pages, as Zod schemas whose messages are the GOV.UK error messages.
import { z } from 'zod';
import { ROLES, type Role } from '../../web/access.ts';
import { asList } from '../../web/forms.ts';
import { text } from '../../web/text.ts';
import type { FieldError } from '../../errors.ts';
import { ACCOUNT_STATUSES } from './account-admin.repository.ts';

/** An optional choice from a select list of directory records: blank for none. */
function directoryChoice(kind: 'member' | 'officer') {
  return text(kind === 'member' ? 'Member' : 'Officer')
    .optional()
    .transform((value, context) => {
      const text = (value ?? '').trim();
      if (text === '') return null;
      if (!/^\d{1,9}$/.test(text)) {
        context.addIssue({ code: 'custom', message: `Select a ${kind} from the list` });
        return z.NEVER;
      }
      return Number(text);
    });
}

const roles = z.preprocess(asList, z.array(z.enum(ROLES, { error: 'Select roles from the list' })));

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const inviteForm = z.object({
  email: text('Email address', { required: 'Enter an email address', max: 254, tooLong: 'Email address must be 254 characters or fewer', singleLine: true })
    .regex(EMAIL, 'Enter an email address in the correct format, like name@example.gov.uk'),
  fullName: text('Full name', { required: 'Enter the person’s full name', max: 200, tooLong: 'Full name must be 200 characters or fewer', singleLine: true }),
  roles: roles.pipe(z.array(z.enum(ROLES)).min(1, 'Select at least one role')),
  memberId: directoryChoice('member'),
  officerId: directoryChoice('officer'),
});

/**
 * The roles that need a directory record, checked on what was sent whatever else is wrong with it, so that
 * the error summary lists every problem at once rather than one a round.
 */
export function linkProblems(body: Record<string, unknown>): FieldError[] {
  const roles = asList(body.roles);
  const blank = (v: unknown) => v === undefined || v === null || String(v).trim() === '';
  const problems: FieldError[] = [];
  const memberRole = roles.find((r) => r === 'member' || r === 'group-leader');
  if (memberRole && blank(body.memberId)) problems.push({ field: 'memberId', message: `Select the member in the directory: the ${ROLE_NAMES[memberRole as Role].toLowerCase()} role needs one` });
  if (roles.includes('officer') && blank(body.officerId)) problems.push({ field: 'officerId', message: 'Select the officer in the directory: the officer role needs one' });
  return problems;
}

/** In the order the fields appear on the form, as the error summary should list them. */
export function inFormOrder(problems: FieldError[], order: readonly string[]): FieldError[] {
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  return [...problems].sort((a, b) => rank(a.field) - rank(b.field));
}

export const INVITE_FIELDS = ['email', 'fullName', 'roles', 'memberId', 'officerId'] as const;

export const rolesForm = z.object({ roles });

export const linksForm = z.object({ memberId: directoryChoice('member'), officerId: directoryChoice('officer') });

export const accountFilter = z.object({
  q: text('Search', { trim: true, max: 200, tooLong: 'Search for 200 characters or fewer' }).optional().default(''),
  role: z.union([z.literal(''), z.enum(ROLES)], { error: 'Select a role from the list' }).optional().default(''),
  status: z.union([z.literal(''), z.enum(ACCOUNT_STATUSES)], { error: 'Select a status from the list' }).optional().default(''),
});

/** Checkbox items for roles, with what each lets a person do. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  member: 'A councillor: logs enquiries and requests. Needs a linked member.',
  'group-leader': 'Leads a political group: party group briefings. Needs a linked member.',
  officer: 'A council officer: answers enquiries and requests. Needs a linked officer.',
  'democratic-services': 'Administers members’ support and casework, and imports the directory.',
  admin: 'Manages accounts and reads the audit trail.',
};

export const ROLE_NAMES: Record<Role, string> = {
  member: 'Member',
  'group-leader': 'Group leader',
  officer: 'Officer',
  'democratic-services': 'Democratic services',
  admin: 'Administrator',
};
