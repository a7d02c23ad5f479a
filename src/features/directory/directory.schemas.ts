// What the directory's pages and API accept in a query string. A value that is not one of the choices is a
// problem to show the person (400 with an error summary), never an error of the service.
import { z } from 'zod';
import { GRADES } from './directory.types.ts';
import { text } from '../../web/text.ts';

const oneValue = (label: string, message: string) => text(label, { missing: message, max: 100, tooLong: 'Enter 100 characters or fewer' });

export const MEMBER_STATUSES = ['in-office', 'term-ended', 'all'] as const;

export const memberFilterQuery = z.object({
  ward: oneValue('Ward', 'Select one ward from the list').regex(/^(\d{1,9})?$/, 'Select a ward from the list').optional(),
  group: oneValue('Group', 'Select one group from the list').regex(/^(none|\d{1,9})?$/, 'Select a group from the list').optional(),
  status: oneValue('Status', 'Select one of in office, term ended or all').regex(/^(in-office|term-ended|all)?$/, 'Select in office, term ended or all').optional(),
  q: oneValue('Name', 'Enter one name to search for').optional(),
});
export type MemberFilterQuery = z.infer<typeof memberFilterQuery>;

export const officerFilterQuery = z.object({
  service: oneValue('Service', 'Select one service from the list').regex(/^(\d{1,9})?$/, 'Select a service from the list').optional(),
  grade: oneValue('Grade', 'Select one grade from the list').regex(new RegExp(`^(${GRADES.join('|')})?$`), 'Select a grade from the list').optional(),
});
export type OfficerFilterQuery = z.infer<typeof officerFilterQuery>;
