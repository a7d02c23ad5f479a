// Enquiries as pages show them: labels, the deadline with its working, the history, and the forms a person may use.
import type { CouncilCalendar } from './enquiry-deadline.ts';
import { explainDeadline } from './enquiry-deadline.ts';
import { STATUS_LABELS, type Enquiry, type EnquiryEvent, type EnquiryListItem, type EnquiryStatus } from './enquiry.types.ts';
import type { EnquiryAction } from './enquiry-access.ts';

const STATUS_TAGS: Record<EnquiryStatus, string> = {
  received: 'govuk-tag--blue',
  acknowledged: 'govuk-tag--light-blue',
  'in-progress': 'govuk-tag--purple',
  'awaiting-member': 'govuk-tag--yellow',
  answered: 'govuk-tag--green',
  closed: 'govuk-tag--grey',
};

export function statusTag(status: EnquiryStatus): { text: string; classes: string } {
  return { text: STATUS_LABELS[status], classes: STATUS_TAGS[status] };
}

export function isOverdue(item: { status: EnquiryStatus; dueOn: string | null }, today: string): boolean {
  return item.dueOn !== null && item.dueOn < today && ['received', 'acknowledged', 'in-progress'].includes(item.status);
}

export function listRow(item: EnquiryListItem, today: string) {
  return { ...item, tag: statusTag(item.status), overdue: isOverdue(item, today) };
}

export const ACTION_LABELS: Record<EnquiryAction, { button: string; heading: string; textLabel?: string; hint?: string }> = {
  acknowledge: { button: 'Acknowledge', heading: 'Acknowledge it', textLabel: 'Message to the member (optional)', hint: 'Where the protocol allows it, an acknowledgement that explains what is happening meets the deadline.' },
  start: { button: 'Start work', heading: 'Start work on it' },
  'ask-member': { button: 'Ask the member', heading: 'Ask the member for something', textLabel: 'What do you need from the member?', hint: 'The deadline stops while the enquiry waits for the member, and moves on by the working days waited.' },
  'member-replied': { button: 'Record the reply', heading: 'The member’s reply', textLabel: 'The member’s reply' },
  answer: { button: 'Send the answer', heading: 'Answer it', textLabel: 'The answer' },
  close: { button: 'Close', heading: 'Close it', textLabel: 'Closing note (optional)' },
  reopen: { button: 'Reopen', heading: 'Reopen it', textLabel: 'Why is it being reopened?', hint: 'A follow-up within the council’s follow-up window reopens the enquiry; after that, log a new one.' },
  extend: { button: 'Extend the deadline', heading: 'Extend the deadline', textLabel: 'Reason for the extension' },
  'delay-notice': { button: 'Send a delay notice', heading: 'Tell the member of a delay', textLabel: 'What is delaying the reply, and when can the member expect it?' },
  reassign: { button: 'Reassign', heading: 'Reassign it', textLabel: 'Reason for reassigning' },
  'pass-on': { button: 'Pass it on', heading: 'Pass it to another member', textLabel: 'How did the resident give their consent?', hint: 'The author is no longer a member: with the resident’s consent, a ward colleague can take the enquiry on.' },
};

const EVENT_WORDS: Record<string, string> = {
  logged: 'Logged',
  'meeting-contact-told': 'Told ahead of a meeting',
  escalated: 'Escalated',
  acknowledge: 'Acknowledged',
  start: 'Work started',
  'ask-member': 'Asked the member',
  'member-replied': 'The member replied',
  answer: 'Answered',
  close: 'Closed',
  reopen: 'Reopened',
  extend: 'Deadline extended with the member’s agreement',
  'delay-notice': 'Delay notice sent',
  reassign: 'Reassigned',
  'pass-on': 'Passed to another member with the resident’s consent',
  attachment: 'Files attached',
};

export function eventRow(event: EnquiryEvent) {
  return { ...event, title: EVENT_WORDS[event.kind] ?? event.kind };
}

export function deadlineView(enquiry: Enquiry, council: CouncilCalendar, today: string) {
  const explained = explainDeadline(council, enquiry.receivedOn, enquiry.deadline.workingDays, enquiry.dueOn, today);
  return {
    ...enquiry.deadline,
    dueOn: enquiry.dueOn,
    moved: enquiry.dueOn !== null && explained.counted.at(-1) !== enquiry.dueOn,
    counted: explained.counted,
    skipped: explained.skipped,
    remaining: explained.remaining,
    overdue: isOverdue(enquiry, today),
    paused: enquiry.status === 'awaiting-member',
  };
}
