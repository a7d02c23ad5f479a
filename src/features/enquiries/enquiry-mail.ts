// The mail an enquiry sends, queued in the transaction that makes the change (so a change rolled back sends
// nothing): the member's acknowledgement, the officer's assignment, answers, questions, delays and extensions,
// and the reminder and escalation jobs behind each deadline.
import type { Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import { queueMail } from '../mail/outbox.service.ts';
import { scheduleJob } from '../../jobs/scheduler.ts';
import { addWorkingDays, workingDaysBefore, type WorkingCalendar } from '../../protocol/working-days.ts';
import { formatDate } from '../../web/format.ts';
import { ukDate } from '../../clock.ts';
import { memberMailAddress, officerMailAddress, type MailAddress } from '../directory/mail-addresses.repository.ts';
import type { EnquiryAction } from './enquiry-access.ts';

type Trx = Transaction<Tables>;

/** Working days before a deadline that its officer is reminded. */
export const REMINDER_WORKING_DAYS = 2;

export type MailContext = { trx: Trx; at: Date; baseUrl: string | undefined };

export type EnquiryForMail = { id: number; reference: string; subject: string; memberId: number; assignedOfficerId: number | null; dueOn: string | null };

function link(ctx: MailContext, id: number): string {
  return ctx.baseUrl ? `\n\nSee it in Nolan: ${ctx.baseUrl}/enquiries/${id}` : '';
}

// Only to a member in office and an officer in post on the day the mail is queued.
const memberAddress = (ctx: MailContext, memberId: number) => memberMailAddress(ctx.trx, memberId, ukDate(ctx.at));
const officerAddress = (ctx: MailContext, officerId: number | null) => officerMailAddress(ctx.trx, officerId, ukDate(ctx.at));

async function send(ctx: MailContext, address: MailAddress | undefined, enquiry: EnquiryForMail, kind: string, subject: string, text: string): Promise<void> {
  if (!address) return;
  await queueMail(ctx.trx, { ...address, subject: `${enquiry.reference}: ${subject}`, text: `${text}${link(ctx, enquiry.id)}`, kind: `enquiry.${kind}`, entity: 'enquiry', entityId: enquiry.id }, ctx.at);
}

const due = (dueOn: string | null) => (dueOn ? `The reply is due by ${formatDate(dueOn)}.` : '');

export async function mailLogged(ctx: MailContext, enquiry: EnquiryForMail, officerName: string | null): Promise<void> {
  await send(ctx, await memberAddress(ctx, enquiry.memberId), enquiry, 'received', `received: ${enquiry.subject}`, `Your enquiry “${enquiry.subject}” has been received${officerName ? ` and is with ${officerName}` : ''}. ${due(enquiry.dueOn)}`.trim());
  await send(ctx, await officerAddress(ctx, enquiry.assignedOfficerId), enquiry, 'assigned', `new enquiry for you: ${enquiry.subject}`, `A member’s enquiry has been assigned to you. ${due(enquiry.dueOn)}`.trim());
}

export async function mailMeetingContact(ctx: MailContext, enquiry: EnquiryForMail, contactMemberId: number, role: string): Promise<void> {
  await send(ctx, await memberAddress(ctx, contactMemberId), enquiry, 'meeting-notice', `information that may be raised at a meeting`, `As ${role}: a member has asked officers for information about “${enquiry.subject}” that may be raised at a meeting.`);
}

/** What each step tells whom. Steps not listed send nothing (the member sees them on the enquiry's page). */
export async function mailAction(ctx: MailContext, action: EnquiryAction, enquiry: EnquiryForMail, text: string | null): Promise<void> {
  const member = () => memberAddress(ctx, enquiry.memberId);
  const officer = () => officerAddress(ctx, enquiry.assignedOfficerId);
  switch (action) {
    case 'acknowledge':
      return send(ctx, await member(), enquiry, 'acknowledged', `acknowledged: ${enquiry.subject}`, `Your enquiry has been acknowledged.${text ? `\n\n${text}` : ''}`);
    case 'ask-member':
      return send(ctx, await member(), enquiry, 'question', `a question about your enquiry`, `The officer dealing with your enquiry needs something from you:\n\n${text}\n\nThe deadline is paused until you reply.`);
    case 'answer':
      return send(ctx, await member(), enquiry, 'answered', `answered: ${enquiry.subject}`, `${text}`);
    case 'delay-notice':
      return send(ctx, await member(), enquiry, 'delayed', `a delay with your enquiry`, `The reply to your enquiry will be late:\n\n${text}`);
    case 'extend':
      return send(ctx, await member(), enquiry, 'extended', `new date agreed`, `As agreed with you, the reply is now due by ${enquiry.dueOn ? formatDate(enquiry.dueOn) : 'the new date'}.\n\n${text}`);
    case 'reassign':
      return send(ctx, await officer(), enquiry, 'assigned', `enquiry reassigned to you: ${enquiry.subject}`, `A member’s enquiry has been reassigned to you: ${text}\n\n${due(enquiry.dueOn)}`.trim());
    case 'member-replied':
      return send(ctx, await officer(), enquiry, 'member-replied', `the member replied`, `${text}\n\n${due(enquiry.dueOn)}`.trim());
    case 'reopen':
      return send(ctx, await officer(), enquiry, 'reopened', `reopened: ${enquiry.subject}`, `The member has reopened the enquiry:\n\n${text}\n\n${due(enquiry.dueOn)}`.trim());
    case 'pass-on':
      return send(ctx, await member(), enquiry, 'passed-on', `an enquiry passed to you`, `With the resident’s consent, an enquiry begun by a former member has been passed to you.`);
    default:
      return;
  }
}

/**
 * The reminder before a deadline and the escalation after it, keyed by the deadline itself: a deadline that
 * moves gets new jobs, and the old ones find it moved and do nothing.
 */
export async function scheduleDeadlineJobs(ctx: MailContext, enquiryId: number, dueOn: string | null, calendar: WorkingCalendar): Promise<void> {
  if (!dueOn) return;
  const reminderDay = workingDaysBefore(calendar, dueOn, REMINDER_WORKING_DAYS);
  const escalationDay = addWorkingDays(calendar, dueOn, 1);
  await scheduleJob(ctx.trx, { kind: 'enquiry.reminder', key: `enquiry:${enquiryId}:reminder:${dueOn}`, runAt: new Date(`${reminderDay}T08:00:00Z`), payload: { enquiryId, dueOn } }, ctx.at);
  await scheduleJob(ctx.trx, { kind: 'enquiry.escalation', key: `enquiry:${enquiryId}:escalation:${dueOn}`, runAt: new Date(`${escalationDay}T08:00:00Z`), payload: { enquiryId, dueOn } }, ctx.at);
}

/** The Monday after a day (never the day itself), when the weekly digest goes out. */
export function nextMonday(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const ahead = ((8 - date.getUTCDay()) % 7) || 7;
  return new Date(date.getTime() + ahead * 86_400_000).toISOString().slice(0, 10);
}

export async function scheduleWeeklyDigest(ctx: MailContext, today: string): Promise<void> {
  const monday = nextMonday(today);
  await scheduleJob(ctx.trx, { kind: 'enquiry.digest', key: `enquiry-digest:${monday}`, runAt: new Date(`${monday}T07:00:00Z`), payload: { week: monday } }, ctx.at);
}
