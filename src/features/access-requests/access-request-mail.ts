// The mail an access request sends, queued in the transaction that makes the change: the decider hears of a new
// request (or a dispute), the member of every answer. Mail names the document but never quotes it; information is
// named in the member's own words, since only the member and the officers who act on it are sent it.
import type { Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import { queueMail } from '../mail/outbox.service.ts';
import { memberMailAddress } from '../directory/mail-addresses.repository.ts';
import { DECIDER_POWER } from './local-decider.ts';
import type { Decider } from './access-request.types.ts';

type Trx = Transaction<Tables>;

export type RequestMailContext = { trx: Trx; at: Date; day: string; baseUrl: string | undefined };

type Address = { to: string; toName: string };

function link(ctx: RequestMailContext, id: number): string {
  return ctx.baseUrl ? `\n\nSee it in Nolan: ${ctx.baseUrl}/access-requests/${id}` : '';
}

/** The member while their term of office runs; after it, the answer waits for them on the request's page. */
async function memberAddress(trx: Trx, memberId: number, day: string): Promise<Address[]> {
  const address = await memberMailAddress(trx, memberId, day);
  return address ? [address] : [];
}

/** The officers in post who hold the decider's office on the day: the holder, and a deputy on the dates they act. */
async function deciderAddresses(trx: Trx, decider: Decider, day: string): Promise<Address[]> {
  const rows = await trx
    .selectFrom('statutory_roles as s')
    .innerJoin('officers as o', 'o.id', 's.officer_id')
    .leftJoin('statutory_acting as a', (join) => join.onRef('a.statutory_role_id', '=', 's.id').on('a.from_date', '<=', day).on('a.to_date', '>=', day))
    .select(['o.email', 'o.full_name', 's.capacity', 'a.id as acting_id'])
    .where('s.role', '=', DECIDER_POWER[decider])
    .where('s.starts_on', '<=', day)
    .where((eb) => eb.or([eb('s.ends_on', 'is', null), eb('s.ends_on', '>=', day)]))
    .where((eb) => eb.or([eb('o.left_on', 'is', null), eb('o.left_on', '>', day)]))
    .execute();
  return rows.filter((r) => r.email && (r.capacity === 'holder' || r.acting_id !== null)).map((r) => ({ to: r.email!, toName: r.full_name }));
}

async function send(ctx: RequestMailContext, to: Address[], id: number, kind: string, subject: string, text: string): Promise<void> {
  for (const address of to) {
    await queueMail(ctx.trx, { ...address, subject: `Access request ${id}: ${subject}`, text: `${text}${link(ctx, id)}`, kind: `access-request.${kind}`, entity: 'access-request', entityId: id }, ctx.at);
  }
}

export type RequestForMail = { id: number; memberId: number; documentId: number | null; subject: string; decider: Decider };

/** "to see “the paper”" or "for “the information”": information is named in the member's words. */
export function askedFor(r: Pick<RequestForMail, 'documentId' | 'subject'>): string {
  return r.documentId === null ? `for the information “${r.subject}”` : `to see “${r.subject}”`;
}

export async function mailToDecider(ctx: RequestMailContext, r: RequestForMail, kind: 'new' | 'disputed' | 'advised' | 'reminder', memberName: string): Promise<void> {
  if (kind === 'reminder') {
    await send(ctx, await deciderAddresses(ctx.trx, r.decider, ctx.day), r.id, kind, 'a scrutiny member’s request is due soon', `The request ${askedFor(r)} from ${memberName} is from a scrutiny member about the executive’s business: under reg 17 the member is to have it, or a written refusal with reasons, within 10 clear days.`);
    return;
  }
  const what = kind === 'new' ? `${memberName} has asked ${askedFor(r)}.` : kind === 'disputed' ? `${memberName} disputes the refusal of their request ${askedFor(r)}.` : `The Monitoring Officer has given advice on ${memberName}’s request ${askedFor(r)}.`;
  await send(ctx, await deciderAddresses(ctx.trx, r.decider, ctx.day), r.id, kind, kind === 'new' ? r.documentId === null ? 'a member asks for information' : 'a member asks to see a document' : kind === 'disputed' ? 'a refusal is disputed' : 'advice given', `${what} The request awaits your decision.`);
}

export async function mailToAdviser(ctx: RequestMailContext, r: RequestForMail, memberName: string): Promise<void> {
  await send(ctx, await deciderAddresses(ctx.trx, 'monitoring-officer', ctx.day), r.id, 'advice-needed', 'your advice is needed first', `${memberName} has asked ${askedFor(r)}. Personal data or the member’s own interest is at stake, so your advice is needed before a decision.`);
}

export async function mailToMember(ctx: RequestMailContext, r: RequestForMail, subject: string, text: string): Promise<void> {
  await send(ctx, await memberAddress(ctx.trx, r.memberId, ctx.day), r.id, 'answer', subject, text);
}
