// The facts the protocol is asked about, read from the record rather than from the member: their seats (and so
// whether they sit on the document's body, on a scrutiny committee, or in the cabinet), their portfolio and
// ward against the document's body and subject, and the document's classification. A fact the record cannot
// settle is left out, so the engine says what it still needs and a person decides it.
import type { Kysely, Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import type { Purpose } from './access-request.types.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

export type AccessFacts = {
  memberOfBody: boolean;
  classification?: 'open' | 'exempt' | 'confidential';
  purpose: Purpose;
  personalInterest: boolean;
  personalData: boolean;
  otherGroupInternal: boolean;
  role: 'member' | 'cabinet-member' | 'scrutiny-member' | 'ward-member';
  relatesToPortfolio?: boolean;
  withinCommitteeRemit?: boolean;
  affectsWard?: boolean;
};

export type MemberRecord = { id: number; fullName: string; wardName: string | null; groupId: number | null; portfolio: string | null; termEnd: string; seats: { bodyId: number; kind: string; name: string }[] };

export type DocumentRecord = { id: number; title: string; summary: string; bodyId: number; bodyKind: string; classification: string; exemptParagraph: number | null; groupId: number | null };

export async function memberRecord(q: Q, memberId: number): Promise<MemberRecord | undefined> {
  const m = await q
    .selectFrom('members as m')
    .leftJoin('wards as w', 'w.id', 'm.ward_id')
    .select(['m.id', 'm.full_name', 'w.name as ward_name', 'm.group_id', 'm.cabinet_portfolio', 'm.term_end'])
    .where('m.id', '=', memberId)
    .executeTakeFirst();
  if (!m) return undefined;
  const seats = await q.selectFrom('body_seats as s').innerJoin('bodies as b', 'b.id', 's.body_id').select(['s.body_id', 'b.kind', 'b.name']).where('s.member_id', '=', memberId).execute();
  return { id: m.id, fullName: m.full_name, wardName: m.ward_name, groupId: m.group_id, portfolio: m.cabinet_portfolio, termEnd: m.term_end, seats: seats.map((s) => ({ bodyId: s.body_id, kind: s.kind, name: s.name })) };
}

export async function documentRecord(q: Q, documentId: number): Promise<DocumentRecord | undefined> {
  const d = await q
    .selectFrom('documents as d')
    .innerJoin('bodies as b', 'b.id', 'd.body_id')
    .select(['d.id', 'd.title', 'd.summary', 'd.body_id', 'b.kind', 'd.classification', 'd.exempt_paragraph', 'd.group_id'])
    .where('d.id', '=', documentId)
    .executeTakeFirst();
  return d && { id: d.id, title: d.title, summary: d.summary, bodyId: d.body_id, bodyKind: d.kind, classification: d.classification, exemptParagraph: d.exempt_paragraph, groupId: d.group_id };
}

const SMALL_WORDS = new Set(['and', 'the', 'for', 'with', 'of', 'services', 'service']);

/** Whether the words asked about name any significant word of the text (a portfolio, a ward). */
function namesIn(words: string, text: string): boolean {
  const haystack = words.toLowerCase();
  return text
    .toLowerCase()
    .split(/[^a-z']+/)
    .filter((w) => w.length >= 4 && !SMALL_WORDS.has(w))
    .some((w) => new RegExp(`\\b${w}`).test(haystack));
}

const names = (document: DocumentRecord, text: string) => namesIn(`${document.title} ${document.summary}`, text);

/** The executive's papers: reg 17 of SI 2012/2089 gives scrutiny members a right to them within 10 clear days. */
export function isExecutiveDocument(document: DocumentRecord): boolean {
  return document.bodyKind === 'cabinet';
}

export function sitsOnScrutiny(member: MemberRecord): boolean {
  return member.seats.some((s) => s.kind === 'scrutiny');
}

function roleOf(member: MemberRecord, purpose: Purpose): AccessFacts['role'] {
  return purpose === 'ward' && member.wardName ? 'ward-member' : member.portfolio ? 'cabinet-member' : sitsOnScrutiny(member) ? 'scrutiny-member' : 'member';
}

export function accessFacts(member: MemberRecord, document: DocumentRecord, asked: { purpose: Purpose; personalInterest: boolean }): AccessFacts {
  const memberOfBody = member.seats.some((s) => s.bodyId === document.bodyId);
  const otherGroupInternal = document.classification === 'group-internal' && document.groupId !== member.groupId;
  // Schedule 12A paragraphs 1 and 2 are information about, or identifying, a person: personal data.
  const personalData = document.classification === 'exempt' && (document.exemptParagraph === 1 || document.exemptParagraph === 2);
  const role = roleOf(member, asked.purpose);
  const facts: AccessFacts = { memberOfBody, purpose: asked.purpose, personalInterest: asked.personalInterest, personalData, otherGroupInternal, role };
  if (document.classification === 'open' || document.classification === 'exempt' || document.classification === 'confidential') facts.classification = document.classification;
  if (role === 'cabinet-member' && member.portfolio && names(document, member.portfolio)) facts.relatesToPortfolio = true;
  if (role === 'scrutiny-member' && isExecutiveDocument(document)) facts.withinCommitteeRemit = true;
  if (role === 'ward-member' && member.wardName && names(document, member.wardName)) facts.affectsWard = true;
  return facts;
}

export type BodyRecord = { id: number; name: string; kind: string };

export async function bodyRecord(q: Q, bodyId: number): Promise<BodyRecord | undefined> {
  return q.selectFrom('bodies').select(['id', 'name', 'kind']).where('id', '=', bodyId).executeTakeFirst();
}

/** Information is no paper, so it has no classification: the person who decides judges it. The body it concerns,
 * if the member named one, settles their seat on it and a scrutiny member's remit over the executive. */
export function informationFacts(member: MemberRecord, body: BodyRecord | undefined, asked: { information: string; purpose: Purpose; personalInterest: boolean; personalData: boolean }): AccessFacts {
  const role = roleOf(member, asked.purpose);
  const memberOfBody = body !== undefined && member.seats.some((s) => s.bodyId === body.id);
  const facts: AccessFacts = { memberOfBody, purpose: asked.purpose, personalInterest: asked.personalInterest, personalData: asked.personalData, otherGroupInternal: false, role };
  const words = `${asked.information} ${body?.name ?? ''}`;
  if (role === 'cabinet-member' && member.portfolio && namesIn(words, member.portfolio)) facts.relatesToPortfolio = true;
  if (role === 'scrutiny-member' && body?.kind === 'cabinet') facts.withinCommitteeRemit = true;
  if (role === 'ward-member' && member.wardName && namesIn(words, member.wardName)) facts.affectsWard = true;
  return facts;
}
