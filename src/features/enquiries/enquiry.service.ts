// Member enquiries: logging one (routed and given its deadline by the protocol), and every step after it. Each
// change is one transaction: the enquiry, its history and the audit event together, or nothing.
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import type { Tables } from '../../db/database.ts';
import { ukDate } from '../../clock.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../../errors.ts';
import type { CurrentUser } from '../../web/access.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../../actor.ts';
import { councilSummary } from '../directory/council.repository.ts';
import { findMember } from '../directory/members.repository.ts';
import { findWard } from '../directory/wards.repository.ts';
import { findOfficer, listServices } from '../directory/officers.repository.ts';
import { readSettings } from '../settings/settings.repository.ts';
import { addWorkingDays, workingDaysBetween } from '../../protocol/working-days.ts';
import { calendarFor, enquiryDeadline, resumeDeadline, type CouncilCalendar } from './enquiry-deadline.ts';
import { routeEnquiry } from './enquiry-routing.ts';
import { allowedFrom, mayAct, maySee, oversees, standingOn, type EnquiryAction } from './enquiry-access.ts';
import { findEnquiry, insertAttachment, insertEnquiry, insertEvent, listMeetingContacts, nextReferenceNumber, updateEnquiry, type EnquiryChanges } from './enquiry.repository.ts';
import { STATUS_LABELS, type Enquiry, type EnquiryStatus } from './enquiry.types.ts';
import { referenceLabel } from './enquiry-reference.ts';
import { mailAction, mailLogged, mailMeetingContact, scheduleDeadlineJobs, scheduleWeeklyDigest } from './enquiry-mail.ts';
import { optionalText, text } from '../../web/text.ts';
import { LARGEST_INTEGER } from '../../web/stored-integer.ts';
import { isIsoDate } from '../../dates.ts';

/** The council's profile comes from its directory record; the configured one stands in before there is one. */
export type EnquiryDeps = Pick<Deps, 'db' | 'clock'> & { config: Pick<Deps['config'], 'profileId'> & Partial<Pick<Deps['config'], 'baseUrl'>> };

const optionalWords = (label: string, max: number) => optionalText(label, { max, tooLong: `must be ${max} characters or fewer` });
const optionalId = z.coerce.number().int().positive().max(LARGEST_INTEGER).optional().nullable();

export const newEnquirySchema = z.object({
  memberId: optionalId,
  subject: text('Subject', { required: 'Enter a subject', max: 200, tooLong: 'The subject must be 200 characters or fewer', singleLine: true }),
  details: text('Details', { required: 'Enter the details of the enquiry', max: 20_000, tooLong: 'The details must be 20,000 characters or fewer' }),
  wardId: optionalId,
  serviceId: optionalId,
  workType: optionalWords('Type of work', 100),
  residentReference: optionalWords('Resident reference', 100),
  serviceRequestReference: optionalWords('Service request reference', 100),
  purelyFactual: z.boolean().default(false),
  confidential: z.boolean().default(false),
  forMeeting: z.boolean().default(false),
  meetingContactId: optionalId,
  copyTo: z.array(z.coerce.number().int().positive().max(LARGEST_INTEGER)).default([]),
});
export type NewEnquiry = z.input<typeof newEnquirySchema>;
/** The new-enquiry page's fields its schema reads as text (the page has no type of work: routing fills it in). */
export const NEW_ENQUIRY_TEXT = ['subject', 'details', 'residentReference', 'serviceRequestReference'] as const;

export type CheckedAttachment = { fileName: string; contentType: string; content: Uint8Array };

function invalid(fields: FieldError[]): never {
  throw new ValidationError(fields);
}


async function councilCalendar(deps: EnquiryDeps): Promise<CouncilCalendar & { profileId: string }> {
  const council = await councilSummary(deps.db.kysely);
  const settings = await readSettings(deps.db.kysely);
  return { profileId: council?.profileId ?? deps.config.profileId, nation: council?.nation ?? 'england-and-wales', closures: settings.closures };
}

/** The parts of an enquiry that refer to stored records: checked even when other fields are wrong, so that one
 * error summary lists every problem. */
const referencesSchema = newEnquirySchema.pick({ memberId: true, wardId: true, serviceId: true, copyTo: true, confidential: true, forMeeting: true, meetingContactId: true });

async function referenceProblems(deps: EnquiryDeps, user: CurrentUser, input: unknown, today: string): Promise<FieldError[]> {
  const parsed = referencesSchema.safeParse(input);
  if (!parsed.success) return [];
  const data = parsed.data;
  const q = deps.db.kysely;
  const problems: FieldError[] = [];
  const memberId = user.memberId !== null && !data.memberId ? user.memberId : data.memberId;
  if (!memberId) problems.push({ field: 'memberId', message: 'Select the member the enquiry is from' });
  else {
    const member = await findMember(q, memberId);
    if (!member || member.termEnd < today || member.termStart > today) problems.push({ field: 'memberId', message: 'Select a member who is in office today' });
  }
  if (data.wardId && !(await findWard(q, data.wardId))) problems.push({ field: 'wardId', message: 'Select a ward from the list' });
  if (data.serviceId && !(await listServices(q)).some((s) => s.id === data.serviceId)) problems.push({ field: 'serviceId', message: 'Select a service from the list' });
  if (data.confidential && data.copyTo.length) problems.push({ field: 'copyTo', message: 'A confidential enquiry is not copied to other members: untick the copies or the confidentiality' });
  if (data.forMeeting && data.meetingContactId && !(await listMeetingContacts(q, today)).some((m) => m.memberId === data.meetingContactId)) {
    problems.push({ field: 'meetingContactId', message: 'Select a Cabinet Member or a committee chair from the list' });
  }
  for (const id of new Set(data.copyTo)) {
    const other = await findMember(q, id);
    if (!other || other.termEnd < today) {
      problems.push({ field: 'copyTo', message: 'Copies go only to members in office' });
      break;
    }
  }
  return problems;
}

/** Everything wrong with a new enquiry, without logging it: for a form whose files were refused as well. */
export async function newEnquiryProblems(deps: EnquiryDeps, user: CurrentUser, input: unknown): Promise<FieldError[]> {
  const parsed = newEnquirySchema.safeParse(input);
  const problems: FieldError[] = parsed.success ? [] : parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'enquiry'), message: i.message }));
  problems.push(...(await referenceProblems(deps, user, input, ukDate(deps.clock.now()))));
  return problems;
}

export type LogOptions = {
  /** Where the enquiry came from, for its history (an email, say), when not typed in. */
  note?: string;
  /** Whatever must happen with the enquiry or not at all; throwing stops the enquiry being logged. */
  alsoInTransaction?: (trx: Transaction<Tables>) => Promise<void>;
};

export async function logEnquiry(deps: EnquiryDeps, actor: Actor, user: CurrentUser, input: unknown, attachments: CheckedAttachment[] = [], options: LogOptions = {}): Promise<Enquiry> {
  const { note } = options;
  const now = deps.clock.now();
  const today = ukDate(now);
  const q = deps.db.kysely;
  const parsed = newEnquirySchema.safeParse(input);
  const problems = await newEnquiryProblems(deps, user, input);
  if (problems.length || !parsed.success) invalid(problems);
  const data = parsed.data;
  // A member logs their own enquiries; an officer or democratic services may log one on a member's behalf.
  const memberId = (user.memberId !== null && !data.memberId ? user.memberId : data.memberId)!;
  if (user.memberId !== memberId && user.officerId === null && !oversees(user)) throw new ForbiddenError('You can log enquiries only as yourself');
  const member = (await findMember(q, memberId))!;
  const copies = [...new Set(data.copyTo)].filter((id) => id !== memberId);

  const council = await councilCalendar(deps);
  const settings = await readSettings(q);
  const wardId = data.wardId ?? member.wardId ?? null;
  const routing = await routeEnquiry(q, council.profileId, { serviceId: data.serviceId ?? null, wardId, workType: data.workType, purelyFactual: data.purelyFactual }, today);
  const { dueOn, deadline } = enquiryDeadline(council.profileId, council, settings, today, today);
  const at = now.toISOString();
  const id = await deps.db.kysely.transaction().execute(async (trx) => {
    const label = referenceLabel(today, settings.referenceYear);
    const reference = `ENQ-${label}-${String(await nextReferenceNumber(trx, label)).padStart(4, '0')}`;
    const id = await insertEnquiry(
      trx,
      {
        reference,
        memberId,
        loggedByUserId: actor.userId,
        subject: data.subject,
        details: data.details,
        wardId,
        serviceId: data.serviceId ?? null,
        workType: data.workType,
        residentReference: data.residentReference,
        serviceRequestReference: data.serviceRequestReference,
        purelyFactual: data.purelyFactual,
        confidential: data.confidential,
        forMeeting: data.forMeeting,
        meetingContactMemberId: data.forMeeting ? (data.meetingContactId ?? null) : null,
        status: 'received',
        assignedOfficerId: routing.officerId,
        routing,
        receivedAt: at,
        receivedOn: today,
        dueOn,
        deadline,
      },
      copies,
      at,
    );
    await insertEvent(trx, id, { kind: 'logged', toStatus: 'received', officerId: routing.officerId, newDueOn: dueOn, text: [user.memberId === memberId ? null : `Logged on behalf of ${member.fullName}`, note].filter(Boolean).join('. ') || null }, actor, at);
    const mail = { trx, at: now, baseUrl: deps.config.baseUrl };
    const forMail = { id, reference, subject: data.subject, memberId, assignedOfficerId: routing.officerId, dueOn };
    const officer = routing.officerId === null ? undefined : await findOfficer(trx, routing.officerId);
    await mailLogged(mail, forMail, officer?.fullName ?? null);
    await scheduleDeadlineJobs(mail, id, dueOn, calendarFor(council));
    await scheduleWeeklyDigest(mail, today);
    if (data.forMeeting && data.meetingContactId) {
      const contact = (await listMeetingContacts(trx, today)).find((m) => m.memberId === data.meetingContactId)!;
      await insertEvent(trx, id, { kind: 'meeting-contact-told', text: `${contact.name}, ${contact.role}, told that the information may be raised at a meeting` }, actor, at);
      await mailMeetingContact(mail, forMail, contact.memberId, contact.role);
    }
    for (const file of attachments) {
      await insertAttachment(trx, id, { ...file, sha256: createHash('sha256').update(file.content).digest('hex') }, actor.label, at);
    }
    await appendAudit(trx, deps.db.dialect, actor, { action: 'enquiry.logged', entity: 'enquiry', entityId: id, after: { reference, memberId, subject: data.subject, assignedOfficerId: routing.officerId, dueOn, copies, attachments: attachments.map((a) => a.fileName) } }, now);
    await options.alsoInTransaction?.(trx);
    return id;
  });
  return (await findEnquiry(q, id))!;
}

/** An enquiry the person may see, or not found: an enquiry they may not see does not exist for them. */
export async function enquiryFor(deps: Pick<Deps, 'db'>, user: CurrentUser, id: number): Promise<Enquiry> {
  const enquiry = await findEnquiry(deps.db.kysely, id);
  // Who may see an enquiry does not depend on the day, so no day is needed to judge it.
  if (!enquiry || !maySee(await standingOn(deps.db.kysely, user, enquiry, ''))) throw new NotFoundError('Enquiry');
  return enquiry;
}

export type ActionInput = { version: number; text?: string | undefined; dueOn?: string | undefined; agreed?: boolean | undefined; officerId?: number | undefined; memberId?: number | undefined };

const needsText: Partial<Record<EnquiryAction, string>> = {
  'ask-member': 'Enter what you need from the member',
  'member-replied': 'Enter the member’s reply',
  answer: 'Enter the answer',
  reopen: 'Enter why the enquiry is being reopened',
  extend: 'Enter the reason for the extension',
  'delay-notice': 'Enter what is delaying the reply and when the member can expect it',
  reassign: 'Enter the reason for reassigning it',
  'pass-on': 'Enter how the resident gave their consent',
};

export async function actOnEnquiry(deps: EnquiryDeps, actor: Actor, user: CurrentUser, id: number, action: EnquiryAction, input: ActionInput): Promise<Enquiry> {
  const q = deps.db.kysely;
  const enquiry = await enquiryFor(deps, user, id);
  const now = deps.clock.now();
  const today = ukDate(now);
  const standing = await standingOn(q, user, enquiry, today);
  if (!mayAct(standing, action)) throw new ForbiddenError('You cannot do that to this enquiry');
  if (input.version !== enquiry.version) throw new ConflictError(`Someone changed ${enquiry.reference} after you opened it. Here it is as it stands now: check it, then try again.`);
  if (!allowedFrom(action, standing).includes(enquiry.status)) throw new ConflictError(`${enquiry.reference} is ${STATUS_LABELS[enquiry.status].toLowerCase()}, so that cannot be done now.`);
  const text = input.text?.trim() || null;
  const problems: FieldError[] = [];
  if (needsText[action] && !text) problems.push({ field: 'text', message: needsText[action] });
  if (text && text.length > 20_000) problems.push({ field: 'text', message: 'Keep it to 20,000 characters or fewer' });
  const council = await councilCalendar(deps);
  const settings = await readSettings(q);
  const changes: EnquiryChanges = {};
  let officerId: number | null = null;
  let newDueOn: string | null = null;
  let toStatus: EnquiryStatus = enquiry.status;

  switch (action) {
    case 'acknowledge':
      toStatus = 'acknowledged';
      changes.acknowledgedAt = now.toISOString();
      break;
    case 'start':
      toStatus = 'in-progress';
      break;
    case 'ask-member':
      toStatus = 'awaiting-member';
      changes.pausedOn = today;
      break;
    case 'member-replied':
      toStatus = 'in-progress';
      changes.pausedOn = null;
      if (enquiry.dueOn && enquiry.pausedOn) newDueOn = changes.dueOn = resumeDeadline(council, enquiry.dueOn, enquiry.pausedOn, today);
      break;
    case 'answer':
      toStatus = 'answered';
      changes.answeredAt = now.toISOString();
      break;
    case 'close':
      // Closing an unanswered enquiry of a former member needs a reason on the record.
      if (enquiry.status !== 'answered' && !text) problems.push({ field: 'text', message: 'Enter why it is being closed without an answer' });
      toStatus = 'closed';
      changes.closedAt = now.toISOString();
      break;
    case 'pass-on': {
      const colleague = input.memberId ? await findMember(q, input.memberId) : undefined;
      if (!colleague || colleague.termEnd < today || colleague.termStart > today || colleague.id === enquiry.memberId) problems.push({ field: 'memberId', message: 'Select a member in office to take it on' });
      if (!input.agreed) problems.push({ field: 'agreed', message: 'Passing it on needs the resident’s consent: confirm they gave it' });
      if (colleague) changes.memberId = colleague.id;
      officerId = enquiry.assignedOfficerId;
      break;
    }
    case 'reopen': {
      const answeredOn = enquiry.answeredAt ? ukDate(new Date(enquiry.answeredAt)) : today;
      const lastDay = addWorkingDays(calendarFor(council), answeredOn, settings.enquiryFollowUpDays);
      if (today > lastDay) problems.push({ field: 'text', message: `Follow-ups may reopen an enquiry for ${settings.enquiryFollowUpDays} working days after its answer; that ended on ${lastDay}. Log a new enquiry instead.` });
      toStatus = 'in-progress';
      changes.answeredAt = null;
      changes.closedAt = null;
      newDueOn = changes.dueOn = addWorkingDays(calendarFor(council), today, enquiry.deadline.workingDays);
      break;
    }
    case 'extend':
      if (!input.dueOn || !isIsoDate(input.dueOn)) problems.push({ field: 'dueOn', message: 'Enter the new date as a real date, for example 18 12 2026' });
      else if (enquiry.dueOn && input.dueOn <= enquiry.dueOn) problems.push({ field: 'dueOn', message: 'The new date must be after the current deadline' });
      else if (workingDaysBetween(calendarFor(council), today, input.dueOn) < 1) problems.push({ field: 'dueOn', message: 'The new date must be a working day in the future' });
      if (!input.agreed) problems.push({ field: 'agreed', message: 'An extension needs the member’s agreement: confirm they agreed' });
      newDueOn = changes.dueOn = input.dueOn ?? null;
      break;
    case 'delay-notice':
      break;
    case 'reassign': {
      const officer = input.officerId ? await findOfficer(q, input.officerId) : undefined;
      if (!officer || (officer.leftOn !== null && officer.leftOn <= today)) problems.push({ field: 'officerId', message: 'Select an officer who works for the council' });
      else if (officer.id === enquiry.assignedOfficerId) problems.push({ field: 'officerId', message: `${officer.fullName} already has it: select someone else` });
      officerId = officer?.id ?? null;
      changes.assignedOfficerId = officerId;
      changes.routing = { officerId, basis: enquiry.routing.basis, clauses: enquiry.routing.clauses, reasons: [...enquiry.routing.reasons, `reassigned to ${officer?.fullName}: ${text}`] };
      break;
    }
  }
  if (problems.length) invalid(problems);
  if (toStatus !== enquiry.status) changes.status = toStatus;
  const at = now.toISOString();
  await deps.db.kysely.transaction().execute(async (trx) => {
    if (!(await updateEnquiry(trx, enquiry.id, enquiry.version, changes, at))) {
      throw new ConflictError(`Someone changed ${enquiry.reference} after you opened it. Here it is as it stands now: check it, then try again.`);
    }
    await insertEvent(trx, enquiry.id, { kind: action, fromStatus: enquiry.status, toStatus, text, officerId, newDueOn }, actor, at);
    const mail = { trx, at: now, baseUrl: deps.config.baseUrl };
    const dueOn = changes.dueOn !== undefined ? changes.dueOn : enquiry.dueOn;
    await mailAction(mail, action, { id: enquiry.id, reference: enquiry.reference, subject: enquiry.subject, memberId: changes.memberId ?? enquiry.memberId, assignedOfficerId: changes.assignedOfficerId !== undefined ? changes.assignedOfficerId : enquiry.assignedOfficerId, dueOn }, text);
    if (changes.dueOn !== undefined) await scheduleDeadlineJobs(mail, enquiry.id, changes.dueOn, calendarFor(council));
    await appendAudit(trx, deps.db.dialect, actor, {
      action: `enquiry.${action}`,
      entity: 'enquiry',
      entityId: enquiry.id,
      before: { status: enquiry.status, memberId: enquiry.memberId, dueOn: enquiry.dueOn, assignedOfficerId: enquiry.assignedOfficerId, version: enquiry.version },
      after: { status: toStatus, memberId: changes.memberId ?? enquiry.memberId, dueOn: changes.dueOn ?? enquiry.dueOn, assignedOfficerId: changes.assignedOfficerId ?? enquiry.assignedOfficerId, version: enquiry.version + 1, text },
    }, now);
  });
  return (await findEnquiry(q, enquiry.id))!;
}
