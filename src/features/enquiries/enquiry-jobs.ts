// Scheduled work for enquiries: the reminder before a deadline, the escalation to the line manager after one
// is missed, and the weekly digest of each officer's open enquiries, mailed only to officers in post. Each
// handler reads the enquiry as it stands when the job runs: a deadline that moved, or an enquiry answered
// meanwhile, sends nothing.
import { sql } from 'kysely';
import { z } from 'zod';
import { recurring, type JobContext, type JobHandlers } from '../../jobs/scheduler.ts';
import { ukDate } from '../../clock.ts';
import { formatDate } from '../../web/format.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { systemActor } from '../../actor.ts';
import { findEnquiry, insertEvent } from './enquiry.repository.ts';
import { scheduleWeeklyDigest } from './enquiry-mail.ts';
import { democraticServicesAddresses, managerInPostAbove, officerMailAddress, type MailAddress } from '../directory/mail-addresses.repository.ts';
import { queueMail } from '../mail/outbox.service.ts';
import { OPEN_STATUSES } from './enquiry.types.ts';

const deadlinePayload = z.object({ enquiryId: z.number().int(), dueOn: z.string() });
const WORKING_STATES = ['received', 'acknowledged', 'in-progress'];

function link(ctx: JobContext, id: number): string {
  return ctx.deps.config.baseUrl ? `\n\nSee it in Nolan: ${ctx.deps.config.baseUrl}/enquiries/${id}` : '';
}

async function stillDue(ctx: JobContext) {
  const payload = deadlinePayload.parse(ctx.payload);
  const enquiry = await findEnquiry(ctx.trx, payload.enquiryId);
  return enquiry && WORKING_STATES.includes(enquiry.status) && enquiry.dueOn === payload.dueOn ? enquiry : undefined;
}

async function remind(ctx: JobContext): Promise<void> {
  const enquiry = await stillDue(ctx);
  const to = enquiry && (await officerMailAddress(ctx.trx, enquiry.assignedOfficerId, ukDate(ctx.now)));
  if (!enquiry || !to) return;
  await queueMail(ctx.trx, { ...to, subject: `${enquiry.reference}: due ${formatDate(enquiry.dueOn!)}`, text: `The reply to ${enquiry.memberName}’s enquiry “${enquiry.subject}” is due by ${formatDate(enquiry.dueOn!)}. If it cannot be answered in full by then, send an acknowledgement that explains where it stands, or a delay notice.${link(ctx, enquiry.id)}`, kind: 'enquiry.reminder', entity: 'enquiry', entityId: enquiry.id }, ctx.now);
}

async function escalate(ctx: JobContext): Promise<void> {
  const enquiry = await stillDue(ctx);
  if (!enquiry || enquiry.assignedOfficerId === null) return;
  const day = ukDate(ctx.now);
  const officer = await ctx.trx.selectFrom('officers').select('full_name').where('id', '=', enquiry.assignedOfficerId).executeTakeFirst();
  const name = officer?.full_name ?? 'the assigned officer';
  // A manager who has left is passed over for the one above, as the council covers the vacant post; with nobody
  // in post above, democratic services, who see every enquiry, are told so that an overdue one is never unheard of.
  const manager = await managerInPostAbove(ctx.trx, enquiry.assignedOfficerId, day);
  const told: MailAddress[] = manager ? [manager] : await democraticServicesAddresses(ctx.trx, day);
  const text = manager
    ? `Overdue: ${manager.toName}, ${manager.direct ? `${name}’s line manager` : `the manager in post above ${name}`}, was told`
    : told.length
      ? `Overdue: no manager above ${name} is in post, so democratic services were told`
      : `Overdue: no manager above ${name} is in post, and there is no one in democratic services to tell`;
  const at = ctx.now.toISOString();
  await insertEvent(ctx.trx, enquiry.id, { kind: 'escalated', text }, systemActor, at);
  await appendAudit(ctx.trx, ctx.deps.db.dialect, systemActor, { action: 'enquiry.escalated', entity: 'enquiry', entityId: enquiry.id, after: { dueOn: enquiry.dueOn, managerTold: manager?.to ?? null, democraticServicesTold: manager ? [] : told.map((t) => t.to) } }, ctx.now);
  for (const to of told) {
    await queueMail(ctx.trx, { to: to.to, toName: to.toName, subject: `${enquiry.reference} is overdue`, text: `${enquiry.memberName}’s enquiry “${enquiry.subject}”, with ${name}, was due by ${formatDate(enquiry.dueOn!)} and has not been answered.${link(ctx, enquiry.id)}`, kind: 'enquiry.escalation', entity: 'enquiry', entityId: enquiry.id }, ctx.now);
  }
}

/** A digest lists this many of an officer's open enquiries, soonest deadline first, and counts the rest. */
export const DIGEST_LINES = 50;

/** Weekly; a digest that missed Mondays goes out once, and the next is the Monday after today. */
async function digest(ctx: JobContext): Promise<void> {
  const today = ukDate(ctx.now);
  // Counted per officer first, then each officer's first lines read on their own: a council with many thousands
  // of open enquiries never holds them all in memory at once.
  const officers = await ctx.trx
    .selectFrom('enquiries as e')
    .innerJoin('officers as o', 'o.id', 'e.assigned_officer_id')
    .select((eb) => [
      'o.id as officerId',
      eb.fn.countAll<number | string>().as('open'),
      eb.fn.sum<number | string | null>(eb.case().when(eb.and([eb('e.due_on', '<', today), eb('e.status', 'in', WORKING_STATES)])).then(1).else(0).end()).as('overdue'),
    ])
    .where('e.status', 'in', OPEN_STATUSES)
    .groupBy('o.id')
    .orderBy('o.id')
    .execute();
  for (const officer of officers) {
    const to = await officerMailAddress(ctx.trx, officer.officerId, today);
    if (!to) continue;
    const open = Number(officer.open);
    const overdue = Number(officer.overdue ?? 0);
    const rows = await ctx.trx
      .selectFrom('enquiries as e')
      .select(['e.reference', 'e.subject', 'e.due_on', 'e.status'])
      .where('e.assigned_officer_id', '=', officer.officerId)
      .where('e.status', 'in', OPEN_STATUSES)
      .orderBy(sql`case when e.due_on is null then 1 else 0 end`)
      .orderBy('e.due_on')
      .orderBy('e.received_at')
      .orderBy('e.id')
      .limit(DIGEST_LINES)
      .execute();
    const lines = rows.map((r) => `${r.reference}  due ${r.due_on ? formatDate(r.due_on) : '—'}${r.status === 'awaiting-member' ? ' (waiting for the member)' : r.due_on !== null && r.due_on < today ? ' (OVERDUE)' : ''}  ${r.subject}`);
    if (open > rows.length) lines.push(`…and ${open - rows.length} more.`);
    const address = ctx.deps.config.baseUrl ? `\n\n${open > rows.length ? 'All of them: ' : ''}${ctx.deps.config.baseUrl}/enquiries` : '';
    await queueMail(ctx.trx, { ...to, subject: `Your open enquiries: ${open}${overdue ? `, ${overdue} overdue` : ''}`, text: `Your open member enquiries this week, soonest deadline first:\n\n${lines.join('\n')}${address}`, kind: 'enquiry.digest', entity: 'officer', entityId: officer.officerId }, ctx.now);
  }
  await scheduleWeeklyDigest({ trx: ctx.trx, at: ctx.now, baseUrl: ctx.deps.config.baseUrl }, today);
}

export const enquiryJobHandlers: JobHandlers = { 'enquiry.reminder': remind, 'enquiry.escalation': escalate, 'enquiry.digest': recurring(digest) };
