// For the backup tests: a small council with a row in every table, made the way the app makes them where it
// can (accounts, sessions, tokens and the audit events they write) and directly where the directory is concerned.
// An officer's line manager has a later id than the officer, as happens when managers are imported after staff.
import type { Db } from '../../db/create-db.ts';
import type { Clock } from '../../clock.ts';
import { createAccount, issueApiToken, setAccountDisabled, signIn } from '../accounts/accounts.service.ts';
import { insertSession } from '../accounts/sessions.repository.ts';
import { systemActor } from '../../actor.ts';
import { loadConfig } from '../../config.ts';
import { importCouncilProtocol } from '../protocol-document/protocol-document.service.ts';
import { actOnEnquiry, logEnquiry } from '../enquiries/enquiry.service.ts';
import { queueMail } from '../mail/outbox.service.ts';
import { scheduleJob } from '../../jobs/scheduler.ts';
import { insertMeeting } from '../documents/document.repository.ts';
import { addDocumentFile, createDocument } from '../documents/document.service.ts';
import { minimalPdf } from '../documents/minimal-pdf.ts';

export async function fillEveryTable(db: Db, clock: Clock): Promise<void> {
  const at = clock.now().toISOString();
  const k = db.kysely;
  await k.insertInto('council').values({ id: 1, name: 'Backup Test District Council', profile_id: 'model', nation: 'england-and-wales', kind: 'principal', area_term: 'ward', updated_at: at }).execute();
  await k.insertInto('settings').values([{ key: 'demo', value: 'no' }, { key: 'closures', value: '["2026-12-29"]' }]).execute();
  const wards = await k.insertInto('wards').values([{ external_id: 'W1', name: 'Abbey', created_at: at }, { external_id: null, name: 'Brookside', created_at: at }]).returning('id').execute();
  const group = await k.insertInto('political_groups').values({ external_id: 'G1', name: 'Riverside Independents', short_name: 'RI', created_at: at }).returning('id').executeTakeFirstOrThrow();
  const members = await k
    .insertInto('members')
    .values([
      { external_id: 'M1', full_name: 'Cllr Ann Abbott', email: 'ann.abbott@council.example', phone: null, ward_id: wards[0]!.id, group_id: group.id, group_role: 'leader', term_start: '2023-05-04', term_end: '2027-05-06', cabinet_portfolio: 'Housing', created_at: at, updated_at: at },
      { external_id: null, full_name: 'Cllr Bo Baker', email: null, phone: '01234 567890', ward_id: wards[1]!.id, group_id: null, group_role: null, term_start: '2023-05-04', term_end: '2027-05-06', cabinet_portfolio: null, created_at: at, updated_at: at },
    ])
    .returning('id')
    .execute();
  const body = await k.insertInto('bodies').values({ external_id: 'B1', name: 'Planning Committee', kind: 'regulatory', remit: 'Applications', created_at: at }).returning('id').executeTakeFirstOrThrow();
  await k.insertInto('body_seats').values([{ body_id: body.id, member_id: members[0]!.id, seat_role: 'chair' }, { body_id: body.id, member_id: members[1]!.id, seat_role: 'member' }]).execute();
  const service = await k.insertInto('services').values({ external_id: null, name: 'Legal and Democratic Services', created_at: at }).returning('id').executeTakeFirstOrThrow();
  const officer = (name: string, grade: string, restricted: boolean) => ({
    external_id: null,
    full_name: name,
    email: `${name.split(' ')[0]!.toLowerCase()}@council.example`,
    job_title: grade === 'chief-executive' ? 'Chief Executive' : 'Solicitor',
    grade,
    service_id: service.id,
    line_manager_id: null,
    politically_restricted: restricted,
    left_on: null,
    created_at: at,
    updated_at: at,
  });
  const officers = await k
    .insertInto('officers')
    .values([officer('Dee Deputy', 'senior', false), officer('Eve Evans', 'junior', false), officer('Cat Chief', 'chief-executive', true)])
    .returning('id')
    .execute();
  await k.updateTable('officers').set({ line_manager_id: officers[2]!.id }).where('id', 'in', [officers[0]!.id, officers[1]!.id]).execute();
  const roles = await k
    .insertInto('statutory_roles')
    .values([
      { officer_id: officers[2]!.id, role: 'head-of-paid-service', capacity: 'holder', starts_on: '2020-01-01', ends_on: null, created_at: at },
      { officer_id: officers[0]!.id, role: 'monitoring-officer', capacity: 'deputy', starts_on: '2020-01-01', ends_on: null, created_at: at },
    ])
    .returning('id')
    .execute();
  await k.insertInto('statutory_acting').values({ statutory_role_id: roles[1]!.id, from_date: '2026-12-01', to_date: '2026-12-31', reason: 'Leave', created_at: at }).execute();
  await k.insertInto('imports').values({ kind: 'members', format: 'csv', file_name: 'members.csv', sha256: 'f'.repeat(64), rows: 2, created: 2, updated: 0, unchanged: 0, actor: 'system', created_at: at }).execute();

  const deps = { db, clock, sessionSecret: 'a-backup-fixture-session-secret-0123456789' };
  const admin = await createAccount(deps, systemActor, { email: 'ada@council.example', fullName: 'Ada Admin', roles: ['admin', 'democratic-services'], password: 'a long enough phrase here' });
  await createAccount(deps, systemActor, { email: 'ann.abbott@council.example', fullName: 'Ann Abbott', roles: ['member', 'group-leader'], memberId: members[0]!.id });
  const officerUser = await createAccount(deps, systemActor, { email: 'dee@council.example', fullName: 'Dee Deputy', roles: ['officer'], officerId: officers[0]!.id, password: 'another long phrase here' });
  await insertSession(k, { idHash: 'a'.repeat(64), userId: admin.id, at, ip: '127.0.0.1', userAgent: 'test' });
  await issueApiToken(deps, { userId: admin.id, label: 'ada@council.example' }, admin.id, 'reporting');
  await issueApiToken(deps, { userId: officerUser.id, label: 'dee@council.example' }, officerUser.id, 'spreadsheet');
  await setAccountDisabled(deps, systemActor, officerUser.id, true);
  await signIn(deps, 'nobody@council.example', 'a guess at a password', { ip: '192.0.2.1' });
  const protocol = '1. Members and officers treat each other with respect.\n\n2. Officers must answer enquiries within ten working days.\n';
  const config = loadConfig({ DATA_DIR: '/tmp/nolan-backup-fixture' });
  await importCouncilProtocol({ ...deps, config }, systemActor, { fileName: 'protocol.txt', content: Buffer.from(protocol) });

  await k.insertInto('enquiry_routes').values({ service_id: service.id, ward_id: wards[0]!.id, work_type: null, officer_id: officers[0]!.id, created_at: at }).execute();
  const ann = { id: admin.id, email: 'ann.abbott@council.example', fullName: 'Ann Abbott', roles: ['member' as const], powers: [], memberId: members[0]!.id, memberRecordId: members[0]!.id, officerId: null, via: 'session' as const };
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  const enquiry = await logEnquiry({ ...deps, config }, systemActor, ann, { subject: 'Fly-tipping', details: 'Mattresses in the lane.', serviceId: service.id, copyTo: [members[1]!.id] }, [{ fileName: 'lane.png', contentType: 'image/png', content: png }]);
  await actOnEnquiry({ ...deps, config }, systemActor, { ...ann, roles: ['democratic-services'] }, enquiry.id, 'acknowledge', { version: enquiry.version });


  // Mail in each state a backup must keep: one sent with its Message-ID, one still waiting; and a scheduled job.
  await k.transaction().execute(async (trx) => {
    const sent = await queueMail(trx, { to: 'ann.abbott@council.example', toName: 'Cllr Ann Abbott', subject: 'Your enquiry', text: 'Received.', kind: 'enquiry.acknowledged', entity: 'enquiry', entityId: 1 }, clock.now());
    await trx.updateTable('outbox').set({ attempts: 1, sent_at: at, message_id: `<outbox-${sent}.5f3a9c0e1b@nolan.invalid>` }).where('id', '=', sent).execute();
    await queueMail(trx, { to: 'dee@council.example', subject: 'Reminder', text: 'Due soon.', kind: 'enquiry.reminder' }, clock.now());
    await scheduleJob(trx, { kind: 'enquiry.reminder', key: 'enquiry:1:reminder', runAt: new Date('2026-12-01T09:00:00Z'), payload: { enquiryId: 1 } }, clock.now());
  });
  const email = 'From: Ann Abbott <ann.abbott@council.example>\r\nSubject: Bins\r\n\r\nMissed again.\r\n';
  await k.insertInto('enquiry_email_drafts').values({ user_id: admin.id, file_name: 'bins.eml', content: Buffer.from(email), created_at: at, expires_at: '2099-01-01T00:00:00.000Z' }).execute();

  // The register: a meeting, an exempt entry whose metadata is public (a boolean), and two versions of its file.
  const meeting = await insertMeeting(k, { bodyId: body.id, title: 'Planning Committee, 3 December 2026', heldOn: '2026-12-03' }, at);
  const paper = await createDocument(deps, systemActor, { title: 'Land at Mill Lane: valuation', summary: 'The district valuer’s report.', bodyId: body.id, meetingId: meeting, authorName: 'District Valuer', classification: 'exempt', exemptParagraph: 3, publicInterestTest: 'Publishing it would prejudice the sale.', reviewOn: '2027-06-01', metadataPublic: true });
  for (const version of ['Draft', 'Final']) {
    await addDocumentFile(deps, systemActor, paper.id, { fileName: `valuation-${version.toLowerCase()}.pdf`, contentType: 'application/pdf', content: minimalPdf(`Valuation: ${version}`, ['Figures withheld.']), redacted: version === 'Final' });
  }

  // Briefings: a second group, a held briefing with its notice to the other group (sent through the outbox), the
  // identical session offered and accepted as a second briefing, and a group secretary.
  const second = await k.insertInto('political_groups').values({ external_id: null, name: 'Valley Alliance', short_name: 'VA', created_at: at }).returning('id').executeTakeFirstOrThrow();
  await k.insertInto('group_secretaries').values({ group_id: group.id, member_id: members[0]!.id, named_at: at }).execute();
  const briefing = (groupId: number, status: string, extra: Record<string, unknown> = {}) => ({
    group_id: groupId, requested_by_member_id: members[0]!.id, officer_id: officers[2]!.id, subject: 'Budget 2027/28', matter: '2027/28 budget', meets_on: '2026-12-02', attendees: 'Group members',
    non_members_present: false, non_members: null, party_business: false, profile_id: 'model', decision_json: '{}', duties_json: '[]', status, created_at: at, updated_at: at, ...extra,
  });
  const held = await k.insertInto('briefings').values(briefing(group.id, 'held', { subject_consent: true, attended: true, minutes_attended: 45, left_before_party_business: 'yes', notes: 'Figures explained.', notes_status: 'final', held_at: at })).returning('id').executeTakeFirstOrThrow();
  const copy = await k.insertInto('briefings').values(briefing(second.id, 'requested', { offered_from_briefing_id: held.id })).returning('id').executeTakeFirstOrThrow();
  const notice = await k.transaction().execute((trx) => queueMail(trx, { to: 'ann.abbott@council.example', subject: 'An officer attended a group', text: 'Told.', kind: 'briefing.attendance' }, clock.now()));
  await k.insertInto('briefing_notices').values({ briefing_id: held.id, kind: 'attendance', group_id: second.id, member_id: null, recipient_name: 'Valley Alliance', address: null, told: 'Told.', outbox_id: notice, created_at: at }).execute();
  await k.insertInto('briefing_offers').values({ briefing_id: held.id, group_id: second.id, member_id: null, status: 'accepted', offered_at: at, lapses_on: '2026-12-07', answered_at: at, answered_by: 'system', decline_reason: null, accepted_briefing_id: copy.id }).execute();

  // A member's request for it, granted with conditions (booleans set), and one logged view under the grant.
  const request = await k
    .insertInto('access_requests')
    .values({
      document_id: paper.id, member_id: members[0]!.id, requested_by_user_id: null, purpose: 'council-duties', reason: 'For the Housing portfolio.', personal_interest: false,
      facts_json: '{"memberOfBody":false}', answer_json: '{"outcome":"refer"}', decider: 'monitoring-officer', decider_basis: 'protocol', consult_json: '[]', clauses_json: '["113"]',
      status: 'granted', advice_first: true, advice: 'No conflict.', advised_by: 'Monitoring Officer', advised_at: at, reasons: 'Needed for the portfolio.', decided_by: 'Monitoring Officer', decided_at: at,
      view_only: true, in_office: true, redacted_only: true, until_on: '2027-01-31', purpose_confirmed_at: at, created_at: at, updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await k.insertInto('document_views').values({ document_id: paper.id, file_version: 2, access_request_id: request.id, user_id: null, viewer: 'Cllr Ann Abbott', kind: 'view', at }).execute();
  // A request for information that is no paper: no document, the member's words and the body it concerns.
  await k.insertInto('access_requests').values({
    document_id: null, information: 'Waste contract monitoring figures', information_body_id: body.id, member_id: members[0]!.id, requested_by_user_id: null, purpose: 'council-duties',
    reason: 'For scrutiny.', personal_interest: false, facts_json: '{"memberOfBody":false}', answer_json: '{"outcome":"needs-facts"}', decider: 'monitoring-officer', decider_basis: 'local',
    consult_json: '[]', clauses_json: '[]', status: 'awaiting-decision', created_at: at, updated_at: at,
  }).execute();
}
