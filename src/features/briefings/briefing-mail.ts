// The mail a briefing sends to the people taking part — the officer invited, the member who asked — queued in
// the transaction of the change it tells of, so a change rolled back sends nothing.
import type { Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import { queueMail } from '../mail/outbox.service.ts';
import { ukDate } from '../../clock.ts';
import { memberMailAddress, officerMailAddress } from '../directory/mail-addresses.repository.ts';
import { formatDate } from '../../web/format.ts';
import { briefingReference, capital, groupPhrase, type Briefing } from './briefing.types.ts';

export type BriefingMailContext = { trx: Transaction<Tables>; at: Date; baseUrl: string | undefined };

export type Address = { to: string; toName: string };

export function briefingLink(ctx: BriefingMailContext, path: string): string {
  return ctx.baseUrl ? `\n\nSee it in Nolan: ${ctx.baseUrl}${path}` : '';
}

// Only to a member in office and an officer in post on the day the mail is queued.
const memberAddress = (ctx: BriefingMailContext, memberId: number) => memberMailAddress(ctx.trx, memberId, ukDate(ctx.at));
const officerAddress = (ctx: BriefingMailContext, officerId: number) => officerMailAddress(ctx.trx, officerId, ukDate(ctx.at));

type ForMail = Pick<Briefing, 'id' | 'subject' | 'groupName' | 'meetsOn' | 'officerId' | 'requestedByMemberId'>;

async function send(ctx: BriefingMailContext, address: Address | undefined, b: ForMail, kind: string, subject: string, text: string): Promise<number | null> {
  if (!address) return null;
  return queueMail(ctx.trx, { ...address, subject: `${briefingReference(b.id)}: ${subject}`, text: `${text}${briefingLink(ctx, `/briefings/${b.id}`)}`, kind: `briefing.${kind}`, entity: 'briefing', entityId: b.id }, ctx.at);
}

export async function mailInvitation(ctx: BriefingMailContext, b: ForMail): Promise<void> {
  await send(ctx, await officerAddress(ctx, b.officerId), b, 'invited', `${groupPhrase(b.groupName)} asks you to brief it`, `${capital(groupPhrase(b.groupName))} asks you to brief its meeting on ${formatDate(b.meetsOn)} about “${b.subject}”. Please accept or decline in Nolan, giving a reason if you decline.`);
}

export async function mailAnswer(ctx: BriefingMailContext, b: ForMail, accepted: boolean, reason: string | null): Promise<void> {
  const text = accepted ? `The officer has accepted the invitation to brief the group on ${formatDate(b.meetsOn)} about “${b.subject}”.` : `The officer has declined the invitation to brief the group about “${b.subject}”.\n\nTheir reason: ${reason}`;
  await send(ctx, await memberAddress(ctx, b.requestedByMemberId), b, accepted ? 'accepted' : 'declined', accepted ? 'briefing accepted' : 'briefing declined', text);
}

export async function mailNotesToVerify(ctx: BriefingMailContext, b: ForMail): Promise<void> {
  await send(ctx, await officerAddress(ctx, b.officerId), b, 'notes-to-verify', 'please verify what the notes say you said', `${capital(groupPhrase(b.groupName))}’s notes of your briefing on “${b.subject}” attribute comments to you. Please check them in Nolan: the notes are not final until you have.`);
}

export async function mailNotesVerified(ctx: BriefingMailContext, b: ForMail, response: string | null): Promise<void> {
  await send(ctx, await memberAddress(ctx, b.requestedByMemberId), b, 'notes-verified', 'the officer has verified the notes', `The officer has checked the comments the notes attribute to them, and the notes are now final.${response ? `\n\nThe officer’s response: ${response}` : ''}`);
}
