// Every table a backup holds, in the order a restore inserts them: each after the tables it refers to.
// The type makes this list name every table of the schema (see database.ts), and a test compares it with
// the tables the migrations actually create, so a new table cannot be left out of backups unnoticed.
import type { Tables } from '../../db/database.ts';

export type TableSpec = {
  /** The primary key: rows are written in this order, and read a page at a time by it. */
  key: readonly string[];
  /** Booleans are 0/1 on SQLite and true/false on PostgreSQL; a backup holds true/false. */
  booleans?: readonly string[];
  /** Bytes (files): base64 in the file, bytes in either database. */
  binaries?: readonly string[];
  /** Columns that refer to the same table: restored as null, then set once every row is in. */
  selfReferences?: readonly string[];
  /** The migration creates this table's one row; a restore updates it rather than inserting. */
  createdByMigration?: boolean;
};

export const BACKUP_TABLES = {
  council: { key: ['id'] },
  settings: { key: ['key'] },
  wards: { key: ['id'] },
  political_groups: { key: ['id'] },
  members: { key: ['id'] },
  bodies: { key: ['id'] },
  body_seats: { key: ['id'] },
  services: { key: ['id'] },
  officers: { key: ['id'], booleans: ['politically_restricted'], selfReferences: ['line_manager_id'] },
  statutory_roles: { key: ['id'] },
  statutory_acting: { key: ['id'] },
  users: { key: ['id'] },
  user_roles: { key: ['user_id', 'role'] },
  invitations: { key: ['token_hash'] },
  sessions: { key: ['id_hash'] },
  api_tokens: { key: ['id'] },
  sign_in_failures: { key: ['address_hash'] },
  imports: { key: ['id'] },
  protocol_documents: { key: ['id'] },
  protocol_clauses: { key: ['document_id', 'position'] },
  enquiries: { key: ['id'], booleans: ['purely_factual', 'confidential', 'for_meeting'] },
  enquiry_copies: { key: ['enquiry_id', 'member_id'] },
  enquiry_events: { key: ['id'] },
  enquiry_attachments: { key: ['id'], binaries: ['content'] },
  enquiry_routes: { key: ['id'] },
  enquiry_counters: { key: ['period'] },
  enquiry_email_drafts: { key: ['id'], binaries: ['content'] },
  meetings: { key: ['id'] },
  documents: { key: ['id'], booleans: ['metadata_public'] },
  document_files: { key: ['id'], binaries: ['content'], booleans: ['redacted'] },
  access_requests: { key: ['id'], booleans: ['personal_interest', 'advice_first', 'view_only', 'in_office', 'redacted_only'] },
  document_views: { key: ['id'] },
  group_secretaries: { key: ['group_id'] },
  briefings: { key: ['id'], booleans: ['non_members_present', 'party_business', 'subject_consent', 'attended'], selfReferences: ['offered_from_briefing_id'] },
  briefing_offers: { key: ['id'] },
  audit_events: { key: ['seq'] },
  audit_head: { key: ['id'], createdByMigration: true },
  outbox: { key: ['id'] },
  briefing_notices: { key: ['id'] },
  jobs: { key: ['id'] },
} as const satisfies Record<keyof Tables, TableSpec>;

export type BackupTable = keyof typeof BACKUP_TABLES;

export const BACKUP_TABLE_NAMES = Object.keys(BACKUP_TABLES) as BackupTable[];

export function specOf(table: BackupTable): TableSpec {
  return BACKUP_TABLES[table];
}

/** Tables the migrator keeps for itself: the backup records the migration's name instead. */
export const MIGRATOR_TABLES = ['kysely_migration', 'kysely_migration_lock'];
