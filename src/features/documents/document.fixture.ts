// For the document register's tests: a small council with two bodies and a meeting of each, two party groups,
// a member of each and one of neither, a former member, the register's custodians (democratic services, an
// admin, the Monitoring Officer, the Proper Officer), a plain officer, and one register entry of every kind —
// the confidential one carrying a canary string in its summary and its file, which no one else may ever see.
import type { Db } from '../../db/create-db.ts';
import type { Clock } from '../../clock.ts';
import type { CurrentUser, Power, Role } from '../../web/access.ts';
import { createAccount } from '../accounts/accounts.service.ts';
import { systemActor } from '../../actor.ts';
import { insertMeeting } from './document.repository.ts';
import { addDocumentFile, createDocument } from './document.service.ts';
import { minimalPdf } from './minimal-pdf.ts';

export const PASSWORD = 'minutes of the last meeting';
export const CANARY = 'CANARY-7f3a9c-never-shown';

export type DocumentCouncil = {
  bodies: { cabinet: number; planning: number };
  meetings: { cabinet: number; planning: number };
  groups: { red: number; blue: number };
  officers: { author: number; mo: number; po: number };
  users: Record<'clerk' | 'admin' | 'mo' | 'po' | 'officer' | 'red' | 'redLeader' | 'blue' | 'independent' | 'former', CurrentUser>;
  documents: { open: number; exemptPublic: number; exemptHidden: number; confidential: number; redPaper: number; bluePaper: number };
};

export async function addDocumentCouncil(deps: { db: Db; clock: Clock }): Promise<DocumentCouncil> {
  const k = deps.db.kysely;
  const at = deps.clock.now().toISOString();
  await k.insertInto('council').values({ id: 1, name: 'Millford Borough Council', profile_id: 'model', nation: 'england-and-wales', kind: 'principal', area_term: 'ward', updated_at: at }).execute();
  const ward = (await k.insertInto('wards').values({ external_id: null, name: 'Castle', created_at: at }).returning('id').executeTakeFirstOrThrow()).id;
  const group = async (name: string, shortName: string) => (await k.insertInto('political_groups').values({ external_id: null, name, short_name: shortName, created_at: at }).returning('id').executeTakeFirstOrThrow()).id;
  const red = await group('Red Party Group', 'Red');
  const blue = await group('Blue Party Group', 'Blue');
  const body = async (name: string, kind: string) => (await k.insertInto('bodies').values({ external_id: null, name, kind, remit: null, created_at: at }).returning('id').executeTakeFirstOrThrow()).id;
  const cabinet = await body('Cabinet', 'cabinet');
  const planning = await body('Planning Committee', 'regulatory');
  const service = (await k.insertInto('services').values({ external_id: null, name: 'Legal and Democratic', created_at: at }).returning('id').executeTakeFirstOrThrow()).id;
  const officer = async (name: string, jobTitle: string) =>
    (await k.insertInto('officers').values({ external_id: null, full_name: name, email: null, job_title: jobTitle, grade: 'senior', service_id: service, line_manager_id: null, politically_restricted: true, left_on: null, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()).id;
  const author = await officer('Olu Officer', 'Planning Officer');
  const mo = await officer('Mo Monitoring', 'Head of Legal');
  const po = await officer('Pat Proper', 'Democratic Services Manager');
  await k.insertInto('statutory_roles').values([
    { officer_id: mo, role: 'monitoring-officer', capacity: 'holder', starts_on: '2020-01-01', ends_on: null, created_at: at },
    { officer_id: po, role: 'proper-officer', capacity: 'holder', starts_on: '2020-01-01', ends_on: null, created_at: at },
  ]).execute();
  const member = async (name: string, groupId: number | null, termEnd = '2027-05-06') =>
    (await k.insertInto('members').values({ external_id: null, full_name: name, email: null, phone: null, ward_id: ward, group_id: groupId, group_role: null, term_start: '2023-05-04', term_end: termEnd, cabinet_portfolio: null, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()).id;

  const user = async (email: string, roles: Role[], links: { memberId?: number; officerId?: number }, powers: Power[] = []): Promise<CurrentUser> => {
    const fullName = email.split('@')[0]!;
    const { id } = await createAccount(deps, systemActor, { email, fullName, roles, password: PASSWORD, ...links });
    return { id, email, fullName, roles, powers, memberId: links.memberId ?? null, memberRecordId: links.memberId ?? null, officerId: links.officerId ?? null, via: 'session' };
  };
  const users = {
    clerk: await user('clerk@millford.gov.uk', ['democratic-services'], {}),
    admin: await user('admin@millford.gov.uk', ['admin'], {}),
    mo: await user('mo@millford.gov.uk', ['officer'], { officerId: mo }, ['monitoring-officer']),
    po: await user('po@millford.gov.uk', ['officer'], { officerId: po }, ['proper-officer']),
    officer: await user('officer@millford.gov.uk', ['officer'], { officerId: author }),
    red: await user('red@millford.gov.uk', ['member'], { memberId: await member('Cllr Rae Red', red) }),
    redLeader: await user('red.leader@millford.gov.uk', ['member', 'group-leader'], { memberId: await member('Cllr Lee Leader', red) }),
    blue: await user('blue@millford.gov.uk', ['member'], { memberId: await member('Cllr Bea Blue', blue) }),
    independent: await user('independent@millford.gov.uk', ['member'], { memberId: await member('Cllr Ida Independent', null) }),
    // Term ended: resolveCurrentUser takes the member role away, so the Red group's papers go with it.
    former: await user('former@millford.gov.uk', [], { memberId: await member('Cllr Fen Former', red, '2025-05-01') }),
  };
  const meetings = {
    cabinet: await insertMeeting(k, { bodyId: cabinet, title: 'Cabinet, 10 December 2026', heldOn: '2026-12-10' }, at),
    planning: await insertMeeting(k, { bodyId: planning, title: 'Planning Committee, 3 December 2026', heldOn: '2026-12-03' }, at),
  };
  const actor = { userId: users.clerk.id, label: users.clerk.email };
  const add = async (input: Record<string, unknown>, fileText: string) => {
    const entry = await createDocument(deps, actor, { bodyId: cabinet, meetingId: meetings.cabinet, authorOfficerId: author, reviewOn: '2027-06-01', ...input });
    await addDocumentFile(deps, actor, entry.id, { fileName: `${input.title as string}.pdf`, contentType: 'application/pdf', content: minimalPdf(String(input.title), [fileText]) });
    return entry.id;
  };
  const documents = {
    open: await add({ title: 'Budget monitoring report', summary: 'Quarter two spending against budget.', classification: 'open' }, 'Spending is on budget.'),
    exemptPublic: await add({ title: 'Sale of the depot site', summary: 'Terms offered by the preferred bidder.', classification: 'exempt', exemptParagraph: 3, publicInterestTest: 'Disclosure would weaken the council’s negotiating position.', metadataPublic: true }, 'Offer details.'),
    exemptHidden: await add({ title: 'Staffing restructure consultation', summary: 'Proposals under consultation with the unions.', classification: 'exempt', exemptParagraph: 4, publicInterestTest: 'Consultation is continuing.', metadataPublic: false }, 'Restructure details.'),
    confidential: await add({ title: 'Court order on a care placement', summary: `A court forbids disclosure. ${CANARY}`, classification: 'confidential', confidentialGround: 'court-order', metadataPublic: true }, `Order text ${CANARY}`),
    redPaper: await add({ title: 'Red group budget amendment', summary: 'The Red group’s draft amendment.', classification: 'group-internal', groupId: red, bodyId: cabinet, meetingId: undefined, authorOfficerId: undefined, authorName: 'Red group office' }, 'Red amendment.'),
    bluePaper: await add({ title: 'Blue group campaign priorities', summary: 'The Blue group’s priorities.', classification: 'group-internal', groupId: blue, meetingId: undefined, authorOfficerId: undefined, authorName: 'Blue group office' }, 'Blue priorities.'),
  };
  return { bodies: { cabinet, planning }, meetings, groups: { red, blue }, officers: { author, mo, po }, users, documents };
}
