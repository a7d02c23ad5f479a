// Canaries: a unique string planted in each restricted part of a sample of every restricted kind of record. Each
// canary knows its record, and whether a person may read it is asked of that record kind's own access rule, so a
// sweep need only look for canaries in what a person is shown.
import { fixedClock } from '../../src/clock.ts';
import type { CurrentUser } from '../../src/web/access.ts';
import { systemActor } from '../../src/actor.ts';
import { actOnEnquiry, logEnquiry } from '../../src/features/enquiries/enquiry.service.ts';
import { findEnquiry } from '../../src/features/enquiries/enquiry.repository.ts';
import { maySee as maySeeEnquiry, standingOn as enquiryStanding } from '../../src/features/enquiries/enquiry-access.ts';
import { addDocumentFile, createDocument } from '../../src/features/documents/document.service.ts';
import { findDocument } from '../../src/features/documents/document.repository.ts';
import { documentSight, documentViewerOf } from '../../src/features/documents/document-access.ts';
import { minimalPdf } from '../../src/features/documents/minimal-pdf.ts';
import { answerBriefing, requestBriefing } from '../../src/features/briefings/briefing.service.ts';
import { findBriefing, listNotices } from '../../src/features/briefings/briefing.repository.ts';
import { groupSideOf, maySee as maySeeBriefing, standingOn as briefingStanding } from '../../src/features/briefings/briefing-access.ts';
import { offerFor } from '../../src/features/briefings/briefing-offers.service.ts';
import { findAccessRequest } from '../../src/features/access-requests/access-request.repository.ts';
import { maySeeRequest, reasonsHeldFrom } from '../../src/features/access-requests/access-request-access.ts';
import type { TestApp } from '../support/app.ts';
import type { SweepCouncil } from './council.ts';

export type RecordKind = 'enquiry' | 'document' | 'briefing' | 'offer' | 'access-request';
export type Canary = { text: string; kind: RecordKind; id: number; field: string };

/** Whether a person may read a part of a record, by the record kind's own rule. field 'record' is the record page. */
export async function mayRead(t: TestApp, today: string, user: CurrentUser | null, kind: RecordKind, id: number, field = 'record'): Promise<boolean> {
  const k = t.db.kysely;
  switch (kind) {
    case 'enquiry': {
      if (!user) return false;
      const enquiry = await findEnquiry(k, id);
      return !!enquiry && maySeeEnquiry(await enquiryStanding(k, user, enquiry, today));
    }
    case 'document': {
      const entry = await findDocument(k, id);
      if (!entry) return false;
      const sight = documentSight(await documentViewerOf(k, user, today), entry);
      if (field === 'title' || field === 'record') return sight.entry;
      if (field === 'summary') return sight.details;
      return sight.file && !sight.redactedOnly;
    }
    case 'briefing': {
      const briefing = await findBriefing(k, id);
      if (!user || !briefing) return false;
      if (field === 'report-copy') {
        // A group told of a briefing's report may ask for a copy of it.
        const side = await groupSideOf(k, user, today);
        const told = side ? (await listNotices(k, { briefingId: id })).some((n) => n.kind === 'report' && (side.groupId !== null ? n.groupId === side.groupId : n.memberId === side.memberId)) : false;
        if (told) return true;
      }
      return !!briefing && maySeeBriefing(await briefingStanding(k, user, briefing, today));
    }
    case 'offer': {
      const offer = await t.db.kysely.selectFrom('briefing_offers').select('briefing_id').where('id', '=', id).executeTakeFirst();
      if (!offer || !user) return false;
      // The group offered the session reads its own answer; those who may see the briefing read what came of it.
      if (await offerFor(t.deps, user, id).then(() => true, () => false)) return true;
      return field !== 'record' && mayRead(t, today, user, 'briefing', offer.briefing_id);
    }
    case 'access-request': {
      const request = await findAccessRequest(k, id);
      if (!request || !maySeeRequest(user, request)) return false;
      return field !== 'reasons' || !reasonsHeldFrom(user, request);
    }
  }
}

const mark = (kind: string, id: number, field: string) => `SWEEPCANARY-${kind}-${id}-${field}`;

/** Plants the canaries; some go in through the services, so that the audit trail carries them too. */
export async function plantCanaries(t: TestApp, c: SweepCouncil): Promise<Canary[]> {
  const k = t.db.kysely;
  const canaries: Canary[] = [];
  const append = async <T extends 'enquiries' | 'enquiry_events' | 'documents' | 'access_requests' | 'briefings' | 'briefing_offers'>(table: T, kind: RecordKind, recordId: number, rowId: number, column: string) => {
    const text = mark(kind, recordId, column);
    const row = (await k.selectFrom(table as 'enquiries').select(column as 'subject').where('id', '=', rowId).executeTakeFirst()) as Record<string, string | null> | undefined;
    if (!row || row[column] === null || row[column] === undefined) return;
    await k.updateTable(table as 'enquiries').set({ [column]: `${row[column]} ${text}` } as never).where('id', '=', rowId).execute();
    canaries.push({ text, kind, id: recordId, field: column });
  };
  const office: CurrentUser = { id: 0, email: 'office', fullName: 'Office', roles: ['democratic-services'], powers: [], memberId: null, memberRecordId: null, officerId: null, via: 'session' };

  // Enquiries: the former officer's, one of their team's, the demo member's and a stranger's, made confidential.
  const demoMember = c.people.find((p) => p.label === 'member')!.entitled.memberId!;
  const picks = new Set<number>();
  const first = async (where: (q: ReturnType<typeof enquiries>) => ReturnType<typeof enquiries>) => (await where(enquiries()).executeTakeFirst())?.id;
  const enquiries = () => k.selectFrom('enquiries').select('id').orderBy('id');
  for (const id of [
    await first((q) => q.where('assigned_officer_id', '=', c.formerOfficerId).where('member_id', '!=', c.formerMemberId)),
    await first((q) => q.where('assigned_officer_id', 'in', k.selectFrom('officers').select('id').where('line_manager_id', '=', c.formerOfficerId))),
    await first((q) => q.where('member_id', '=', demoMember)),
    await first((q) => q.where('member_id', '=', c.formerMemberId)),
    await first((q) => q.where('member_id', '!=', demoMember).where('assigned_officer_id', '!=', c.formerOfficerId).orderBy('id', 'desc')),
  ]) if (id !== undefined) picks.add(id);
  for (const id of picks) {
    await append('enquiries', 'enquiry', id, id, 'subject');
    await append('enquiries', 'enquiry', id, id, 'details');
    const event = await k.selectFrom('enquiry_events').select('id').where('enquiry_id', '=', id).where('text', 'is not', null).orderBy('id', 'desc').executeTakeFirst();
    if (event) await append('enquiry_events', 'enquiry', id, event.id, 'text');
    const text = mark('enquiry', id, 'attachment');
    await k.insertInto('enquiry_attachments').values({ enquiry_id: id, file_name: `${text}.txt`, content_type: 'text/plain', size: 5, sha256: '0'.repeat(64), content: new TextEncoder().encode('hello'), uploaded_by: 'sweep', created_at: t.clock.now().toISOString() }).execute();
    canaries.push({ text, kind: 'enquiry', id, field: 'attachment' });
  }
  await k.updateTable('enquiries').set({ confidential: true }).where('id', 'in', [...picks]).where((eb) => eb.not(eb.exists(eb.selectFrom('enquiry_copies').select('id').whereRef('enquiry_copies.enquiry_id', '=', 'enquiries.id')))).execute();
  // One confidential enquiry logged and answered through the service, its words in the audit trail.
  const author: CurrentUser = { ...office, roles: ['member'], memberId: demoMember, memberRecordId: demoMember };
  const logged = await logEnquiry({ ...t.deps, config: { profileId: 'model' } } as never, systemActor, author, { subject: 'Confidential: a resident’s safeguarding concern SWEEPCANARY-enquiry-logged-subject', details: 'Names and address SWEEPCANARY-enquiry-logged-details', confidential: true, memberId: demoMember });
  const answered = await actOnEnquiry({ ...t.deps, config: { profileId: 'model' } } as never, systemActor, office, logged.id, 'answer', { version: logged.version, text: 'The officer’s answer SWEEPCANARY-enquiry-logged-answer' });
  for (const field of ['subject', 'details', 'answer']) canaries.push({ text: `SWEEPCANARY-enquiry-logged-${field}`, kind: 'enquiry', id: answered.id, field });

  // Documents: every paper that is not open, in its title where the council does not list it, its summary and a
  // new version's text; and a party group's own paper made through the service.
  const closed = await k.selectFrom('documents').select(['id', 'metadata_public']).where('classification', '!=', 'open').orderBy('id').execute();
  const custodian = { userId: c.people.find((p) => p.label === 'democratic-services')!.userId, label: 'democratic services' };
  const leader = c.people.find((p) => p.label === 'group-leader')!.entitled;
  const groupId = (await k.selectFrom('members').select('group_id').where('id', '=', leader.memberId!).executeTakeFirstOrThrow()).group_id!;
  const body = (await k.selectFrom('bodies').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  const own = await createDocument(t.deps, custodian, { bodyId: body, classification: 'group-internal', groupId, authorName: 'Group office', title: `Group tactics ${mark('document', 0, 'title')}`, summary: `Whip ${mark('document', 0, 'summary')}`, reviewOn: '2027-06-01' });
  canaries.push({ text: mark('document', 0, 'title'), kind: 'document', id: own.id, field: 'title' }, { text: mark('document', 0, 'summary'), kind: 'document', id: own.id, field: 'summary' });
  for (const d of [...closed, { id: own.id, metadata_public: false }]) {
    if (d.id !== own.id) {
      if (!d.metadata_public) await append('documents', 'document', d.id, d.id, 'title');
      await append('documents', 'document', d.id, d.id, 'summary');
    }
    const text = mark('document', d.id, 'file');
    await addDocumentFile(t.deps, custodian, d.id, { fileName: 'paper.pdf', contentType: 'application/pdf', content: minimalPdf('Paper', [`Body ${text}`]) });
    canaries.push({ text, kind: 'document', id: d.id, field: 'file' });
  }

  // Briefings: what was said and noted, and why sessions were declined; one decline made through the service.
  for (const b of await k.selectFrom('briefings').select('id').orderBy('id').execute()) {
    for (const column of ['notes', 'attributed_comments', 'answer_reason', 'officer_response']) await append('briefings', 'briefing', b.id, b.id, column);
  }
  for (const o of await k.selectFrom('briefing_offers').select('id').orderBy('id').execute()) await append('briefing_offers', 'offer', o.id, o.id, 'decline_reason');
  const briefedOfficer = c.people.find((p) => p.label === 'briefed-officer')!.entitled;
  const groupSide: CurrentUser = { ...office, roles: ['member', 'group-leader'], memberId: leader.memberId, memberRecordId: leader.memberId };
  const later = { ...t.deps, config: { profileId: 'model' }, clock: fixedClock(t.clock.now().toISOString()) } as never;
  const asked = await requestBriefing(later, systemActor, groupSide, { officerId: briefedOfficer.officerId, subject: 'Budget amendments', meetsOn: '2026-12-10', attendees: 'The group’s councillors', nonMembersPresent: false, partyBusiness: false });
  const declined = await answerBriefing(later, systemActor, { ...office, roles: ['officer'], officerId: briefedOfficer.officerId }, asked.id, { version: asked.version, answer: 'decline', reason: `Diary ${mark('briefing', 0, 'decline')}` }).catch(() => asked);
  if (declined !== asked) canaries.push({ text: mark('briefing', 0, 'decline'), kind: 'briefing', id: asked.id, field: 'answer_reason' });

  // Requests for access: the member's reason, the information asked for and the decider's reasons.
  for (const r of await k.selectFrom('access_requests').select('id').orderBy('id').execute()) {
    for (const column of ['reason', 'information', 'reasons']) await append('access_requests', 'access-request', r.id, r.id, column);
  }
  return canaries;
}
