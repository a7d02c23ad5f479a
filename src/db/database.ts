// Table types for Kysely. Timestamps are ISO-8601 UTC text and dates YYYY-MM-DD text on both engines,
// so that they compare and sort the same way everywhere; booleans read back as 0/1 on SQLite.
import type { ColumnType, Generated } from 'kysely';
import type { AccessRequestsTable, DocumentFilesTable, DocumentsTable, DocumentViewsTable, MeetingsTable } from './document-tables.ts';
import type { BriefingNoticesTable, BriefingOffersTable, BriefingsTable, GroupSecretariesTable } from './briefing-tables.ts';

export type * from './document-tables.ts';
export type * from './briefing-tables.ts';

export type SqlBool = boolean | number;

export type CouncilTable = {
  id: number;
  name: string;
  profile_id: string;
  nation: string;
  kind: string;
  area_term: Generated<string>;
  updated_at: string;
};

export type SettingsTable = { key: string; value: string };

export type WardsTable = { id: Generated<number>; external_id: string | null; name: string; created_at: string };

export type PoliticalGroupsTable = {
  id: Generated<number>;
  external_id: string | null;
  name: string;
  short_name: string;
  created_at: string;
};

export type MembersTable = {
  id: Generated<number>;
  external_id: string | null;
  full_name: string;
  email: string | null;
  phone: string | null;
  ward_id: number | null;
  group_id: number | null;
  group_role: string | null;
  term_start: string;
  term_end: string;
  cabinet_portfolio: string | null;
  created_at: string;
  updated_at: string;
};

export type BodiesTable = {
  id: Generated<number>;
  external_id: string | null;
  name: string;
  kind: string;
  remit: string | null;
  created_at: string;
};

export type BodySeatsTable = { id: Generated<number>; body_id: number; member_id: number; seat_role: Generated<string> };

export type ServicesTable = { id: Generated<number>; external_id: string | null; name: string; created_at: string };

export type OfficersTable = {
  id: Generated<number>;
  external_id: string | null;
  full_name: string;
  email: string | null;
  job_title: string;
  grade: string;
  service_id: number | null;
  line_manager_id: number | null;
  politically_restricted: Generated<SqlBool>;
  left_on: string | null;
  created_at: string;
  updated_at: string;
};

export type StatutoryRolesTable = {
  id: Generated<number>;
  officer_id: number;
  role: string;
  capacity: string;
  starts_on: string;
  ends_on: string | null;
  created_at: string;
};

export type StatutoryActingTable = {
  id: Generated<number>;
  statutory_role_id: number;
  from_date: string;
  to_date: string;
  reason: string;
  created_at: string;
};

export type UsersTable = {
  id: Generated<number>;
  email: string;
  full_name: string;
  password_hash: string | null;
  member_id: number | null;
  officer_id: number | null;
  disabled_at: string | null;
  failed_sign_ins: Generated<number>;
  locked_until: string | null;
  /** The last attempt counted toward a lock since the last sign-in: the count is forgotten a window after it. */
  last_failed_sign_in_at: string | null;
  password_changed_at: string | null;
  last_sign_in_at: string | null;
  created_at: string;
};

export type UserRolesTable = { user_id: number; role: string };

export type InvitationsTable = {
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
};

export type SessionsTable = {
  id_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
};

export type ApiTokensTable = {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  /** Null only for a token no one can use: every token is issued with an expiry. */
  expires_at: string | null;
};

/** Failed sign-ins for an address without a usable account, counted as an account's are (address_hash: SHA-256). */
export type SignInFailuresTable = {
  /** HMAC of the normalised address, keyed from the session secret: never the address or its plain hash. */
  address_hash: string;
  failed_sign_ins: Generated<number>;
  locked_until: string | null;
  last_failed_at: string;
};

export type ImportsTable = {
  id: Generated<number>;
  kind: string;
  format: string;
  file_name: string;
  sha256: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  actor: string;
  created_at: string;
};

export type ProtocolDocumentsTable = {
  id: Generated<number>;
  file_name: string;
  kind: string;
  sha256: string;
  profile_id: string;
  clause_count: number;
  versions_json: string;
  warnings_json: string;
  actor: string;
  created_at: string;
};

export type ProtocolClausesTable = {
  document_id: number;
  position: number;
  clause_id: string;
  parent: string | null;
  heading: string | null;
  text: string;
};

export type EnquiriesTable = {
  id: Generated<number>;
  reference: string;
  member_id: number;
  logged_by_user_id: number | null;
  subject: string;
  details: string;
  ward_id: number | null;
  service_id: number | null;
  work_type: string | null;
  resident_reference: string | null;
  service_request_reference: string | null;
  purely_factual: Generated<SqlBool>;
  confidential: Generated<SqlBool>;
  for_meeting: Generated<SqlBool>;
  meeting_contact_member_id: number | null;
  status: string;
  assigned_officer_id: number | null;
  routing_json: string;
  received_at: string;
  received_on: string;
  due_on: string | null;
  deadline_json: string;
  paused_on: string | null;
  acknowledged_at: string | null;
  answered_at: string | null;
  closed_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
};

export type EnquiryCopiesTable = { enquiry_id: number; member_id: number };

export type EnquiryEventsTable = {
  id: Generated<number>;
  enquiry_id: number;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  text: string | null;
  officer_id: number | null;
  new_due_on: string | null;
  actor_user_id: number | null;
  actor: string;
  at: string;
};

export type EnquiryAttachmentsTable = {
  id: Generated<number>;
  enquiry_id: number;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: string;
  created_at: string;
};

/** An uploaded email waiting to become an enquiry (see migration 0005). */
export type EnquiryEmailDraftsTable = { id: Generated<number>; user_id: number; file_name: string; content: Uint8Array; created_at: string; expires_at: string };

export type EnquiryRoutesTable = { id: Generated<number>; service_id: number; ward_id: number | null; work_type: string | null; officer_id: number; created_at: string };

export type EnquiryCountersTable = { period: string; last_number: number };


export type AuditEventsTable = {
  seq: number;
  occurred_at: string;
  actor_user_id: number | null;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
};

export type AuditHeadTable = {
  id: number;
  seq: number;
  hash: string;
  /** HMAC of a fixed text under the audit key: which key the chain is hashed with (null: not yet keyed). */
  key_fingerprint: ColumnType<string | null, string | null | undefined, string | null>;
};

/** Mail waiting to go, sent, or given up on. message_id is fixed at the first attempt and reused by every resend. */
export type OutboxTable = {
  id: Generated<number>;
  recipient: string;
  recipient_name: string | null;
  subject: string;
  body_text: string;
  kind: string;
  entity: string | null;
  entity_id: string | null;
  created_at: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  sent_at: string | null;
  failed_permanently_at: string | null;
  last_error: string | null;
  message_id: string | null;
};

/** Scheduled work. job_key is unique; locked_until/locked_by are the lease of the instance running it. */
export type JobsTable = {
  id: Generated<number>;
  kind: string;
  job_key: string;
  payload_json: string;
  run_at: string;
  locked_until: string | null;
  locked_by: string | null;
  attempts: Generated<number>;
  done_at: string | null;
  failed_at: string | null;
  last_error: string | null;
  created_at: string;
};

export type Tables = {
  council: CouncilTable;
  settings: SettingsTable;
  wards: WardsTable;
  political_groups: PoliticalGroupsTable;
  members: MembersTable;
  bodies: BodiesTable;
  body_seats: BodySeatsTable;
  services: ServicesTable;
  officers: OfficersTable;
  statutory_roles: StatutoryRolesTable;
  statutory_acting: StatutoryActingTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  sign_in_failures: SignInFailuresTable;
  imports: ImportsTable;
  protocol_documents: ProtocolDocumentsTable;
  protocol_clauses: ProtocolClausesTable;
  enquiries: EnquiriesTable;
  enquiry_copies: EnquiryCopiesTable;
  enquiry_events: EnquiryEventsTable;
  enquiry_attachments: EnquiryAttachmentsTable;
  enquiry_routes: EnquiryRoutesTable;
  enquiry_counters: EnquiryCountersTable;
  enquiry_email_drafts: EnquiryEmailDraftsTable;
  meetings: MeetingsTable;
  documents: DocumentsTable;
  document_files: DocumentFilesTable;
  briefings: BriefingsTable;
  briefing_notices: BriefingNoticesTable;
  briefing_offers: BriefingOffersTable;
  group_secretaries: GroupSecretariesTable;
  access_requests: AccessRequestsTable;
  document_views: DocumentViewsTable;
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
  outbox: OutboxTable;
  jobs: JobsTable;
};
